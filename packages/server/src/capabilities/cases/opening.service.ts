/**
 * Opening a case: every case begins with a report (filed by the public, recorded by Bawaslu, or
 * made from a screened post or a flagged rotation), so the reports capability calls this inside
 * the transaction that files the report.
 */
import type { Trx } from '../../db/database.ts';
import { nextCaseDeadline, type IsoDate } from '@netra/core';
import { insertCase, insertCaseEvent, rulebookOf } from './repository.ts';

export interface OpenCaseInput {
  electionId: string;
  regionCode: string;
  agencyId: number | null;
  asnId: number | null;
  actCodes: string[];
  summary: string;
  receivedOn: IsoDate;
  /** The instant of receipt, for the case's timeline (default: the database clock). */
  receivedAt?: Date;
}

/**
 * Open the case for a newly arrived report: state `received`, its first deadline from the
 * election's rulebook, and a public `received` event. The case moves on from here only through
 * `checkTransition` (service.ts, or the merging command).
 *
 * Its audit entry (`case.opened`) is appended by the caller as the LAST step of the same
 * transaction, after the report that refers to the case: the audit log's advisory lock serialises
 * every writer, so it is taken as late as possible.
 */
export async function openCaseForReport(trx: Trx, input: OpenCaseInput): Promise<{ id: string; number: string }> {
  const rulebook = await rulebookOf(trx, input.electionId);
  if (!rulebook) throw new Error(`Unknown election ${input.electionId}`);
  const deadline = nextCaseDeadline('received', { receivedDate: input.receivedOn }, rulebook, input.receivedOn);
  const at = input.receivedAt ? { created_at: input.receivedAt, updated_at: input.receivedAt } : {};
  const opened = await insertCase(trx, input.receivedOn.slice(0, 4), {
    election_id: input.electionId,
    region_code: input.regionCode,
    agency_id: input.agencyId,
    asn_id: input.asnId,
    state: 'received',
    act_codes: input.actCodes,
    summary: input.summary,
    received_on: input.receivedOn,
    next_deadline_code: deadline?.code ?? null,
    next_deadline_due: deadline?.due ?? null,
    ...at,
  });
  await insertCaseEvent(trx, { caseId: opened.id, actorId: null, kind: 'received', toState: 'received', public: true, at: input.receivedAt });
  return opened;
}
