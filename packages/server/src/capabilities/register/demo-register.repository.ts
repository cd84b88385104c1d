/**
 * National-scale fictional register data: an agency for every regency/city and province (real
 * bodies, named after their region), and generated civil servants (fictional people) streamed
 * to a CSV file in the import format, for `netra demo generate` and the import benchmark.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { ASN_CSV_HEADER, asnRowToCsvLine, createRng, generateAsnRows, type GeneratorRegion } from '@netra/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** The regional government of each region, as the demo seed names it (`PEMDA-35.10`). */
export const regionalGovernmentCode = (regionCode: string) => `PEMDA-${regionCode}`;

/** Creates the missing regional-government agencies; returns the generator's regions. */
export async function ensureRegionalGovernments(db: Db): Promise<GeneratorRegion[]> {
  await sql`
    INSERT INTO agencies (code, name, region_code)
    SELECT 'PEMDA-' || code, CASE WHEN level = 'province' THEN 'Pemerintah Provinsi ' ELSE 'Pemerintah ' END || name, code
    FROM regions WHERE level IN ('province', 'regency')
    ON CONFLICT (code) DO NOTHING`.execute(db);
  const agencies = await db
    .selectFrom('agencies as ag')
    .innerJoin('regions as r', 'r.code', 'ag.region_code')
    .select(['ag.code', 'ag.name', 'r.code as regionCode', 'r.level'])
    .where('ag.code', 'like', 'PEMDA-%')
    .where('r.level', 'in', ['province', 'regency'])
    .orderBy('r.code')
    .execute();
  const provinces = new Map(agencies.filter((a) => a.level === 'province').map((a) => [a.regionCode, a]));
  // A regency's civil servants work for the regency's government or, fewer, for the province's.
  return agencies
    .filter((a) => a.level === 'regency')
    .map((a) => {
      const province = provinces.get(a.regionCode.slice(0, 2));
      return { code: a.regionCode, agencies: [a, ...(province ? [province] : [])].map((x) => ({ code: x.code, name: x.name })) };
    });
}

/** Streams `count` generated rows to `file` in constant memory; deterministic for a seed. */
export async function writeGeneratedRegister(
  file: string,
  options: { count: number; regions: readonly GeneratorRegion[]; today: string; seed?: number; onProgress?: (rows: number) => void },
): Promise<void> {
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  let batch = `${ASN_CSV_HEADER}\n`;
  let written = 0;
  for (const row of generateAsnRows(createRng(options.seed ?? 2024), options)) {
    batch += `${asnRowToCsvLine(row)}\n`;
    written += 1;
    if (batch.length >= 1 << 20) {
      if (!out.write(batch)) await Promise.race([once(out, 'drain'), failed]);
      batch = '';
      options.onProgress?.(written);
    }
  }
  out.end(batch);
  await Promise.race([once(out, 'finish'), failed]);
  options.onProgress?.(written);
}
