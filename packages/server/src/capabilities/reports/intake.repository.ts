/**
 * SQL for filing a report: the report row under a fresh receipt number, its reporter's sealed
 * identity, and what filing looks up (the region, the register row behind a NIP, an earlier
 * submission with the same idempotency key, the elections the public form offers).
 */
import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, ReportTable } from '../../db/schema.ts';

type NewReport = Omit<Insertable<ReportTable>, 'receipt_number'>;

/**
 * Insert a report under a fresh receipt number. Receipts are random (40 bits a year), so a
 * collision is astronomically rare; when it happens the next draw is used instead of failing.
 */
export async function insertReport(trx: Transaction<Database>, row: NewReport, drawReceipt: () => string): Promise<{ id: string; receiptNumber: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const receiptNumber = drawReceipt();
    const inserted = await trx
      .insertInto('reports')
      .values({ ...row, receipt_number: receiptNumber })
      .onConflict((oc) => oc.column('receipt_number').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, receiptNumber };
  }
  throw new Error('Could not draw an unused receipt number');
}

/** A named reporter's identity, sealed (encrypted) by the caller. */
export async function insertReporterIdentity(trx: Transaction<Database>, reportId: string, sealed: string, at: Date): Promise<void> {
  await trx.insertInto('reporter_identities').values({ report_id: reportId, sealed, created_at: at }).execute();
}

export async function findRegionForReport(db: Db, code: string) {
  return db.selectFrom('regions').select(['code', 'name', 'level', 'time_zone as timeZone']).where('code', '=', code).executeTakeFirst();
}

/** The register row behind a NIP, whatever the caller's scope (the reporter has none). */
export async function findAsnByNip(db: Db, nip: string) {
  return db
    .selectFrom('asn as a')
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .select(['a.id', 'a.agency_id as agencyId', 'g.name as agencyName'])
    .where('a.nip', '=', nip)
    .executeTakeFirst();
}

export async function findReceiptByIdempotencyKey(db: Db, keyHash: string) {
  return db
    .selectFrom('reports as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select([
      'r.id',
      'r.receipt_number as receiptNumber',
      'r.secret_hash as secretHash',
      'r.created_by as createdBy',
      'r.late_by_days as lateByDays',
      'r.known_on as knownOn',
      'r.election_id as electionId',
      'r.case_id as caseId',
      'r.received_on as receivedOn',
      'c.number as caseNumber',
    ])
    .where('r.idempotency_key', '=', keyHash)
    .executeTakeFirst();
}

/** The elections the public form offers, newest voting day first. */
export async function electionsForForm(db: Db) {
  return db.selectFrom('elections').select(['id', 'kind', 'name_id', 'name_en', 'voting_day', 'rulebook']).orderBy('voting_day', 'desc').execute();
}
