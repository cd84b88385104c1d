/**
 * Evidence as other capabilities add it to a report (the reporter's thread): files received and
 * stored by the evidence capability (type sniffed from the bytes, SHA-256, durable before the
 * commit, a metadata-free copy for anyone outside the case) are recorded on a report in the
 * caller's transaction.
 */
import type { AppContext } from '../../context.ts';
import type { Db, Trx } from '../../db/database.ts';
import { ACCEPTED_TYPES } from '../evidence/evidence.ts';
import { evidenceOfReport, insertEvidence, type EvidenceRow } from './evidence.repository.ts';
import { signEvidenceLink } from './secrets.ts';

export type { EvidenceRow } from './evidence.repository.ts';

/** Record stored files as evidence of a report; returns their ids in order. */
export function attachEvidence(trx: Trx, reportId: string, addedBy: string, files: EvidenceRow[], at: Date): Promise<string[]> {
  return insertEvidence(trx, reportId, addedBy, files, at);
}

/** A report's evidence as a label, size and links: the reporter's metadata-free thumbnail, the staff download. */
export async function evidenceLabels(ctx: AppContext, db: Db, reportId: string, apiPrefix: string) {
  const rows = await evidenceOfReport(db, reportId);
  return new Map(
    rows.map((e) => [
      e.id,
      {
        id: e.id,
        kind: ACCEPTED_TYPES[e.mimeType]?.label ?? e.mimeType,
        sizeBytes: e.sizeBytes,
        publicUrl: e.publicCopyKey ? `${apiPrefix}/reports/track/evidence/${e.id}?token=${signEvidenceLink(ctx, e.id)}` : null,
        staffUrl: `${apiPrefix}/evidence/${e.id}`,
      },
    ]),
  );
}
