/**
 * SQL for filing a report: the report row under a fresh receipt number with its evidence rows and
 * its reporter's sealed identity, and what filing looks up (the region, the register row behind a NIP, an earlier
 * submission with the same idempotency key, the elections the public form offers).
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, ReportTable } from '../../db/schema.ts';
import { evidenceRowsOf, type EvidenceRow } from './evidence.repository.ts';

type NewReport = Omit<Insertable<ReportTable>, 'id' | 'receipt_number'>;

/** What is written with a new report: its evidence rows and, when there is one, its sealed vault entry. */
export interface FiledWith {
  evidence: { addedBy: string; files: readonly EvidenceRow[] };
  identity: { sealed: string; named: boolean; witnessCount: number } | null;
  at: Date;
}

/**
 * Insert a report under `receiptNumber` with its evidence rows and its sealed identity, in ONE
 * statement (one round trip on the intake's hot path, issue 11; the report id is drawn here so the
 * other rows need nothing back). Receipts are random (40 bits a year): a collision is
 * astronomically rare, and raises the unique violation `reports_receipt_number_key`, on which the
 * caller files again under a new draw.
 */
export async function insertReportWith(trx: Transaction<Database>, row: NewReport, receiptNumber: string, filed: FiledWith): Promise<{ id: string; receiptNumber: string }> {
  const id = randomUUID();
  let query = trx.with('report', (db) => db.insertInto('reports').values({ ...row, id, receipt_number: receiptNumber }).returning('id'));
  if (filed.evidence.files.length > 0) {
    const rows = evidenceRowsOf(id, filed.evidence.addedBy, filed.evidence.files, filed.at);
    query = query.with('files', (db) => db.insertInto('evidence').values(rows)) as unknown as typeof query;
  }
  if (filed.identity) {
    const { sealed, named, witnessCount } = filed.identity;
    query = query.with('identity', (db) =>
      db.insertInto('reporter_identities').values({ report_id: id, sealed, named, witness_count: witnessCount, created_at: filed.at }),
    ) as unknown as typeof query;
  }
  await query.selectFrom('report').select('id').executeTakeFirstOrThrow();
  return { id, receiptNumber };
}

/** One report of a group commit's batch (insertReportsWith). */
export interface NewFiledReport {
  row: NewReport;
  receiptNumber: string;
  filed: FiledWith;
}

/**
 * Several reports with their evidence rows and sealed identities in ONE statement (a group
 * commit's filings, issue 11); their ids in the order given. A receipt number drawn twice raises
 * `reports_receipt_number_key` for the whole statement: the group commit then files each alone.
 */
export async function insertReportsWith(trx: Transaction<Database>, reports: readonly NewFiledReport[]): Promise<Array<{ id: string; receiptNumber: string }>> {
  if (reports.length === 0) return [];
  const ids = reports.map(() => randomUUID());
  let query = trx.with('report', (db) =>
    db
      .insertInto('reports')
      .values(reports.map((r, i) => ({ ...r.row, id: ids[i], receipt_number: r.receiptNumber })))
      .returning('id'),
  );
  const files = reports.flatMap((r, i) => evidenceRowsOf(ids[i], r.filed.evidence.addedBy, r.filed.evidence.files, r.filed.at));
  if (files.length > 0) query = query.with('files', (db) => db.insertInto('evidence').values(files)) as unknown as typeof query;
  const identities = reports.flatMap((r, i) =>
    r.filed.identity
      ? [{ report_id: ids[i], sealed: r.filed.identity.sealed, named: r.filed.identity.named, witness_count: r.filed.identity.witnessCount, created_at: r.filed.at }]
      : [],
  );
  if (identities.length > 0) query = query.with('identity', (db) => db.insertInto('reporter_identities').values(identities)) as unknown as typeof query;
  await query.selectFrom('report').select('id').execute();
  return reports.map((r, i) => ({ id: ids[i], receiptNumber: r.receiptNumber }));
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
      'r.received_at as receivedAt',
      'r.source',
      'c.number as caseNumber',
      (eb) => eb.selectFrom('regions as g').whereRef('g.code', '=', 'r.region_code').select('g.time_zone').as('timeZone'),
    ])
    .where('r.idempotency_key', '=', keyHash)
    .executeTakeFirst();
}

/** The elections the public form offers, newest voting day first. */
export async function electionsForForm(db: Db) {
  return db.selectFrom('elections').select(['id', 'kind', 'name_id', 'name_en', 'voting_day', 'rulebook']).orderBy('voting_day', 'desc').execute();
}
