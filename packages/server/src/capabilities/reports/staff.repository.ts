/**
 * SQL for staff reading reports: every read filters by the caller's scope and the case's stage in
 * the query itself (`caseVisibleTo`, db/scope.ts), so a row outside them is never fetched and the
 * route answers 404.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { caseVisibleTo, type Viewer } from '../../db/scope.ts';

/** A report with its case's number and state and how many evidence files it has. */
export function reportRows(db: Db) {
  return db
    .selectFrom('reports as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select([
      'r.id',
      'r.receipt_number as receiptNumber',
      'r.source',
      'r.case_id as caseId',
      'c.number as caseNumber',
      'c.state as caseState',
      'r.election_id as electionId',
      'r.region_code as regionCode',
      'r.place',
      'r.occurred_on as occurredOn',
      'r.occurred_until as occurredUntil',
      'r.known_on as knownOn',
      'r.received_at as receivedAt',
      'r.received_on as receivedOn',
      'r.description',
      'r.act_codes as actCodes',
      'r.reported_name as reportedName',
      'r.reported_nip as reportedNip',
      'r.reported_agency as reportedAgency',
      'r.reported_position as reportedPosition',
      'r.asn_id as asnId',
      'r.anonymous',
      'r.late_by_days as lateByDays',
      (eb) => eb.selectFrom('evidence as e').whereRef('e.report_id', '=', 'r.id').select(eb.fn.countAll<number>().as('n')).as('evidenceCount'),
    ]);
}

export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportRows>['executeTakeFirstOrThrow']>>;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The reports `viewer` may see, with the list's filters (unordered, unpaged). */
function filteredReports(db: Db, viewer: Viewer, query: { caseId?: string; q?: string }) {
  let base = reportRows(db).where((eb) => caseVisibleTo(eb, viewer));
  if (query.caseId) base = base.where('r.case_id', '=', query.caseId);
  if (query.q) {
    const pattern = likePattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb('r.reported_name', 'ilike', pattern),
        eb('r.receipt_number', 'ilike', pattern),
        eb('c.number', 'ilike', pattern),
        eb('r.reported_nip', 'like', pattern),
        eb('r.description', 'ilike', pattern),
      ]),
    );
  }
  return base;
}

/** The whole list, newest first, with the region's time zone (exports stream it). */
export function reportsForExport(db: Db, viewer: Viewer, query: { caseId?: string; q?: string }) {
  return filteredReports(db, viewer, query)
    .innerJoin('regions as g', 'g.code', 'r.region_code')
    .select(['g.name as regionName', 'g.time_zone as timeZone'])
    .orderBy('r.received_at', 'desc')
    .orderBy('r.id')
    .compile();
}

export async function listReports(db: Db, viewer: Viewer, query: { caseId?: string; q?: string; limit: number; offset: number }) {
  const base = filteredReports(db, viewer, query);
  const [{ total }] = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await base.orderBy('r.received_at', 'desc').orderBy('r.id').limit(query.limit).offset(query.offset).execute();
  return { total: Number(total), items };
}

export async function findReportForStaff(db: Db, viewer: Viewer, id: string) {
  return reportRows(db)
    .innerJoin('regions as g', 'g.code', 'r.region_code')
    .select([
      'g.name as regionName',
      'r.created_by as createdBy',
      (eb) => eb.exists(eb.selectFrom('reporter_identities as ri').whereRef('ri.report_id', '=', 'r.id').where('ri.named', '=', true).select('ri.report_id')).as('hasReporterIdentity'),
      (eb) => eb.selectFrom('reporter_identities as rw').whereRef('rw.report_id', '=', 'r.id').select('rw.witness_count').as('witnessCount'),
    ])
    .where('r.id', '=', id)
    .where((eb) => caseVisibleTo(eb, viewer))
    .executeTakeFirst();
}

export async function findSealedIdentity(db: Db, reportId: string) {
  return db.selectFrom('reporter_identities').select('sealed').where('report_id', '=', reportId).executeTakeFirst();
}

