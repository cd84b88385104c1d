/**
 * Retention's own tables (rules, legal holds, purge runs and log) and, like the backup's
 * repository, the reads and writes the purge makes across the data it governs: it finds what a
 * rule may have expired (reporter identities, evidence, finished cases and their reports,
 * screened posts, account links, export records, sessions) and blanks or deletes exactly that.
 * The purge is the one place that forgets, so its SQL lives here rather than spread over every
 * capability; the reading side of each capability never learns of it (a purged row simply has
 * less in it).
 *
 * Dates: a record's anchor is the calendar day in WIB (Asia/Jakarta) on which its clock started.
 */
import { scopeRegionPrefix, type RetentionKind, type Scope } from '@netra/core';
import { sql, type RawBuilder } from 'kysely';
import { agencyInScope, caseVisibleTo, regionInScope, type Viewer } from '../../db/scope.ts';
import type { Db, Trx } from '../../db/database.ts';

const ZONE = 'Asia/Jakarta';
const dayOf = (moment: RawBuilder<unknown>) => sql<string>`to_char((${moment} AT TIME ZONE ${ZONE})::date, 'YYYY-MM-DD')`;
/** Records whose clock started on or before `cutoff` (a WIB day). */
const startedBy = (column: string, cutoff: string) => sql<boolean>`(${sql.ref(column)} AT TIME ZONE ${ZONE})::date <= ${cutoff}::date`;

// ---- Rules

export function listRules(db: Db) {
  return db
    .selectFrom('retention_rules as r')
    .leftJoin('users as u', 'u.id', 'r.updated_by')
    .select(['r.id', 'r.kind', 'r.election_id as electionId', 'r.keep_days as keepDays', 'r.legal_basis as legalBasis', 'r.unsure', 'r.updated_at as updatedAt', 'u.name as updatedByName'])
    .orderBy('r.kind')
    .orderBy(sql`coalesce(r.election_id, '')`)
    .execute();
}

export function findRule(db: Db | Trx, kind: string, electionId: string | null) {
  return db
    .selectFrom('retention_rules')
    .selectAll()
    .where('kind', '=', kind)
    .where((eb) => (electionId === null ? eb('election_id', 'is', null) : eb('election_id', '=', electionId)))
    .executeTakeFirst();
}

