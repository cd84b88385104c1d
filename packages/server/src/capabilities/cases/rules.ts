/**
 * Server-side readings of the core state machine that the queues, assignment and notifications
 * need. Every one is derived from core's TRANSITIONS table, so a change to the state machine
 * changes them too; nothing here restates a legal rule.
 */
import {
  availableTransitions,
  CASE_STATES,
  regionLevel,
  ROLE_CODES,
  ROLES,
  TRANSITION_CODES,
  TRANSITIONS,
  type CaseState,
  type RoleCode,
  type TransitionCode,
} from '@netra/core';
import type { CaseTable } from '../../db/schema.ts';

/** Reopening is always possible on a finished case; it is not work waiting to be done. */
const isPendingWork = (code: TransitionCode) => code !== 'reopen';

/** States from which the only way on is reopening: the case is finished (closed_at is set). */
export const FINISHED_STATES: readonly CaseState[] = CASE_STATES.filter((state) =>
  TRANSITION_CODES.every((code) => !TRANSITIONS[code].from.includes(state) || !isPendingWork(code)),
);

/** States in which `role` has work to do: the "needs my action" queue. */
export function statesNeedingAction(role: RoleCode): CaseState[] {
  return CASE_STATES.filter((state) => availableTransitions(state, role).some((t) => isPendingWork(t.code)));
}

/** Whether `role` takes part in the case at this state: may assign it, be assigned, lock it. */
export function mayHandle(state: CaseState, role: RoleCode): boolean {
  return availableTransitions(state, role).length > 0;
}

/** Roles with pending work on a case in `state`, in TRANSITIONS order. */
export function rolesActingIn(state: CaseState): RoleCode[] {
  return ROLE_CODES.filter((role) => statesNeedingAction(role).includes(state));
}

/**
 * Milestones the reporter may see on the tracking page. The handover inside the joint task force
 * (BKN verifying or returning a case) is internal. Only the transition and the new state are
 * public: notes and field values never are.
 */
export const PUBLIC_MILESTONES: ReadonlySet<TransitionCode> = new Set<TransitionCode>([
  'start_check',
  'request_information',
  'information_received',
  'accept_for_review',
  'reject_formal',
  'classify_violation',
  'classify_not_violation',
  'classify_other',
  'forward_to_bkn',
  'recommend_to_ppk',
  'record_sanction',
  'close',
  'withdraw',
  'reopen',
]);

type ClockColumn = keyof Pick<CaseTable, 'information_requested_on' | 'forwarded_to_bkn_on' | 'recommended_to_ppk_on' | 'review_restarted_on'>;

/** The clock a transition starts (core's CaseClock): the day it is taken. */
export const CLOCK_STARTED_BY: Readonly<Partial<Record<TransitionCode, ClockColumn>>> = {
  request_information: 'information_requested_on',
  forward_to_bkn: 'forwarded_to_bkn_on',
  recommend_to_ppk: 'recommended_to_ppk_on',
  bkn_return: 'review_restarted_on',
  reopen: 'review_restarted_on',
};

export interface Office {
  role: RoleCode;
  /** The office's region (its scope's region code), or null for a national office. */
  regionCode: string | null;
}

/**
 * The office that handles a case for one of `roles`: the most local level first (the regency's
 * Bawaslu before the province's), as a notification address. A case in a district is handled by
 * its regency.
 */
export function handlingOffice(roles: readonly RoleCode[], caseRegion: string): Office | null {
  const levels: Array<{ level: 'regency' | 'province' | 'national'; regionCode: string | null }> = [];
  const level = regionLevel(caseRegion);
  if (level !== 'province') levels.push({ level: 'regency', regionCode: caseRegion.slice(0, 5) });
  levels.push({ level: 'province', regionCode: caseRegion.slice(0, 2) }, { level: 'national', regionCode: null });
  for (const candidate of levels) {
    const role = roles.find((r) => ROLES[r].scopeLevels.includes(candidate.level));
    if (role) return { role, regionCode: candidate.regionCode };
  }
  return null;
}
