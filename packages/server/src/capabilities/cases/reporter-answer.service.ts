/**
 * What the reporter's side of the thread (capabilities/messages) needs from a case: whether the
 * reporter may still write (any state before the case is finished), the step the case takes when
 * the reporter answers a request for more information, and when each case last had news the
 * reporter can see (for the "there is news" e-mail).
 *
 * The answer is the `information_received` step of core's table, taken by the system on the
 * reporter's behalf (the reporter has no account): it stops the reporter's clock, and the case goes
 * back to review under the extended review deadline that a request for information allows
 * (UU 1/2015 art. 134(6): 3 days + 2; UU 7/2017 art. 454(8): up to 14 working days).
 */
import { CASE_STATE_LABELS, nextCaseDeadline, TRANSITIONS, type CaseState } from '@netra/core';
import type { Db, Trx } from '../../db/database.ts';
import { appendAudit } from '../audit/service.ts';
import { todayIn } from './change-guards.ts';
import { stateOf } from './present.ts';
import { clockOf, insertCaseEvent, latestPublicEventAt, lockCaseRow, rulebookKey, rulebooksFor, updateCase } from './repository.ts';
import { FINISHED_STATES } from './rules.ts';

/** The reporter may write until the case is finished (closed, not accepted, withdrawn). */
export function openForReporter(state: string): boolean {
  return !FINISHED_STATES.includes(state as CaseState);
}

export interface ReporterAnswerOutcome {
  /** The case went back to review because this answered a request for information. */
  answered: boolean;
  nextDeadline: { code: string; due: string } | null;
}

/**
 * Lock the case and, when it awaits the reporter's information, take `information_received`
 * (system step, audited with no actor). Returns the case's state as locked, for the caller's checks.
 */
export async function reporterAnswered(trx: Trx, caseId: string, now: Date, messageId: string): Promise<ReporterAnswerOutcome & { state: string }> {
  const row = await lockCaseRow(trx, caseId);
  if (!row) throw new Error(`Case ${caseId} does not exist`);
  const from = stateOf(row);
  const step = TRANSITIONS.information_received;
  if (!step.from.includes(from)) return { state: row.state, answered: false, nextDeadline: null };
  const rulebook = (await rulebooksFor(trx, [row])).get(rulebookKey(row));
  if (!rulebook) throw new Error(`Election ${row.election_id} of case ${row.id} has no rulebook`);
  const to = step.to;
  const today = todayIn(row.region_code, now);
  const next = nextCaseDeadline(to, clockOf(row), rulebook, today);
  const version = row.version + 1;
  await updateCase(trx, row.id, { state: to, next_deadline_code: next?.code ?? null, next_deadline_due: next?.due ?? null, escalated_to: null, version, updated_at: now });
  const note = 'Pelapor menjawab permintaan keterangan tambahan melalui halaman lacak.';
  await insertCaseEvent(trx, {
    caseId: row.id,
    actorId: null,
    kind: 'transition',
    at: now,
    transition: step.code,
    fromState: from,
    toState: to,
    note,
    data: { byReporter: true, messageId },
    public: true,
  });
  await appendAudit(trx, {
    actorId: null,
    action: 'case.transition',
    entityType: 'case',
    entityId: row.id,
    data: { transition: step.code, from, to, version, note, byReporter: true, label: CASE_STATE_LABELS[to].id, nextDeadline: next ? { code: next.code, due: next.due } : null },
    at: now,
  });
  return { state: to, answered: true, nextDeadline: next ? { code: next.code, due: next.due } : null };
}

/** When each case last had an event its reporters can see (public timeline), by case id. */
export function lastPublicNews(db: Db, caseIds: readonly string[]): Promise<Map<string, Date>> {
  return latestPublicEventAt(db, caseIds);
}
