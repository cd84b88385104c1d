import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { createAsnImport, runAsnImport, type AsnImportRequest } from './importer.ts';
import { dropObjects, resumeForeignKeyChecks, secondaryObjects, suspendForeignKeyChecks } from './merge.repository.ts';
import { csvOf, generatedRows, seedTestAgencies, tempFile } from '../../testing/register.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedTestAgencies(t.ctx.db);
});
afterAll(async () => t?.close());

/** A national import of `rows` through the bulk path (its threshold lowered for the test). */
async function bulkImport(name: string, content: string, extra: { failAfter?: 'asn' } = {}) {
  const request: AsnImportRequest = { source: 'cli', filePath: tempFile(name, content), fileName: name, format: 'csv', actor: { userId: null, scope: { kind: 'national' } } };
  const id = await createAsnImport(t.ctx.db, request);
  return runAsnImport(t.ctx.db, id, request, { now: t.ctx.now(), bulkMinRows: 10, ...extra });
}

const constraints = async () =>
  (
    await sql<{ name: string; validated: boolean }>`SELECT conname AS name, convalidated AS validated FROM pg_constraint WHERE conrelid = 'asn'::regclass ORDER BY conname`.execute(t.ctx.db)
  ).rows;
const indexes = async () => (await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'asn' ORDER BY indexname`.execute(t.ctx.db)).rows.map((r) => r.name);

describe('bulk loads (indexes and foreign keys rebuilt, not maintained row by row)', () => {
  const rows = generatedRows(200, '35.10', 20_000);

  it('loads an empty register, restoring every constraint and index, validated', async () => {
    const before = { constraints: await constraints(), indexes: await indexes() };
    const result = await bulkImport('nasional.csv', csvOf(rows));
    expect(result).toMatchObject({ status: 'done', bulk: true, inserted: 200, updated: 0, unchanged: 0, rejected: 0, searchIndex: 'rebuilt' });
    expect(await constraints()).toEqual(before.constraints);
    expect(await indexes()).toEqual(before.indexes);
    const search = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM asn_name_search`.execute(t.ctx.db)).rows[0].n;
    expect(search).toBe(200);
  });

  it('updates and inserts through the bulk path too, and rolls back its DDL on failure', async () => {
    const changed = [{ ...rows[0], jabatan: 'Kepala Seksi' }, ...rows.slice(1), ...generatedRows(250, '35.10', 21_000)];
    const before = { constraints: await constraints(), indexes: await indexes() };
    const failed = await bulkImport('gagal.csv', csvOf(changed), { failAfter: 'asn' });
    expect(failed.status).toBe('failed');
    expect(await constraints()).toEqual(before.constraints);
    expect(await indexes()).toEqual(before.indexes);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM asn`.execute(t.ctx.db)).rows[0].n).toBe(200);

    const result = await bulkImport('ubah.csv', csvOf(changed));
    expect(result).toMatchObject({ status: 'done', bulk: true, inserted: 250, updated: 1, unchanged: 199 });
    const history = await t.ctx.db.selectFrom('asn_positions').select('position_title').execute();
    expect(history).toEqual([{ position_title: rows[0].jabatan }]);
    expect(await constraints()).toEqual(before.constraints);
    // A duplicate NIP can no more be inserted after the rebuild than before.
    await expect(sql`INSERT INTO asn (nip, kind, name, gender, birth_date, position_title, position_type, agency_id, region_code) SELECT nip, kind, name, gender, birth_date, position_title, position_type, agency_id, region_code FROM asn LIMIT 1`.execute(t.ctx.db)).rejects.toThrow(/asn_nip_key/);
  });
});

describe('what a bulk load locks', () => {
  /** A read from another connection that gives up after a second instead of waiting. */
  const readsWithoutWaiting = (table: string) =>
    t.ctx.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL lock_timeout = '1s'`.execute(trx);
      return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(trx)).rows[0].n;
    });

  it('leaves regions, agencies, units, reports and cases readable while the register is being loaded', async () => {
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        await dropObjects(trx, await secondaryObjects(trx));
        expect(await suspendForeignKeyChecks(trx)).toBe(true);
        for (const table of ['regions', 'agencies', 'units', 'reports', 'cases', 'candidate_pairs']) {
          await expect(readsWithoutWaiting(table), table).resolves.toBeGreaterThanOrEqual(0);
        }
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
  });

  it('fails the load when a written row refers to an agency that does not exist', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        expect(await suspendForeignKeyChecks(trx)).toBe(true);
        await sql`INSERT INTO asn (nip, kind, name, gender, birth_date, position_title, position_type, agency_id, region_code)
          VALUES ('198001012005011001', 'pns', 'Nama Fiktif', 'male', '1980-01-01', 'Pengelola Data', 'executor', 999999, '35.10')`.execute(trx);
        await resumeForeignKeyChecks(trx, 'written');
      }),
    ).rejects.toThrow(/1 register rows refer to an agency, unit or region that does not exist/);
    // Nothing of it stayed, and the triggers are on again (the transaction rolled back).
    const triggers = await sql<{ enabled: boolean }>`SELECT bool_and(tgenabled <> 'D') AS enabled FROM pg_trigger WHERE tgrelid = 'asn'::regclass`.execute(t.ctx.db);
    expect(triggers.rows[0].enabled).toBe(true);
  });
});
