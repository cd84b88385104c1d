/**
 * Duplicates: proposing that a new report tells the same story as an earlier one, the proposals
 * for staff, dismissing one, and the reports' side of merging (the merge itself, which also closes
 * a case, is commands/merge-reports.ts).
 */
import { duplicateCandidates, normalisePersonName, type Localised } from '@netra/core';
import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import * as repo from './merge-proposals.repository.ts';
import { reportDto } from './staff.service.ts';

/**
 * Find reports that may tell the same story and propose merging them: the database narrows
 * (same election and region; same NIP, same normalised name or trigram-similar text), core's
 * `duplicateCandidates` decides. Runs after the report has committed, so two reports filed at the
 * same moment still find each other (the later check sees both), and a failure here never
 * loses the report. One proposal per other case: merging moves all of its reports anyway.
 */
export async function proposeDuplicates(ctx: AppContext, reportId: string): Promise<number> {
  const probe = await repo.duplicateProbe(ctx.db, reportId);
  if (!probe) return 0;
  const candidates = await repo.duplicateCandidatesFor(ctx.db, probe);
  if (candidates.length === 0) return 0;
  // Agencies are free text on a public form; when the NIP is in the register its agency stands in.
  const agencyKey = (r: repo.DuplicateProbe) => normalisePersonName(r.reportedAgency ?? r.registerAgency ?? '') || null;
  const asCheck = (r: repo.DuplicateProbe) => ({
    id: r.id,
    reportedNip: r.reportedNip,
    reportedName: r.reportedName,
    agencyId: agencyKey(r),
    incidentFrom: r.occurredOn,
    incidentTo: r.occurredUntil ?? r.occurredOn,
    description: r.description,
  });
  const caseOf = new Map(candidates.map((c) => [c.id, c.caseId]));
  const seenCases = new Set<string>();
  const proposals = duplicateCandidates(asCheck(probe), candidates.map(asCheck)).filter((p) => {
    const caseId = caseOf.get(p.reportId)!;
    if (seenCases.has(caseId)) return false;
    seenCases.add(caseId);
    return true;
  });
  return repo.insertMergeProposals(
    ctx.db,
    reportId,
    proposals.map((p) => ({ duplicateOfReportId: p.reportId, reasons: p.reasons, similarity: p.similarity })),
  );
}

// ---------------------------------------------------------------- proposals for staff

export async function mergeProposalList(ctx: AppContext, rc: RequestContext, query: { status: string; limit: number; offset: number }) {
  const { language } = rc;
  const { total, proposals, reports } = await repo.listMergeProposals(ctx.db, rc.actor, query);
  return {
    total,
    items: proposals.map((p) => ({
      id: p.id,
      status: p.status,
      similarity: p.similarity,
      reasons: (p.reasons as Array<{ code: string; message: Localised }>).map((r) => ({ code: r.code, message: r.message[language] })),
      decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
      report: reportDto(reports.get(p.reportId)!, language),
      duplicateOf: reportDto(reports.get(p.duplicateOfReportId)!, language),
    })),
  };
}

const proposalNotFound = (id: string) => notFound({ id: `Usulan penggabungan ${id}`, en: `Merge proposal ${id}` });
const alreadyDecided = () =>
  new ApiError(409, 'proposal_decided', { id: 'Usulan ini sudah diputuskan.', en: 'This proposal has already been decided.' });


/** The proposal, locked and still open, with both reports' cases; 404 outside scope, 409 when decided. */
export async function lockOpenProposal(trx: Trx, rc: RequestContext, id: string) {
  const proposal = await repo.lockProposalForDecision(trx, rc.actor, id);
  if (!proposal) throw proposalNotFound(id);
  if (proposal.status !== 'open') throw alreadyDecided();
  return proposal;
}

/** Every report of the absorbed case moves to the surviving one (evidence and reporter hang off the report). */
export function moveReportsToCase(trx: Trx, fromCaseId: string, toCaseId: string): Promise<string[]> {
  return repo.moveReportsToCase(trx, fromCaseId, toCaseId);
}

/** The proposal is merged, and so is every open proposal between reports that now share the surviving case. */
export async function recordProposalMerged(trx: Trx, rc: RequestContext, id: string, survivingCaseId: string, at: Date): Promise<void> {
  await repo.decideProposal(trx, id, 'merged', rc.actor.id, at);
  await repo.settleProposalsWithinCase(trx, survivingCaseId, rc.actor.id, at);
}

export async function dismissProposal(ctx: AppContext, rc: RequestContext, id: string, reason: string) {
  const { actor: staff, meta } = rc;
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const proposal = await lockOpenProposal(trx, rc, id);
    await repo.decideProposal(trx, id, 'dismissed', staff.id, at);
    await appendAudit(trx, {
      actorId: staff.id,
      action: 'merge_proposal.dismissed',
      entityType: 'merge_proposal',
      entityId: id,
      data: { reason, reportId: proposal.reportId, duplicateOfReportId: proposal.duplicateOfReportId },
      ...meta,
      at,
    });
  });
  return { id, status: 'dismissed' as const, decidedAt: at.toISOString() };
}
