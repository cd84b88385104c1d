/**
 * Confirming a screened post, across the screening and reports capabilities: the post becomes a
 * Bawaslu finding (report source `screening`, and its case) filed through the reports capability's
 * own filing, with the post's text rendering as evidence, and the post records the report.
 * Retrying returns the same report (idempotency key per post).
 */
import type { AppContext } from '../context.ts';
import type { RequestContext } from '../http/request-context.ts';
import { discardIncoming } from '../storage/evidence-store.ts';
import { caseLedger } from '../capabilities/cases/ledger.ts';
import { fileReport, type Receipt } from '../capabilities/reports/intake.service.ts';
import { postDetail, postFindingDraft, recordPostConfirmed } from '../capabilities/screening/service.ts';

export async function screenedPostToFinding(ctx: AppContext, rc: RequestContext, id: string, body: { note?: string; actCodes?: string[] }) {
  const draft = await postFindingDraft(ctx, rc, id, body);
  let receipt: Receipt;
  try {
    receipt = await fileReport(ctx, caseLedger, rc, draft.input, [draft.upload], { source: 'screening', idempotencyKey: `screening-post:${id}` });
  } finally {
    // Moved into the store when the report was filed; otherwise left behind by a refusal.
    await discardIncoming(draft.upload);
  }
  await recordPostConfirmed(ctx, rc, id, draft, receipt);
  return {
    post: await postDetail(ctx, rc, id),
    report: { id: receipt.reportId, receiptNumber: receipt.receiptNumber, caseId: receipt.caseId, caseNumber: receipt.caseNumber },
  };
}
