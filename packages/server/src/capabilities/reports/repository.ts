/**
 * SQL for reports, their evidence, reporters' sealed identities and merge proposals, and the one
 * place a case is opened when a report arrives. Every staff read filters by the caller's scope in
 * the query itself (db/scope.ts): a row outside scope is never fetched and the route answers 404.
 */
import { nextCaseDeadline, type IsoDate, type RoleCode, type Scope } from '@netra/core';
import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, ReportTable } from '../../db/schema.ts';
import { agencyInScope, regionInScope } from '../../db/scope.ts';
import { findElection } from '../elections/repository.ts';

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
 * Open the case for a newly arrived report: number `NTR-<year>-<6-digit sequence>`, state
 * `received`, its first deadline from the election's rulebook, and a public `received` event.
 * This is the only code that inserts into `cases` for a new report (the cases capability moves
 * them on from here).
 *
 * Its audit entry (`case.opened`) is appended by the caller as the LAST step of the same
 * transaction (see service.ts `fileReport`), after the report that refers to the case: the audit
 * log's advisory lock serialises every writer, so it is taken as late as possible.
 */
export async function openCaseForReport(trx: Transaction<Database>, input: OpenCaseInput): Promise<{ id: string; number: string }> {
  const election = await findElection(trx, input.electionId);
  if (!election) throw new Error(`Unknown election ${input.electionId}`);
  const deadline = nextCaseDeadline('received', { receivedDate: input.receivedOn }, election.rulebook, input.receivedOn);
  const year = input.receivedOn.slice(0, 4);
  const at = input.receivedAt ? { created_at: input.receivedAt, updated_at: input.receivedAt } : {};
  const opened = await trx
    .insertInto('cases')
    .values({
      // Six digits, growing past a million rather than being cut (lpad truncates).
      number: sql<string>`(SELECT 'NTR-' || ${year}::text || '-' || lpad(s::text, greatest(6, length(s::text)), '0') FROM nextval('case_number_seq') AS s)`,
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
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_events')
    .values({ case_id: opened.id, kind: 'received', to_state: 'received', public: true, data: '{}', ...(input.receivedAt ? { at: input.receivedAt } : {}) })
    .execute();
  return opened;
}

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

export interface EvidenceRow {
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  publicCopyKey: string | null;
}

export async function insertEvidence(trx: Transaction<Database>, reportId: string, addedBy: string, files: EvidenceRow[], at: Date): Promise<string[]> {
  if (files.length === 0) return [];
  const rows = await trx
    .insertInto('evidence')
    .values(
      files.map((f, i) => ({
        report_id: reportId,
        original_name: f.originalName,
        mime_type: f.mimeType,
        size_bytes: f.sizeBytes,
        sha256: f.sha256,
        storage_key: f.storageKey,
        public_copy_key: f.publicCopyKey,
        added_by: addedBy,
        // A millisecond apart, so listing by time keeps the order the files were sent in.
        created_at: new Date(at.getTime() + i),
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
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

// ---------------------------------------------------------------- the reporter's view

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

/** Public events of a case, minus other reporters' own entries (their receipt, their additions). */
export async function publicEvents(db: Db, caseId: string, reportId: string) {
  return db
    .selectFrom('case_events')
    .select(['id', 'at', 'kind', 'to_state as toState', 'data'])
    .where('case_id', '=', caseId)
    .where('public', '=', true)
    .where('kind', '!=', 'received')
    .where((eb) => eb.or([sql<SqlBool>`NOT (data ? 'reportId')`, sql<SqlBool>`data->>'reportId' = ${reportId}`]))
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function evidenceOfReport(db: Db, reportId: string) {
  return db
    .selectFrom('evidence')
    .select(['id', 'original_name as originalName', 'mime_type as mimeType', 'size_bytes as sizeBytes', 'sha256', 'public_copy_key as publicCopyKey', 'storage_key as storageKey', 'added_by as addedBy', 'created_at as createdAt'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findPublicCopy(db: Db, evidenceId: string) {
  return db.selectFrom('evidence').select(['id', 'mime_type as mimeType', 'public_copy_key as publicCopyKey']).where('id', '=', evidenceId).executeTakeFirst();
}

// ---------------------------------------------------------------- staff reads, scoped

export interface Viewer {
  role: RoleCode;
  scope: Scope;
}

/**
 * Which cases (alias `c`) a staff member may read reports of: inside their territory (and
 * agencies, for agency-scoped roles), and for the bodies that come after Bawaslu only once the
 * case has reached them. BKN sees a case from its forwarding, the PPK and BKPSDM from the
 * recommendation: an agency should not learn of a report against its own staff before Bawaslu
 * has decided it is a violation.
 */
export function caseVisibleTo<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, viewer: Viewer): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [regionInScope(eb, 'c.region_code', viewer.scope), agencyInScope(eb, 'c.agency_id', viewer.scope)];
  if (viewer.role === 'bkn_verifier') conditions.push(sql<SqlBool>`c.forwarded_to_bkn_on IS NOT NULL`);
  if (viewer.role === 'ppk_delegate' || viewer.role === 'bkpsdm_officer') conditions.push(sql<SqlBool>`c.recommended_to_ppk_on IS NOT NULL`);
  return eb.and(conditions);
}

function reportRows(db: Db) {
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

export async function listReports(db: Db, viewer: Viewer, query: { caseId?: string; q?: string; limit: number; offset: number }) {
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
      (eb) => eb.exists(eb.selectFrom('reporter_identities as ri').whereRef('ri.report_id', '=', 'r.id').select('ri.report_id')).as('hasReporterIdentity'),
    ])
    .where('r.id', '=', id)
    .where((eb) => caseVisibleTo(eb, viewer))
    .executeTakeFirst();
}

export async function findSealedIdentity(db: Db, reportId: string) {
  return db.selectFrom('reporter_identities').select('sealed').where('report_id', '=', reportId).executeTakeFirst();
}

export async function findEvidenceForStaff(db: Db, viewer: Viewer, evidenceId: string) {
  return db
    .selectFrom('evidence as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(['e.id', 'e.original_name as originalName', 'e.mime_type as mimeType', 'e.size_bytes as sizeBytes', 'e.sha256', 'e.storage_key as storageKey', 'e.public_copy_key as publicCopyKey'])
    .where('e.id', '=', evidenceId)
    .where((eb) => caseVisibleTo(eb, viewer))
    .executeTakeFirst();
}

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
  let inserted = 0;
  for (const p of proposals) {
    // One proposal per pair, whichever report arrived first.
    const result = await sql`
      INSERT INTO merge_proposals (report_id, duplicate_of_report_id, reasons, similarity)
      SELECT ${reportId}::uuid, ${p.duplicateOfReportId}::uuid, ${JSON.stringify(p.reasons)}::jsonb, ${p.similarity}::real
      WHERE NOT EXISTS (
        SELECT 1 FROM merge_proposals WHERE report_id = ${p.duplicateOfReportId}::uuid AND duplicate_of_report_id = ${reportId}::uuid
      )
      ON CONFLICT ON CONSTRAINT merge_proposals_pair_key DO NOTHING`.execute(db);
    inserted += Number(result.numAffectedRows ?? 0);
  }
  return inserted;
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
  const proposal = await visibleProposals(trx, viewer)
    .select(['m.id', 'm.status', 'm.report_id as reportId', 'm.duplicate_of_report_id as duplicateOfReportId', 'r1.case_id as reportCaseId', 'r2.case_id as duplicateOfCaseId'])
    .where('m.id', '=', id)
    .forUpdate('m')
    .executeTakeFirst();
  if (!proposal) return undefined;
  // Lock both cases in id order so two merges of crossing pairs cannot deadlock.
  const cases = await trx
    .selectFrom('cases')
    .select(['id', 'number', 'state', 'act_codes as actCodes', 'version', 'region_code as regionCode'])
    .where('id', 'in', [proposal.reportCaseId, proposal.duplicateOfCaseId])
    .orderBy('id')
    .forUpdate()
    .execute();
  return { proposal, cases: new Map(cases.map((c) => [c.id, c])) };
}
