import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNetra } from '../../testing/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { csvOf, generatedRows, seedTestAgencies, tempFile, validRow } from '../../testing/register.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedTestAgencies(database.db);
});
afterAll(async () => database?.drop());

const netra = (...argv: string[]) => runNetra(database.db, argv);

describe('netra import asn', () => {
  it('imports a file for a region, prints the summary and writes the rejected rows beside it', async () => {
    const file = tempFile('banyuwangi.csv', csvOf([...generatedRows(30, '35.10', 30_000), validRow({ nip: '123', kode_wilayah: '' })]));
    const run = await netra('import', 'asn', file, '--region', '35.10');
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toBe('Ringkasan: 31 baris dibaca; 30 ditambahkan, 0 diperbarui, 0 tidak berubah, 1 ditolak.');
    const rejected = path.join(path.dirname(file), 'banyuwangi-ditolak.csv');
    expect(run.stdout.at(-1)).toBe(`Baris yang ditolak: ${rejected}`);
    expect(fs.readFileSync(rejected, 'utf8')).toContain('nip: NIP harus 18 digit, bukan 3.');
    // Progress reaches stderr (a line per phase when not on a terminal), with rows/s.
    expect(run.stderr.some((line) => /baris\/d/.test(line))).toBe(true);

    const again = await netra('import', 'asn', file, '--region', '35.10', '--lang', 'en');
    expect(again.stdout[0]).toBe('Summary: 31 rows read; 0 inserted, 0 updated, 30 unchanged, 1 rejected.');
  });

  it('refuses rows outside the --region', async () => {
    const run = await netra('import', 'asn', tempFile('banyuasin.csv', csvOf(generatedRows(2, '16.07', 31_000))), '--region', '35.10');
    expect(run.stdout[0]).toContain('0 ditambahkan');
    expect(run.stdout[0]).toContain('2 ditolak');
  });
});

describe('netra demo generate', () => {
  it('creates regional governments and writes a deterministic fictional register file', async () => {
    const dir = fs.mkdtempSync(path.join(path.dirname(tempFile('x', '')), 'demo-'));
    const [a, b] = [path.join(dir, 'a.csv'), path.join(dir, 'b.csv')];
    expect((await netra('demo', 'generate', '--asn', '500', '--out', a, '--seed', '9')).code).toBe(0);
    await netra('demo', 'generate', '--asn', '500', '--out', b, '--seed', '9');
    expect(fs.readFileSync(a, 'utf8')).toBe(fs.readFileSync(b, 'utf8'));
    expect(fs.readFileSync(a, 'utf8').trim().split('\n')).toHaveLength(501);
    const agencies = await database.db.selectFrom('agencies').select(['code', 'name']).where('code', 'in', ['PEMDA-35', 'PEMDA-35.10']).orderBy('code').execute();
    expect(agencies).toEqual([
      { code: 'PEMDA-35', name: 'Pemerintah Provinsi Jawa Timur' },
      { code: 'PEMDA-35.10', name: expect.stringMatching(/^Pemerintah Kabupaten Banyuwangi$/i) },
    ]);
  });

  it('imports the generated register through the importer', async () => {
    const run = await netra('demo', 'generate', '--asn', '300', '--seed', '11');
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/^Ringkasan: 300 baris dibaca; 300 ditambahkan/);
  });
});
