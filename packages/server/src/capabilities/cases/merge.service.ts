/**
 * The cases' side of merging duplicate reports (commands/merge-reports.ts): which cases may be
 * merged, and the absorbed case closing through core's `checkTransition` (the `merge_into`
 * command transition) with both timelines recording it.
 */
import { checkTransition, CASE_STATE_LABELS, type CaseState } from '@netra/core';
import type { Trx } from '../../db/database.ts';
import { ApiError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { insertCaseEvents, lockCasesInOrder, updateCase } from './repository.ts';
import { refusalError } from './change-guards.ts';

export type MergingCase = Awaited<ReturnType<typeof lockCasesInOrder>>[number];

/** States a case is merged INTO only after reopening it. */
const ENDED: readonly CaseState[] = ['closed', 'withdrawn', 'not_accepted'];
/** A case can be absorbed only before Bawaslu has classified it: after that it has its own outcome. */
const ABSORBABLE: readonly CaseState[] = ['received', 'formal_check', 'awaiting_information', 'under_review'];

/** The cases of a merge, locked (in id order, so crossing merges cannot deadlock), by id. */
export async function lockCasesForMerge(trx: Trx, caseIds: string[]): Promise<Map<string, MergingCase>> {
  const rows = await lockCasesInOrder(trx, caseIds);
  return new Map(rows.map((c) => [c.id, c]));
}

/**
 * Refuse a merge the case rules do not allow: into a case that has ended, or of a case past
 * review; then core's state machine for closing the absorbed case.
 */
export function assertMergeable(rc: RequestContext, surviving: MergingCase, absorbed: MergingCase, note: string | undefined): void {
  if (ENDED.includes(surviving.state as CaseState)) {
    throw new ApiError(409, 'case_ended', {
      id: `Perkara ${surviving.number} sudah berakhir (${CASE_STATE_LABELS[surviving.state as CaseState]?.id ?? surviving.state}). Buka kembali perkara itu sebelum menggabungkan.`,
      en: `Case ${surviving.number} has ended (${CASE_STATE_LABELS[surviving.state as CaseState]?.en ?? surviving.state}). Reopen it before merging.`,
    });
  }
  if (!ABSORBABLE.includes(absorbed.state as CaseState)) {
    throw new ApiError(409, 'case_classified', {
      id: `Perkara ${absorbed.number} sudah melewati kajian dan tidak dapat digabungkan.`,
      en: `Case ${absorbed.number} is past review and cannot be merged.`,
    });
  }
  const location = { regionCode: absorbed.regionCode, agencyId: absorbed.agencyId === null ? null : String(absorbed.agencyId) };
  const check = checkTransition(absorbed.state as CaseState, 'merge_into', { role: rc.actor.role, scope: rc.actor.scope }, location, { note: note ?? null }, { command: true });
  if (!check.ok) throw refusalError(check.reason);
}

export interface Absorption {
  note: string | undefined;
  movedReportIds: string[];
  proposalId: string;
  at: Date;
}

/**
 * The surviving case takes the absorbed one's acts; the absorbed case is closed with a note naming
 * the surviving one; both timelines record it (the absorbed case's entry is not public: its
 * reporters follow the surviving case now).
 */
export async function absorbCase(trx: Trx, rc: RequestContext, surviving: MergingCase, absorbed: MergingCase, merge: Absorption): Promise<void> {
  const { note, movedReportIds, proposalId, at } = merge;
  const actCodes = [...new Set([...surviving.actCodes, ...absorbed.actCodes])].sort();
  await updateCase(trx, surviving.id, { act_codes: actCodes, updated_at: at }, { bumpVersion: true });
  await updateCase(
    trx,
    absorbed.id,
    { state: 'closed', closed_at: at, next_deadline_code: null, next_deadline_due: null, locked_by: null, locked_until: null, updated_at: at },
    { bumpVersion: true },
  );
  await insertCaseEvents(trx, [
    {
      caseId: surviving.id,
      at,
      actorId: rc.actor.id,
      kind: 'case_merged',
      note: note ?? null,
      public: true,
      data: { absorbedCaseId: absorbed.id, absorbedCaseNumber: absorbed.number, movedReportIds, proposalId },
    },
    {
      caseId: absorbed.id,
      at,
      actorId: rc.actor.id,
      kind: 'merged_into',
      fromState: absorbed.state,
      toState: 'closed',
      note: `Digabung ke ${surviving.number}${note ? `: ${note}` : ''}`,
      public: false,
      data: { survivingCaseId: surviving.id, survivingCaseNumber: surviving.number, movedReportIds, proposalId },
    },
  ]);
}
