/**
 * SQL for the reporter's view: a report found by its receipt number (the secret is checked by the
 * caller), with its case's number, state and clocks.
 */
import type { Db } from '../../db/database.ts';

/** A report as its reporter may see it (found by receipt number; the secret is checked by the caller). */
export async function findReportByReceipt(db: Db, receiptNumber: string) {
  return db
    .selectFrom('reports as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select([
      'r.id',
      'r.receipt_number as receiptNumber',
      'r.secret_hash as secretHash',
      'r.received_at as receivedAt',
      'r.received_on as receivedOn',
      'r.late_by_days as lateByDays',
      'r.anonymous',
      'r.known_on as knownOn',
      'r.occurred_on as occurredOn',
      'r.place',
      'r.description',
      'r.election_id as electionId',
      'c.id as caseId',
      'c.number as caseNumber',
      'c.state',
      'c.region_code as caseRegionCode',
      'c.received_on as caseReceivedOn',
      'c.information_requested_on as informationRequestedOn',
    ])
    .where('r.receipt_number', '=', receiptNumber)
    .executeTakeFirst();
}

