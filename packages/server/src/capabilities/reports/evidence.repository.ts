/**
 * SQL for evidence files: their rows (the files themselves are in the evidence store), read by the
 * reporter (the metadata-free copy behind a signed link) and by staff in scope.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { caseVisibleTo, type Viewer } from '../../db/scope.ts';

export interface EvidenceRow {
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  publicCopyKey: string | null;
}

export async function insertEvidence(trx: Transaction<Database>, reportId: string, addedBy: string, files: EvidenceRow[], at: Date): Promise<string[]> {
  if (files.length === 0) return [];
  const rows = await trx
    .insertInto('evidence')
    .values(
      files.map((f, i) => ({
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
      })),
    )
    .returning('id')
    .execute();
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
