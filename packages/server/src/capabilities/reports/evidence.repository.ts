/**
 * SQL for evidence files: their rows (the files themselves are in the evidence store), read by the
 * reporter (the metadata-free copy behind a signed link) and by staff in scope.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { caseVisibleTo, type Viewer } from '../../db/scope.ts';
import type { EvidenceRow } from '../evidence/evidence-files.ts';

export type { EvidenceRow };

/** The `evidence` rows of files added to a report (also written with a new report, intake.repository.ts). */
export function evidenceRowsOf(reportId: string, addedBy: string, files: readonly EvidenceRow[], at: Date) {
  return files.map((f, i) => ({
    report_id: reportId,
    original_name: f.originalName,
    mime_type: f.mimeType,
    size_bytes: f.sizeBytes,
    sha256: f.sha256,
    storage_key: f.storageKey,
    public_copy_key: f.publicCopyKey,
    added_by: addedBy,
    // A millisecond apart, so listing by time keeps the order the files were sent in.
    created_at: new Date(at.getTime() + i),
  }));
}

export async function insertEvidence(trx: Transaction<Database>, reportId: string, addedBy: string, files: EvidenceRow[], at: Date): Promise<string[]> {
  if (files.length === 0) return [];
  const rows = await trx.insertInto('evidence').values(evidenceRowsOf(reportId, addedBy, files, at)).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function evidenceOfReport(db: Db, reportId: string) {
  return db
    .selectFrom('evidence')
    .select(['id', 'original_name as originalName', 'mime_type as mimeType', 'size_bytes as sizeBytes', 'sha256', 'public_copy_key as publicCopyKey', 'storage_key as storageKey', 'added_by as addedBy', 'created_at as createdAt'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findPublicCopy(db: Db, evidenceId: string) {
  return db.selectFrom('evidence').select(['id', 'mime_type as mimeType', 'public_copy_key as publicCopyKey']).where('id', '=', evidenceId).executeTakeFirst();
}

export async function findEvidenceForStaff(db: Db, viewer: Viewer, evidenceId: string) {
  return db
    .selectFrom('evidence as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(['e.id', 'e.original_name as originalName', 'e.mime_type as mimeType', 'e.size_bytes as sizeBytes', 'e.sha256', 'e.storage_key as storageKey', 'e.public_copy_key as publicCopyKey'])
    .where('e.id', '=', evidenceId)
    .where((eb) => caseVisibleTo(eb, viewer))
    .executeTakeFirst();
}

/**
 * Evidence still waiting for its metadata-free copy (made by a job after the report committed):
 * one report's, or (the sweep) any added in the last day. Purged copies are not made again.
 */
export async function evidenceAwaitingCopy(db: Db, filter: { reportId?: string; since?: Date; limit: number }) {
  let query = db
    .selectFrom('evidence')
    .select(['id', 'mime_type as mimeType', 'original_name as originalName', 'storage_key as storageKey'])
    .where('public_copy_key', 'is', null)
    .where('copy_purged_at', 'is', null)
    .where('storage_key', 'is not', null)
    .where('mime_type', 'in', ['image/jpeg', 'image/png', 'image/webp']);
  if (filter.reportId) query = query.where('report_id', '=', filter.reportId);
  if (filter.since) query = query.where('created_at', '>=', filter.since);
  return query.orderBy('created_at').limit(filter.limit).execute();
}

export async function setPublicCopyKey(db: Db, evidenceId: string, key: string): Promise<void> {
  await db.updateTable('evidence').set({ public_copy_key: key }).where('id', '=', evidenceId).where('public_copy_key', 'is', null).where('copy_purged_at', 'is', null).execute();
}
