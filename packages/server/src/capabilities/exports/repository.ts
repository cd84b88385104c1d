/**
 * Export jobs and the rows they stream. A job row is the export's whole state (queued → running
 * → done/failed → expired), so any server can report its progress and serve its file from the
 * shared data directory.
 */
import { CompiledQuery, sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ExportJobTable } from '../../db/schema.ts';

export type ExportJob = Selectable<ExportJobTable>;
/** A list's SQL, as the source that streams it gives it. */
export type { CompiledQuery };

/** A running job whose heartbeat is older than this was interrupted (its server stopped). */
export const STALE_RUN_MS = 2 * 60 * 1000;

export async function insertJob(db: Db, job: Omit<ExportJob, 'id' | 'status' | 'rows_written' | 'file_name' | 'size_bytes' | 'error' | 'created_at' | 'started_at' | 'heartbeat_at' | 'finished_at'>) {
  return db
    .insertInto('export_jobs')
    .values({ ...job, scope: JSON.stringify(job.scope), filter: JSON.stringify(job.filter) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findJob(db: Db, id: string) {
  return db.selectFrom('export_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Take a job to run: a queued one, or a running one whose server stopped. Null if not ours to run. */
export async function claimJob(db: Db, id: string, now: Date) {
  return db
    .updateTable('export_jobs')
    .set({ status: 'running', started_at: now, heartbeat_at: now, rows_written: 0 })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', new Date(now.getTime() - STALE_RUN_MS))])]))
    .returningAll()
    .executeTakeFirst();
}

export async function reportProgress(db: Db, id: string, rowsWritten: number, rowsTotal?: number) {
  await db
    .updateTable('export_jobs')
    .set({ rows_written: rowsWritten, heartbeat_at: new Date(), ...(rowsTotal === undefined ? {} : { rows_total: rowsTotal }) })
    .where('id', '=', id)
    .execute();
}

export async function finishJob(db: Db, id: string, result: { fileName: string; sizeBytes: number; rows: number }) {
  await db
    .updateTable('export_jobs')
    .set({ status: 'done', file_name: result.fileName, size_bytes: result.sizeBytes, rows_written: result.rows, rows_total: result.rows, finished_at: new Date(), heartbeat_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function failJob(db: Db, id: string, error: string) {
  await db.updateTable('export_jobs').set({ status: 'failed', error, finished_at: new Date() }).where('id', '=', id).execute();
}

export async function recentJobs(db: Db, userId: string, limit = 20) {
  return db.selectFrom('export_jobs').selectAll().where('created_by', '=', userId).orderBy('created_at', 'desc').limit(limit).execute();
}

/** Jobs past their expiry whose files are to be deleted. */
export async function expiredJobs(db: Db, now: Date) {
  return db.selectFrom('export_jobs').select(['id', 'format']).where('status', '<>', 'expired').where('expires_at', '<', now).execute();
}

export async function markExpired(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db.updateTable('export_jobs').set({ status: 'expired' }).where('id', 'in', ids).execute();
}

/** Rows of a list query, counted and then read through a cursor in one consistent snapshot. */
export async function streamQuery(
  db: Db,
  query: CompiledQuery,
  onTotal: (total: number) => Promise<void>,
  onRows: (rows: Array<Record<string, unknown>>) => Promise<void>,
  batchSize = 2_000,
): Promise<number> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const counted = await trx.executeQuery<{ total: number }>(CompiledQuery.raw(`SELECT count(*)::int AS total FROM (${query.sql}) AS q`, [...query.parameters]));
      await onTotal(counted.rows[0].total);
      await trx.executeQuery(CompiledQuery.raw(`DECLARE export_rows NO SCROLL CURSOR FOR ${query.sql}`, [...query.parameters]));
      let written = 0;
      for (;;) {
        const { rows } = await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`FETCH ${batchSize} FROM export_rows`));
        if (rows.length === 0) break;
        await onRows(rows);
        written += rows.length;
      }
      await sql`CLOSE export_rows`.execute(trx);
      return written;
    });
}

/** How many rows a list query returns (to choose between a direct file and a job). */
export async function countQuery(db: Db, query: CompiledQuery): Promise<number> {
  const { rows } = await db.executeQuery<{ total: number }>(CompiledQuery.raw(`SELECT count(*)::int AS total FROM (${query.sql}) AS q`, [...query.parameters]));
  return rows[0].total;
}
