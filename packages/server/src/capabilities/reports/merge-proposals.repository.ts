/**
 * SQL for duplicates and merge proposals: the candidates a new report may duplicate, the
 * proposals, and the reports' side of a merge (moving reports onto the surviving case, settling
 * proposals). Proposals are visible to a staff member only when both reports' cases are.
 */
import { sql, type Expression, type SqlBool, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { caseVisibleTo, type Viewer } from '../../db/scope.ts';
import { reportRows } from './staff.repository.ts';

// ---------------------------------------------------------------- duplicates

/** The fields duplicate detection compares, for the new report and for its candidates alike. */
const duplicateFields = (db: Db) =>
  db
    .selectFrom('reports as r')
    .leftJoin('asn as a', 'a.id', 'r.asn_id')
    .leftJoin('agencies as g', 'g.id', 'a.agency_id')
    .select([
      'r.id',
      'r.case_id as caseId',
      'r.election_id as electionId',
      'r.region_code as regionCode',
      'r.reported_nip as reportedNip',
      'r.reported_name as reportedName',
      'r.reported_name_normalised as reportedNameNormalised',
      'r.reported_agency as reportedAgency',
      'g.name as registerAgency',
      'r.occurred_on as occurredOn',
      'r.occurred_until as occurredUntil',
      'r.description',
    ]);

/** What duplicate detection compares, for the new report. */
export async function duplicateProbe(db: Db, reportId: string) {
  return duplicateFields(db).where('r.id', '=', reportId).executeTakeFirst();
}

export type DuplicateProbe = NonNullable<Awaited<ReturnType<typeof duplicateProbe>>>;

/**
 * Reports in the same election and region that may tell the same story, narrowed by the indexes
 * (NIP, normalised name, trigram similarity of the description); the caller decides with core's
 * `duplicateCandidates`. Reports already in the same case are not candidates.
 */
export async function duplicateCandidatesFor(db: Db, probe: DuplicateProbe, limit = 200): Promise<DuplicateProbe[]> {
  return duplicateFields(db)
    .where('r.election_id', '=', probe.electionId)
    .where('r.region_code', '=', probe.regionCode)
    .where('r.id', '!=', probe.id)
    .where('r.case_id', '!=', probe.caseId)
    .where((eb) => {
      const alternatives: Expression<SqlBool>[] = [eb('r.reported_name_normalised', '=', probe.reportedNameNormalised), sql<SqlBool>`r.description % ${probe.description}`];
      if (probe.reportedNip) alternatives.push(eb('r.reported_nip', '=', probe.reportedNip));
      return eb.or(alternatives);
    })
    .orderBy('r.received_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertMergeProposals(
  db: Db,
  reportId: string,
  proposals: Array<{ duplicateOfReportId: string; reasons: unknown; similarity: number }>,
): Promise<number> {
  if (proposals.length === 0) return 0;
  // One statement (one commit) for all of them; one proposal per pair, whichever report arrived first.
  const result = await sql`
    INSERT INTO merge_proposals (report_id, duplicate_of_report_id, reasons, similarity)
    SELECT ${reportId}::uuid, p.other, p.reasons, p.similarity
      FROM jsonb_to_recordset(${JSON.stringify(proposals.map((p) => ({ other: p.duplicateOfReportId, reasons: p.reasons, similarity: p.similarity })))}::jsonb)
           AS p(other uuid, reasons jsonb, similarity real)
     WHERE NOT EXISTS (SELECT 1 FROM merge_proposals m WHERE m.report_id = p.other AND m.duplicate_of_report_id = ${reportId}::uuid)
    ON CONFLICT ON CONSTRAINT merge_proposals_pair_key DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

// ---------------------------------------------------------------- merge proposals (staff)

function visibleProposals(db: Db, viewer: Viewer) {
  return db
    .selectFrom('merge_proposals as m')
    .innerJoin('reports as r1', 'r1.id', 'm.report_id')
    .innerJoin('reports as r2', 'r2.id', 'm.duplicate_of_report_id')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('cases as c')
          .select('c.id')
          .whereRef('c.id', '=', 'r1.case_id')
          .where((eb) => caseVisibleTo(eb, viewer)),
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('cases as c')
          .select('c.id')
          .whereRef('c.id', '=', 'r2.case_id')
          .where((eb) => caseVisibleTo(eb, viewer)),
      ),
    );
}

export async function listMergeProposals(db: Db, viewer: Viewer, query: { status: string; limit: number; offset: number }) {
  const base = visibleProposals(db, viewer).where('m.status', '=', query.status);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const proposals = await base
    .select(['m.id', 'm.status', 'm.similarity', 'm.reasons', 'm.decided_at as decidedAt', 'm.report_id as reportId', 'm.duplicate_of_report_id as duplicateOfReportId'])
    .orderBy('r1.received_at', 'desc')
    .orderBy('m.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const ids = [...new Set(proposals.flatMap((p) => [p.reportId, p.duplicateOfReportId]))];
  const reports = ids.length ? await reportRows(db).where('r.id', 'in', ids).execute() : [];
  return { total: Number(total), proposals, reports: new Map(reports.map((r) => [r.id, r])) };
}


/** The proposal with both reports' cases, locked for the decision; undefined when out of scope. */
export async function lockProposalForDecision(trx: Transaction<Database>, viewer: Viewer, id: string) {
  return visibleProposals(trx, viewer)
    .select(['m.id', 'm.status', 'm.report_id as reportId', 'm.duplicate_of_report_id as duplicateOfReportId', 'r1.case_id as reportCaseId', 'r2.case_id as duplicateOfCaseId'])
    .where('m.id', '=', id)
    .forUpdate('m')
    .executeTakeFirst();
}

/** Move every report of one case onto another; the ids of the moved reports. */
export async function moveReportsToCase(trx: Transaction<Database>, fromCaseId: string, toCaseId: string): Promise<string[]> {
  return (await trx.updateTable('reports').set({ case_id: toCaseId }).where('case_id', '=', fromCaseId).returning('id').execute()).map((r) => r.id);
}

export async function decideProposal(trx: Transaction<Database>, id: string, status: 'merged' | 'dismissed', decidedBy: string, at: Date): Promise<void> {
  await trx.updateTable('merge_proposals').set({ status, decided_by: decidedBy, decided_at: at }).where('id', '=', id).execute();
}

/** Proposals between reports that now share one case have nothing left to decide: merged. */
export async function settleProposalsWithinCase(trx: Transaction<Database>, caseId: string, decidedBy: string, at: Date): Promise<void> {
  await sql`
    UPDATE merge_proposals m SET status = 'merged', decided_by = ${decidedBy}, decided_at = ${at}
    FROM reports a, reports b
    WHERE m.status = 'open' AND a.id = m.report_id AND b.id = m.duplicate_of_report_id
      AND a.case_id = ${caseId} AND b.case_id = ${caseId}`.execute(trx);
}