export async function upsertRule(
  trx: Trx,
  rule: { kind: string; electionId: string | null; keepDays: number | null; legalBasis: string; unsure: boolean; updatedBy: string; at: Date },
): Promise<string> {
  const existing = await findRule(trx, rule.kind, rule.electionId);
  const values = { keep_days: rule.keepDays, legal_basis: rule.legalBasis, unsure: rule.unsure, updated_by: rule.updatedBy, updated_at: rule.at };
  if (existing) {
    await trx.updateTable('retention_rules').set(values).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const row = await trx
    .insertInto('retention_rules')
    .values({ kind: rule.kind, election_id: rule.electionId, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteRule(trx: Trx, id: string) {
  return trx.deleteFrom('retention_rules').where('id', '=', id).where('election_id', 'is not', null).returningAll().executeTakeFirst();
}

export async function electionExists(db: Db, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('elections').select('id').where('id', '=', id).executeTakeFirst());
}

// ---- Holds

const holdColumns = [
  'h.id',
  'h.target_type as targetType',
  'h.case_id as caseId',
  'h.report_id as reportId',
  'h.asn_id as asnId',
  'h.region_code as regionCode',
  'h.election_id as electionId',
  'h.reason',
  'h.placed_at as placedAt',
  'h.lifted_at as liftedAt',
  'h.lift_reason as liftReason',
  'p.name as placedByName',
  'l.name as liftedByName',
] as const;

/**
 * The region a hold lies in, for scope: its case's, its report's, its person's, its own; null for
 * a whole election (national).
 */
const holdRegion = sql<string | null>`coalesce(hc.region_code, hr.region_code, ha.region_code, h.region_code)`;

function holdsQuery(db: Db | Trx) {
  return db
    .selectFrom('legal_holds as h')
    .leftJoin('users as p', 'p.id', 'h.placed_by')
    .leftJoin('users as l', 'l.id', 'h.lifted_by')
    .leftJoin('cases as hc', 'hc.id', 'h.case_id')
    .leftJoin('reports as hr', 'hr.id', 'h.report_id')
    .leftJoin('asn as ha', 'ha.id', 'h.asn_id')
    .select([...holdColumns, holdRegion.as('targetRegion'), 'hc.number as caseNumber', 'hr.receipt_number as receiptNumber', 'ha.name as personName', 'ha.nip as personNip']);
}

export interface HoldFilter {
  active?: boolean;
  targetType?: string;
  caseId?: string;
  reportId?: string;
  asnId?: number;
}

/** Holds inside the scope (a whole-election hold is seen by everyone), newest first. */
export async function listHolds(db: Db, scope: Scope, filter: HoldFilter, page: { limit: number; offset: number }) {
  const prefix = scopeRegionPrefix(scope);
  let query = holdsQuery(db);
  if (prefix !== null) query = query.where(sql<boolean>`(${holdRegion} IS NULL OR ${holdRegion} = ${prefix} OR ${holdRegion} LIKE ${`${prefix}.%`})`);
  if (filter.active !== undefined) query = query.where('h.lifted_at', filter.active ? 'is' : 'is not', null);
  if (filter.targetType) query = query.where('h.target_type', '=', filter.targetType as 'case');
  if (filter.caseId) query = query.where('h.case_id', '=', filter.caseId);
  if (filter.reportId) query = query.where('h.report_id', '=', filter.reportId);
  if (filter.asnId !== undefined) query = query.where('h.asn_id', '=', filter.asnId);
  const [items, total] = await Promise.all([
    query.orderBy('h.placed_at', 'desc').orderBy('h.id').limit(page.limit).offset(page.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findHold(db: Db | Trx, id: string) {
  return holdsQuery(db).where('h.id', '=', id).executeTakeFirst();
}

/** Every hold not lifted (few: they are placed by hand). */
export function activeHolds(db: Db | Trx) {
  return db
    .selectFrom('legal_holds')
    .select(['id', 'target_type as targetType', 'case_id as caseId', 'report_id as reportId', 'asn_id as asnId', 'region_code as regionCode', 'election_id as electionId'])
    .where('lifted_at', 'is', null)
    .execute();
}

export async function insertHold(
  trx: Trx,
  hold: { targetType: 'case' | 'report' | 'person' | 'region' | 'election'; caseId?: string; reportId?: string; asnId?: number; regionCode?: string; electionId?: string | null; reason: string; placedBy: string; at: Date },
): Promise<string> {
  const row = await trx
    .insertInto('legal_holds')
    .values({
      target_type: hold.targetType,
      case_id: hold.caseId ?? null,
      report_id: hold.reportId ?? null,
      asn_id: hold.asnId ?? null,
      region_code: hold.regionCode ?? null,
      election_id: hold.electionId ?? null,
      reason: hold.reason,
      placed_by: hold.placedBy,
      placed_at: hold.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function liftHold(trx: Trx, id: string, by: string, reason: string, at: Date): Promise<boolean> {
  const rows = await trx.updateTable('legal_holds').set({ lifted_by: by, lifted_at: at, lift_reason: reason }).where('id', '=', id).where('lifted_at', 'is', null).returning('id').execute();
  return rows.length > 0;
}

// ---- What a hold may be placed on (the caller's scope applies)

/** A case, or null; with a viewer, only a case that viewer may read (db/scope.ts caseVisibleTo: territory, agencies, stage). */
export function caseTarget(db: Db, id: string, viewer?: Viewer) {
  let query = db.selectFrom('cases as c').select(['c.id', 'c.region_code as regionCode', 'c.election_id as electionId', 'c.asn_id as asnId', 'c.number']).where('c.id', '=', id);
  if (viewer) query = query.where((eb) => caseVisibleTo(eb, viewer));
  return query.executeTakeFirst();
}

export function reportTarget(db: Db, id: string, viewer?: Viewer) {
  let query = db
    .selectFrom('reports as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(['r.id', 'r.region_code as regionCode', 'r.election_id as electionId', 'r.case_id as caseId', 'r.asn_id as asnId', 'c.asn_id as caseAsnId'])
    .where('r.id', '=', id);
  if (viewer) query = query.where((eb) => caseVisibleTo(eb, viewer));
  return query.executeTakeFirst();
}

/** A civil servant inside the scope (territory, and agencies for agency-scoped roles). */
export function personTarget(db: Db, asnId: number, scope: Scope) {
  return db
    .selectFrom('asn as a')
    .select(['a.id', 'a.region_code as regionCode'])
    .where('a.id', '=', asnId)
    .where((eb) => eb.and([regionInScope(eb, 'a.region_code', scope), agencyInScope(eb, 'a.agency_id', scope)]))
    .executeTakeFirst();
}

export function regionExists(db: Db, code: string) {
  return db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
}

/** A case's facts for the holds that cover it: its reports and the people of case and reports. */
export async function caseHoldFacts(db: Db, caseId: string, viewer: Viewer) {
  const found = await caseTarget(db, caseId, viewer);
  if (!found) return null;
  const reports = await db.selectFrom('reports').select(['id', 'asn_id as asnId']).where('case_id', '=', caseId).execute();
  return { ...found, reportIds: reports.map((r) => r.id), reportAsnIds: [...reports.map((r) => r.asnId), ...(await casePeopleIds(db, caseId))] };
}

/** The civil servants linked to a case in issue 15's `case_people`, where that table exists. */
export async function casePeopleIds(db: Db, caseId: string): Promise<number[]> {
  if (!(await hasTable(db, 'case_people'))) return [];
  const rows = await sql<{ asn_id: number | string }>`SELECT asn_id FROM case_people WHERE case_id = ${caseId}`.execute(db);
  return rows.rows.map((r) => Number(r.asn_id));
}

// ---- Purge: candidates per kind, anchored on or before a cutoff day

export interface Candidate {
  id: string;
  electionId: string | null;
  regionCode: string | null;
  anchorOn: string;
  caseId: string | null;
  reportIds: string[];
  asnIds: number[];
  /** Identity key to destroy, files to remove. */
  keyId?: string;
  /** The report has an e-mail address for notices to delete. */
  noticeAddress?: boolean;
  /** The report came through the SMS/WhatsApp inbox: the sender's number is still sealed there. */
  messenger?: boolean;
  files?: string[];
}

/** One batch of candidates: those whose id sorts after `after` (null: from the start), at most `limit`. */
export interface CandidatePage {
  after: string | null;
  limit: number;
}

/** The batch's condition and order, appended after a WHERE clause (nothing without a page). */
const pageSql = (column: string, page?: CandidatePage) =>
  page === undefined
    ? sql``
    : page.after === null
      ? sql` ORDER BY ${sql.ref(column)} LIMIT ${page.limit}`
      : sql` AND ${sql.ref(column)} > ${page.after} ORDER BY ${sql.ref(column)} LIMIT ${page.limit}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const paged = (column: string, page?: CandidatePage) => <Q extends { where: any; orderBy: any; limit: any }>(qb: Q): Q => {
  if (page === undefined) return qb;
  const after = page.after === null ? qb : qb.where(sql<boolean>`${sql.ref(column)} > ${page.after}`);
  return after.orderBy(sql.ref(column)).limit(page.limit);
};

const numbers = (values: Array<number | string | null>): number[] => values.filter((v): v is number | string => v !== null).map(Number);

async function hasTable(db: Db | Trx, name: string): Promise<boolean> {
  const row = await sql<{ present: boolean }>`SELECT to_regclass(${name}) IS NOT NULL AS present`.execute(db);
  return Boolean(row.rows[0]?.present);
}

/** The civil servants a case (alias `c`) is about beyond `cases.asn_id`: issue 15's `case_people`, where it exists. */
async function casePeople(db: Db | Trx) {
  return (await hasTable(db, 'case_people'))
    ? sql<Array<number | string>>`coalesce((SELECT array_agg(cp.asn_id) FROM case_people cp WHERE cp.case_id = c.id), '{}')`
    : sql<Array<number | string>>`'{}'::bigint[]`;
}

/**
 * A report's reporter, as far as Netra keeps them: the sealed vault (identity, particulars,
 * witnesses) under its live data key, and the e-mail address for notices (issue 17's
 * `reporter_notice_addresses`, sealed with the master key: deleted, where that table exists).
 */
async function identityCandidates(db: Db, cutoff: string, page?: CandidatePage): Promise<Candidate[]> {
  const notices = await hasTable(db, 'reporter_notice_addresses');
  const notice = notices ? sql<boolean>`EXISTS (SELECT 1 FROM reporter_notice_addresses n WHERE n.report_id = r.id)` : sql<boolean>`false`;
  const messenger = (await hasTable(db, 'inbox_conversations'))
    ? sql<boolean>`EXISTS (SELECT 1 FROM inbox_conversations ic WHERE ic.report_id = r.id AND ic.sender_sealed <> '')`
    : sql<boolean>`false`;
  const rows = await sql<{ id: string; electionId: string; regionCode: string; anchorOn: string; caseId: string; reportAsn: number | null; caseAsn: number | null; people: Array<number | string>; keyId: string | null; notice: boolean; messenger: boolean }>`
    SELECT r.id, r.election_id AS "electionId", r.region_code AS "regionCode", ${dayOf(sql`c.closed_at`)} AS "anchorOn", r.case_id AS "caseId",
           r.asn_id AS "reportAsn", c.asn_id AS "caseAsn", ${await casePeople(db)} AS people, k.id AS "keyId", ${notice} AS notice, ${messenger} AS messenger
      FROM reports r
      JOIN cases c ON c.id = r.case_id
      LEFT JOIN reporter_identities ri ON ri.report_id = r.id AND ri.sealed LIKE 'k1:%'
      LEFT JOIN identity_keys k ON k.id::text = split_part(ri.sealed, ':', 2) AND k.wrapped IS NOT NULL
     WHERE c.closed_at IS NOT NULL AND ${startedBy('c.closed_at', cutoff)} AND (k.id IS NOT NULL OR ${notice} OR ${messenger})${pageSql('r.id', page)}`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    electionId: r.electionId,
    regionCode: r.regionCode,
    anchorOn: r.anchorOn,
    caseId: r.caseId,
    reportIds: [r.id],
    asnIds: numbers([r.reportAsn, r.caseAsn, ...r.people]),
    keyId: r.keyId ?? undefined,
    noticeAddress: r.notice,
    messenger: r.messenger,
  }));
}

/**
 * Forget who sent these reports through the SMS/WhatsApp inbox (issue 17, where its tables exist):
 * the sealed number and its keyed hash, the message texts and the queued or sent replies.
 */
export async function forgetMessengerSenders(trx: Db | Trx, reportIds: string[]): Promise<void> {
  if (reportIds.length === 0 || !(await hasTable(trx, 'inbox_conversations'))) return;
  const conversations = sql`SELECT id FROM inbox_conversations WHERE report_id = ANY(${reportIds}::uuid[])`;
  await sql`UPDATE inbox_messages SET body = ${REMOVED_TEXT} WHERE conversation_id IN (${conversations})`.execute(trx);
  await sql`DELETE FROM inbox_outbox WHERE conversation_id IN (${conversations})`.execute(trx);
  await sql`UPDATE inbox_conversations SET sender_sealed = '', sender_key = 'purged:' || id WHERE report_id = ANY(${reportIds}::uuid[])`.execute(trx);
}

/** Delete the notice addresses of these reports (where issue 17's table exists). */
export async function deleteNoticeAddresses(trx: Db | Trx, reportIds: string[]): Promise<void> {
  if (reportIds.length === 0 || !(await hasTable(trx, 'reporter_notice_addresses'))) return;
  await sql`DELETE FROM reporter_notice_addresses WHERE report_id = ANY(${reportIds}::uuid[])`.execute(trx);
}

async function evidenceCandidates(db: Db, cutoff: string, copy: boolean, page?: CandidatePage): Promise<Candidate[]> {
  const column = copy ? 'e.public_copy_key' : 'e.storage_key';
  const rows = await db
    .selectFrom('evidence as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(['e.id', 'r.id as reportId', 'r.election_id as electionId', 'r.region_code as regionCode', dayOf(sql`c.closed_at`).as('anchorOn'), 'r.case_id as caseId', 'r.asn_id as reportAsn', 'c.asn_id as caseAsn', (await casePeople(db)).as('people'), sql<string>`${sql.ref(column)}`.as('file')])
    .where(sql.ref(column), 'is not', null)
    .where('c.closed_at', 'is not', null)
    .where(startedBy('c.closed_at', cutoff))
    .$call(paged('e.id', page))
    .execute();
  return rows.map((r) => ({ id: r.id, electionId: r.electionId, regionCode: r.regionCode, anchorOn: r.anchorOn, caseId: r.caseId, reportIds: [r.reportId], asnIds: numbers([r.reportAsn, r.caseAsn, ...r.people]), files: [r.file] }));
}

const NOT_ACCEPTED = ['not_accepted', 'withdrawn'];

async function caseCandidates(db: Db, cutoff: string, notAccepted: boolean, page?: CandidatePage): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('cases as c')
    .select([
      'c.id',
      'c.election_id as electionId',
      'c.region_code as regionCode',
      dayOf(sql`c.closed_at`).as('anchorOn'),
      'c.asn_id as caseAsn',
      sql<string[]>`coalesce((SELECT array_agg(r.id::text ORDER BY r.id) FROM reports r WHERE r.case_id = c.id), '{}')`.as('reportIds'),
      sql<Array<number | null>>`coalesce((SELECT array_agg(r.asn_id) FROM reports r WHERE r.case_id = c.id), '{}')`.as('reportAsns'),
      (await casePeople(db)).as('people'),
    ])
    .where('c.closed_at', 'is not', null)
    .where('c.personal_purged_at', 'is', null)
    .where('c.state', notAccepted ? 'in' : 'not in', NOT_ACCEPTED)
    .where(startedBy('c.closed_at', cutoff))
    .$call(paged('c.id', page))
    .execute();
  return rows.map((r) => ({ id: r.id, electionId: r.electionId, regionCode: r.regionCode, anchorOn: r.anchorOn, caseId: r.id, reportIds: r.reportIds, asnIds: numbers([r.caseAsn, ...r.reportAsns, ...r.people]) }));
}

async function postCandidates(db: Db, cutoff: string, page?: CandidatePage): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('screening_posts as p')
    .innerJoin('screening_accounts as a', 'a.id', 'p.account_id')
    .select(['p.id', 'p.election_id as electionId', 'p.region_code as regionCode', dayOf(sql`coalesce(p.decided_at, p.imported_at)`).as('anchorOn'), 'a.asn_id as asnId'])
    .where('p.report_id', 'is', null)
    .where(sql<boolean>`(coalesce(p.decided_at, p.imported_at) AT TIME ZONE ${ZONE})::date <= ${cutoff}::date`)
    .$call(paged('p.id', page))
    .execute();
  return rows.map((r) => ({ id: r.id, electionId: r.electionId, regionCode: r.regionCode, anchorOn: r.anchorOn, caseId: null, reportIds: [], asnIds: numbers([r.asnId]) }));
}

async function linkCandidates(db: Db, cutoff: string, page?: CandidatePage): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('screening_accounts as a')
    .select(['a.id', 'a.region_code as regionCode', dayOf(sql`coalesce(a.link_decided_at, a.created_at)`).as('anchorOn'), 'a.asn_id as asnId'])
    .where('a.asn_id', 'is not', null)
    .where(sql<boolean>`(coalesce(a.link_decided_at, a.created_at) AT TIME ZONE ${ZONE})::date <= ${cutoff}::date`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('screening_posts as p').select('p.id').whereRef('p.account_id', '=', 'a.id').where('p.report_id', 'is not', null))))
    .$call(paged('a.id', page))
    .execute();
  return rows.map((r) => ({ id: r.id, electionId: null, regionCode: r.regionCode, anchorOn: r.anchorOn, caseId: null, reportIds: [], asnIds: numbers([r.asnId]) }));
}

/**
 * SMS/WhatsApp conversations that never became a report (issue 17's inbox): dismissed ones from the
 * dismissal, open ones from their last message. Their files are the media's original and copy.
 */
async function inboxConversationCandidates(db: Db, cutoff: string, page?: CandidatePage): Promise<Candidate[]> {
  if (!(await hasTable(db, 'inbox_conversations'))) return [];
  const rows = await sql<{ id: string; regionCode: string | null; anchorOn: string; files: Array<string | null> | null }>`
    SELECT c.id, c.region_code AS "regionCode", ${dayOf(sql`coalesce(c.handled_at, c.last_message_at)`)} AS "anchorOn",
           (SELECT array_agg(k) FROM inbox_messages m JOIN inbox_media f ON f.message_id = m.id,
                   LATERAL unnest(ARRAY[f.storage_key, f.public_copy_key]) AS k
             WHERE m.conversation_id = c.id) AS files
      FROM inbox_conversations c
     WHERE c.report_id IS NULL AND c.status IN ('open', 'dismissed')
       AND ${startedBy('c.last_message_at', cutoff)} AND (c.handled_at IS NULL OR ${startedBy('c.handled_at', cutoff)})${pageSql('c.id', page)}`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    electionId: null,
    regionCode: r.regionCode,
    anchorOn: r.anchorOn,
    caseId: null,
    reportIds: [],
    asnIds: [],
    files: (r.files ?? []).filter((k): k is string => k !== null),
  }));
}

/** A conversation goes whole: its messages, media rows and outbox follow (ON DELETE CASCADE). */
export async function deleteInboxConversations(trx: Trx, ids: string[]): Promise<void> {
  if (ids.length > 0) await sql`DELETE FROM inbox_conversations WHERE id = ANY(${ids}::uuid[]) AND report_id IS NULL`.execute(trx);
}

async function exportCandidates(db: Db, cutoff: string, page?: CandidatePage): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('export_jobs')
    .select(['id', 'format', 'status', dayOf(sql`created_at`).as('anchorOn')])
    .where(startedBy('created_at', cutoff))
    .where('status', 'not in', ['queued', 'running'])
    .$call(paged('id', page))
    .execute();
  return rows.map((r) => ({ id: r.id, electionId: null, regionCode: null, anchorOn: r.anchorOn, caseId: null, reportIds: [], asnIds: [], files: r.status === 'done' ? [`exports/${r.id}.${r.format}`] : [] }));
}

async function sessionCandidates(db: Db, cutoff: string, page?: CandidatePage): Promise<Candidate[]> {
  const rows = await db.selectFrom('sessions').select(['id', dayOf(sql`expires_at`).as('anchorOn')]).where(startedBy('expires_at', cutoff)).$call(paged('id', page)).execute();
  return rows.map((r) => ({ id: r.id, electionId: null, regionCode: null, anchorOn: r.anchorOn, caseId: null, reportIds: [], asnIds: [] }));
}

/** The records of a kind whose clock started on or before `cutoff`, not yet purged. */
export function candidates(db: Db, kind: RetentionKind, cutoff: string, page?: CandidatePage): Promise<Candidate[]> {
  switch (kind) {
    case 'reporter_identity':
      return identityCandidates(db, cutoff, page);
    case 'evidence_original':
      return evidenceCandidates(db, cutoff, false, page);
    case 'evidence_copy':
      return evidenceCandidates(db, cutoff, true, page);
    case 'closed_case':
      return caseCandidates(db, cutoff, false, page);
    case 'not_accepted_report':
      return caseCandidates(db, cutoff, true, page);
    case 'screened_post':
      return postCandidates(db, cutoff, page);
    case 'account_link':
      return linkCandidates(db, cutoff, page);
    case 'inbox_conversation':
      return inboxConversationCandidates(db, cutoff, page);
    case 'export':
      return exportCandidates(db, cutoff, page);
    case 'session':
      return sessionCandidates(db, cutoff, page);
    case 'audit_log':
      return Promise.resolve([]);
  }
}

/** The candidates of a kind a batch at a time (ordered by id), so a reader need not hold them all. */
export async function* candidateBatches(db: Db, kind: RetentionKind, cutoff: string, limit: number): AsyncGenerator<Candidate[]> {
  let after: string | null = null;
  for (;;) {
    const batch = await candidates(db, kind, cutoff, { after, limit });
    if (batch.length > 0) yield batch;
    if (batch.length < limit) return;
    after = batch.at(-1)!.id;
  }
}

// ---- Purge: what it does to a record

export const REMOVED_TEXT = '[dihapus sesuai retensi]';

export async function markOriginalsPurged(trx: Trx, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('evidence').set({ storage_key: null, original_name: REMOVED_TEXT, original_purged_at: at }).where('id', 'in', ids).execute();
}

export async function markCopiesPurged(trx: Trx, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('evidence').set({ public_copy_key: null, copy_purged_at: at }).where('id', 'in', ids).execute();
}

/**
 * Blank the personal fields of finished cases and their reports, keeping every field the public
 * figures count (election, region, agency, state, acts, dates, sanction, the person's position
 * type). The people are unlinked from the case.
 */
export async function anonymiseCases(trx: Trx, caseIds: string[], at: Date): Promise<void> {
  if (caseIds.length === 0) return;
  await trx
    .updateTable('cases as c')
    .set({
      summary: REMOVED_TEXT,
      position_type_retained: sql`(SELECT a.position_type FROM asn a WHERE a.id = c.asn_id)`,
      asn_id: null,
      personal_purged_at: at,
    })
    .where('c.id', 'in', caseIds)
    .execute();
  await trx
    .updateTable('reports')
    .set({
      description: REMOVED_TEXT,
      place: REMOVED_TEXT,
      reported_name: REMOVED_TEXT,
      reported_name_normalised: '',
      reported_nip: null,
      reported_agency: null,
      reported_position: null,
      asn_id: null,
      secret_hash: null,
      idempotency_key: null,
      personal_purged_at: at,
    })
    .where('case_id', 'in', caseIds)
    .execute();
  await trx.updateTable('case_events').set({ note: null }).where('case_id', 'in', caseIds).where('note', 'is not', null).execute();
  // The people a case is about (issue 15's case_people), where that table exists.
  const people = await sql<{ present: boolean }>`SELECT to_regclass('case_people') IS NOT NULL AS present`.execute(trx);
  if (people.rows[0]?.present) await sql`DELETE FROM case_people WHERE case_id = ANY(${caseIds}::uuid[])`.execute(trx);
}

/** Evidence of the given cases' reports still holding a file (originals and copies). */
export async function evidenceFilesOfCases(trx: Db | Trx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return trx
    .selectFrom('evidence as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .select(['e.id', 'e.storage_key as original', 'e.public_copy_key as copy'])
    .where('r.case_id', 'in', caseIds)
    .where((eb) => eb.or([eb('e.storage_key', 'is not', null), eb('e.public_copy_key', 'is not', null)]))
    .execute();
}

/** Live identity keys of the given cases' reports. */
export async function identityKeysOfCases(trx: Db | Trx, caseIds: string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await trx
    .selectFrom('reporter_identities as ri')
    .innerJoin('reports as r', 'r.id', 'ri.report_id')
    .innerJoin('identity_keys as k', (join) => join.on(sql<boolean>`k.id::text = split_part(ri.sealed, ':', 2)`))
    .select('k.id')
    .where('r.case_id', 'in', caseIds)
    .where('ri.sealed', 'like', 'k1:%')
    .where('k.wrapped', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Of these storage keys, those some row still refers to. Evidence is content-addressed: the same
 * photo sent twice is one file, so a file goes only when nothing refers to it any more (evidence
 * originals and copies, and the other tables that keep files by the same keys, where they exist).
 */
export async function referencedKeys(trx: Db | Trx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name IN ('storage_key', 'public_copy_key') AND data_type = 'text'`.execute(trx);
  const found = new Set<string>();
  for (const { table_name, column_name } of columns.rows) {
    const rows = await sql<{ key: string }>`SELECT DISTINCT ${sql.ref(column_name)} AS key FROM ${sql.table(table_name)} WHERE ${sql.ref(column_name)} = ANY(${keys}::text[])`.execute(trx);
    for (const row of rows.rows) found.add(row.key);
  }
  return found;
}

export async function deletePosts(trx: Trx, ids: string[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom('screening_posts').where('id', 'in', ids).execute();
}

export async function unlinkAccounts(trx: Trx, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('screening_accounts')
    .set({ asn_id: null, link_status: null, link_similarity: null, link_decided_by: null, rejected_asn_ids: sql`'{}'`, display_name: null, link_purged_at: at })
    .where('id', 'in', ids)
    .execute();
}

export async function deleteExports(trx: Trx, ids: string[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom('export_jobs').where('id', 'in', ids).execute();
}

export async function deleteSessions(trx: Trx, ids: string[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom('sessions').where('id', 'in', ids).execute();
}

// ---- Purge runs and log

export async function startRun(db: Db, run: { dryRun: boolean; trigger: 'schedule' | 'console' | 'cli' | 'restore'; actorId: string | null; today: string; at: Date }): Promise<string> {
  const row = await db
    .insertInto('purge_runs')
    .values({ dry_run: run.dryRun, trigger: run.trigger, actor_id: run.actorId, today: run.today, started_at: run.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(db: Db | Trx, id: string, result: { status: 'done' | 'failed'; total: number; held: number; error?: string; at: Date }): Promise<void> {
  await db.updateTable('purge_runs').set({ status: result.status, total: result.total, held: result.held, error: result.error ?? null, finished_at: result.at }).where('id', '=', id).execute();
}

export async function deleteRun(db: Db, id: string): Promise<void> {
  await db.deleteFrom('purge_runs').where('id', '=', id).execute();
}

export interface PurgeLogEntry {
  kind: string;
  action: string;
  electionId: string | null;
  regionCode: string | null;
  ruleElectionId: string | null;
  ruleKeepDays: number | null;
  ruleLegalBasis: string;
  ids: string[];
}

export async function insertLog(trx: Db | Trx, runId: string, entries: PurgeLogEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('purge_log')
    .values(
      entries.map((e) => ({
        run_id: runId,
        kind: e.kind,
        action: e.action,
        election_id: e.electionId,
        region_code: e.regionCode,
        rule_election_id: e.ruleElectionId,
        rule_keep_days: e.ruleKeepDays,
        rule_legal_basis: e.ruleLegalBasis,
        count: e.ids.length,
        ids: e.ids,
        at,
      })),
    )
    .execute();
}

export async function listRuns(db: Db, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('purge_runs as r')
      .leftJoin('users as u', 'u.id', 'r.actor_id')
      .select(['r.id', 'r.dry_run as dryRun', 'r.trigger', 'r.today', 'r.status', 'r.total', 'r.held', 'r.error', 'r.started_at as startedAt', 'r.finished_at as finishedAt', 'u.name as actorName'])
      .orderBy('r.started_at', 'desc')
      .orderBy('r.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db.selectFrom('purge_runs').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findRun(db: Db, id: string) {
  return db.selectFrom('purge_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function logOfRun(db: Db, runId: string) {
  return db
    .selectFrom('purge_log')
    .select(['kind', 'action', 'election_id as electionId', 'region_code as regionCode', 'rule_election_id as ruleElectionId', 'rule_keep_days as ruleKeepDays', 'rule_legal_basis as ruleLegalBasis', 'count', 'ids', 'at'])
    .where('run_id', '=', runId)
    .orderBy('id')
    .execute();
}

/** Purges running right now (one at a time). */
export async function lockPurge(trx: Trx): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(7351020) AS ok`.execute(trx);
  return Boolean(row.rows[0]?.ok);
}
