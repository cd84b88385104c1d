/**
 * A case's timeline as other capabilities use it: the reports capability records what happens to
 * a report (the reporter adds information, an officer opens an identity) on the case's timeline,
 * and shows the reporter the public part of it (through the ledger it is handed, ledger.ts); the
 * messages capability records the reporter's messages.
 */
import type { Db, Trx } from '../../db/database.ts';
import { insertCaseEvent, lockCaseState, publicCaseEvents, type CaseEventInput } from './repository.ts';

export type { CaseEventInput } from './repository.ts';

/** Add an event to a case's timeline, in the caller's transaction. */
export async function recordCaseEvent(trx: Trx, event: CaseEventInput): Promise<void> {
  await insertCaseEvent(trx, event);
}

/**
 * The case's state, with the row locked until the caller's transaction ends: a transition running
 * at the same moment either sees what the caller does next, or comes first.
 */
export async function caseStateForUpdate(trx: Trx, caseId: string): Promise<string> {
  const state = await lockCaseState(trx, caseId);
  if (state === undefined) throw new Error(`Case ${caseId} does not exist`);
  return state;
}

/** What a reporter sees of the case's timeline: public events, minus other reporters' own entries. */
export function publicTimeline(db: Db, caseId: string, reportId: string) {
  return publicCaseEvents(db, caseId, reportId);
}
