/**
 * Merging duplicate reports, across the reports and cases capabilities in one transaction: the
 * new report's case is absorbed into the case of the report it duplicates. Every report of the
 * absorbed case moves over (with its evidence and reporter, which hang off the report); the
 * absorbed case is closed through core's `checkTransition` (`merge_into`) with a note naming the
 * surviving one; both timelines and the audit log record it. Other open proposals that now point
 * within one case are settled.
 */
import type { AppContext } from '../context.ts';
import type { RequestContext } from '../http/request-context.ts';
import { appendAudit } from '../capabilities/audit/service.ts';
import { absorbCase, assertMergeable, lockCasesForMerge } from '../capabilities/cases/merge.service.ts';
import { lockOpenProposal, moveReportsToCase, recordProposalMerged } from '../capabilities/reports/merge-proposals.service.ts';

export interface MergeOutcome {
  survivingCaseId: string;
  survivingCaseNumber: string;
  absorbedCaseId: string | null;
  absorbedCaseNumber: string | null;
  movedReportIds: string[];
}

export async function mergeReports(ctx: AppContext, rc: RequestContext, proposalId: string, note: string | undefined): Promise<MergeOutcome> {
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const proposal = await lockOpenProposal(trx, rc, proposalId);
    const cases = await lockCasesForMerge(trx, [proposal.reportCaseId, proposal.duplicateOfCaseId]);
    const surviving = cases.get(proposal.duplicateOfCaseId)!;
    // Two reports already in one case: nothing to absorb, the proposal is simply settled.
    const absorbed = proposal.reportCaseId === proposal.duplicateOfCaseId ? null : cases.get(proposal.reportCaseId)!;
    let movedReportIds: string[] = [];
    if (absorbed) {
      assertMergeable(rc, surviving, absorbed, note);
      movedReportIds = await moveReportsToCase(trx, absorbed.id, surviving.id);
      await absorbCase(trx, rc, surviving, absorbed, { note, movedReportIds, proposalId, at });
    }
    await recordProposalMerged(trx, rc, proposalId, surviving.id, at);
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'case.merged',
      entityType: 'case',
      entityId: surviving.id,
      data: { proposalId, absorbedCaseId: absorbed?.id ?? null, absorbedCaseNumber: absorbed?.number ?? null, movedReportIds, note: note ?? null },
      ...rc.meta,
      at,
    });
    return {
      survivingCaseId: surviving.id,
      survivingCaseNumber: surviving.number,
      absorbedCaseId: absorbed?.id ?? null,
      absorbedCaseNumber: absorbed?.number ?? null,
      movedReportIds,
    };
  });
}
