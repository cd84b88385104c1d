/**
 * Opening a case: every case begins with a report (filed by the public, recorded by Bawaslu, or
 * made from a screened post or a flagged rotation), so the reports capability calls this inside
 * the transaction that files the report, through the ledger it is handed (ledger.ts).
 */
import type { Trx } from '../../db/database.ts';
import { nextCaseDeadline } from '@netra/core';
import type { CaseForReport } from '../../ports/case-ledger.ts';
import { insertCasesWithEvents, insertCaseWithEvent, rulebookOf } from './repository.ts';

/**
 * Open the case for a newly arrived report: state `received`, its first deadline from the
 * election's rulebook, and a public `received` event. The case moves on from here only through
 * `checkTransition` (service.ts, or the merging command).
 *
 * Its audit entry (`case.opened`) is appended by the caller in the same transaction (appends take
 * no lock: the audit sequencer chains them after the commit). The case and its first event are
 * one statement (one round trip, issue 11).
 */
export async function openCaseForReport(trx: Trx, input: CaseForReport): Promise<{ id: string; number: string }> {
  const { year, values, event } = await newCase(trx, input);
  return insertCaseWithEvent(trx, year, values, event);
}

/** Several cases at once, in ONE statement (the filings of a group commit, issue 11), in the order given. */
export async function openCasesForReports(trx: Trx, inputs: readonly CaseForReport[]): Promise<Array<{ id: string; number: string }>> {
  const entries = [];
  for (const input of inputs) entries.push(await newCase(trx, input));
  return insertCasesWithEvents(trx, entries);
}

async function newCase(trx: Trx, input: CaseForReport) {
  const current = input.rulebook ?? (await rulebookOf(trx, input.electionId));
  if (!current) throw new Error(`Unknown election ${input.electionId}`);
  // The case's clocks run under the rulebook version in force now, even if it changes later.
  const { rulebook, version: rulebookVersion } = current;
  const deadline = nextCaseDeadline('received', { receivedDate: input.receivedOn }, rulebook, input.receivedOn);
  const at = input.receivedAt ? { created_at: input.receivedAt, updated_at: input.receivedAt } : {};
  return {
    year: input.receivedOn.slice(0, 4),
    values: {
      election_id: input.electionId,
      region_code: input.regionCode,
      agency_id: input.agencyId,
      asn_id: input.asnId,
      state: 'received',
      act_codes: input.actCodes,
      summary: input.summary,
      received_on: input.receivedOn,
      rulebook_version: rulebookVersion,
      next_deadline_code: deadline?.code ?? null,
      next_deadline_due: deadline?.due ?? null,
      ...at,
    },
    event: { actorId: null, kind: 'received', toState: 'received', public: true, at: input.receivedAt },
  };
}
