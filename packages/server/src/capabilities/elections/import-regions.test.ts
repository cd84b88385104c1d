import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../http/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { importParticipatingRegions, type RegionImportReport } from './import-regions.ts';
import { participatingRegions } from '../election-catalog/service.ts';

let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'netra-import-regions-'));
});
afterAll(async () => {
  await database.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

let fileCount = 0;
/** Writes the bytes to a temporary .csv file and reads it back as the CLI does. */
async function csvFile(content: string): Promise<string> {
  const file = path.join(dir, `regions-${++fileCount}.csv`);
  await fs.writeFile(file, content, 'utf8');
  return fs.readFile(file, 'utf8');
}

async function importCsv(electionId: string, content: string, dryRun = false): Promise<RegionImportReport> {
  return importParticipatingRegions(database.db, electionId, await csvFile(content), { dryRun });
}

async function participating(electionId: string): Promise<Map<string, string>> {
  return new Map((await participatingRegions({ db: database.db }, electionId)).map((r) => [r.code, r.source]));
}

/** How a report reads row by row: line, value, status and the problem code for rejections. */
function summary(report: RegionImportReport) {
  return report.rows.map((row) => [row.line, row.value, row.status === 'rejected' ? row.problem : row.status]);
}

async function importError(electionId: string, content: string): Promise<ApiError> {
  const error = await importCsv(electionId, content).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('importParticipatingRegions', () => {
  it('accepts new regions, and reports every duplicate, rejected and blank line with its line number', async () => {
    const before = await participating('pilkada-2020');
    expect(before.size).toBe(270); // Pilkada 2020 ships complete; Aceh (11) is not among them
    const report = await importCsv(
      'pilkada-2020',
      [
        'kode_wilayah,nama',
        '11.01,Kabupaten Aceh Selatan', // 2: new regency
        '99.99,Tidak ada', // 3: unknown code
        '35.10.01,Kecamatan Pesanggaran', // 4: a district
        '', // 5: blank line
        '11.01,Aceh Selatan lagi', // 6: repeated in the file
        '35.10,Kabupaten Banyuwangi', // 7: already takes part
        '11,Aceh', // 8: new province
        ',tanpa kode', // 9: no code
        '35.1,Banyuwangi lewat Excel', // 10: 35.10 turned into a number
        '11.71,Kota Banda Aceh', // 11: new city, last line without a newline
      ].join('\n'),
    );

    expect(summary(report)).toEqual([
      [2, '11.01', 'accepted'],
      [3, '99.99', 'unknown_region'],
      [4, '35.10.01', 'not_an_election_level'],
      [6, '11.01', 'duplicate'],
      [7, '35.10', 'duplicate'],
      [8, '11', 'accepted'],
      [9, '', 'missing_code'],
      [10, '35.1', 'malformed_code'],
      [11, '11.71', 'accepted'],
    ]);
    expect(report.blankLines).toEqual([5]);
    // Every line after the header is accounted for.
    expect(report.rows.length + report.blankLines.length).toBe(10);
    expect(report.inserted).toBe(3);
    expect(report.dryRun).toBe(false);

    const byLine = new Map(report.rows.map((row) => [row.line, row]));
    expect(byLine.get(2)).toMatchObject({ region: { code: '11.01', name: 'Kabupaten Aceh Selatan', level: 'regency' } });
    expect(byLine.get(4)).toMatchObject({ reason: { en: expect.stringContaining('Use 35.10') } });
    expect(byLine.get(6)).toMatchObject({ reason: { id: 'Sama dengan baris 2.', en: 'Same as line 2.' } });
    expect(byLine.get(7)).toMatchObject({ reason: { en: 'Kabupaten Banyuwangi already takes part in this election.' } });
    expect(byLine.get(10)).toMatchObject({ reason: { en: expect.stringContaining('Did you mean 35.10?') } });

    const after = await participating('pilkada-2020');
    expect(after.size).toBe(273);
    expect(['11', '11.01', '11.71'].map((code) => after.get(code))).toEqual(['import', 'import', 'import']);
    // Nothing else moved: the rule-based regions keep their source.
    expect(after.get('35.10')).toBe('rule');
  });

  it('finds nothing new when the same list is imported again', async () => {
    const report = await importCsv('pilkada-2020', 'kode_wilayah\n11.01\n11\n');
    expect(summary(report)).toEqual([
      [2, '11.01', 'duplicate'],
      [3, '11', 'duplicate'],
    ]);
    expect(report.inserted).toBe(0);
  });

  it('reads what spreadsheets write: byte-order mark, CRLF, semicolons, quotes and a "code" header', async () => {
    const report = await importCsv(
      'pilkada-2020',
      // Ends with a blank line and an empty quoted cell without a newline: both still reported.
      '\uFEFFNama;Code\r\n"Kabupaten Tapanuli Tengah; Sumatera Utara";12.01\r\n"Kota ""Sabang""";"11.72"\r\n\r\n""',
    );
    expect(summary(report)).toEqual([
      [2, '12.01', 'accepted'],
      [3, '11.72', 'accepted'],
    ]);
    expect(report.blankLines).toEqual([4, 5]);
    expect(report.inserted).toBe(2);
  });

  it('keeps line numbers right when a quoted cell spans lines', async () => {
    const report = await importCsv('pilkada-2020', 'catatan,kode_wilayah\n"dua\nbaris",11.03\n,99.98\n');
    expect(summary(report)).toEqual([
      [2, '11.03', 'accepted'],
      [4, '99.98', 'unknown_region'],
    ]);
  });

  it('points a code without dots to the region it probably means, and only when that region exists', async () => {
    const report = await importCsv('pilkada-2020', 'kode_wilayah\n1401\n9999\nBanyuwangi\n');
    expect(summary(report)).toEqual([
      [2, '1401', 'malformed_code'],
      [3, '9999', 'malformed_code'],
      [4, 'Banyuwangi', 'malformed_code'],
    ]);
    const [withHint, withoutHint] = report.rows as Array<{ reason: { en: string } }>;
    expect(withHint.reason.en).toContain('Did you mean 14.01?');
    expect(withoutHint.reason.en).not.toContain('Did you mean');
  });

  it('rejects a village code like a district, pointing to its regency', async () => {
    const report = await importCsv('pilkada-2020', 'kode_wilayah\n35.10.01.2001\n');
    expect(report.rows[0]).toMatchObject({ status: 'rejected', problem: 'not_an_election_level', reason: { en: expect.stringContaining('Use 35.10') } });
  });

  it('saves nothing on a dry run, while reporting the same', async () => {
    const report = await importCsv('pilkada-2020', 'kode_wilayah\n15.01\n', true);
    expect(summary(report)).toEqual([[2, '15.01', 'accepted']]);
    expect(report).toMatchObject({ inserted: 0, dryRun: true });
    expect((await participating('pilkada-2020')).has('15.01')).toBe(false);
  });

  it('refuses a file without a region-code column, naming the columns it found', async () => {
    const error = await importError('pilkada-2020', 'nama,provinsi\nBanyuwangi,Jawa Timur\n');
    expect(error.code).toBe('invalid_file');
    expect(error.messages.en).toBe('The header row has no kode_wilayah (or code) column. Columns found: nama, provinsi.');
    expect(error.messages.id).toContain('Tidak ada kolom kode_wilayah');
  });

  it('refuses a file with two region-code columns rather than guessing', async () => {
    const error = await importError('pilkada-2020', 'kode_wilayah,code\n35.10,35.16\n');
    expect(error.messages.en).toContain('appears 2 times');
  });

  it('refuses an empty file and an unclosed quote', async () => {
    expect((await importError('pilkada-2020', '\n\n')).messages.en).toBe('The file is empty.');
    expect((await importError('pilkada-2020', 'kode_wilayah\n35.10\n"35.16\n')).messages.en).toBe('The quote opened on line 3 is never closed.');
  });

  it('refuses an unknown election before reading any row', async () => {
    const error = await importError('pilkada-2099', 'kode_wilayah\n35.10\n');
    expect(error.statusCode).toBe(404);
    expect(error.messages.en).toBe('Election pilkada-2099 not found.');
  });
});
