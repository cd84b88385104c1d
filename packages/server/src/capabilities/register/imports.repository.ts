/**
 * The `asn_imports` bookkeeping of an import (its row, progress, header, outcome), the reference
 * data its workers validate against, and the register's lock. Progress and failure are written
 * from the pool, outside the import's transaction, so the console sees them while it runs.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { REGISTER_LOCK_KEY } from './merge.repository.ts';

export async function insertImport(
  db: Db,
  row: {
    source: 'web' | 'cli' | 'demo';
    fileName: string;
    fileFormat: 'csv' | 'xlsx';
    fileBytes: number;
    defaultRegionCode: string | null;
    scopeRegionCode: string | null;
    scopeAgencyIds: number[] | null;
    createdBy: string | null;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('asn_imports')
    .values({
      source: row.source,
      file_name: row.fileName,
      file_format: row.fileFormat,
      file_bytes: row.fileBytes,
      default_region_code: row.defaultRegionCode,
      scope_region_code: row.scopeRegionCode,
      scope_agency_ids: row.scopeAgencyIds,
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Every agency (code, region, id) and every regency code: what a row is checked against. */
export async function importReferenceData(db: Db) {
  const agencies = await db.selectFrom('agencies').select(['id', 'code', 'region_code']).execute();
  const regencies = await db.selectFrom('regions').select('code').where('level', '=', 'regency').execute();
  return { agencies, regencyCodes: regencies.map((r) => r.code) };
}

/** Progress of a running import (a finished or failed one is left alone). */
export async function writeImportProgress(db: Db, importId: string, progress: { merging: boolean; bytesRead: number; rows: number }): Promise<void> {
  await db
    .updateTable('asn_imports')
    .set({ status: progress.merging ? 'merging' : 'reading', bytes_read: progress.bytesRead, rows_read: progress.rows, heartbeat_at: new Date() })
    .where('id', '=', importId)
    .where('status', 'in', ['queued', 'reading', 'merging'])
    .execute();
}

/** The file's header as read, for the rejected-rows file. */
export async function writeImportHeader(db: Db, importId: string, header: { header: string[]; delimiter: string | null }): Promise<void> {
  await db.updateTable('asn_imports').set({ header: JSON.stringify(header.header), delimiter: header.delimiter }).where('id', '=', importId).execute();
}

/**
 * Take the register's lock for the import's transaction (one import at a time) and return the
 * transaction's start time: rows touched since then are the ones the name index must catch up on.
 */
export async function lockRegister(trx: Transaction<Database>): Promise<Date> {
  await sql`SELECT pg_advisory_xact_lock(${REGISTER_LOCK_KEY})`.execute(trx);
  return (await sql<{ now: Date }>`SELECT now() AS now`.execute(trx)).rows[0].now;
}

export async function finishImport(
  trx: Transaction<Database>,
  importId: string,
  outcome: { rows: number; bytes: number; inserted: number; updated: number; unchanged: number; rejected: number; searchIndexed: boolean },
): Promise<void> {
  await trx
    .updateTable('asn_imports')
    .set({
      status: 'done',
      rows_read: outcome.rows,
      bytes_read: outcome.bytes,
      inserted: outcome.inserted,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      rejected: outcome.rejected,
      finished_at: new Date(),
      heartbeat_at: new Date(),
      search_indexed_at: outcome.searchIndexed ? new Date() : null,
    })
    .where('id', '=', importId)
    .execute();
}

export async function markSearchIndexed(db: Db, importId: string): Promise<void> {
  await db.updateTable('asn_imports').set({ search_indexed_at: new Date() }).where('id', '=', importId).execute();
}

export async function failImport(db: Db, importId: string, failure: object, rows: number): Promise<void> {
  await db
    .updateTable('asn_imports')
    .set({ status: 'failed', error: JSON.stringify(failure), finished_at: new Date(), rows_read: rows })
    .where('id', '=', importId)
    .execute();
}
