/**
 * "Jadikan temuan" for a weak report, across the reports and cases capabilities: a report that
 * fails the formal requirements (an anonymous reporter, or past the reporting window) cannot be
 * reviewed as a report, but Bawaslu may take it as the initial information of its own finding
 * (temuan). The finding is filed through the reports capability's own filing (source `finding`,
 * recorded by the officer, so four eyes apply to classifying and forwarding it), and both cases
 * record the link: the report stays, as the finding's source. Repeating it returns the same
 * finding (idempotency key per report).
 */
import type { AppContext } from '../context.ts';
import type { RequestContext } from '../http/request-context.ts';
import { caseLedger } from '../capabilities/cases/ledger.ts';
import { fileReport } from '../capabilities/reports/intake.service.ts';
import { recordReportFinding, reportFindingDraft } from '../capabilities/reports/staff.service.ts';

export async function reportToFinding(ctx: AppContext, rc: RequestContext, reportId: string, note: string) {
  const draft = await reportFindingDraft(ctx, rc, reportId, note);
  const receipt = await fileReport(ctx, caseLedger, rc, draft.input, [], { source: 'finding', idempotencyKey: `report-finding:${reportId}` });
  const finding = { reportId: receipt.reportId, caseId: receipt.caseId, caseNumber: receipt.caseNumber, receiptNumber: receipt.receiptNumber };
  if (!receipt.replayed) await recordReportFinding(ctx, caseLedger, rc, draft.report, finding, note.trim(), draft.weaknesses);
  return { ...finding, source: draft.report, weaknesses: draft.weaknesses };
}
