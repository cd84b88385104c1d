/**
 * "Jadikan temuan" for a rotation, across the rotations and reports capabilities: a flagged
 * rotation becomes a Bawaslu finding (a report with source `finding`, and its case) through the
 * reports capability's own filing, and the rotation records it. Repeating it returns the same
 * finding (idempotency key per rotation).
 */
import type { AppContext } from '../context.ts';
import type { RequestContext } from '../http/request-context.ts';
import { caseLedger } from '../capabilities/cases/ledger.ts';
import { fileReport } from '../capabilities/reports/intake.service.ts';
import { recordRotationFinding, rotationFindingDraft } from '../capabilities/rotations/service.ts';

export async function rotationToFinding(ctx: AppContext, rc: RequestContext, id: string) {
  const { rotationId, input } = await rotationFindingDraft(ctx, rc, id);
  const receipt = await fileReport(ctx, caseLedger, rc, input, [], { source: 'finding', idempotencyKey: `rotation-finding:${rotationId}` });
  await recordRotationFinding(ctx, rc, rotationId, receipt);
  return { reportId: receipt.reportId, caseId: receipt.caseId, caseNumber: receipt.caseNumber, receiptNumber: receipt.receiptNumber };
}
