/**
 * bench/agencies (issue 14) — merging a duplicate agency with a large register into another, as the
 * agencies console does (`mergeAgencyRows`: twin units merged, civil servants, position history,
 * cases and agency scopes re-pointed, the agency removed), beside the least any merge must do: one
 * `UPDATE asn SET agency_id` over the same rows. Each round builds the same agency afresh, runs
 * the baseline and the merge each in a transaction that is rolled back, alternating which goes first.
 *
 *   npx tsx bench/agencies/merge.bench.ts [--asn 50000] [--rounds 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { bootDatabase } from '../../packages/server/src/boot.ts';
import { embeddedConfig } from '../lib/database.ts';
import { mergeAgencyRows } from '../../packages/server/src/capabilities/register/agencies.repository.ts';

const { values } = parseArgs({ options: { asn: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '5' } } });
const [count, rounds] = [Number(values.asn), Number(values.rounds)];
const say = (line: string) => console.error(`[merge-bench] ${line}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-bench-merge-'));
fs.chmodSync(dir, 0o755);
const booted = await bootDatabase(await embeddedConfig(dir), say);
const db = booted.ctx.db;

/** Two agencies of Banyuwangi: `from` with `count` civil servants in 10 units (5 with a twin in `into`), a position each. */
async function build(round: number) {
  const [from, into] = await Promise.all(
    ['GANDA', 'TUJUAN'].map(async (kind) => (await db.insertInto('agencies').values({ code: `BENCH-${kind}-${round}`, name: `Instansi ${kind} ${round}`, region_code: '35.10' }).returning('id').executeTakeFirstOrThrow()).id),
  );
  await sql`INSERT INTO units (agency_id, name) SELECT ${from}::int, 'Bidang ' || g FROM generate_series(1, 10) g`.execute(db);
  await sql`INSERT INTO units (agency_id, name) SELECT ${into}::int, 'Bidang ' || g FROM generate_series(1, 5) g`.execute(db);
  // Fictional NIPs: 18 digits, unique per round (not checked by the database).
  await sql`
    INSERT INTO asn (nip, kind, name, gender, birth_date, position_title, position_type, grade, agency_id, unit_id, region_code)
    SELECT lpad((${round}::bigint * 10000000 + g)::text, 18, '9'), 'pns', 'Pegawai Fiktif ' || g, 'female', date '1980-01-01',
           'Guru Ahli Muda', 'functional', 'III/c', ${from}::int,
           (SELECT id FROM units WHERE agency_id = ${from}::int ORDER BY id OFFSET (g % 10) LIMIT 1), '35.10'
    FROM generate_series(1, ${count}::int) g`.execute(db);
  await sql`
    INSERT INTO asn_positions (asn_id, position_title, position_type, grade, agency_id, unit_id, region_code, started_on, ended_on)
    SELECT id, 'Guru Ahli Pertama', 'functional', 'III/a', agency_id, unit_id, region_code, date '2015-01-01', date '2019-12-31' FROM asn WHERE agency_id = ${from}::int`.execute(db);
  await sql`ANALYZE asn, asn_positions, units`.execute(db);
  return { from, into };
}

class Rollback extends Error {}
async function timed(work: (trx: typeof db) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  let ms = 0;
  try {
    await db.transaction().execute(async (trx) => {
      await work(trx as unknown as typeof db);
      ms = performance.now() - t0;
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return ms;
}

try {
  const merge: number[] = [];
  const baseline: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const { from, into } = await build(round);
    const runBaseline = () => timed((trx) => sql`UPDATE asn SET agency_id = ${into}::int WHERE agency_id = ${from}::int`.execute(trx));
    const runMerge = () => timed(async (trx) => {
      const moved = await mergeAgencyRows(trx as never, from, into);
      if (moved.asn !== count || moved.unitsMerged !== 5) throw new Error(`merge moved ${JSON.stringify(moved)}`);
    });
    if (round % 2) {
      baseline.push(await runBaseline());
      merge.push(await runMerge());
    } else {
      merge.push(await runMerge());
      baseline.push(await runBaseline());
    }
    say(`round ${round}/${rounds}: merge ${merge.at(-1)!.toFixed(0)} ms, baseline ${baseline.at(-1)!.toFixed(0)} ms`);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    [
      `| operation (${count.toLocaleString('en')} civil servants) | ms (median of ${rounds}) |`,
      '|---|---|',
      `| merge (units, register, positions, cases, scopes, delete) | ${mid(merge).toFixed(0)} |`,
      `| baseline: one UPDATE asn SET agency_id | ${mid(baseline).toFixed(0)} |`,
      '',
      `Ratio merge / baseline: ${(mid(merge) / mid(baseline)).toFixed(2)}. ${os.cpus().length} CPU(s), load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}.`,
    ].join('\n'),
  );
} finally {
  await booted.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
}
