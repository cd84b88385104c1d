/**
 * Case queries: the only code that writes `cases` and `case_events`. Every staff read and every
 * row locked for a staff change goes through `scopedCases`, so the caller's territorial (and
 * agency) scope and stage visibility are part of the SQL: a case outside them is never fetched and
 * the caller answers 404.
 */
import { randomUUID } from 'node:crypto';
import type { CaseClock, ElectionRulebook, IdentifierKind, RoleCode, Scope } from '@netra/core';
import { sql, type Insertable, type Selectable, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseTable, Database } from '../../db/schema.ts';
import { caseVisibleTo, regionInScope } from '../../db/scope.ts';
import type { ListCasesQuery } from './schema.ts';
import { statesNeedingAction } from './rules.ts';
import { countOf } from '../../db/count.ts';
import { containsPattern } from '../../db/like.ts';

export type CaseRow = Selectable<CaseTable>;

export interface Viewer {
  id: string;
  role: RoleCode;
  scope: Scope;
}

/**
 * The cases `viewer` may see: inside their scope, and for the bodies after Bawaslu only once the
 * case has reached them (the same rule as their reports, so a case page never shows what the
 * report pages hide).
 */
export function scopedCases(db: Db, viewer: Viewer) {
  return db.selectFrom('cases as c').where((eb) => caseVisibleTo(eb, viewer));
}

/** A case with the names a page shows beside it. */
function withNames(db: Db, viewer: Viewer) {
  return scopedCases(db, viewer)
    .innerJoin('regions as r', 'r.code', 'c.region_code')
    .innerJoin('elections as e', 'e.id', 'c.election_id')
    .leftJoin('users as a', 'a.id', 'c.assignee_id')
    .leftJoin('users as l', 'l.id', 'c.locked_by')
    .selectAll('c')
    .select(['r.name as region_name', 'r.time_zone', 'e.name_id as election_name_id', 'e.name_en as election_name_en', 'a.name as assignee_name', 'l.name as lock_holder_name']);
}

export type CaseWithNames = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

/** The region's own date (WIB, WITA or WIT) at `now`, as SQL: the day the law counts in. */
const regionToday = (now: Date) => sql<string>`(${now.toISOString()}::timestamptz AT TIME ZONE r.time_zone)::date`;

/** The cases of a queue with its filters, in the viewer's scope (unordered, unpaged). */
function filteredCases(db: Db, viewer: Viewer, query: Omit<ListCasesQuery, 'sort' | 'limit' | 'offset' | 'lang'>, now: Date) {
  let base = withNames(db, viewer);
  const open = sql<boolean>`c.closed_at IS NULL`;
  switch (query.queue) {
    case 'mine':
      base = base.where('c.assignee_id', '=', viewer.id).where(open);
      break;
    case 'needs_action': {
      const states = statesNeedingAction(viewer.role);
      // Work waiting for my role, not already given to a colleague.
      base = states.length === 0 ? base.where(sql<boolean>`false`) : base.where('c.state', 'in', states).where((eb) => eb.or([eb('c.assignee_id', 'is', null), eb('c.assignee_id', '=', viewer.id)]));
      break;
    }
    case 'overdue':
      // "Today" is the region's own date (WIB, WITA or WIT), the day the law counts in.
      base = base.where(open).where(sql<boolean>`c.next_deadline_due < ${regionToday(now)}`);
      break;
    case 'unassigned':
      base = base.where('c.assignee_id', 'is', null).where(open);
      break;
    case 'all':
      break;
  }
  if (query.electionId) base = base.where('c.election_id', '=', query.electionId);
  if (query.region) base = base.where((eb) => regionInScope(eb, 'c.region_code', { kind: 'region', regionCode: query.region! }));
  if (query.state?.length) base = base.where('c.state', 'in', query.state);
  if (query.act) base = base.where(sql<boolean>`c.act_codes @> ARRAY[${query.act}]::text[]`);
  if (query.assignee === 'me') base = base.where('c.assignee_id', '=', viewer.id);
  else if (query.assignee === 'none') base = base.where('c.assignee_id', 'is', null);
  else if (query.assignee) base = base.where('c.assignee_id', '=', query.assignee);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('c.number', 'ilike', pattern), eb('c.summary', 'ilike', pattern)]));
  }
  // Clocks by the region's own today: due today, due in the next three days, or already overdue.
  if (query.due === 'today') base = base.where(open).where(sql<boolean>`c.next_deadline_due = ${regionToday(now)}`);
  else if (query.due === 'soon') base = base.where(open).where(sql<boolean>`c.next_deadline_due > ${regionToday(now)} AND c.next_deadline_due <= ${regionToday(now)} + 3`);
  else if (query.due === 'overdue') base = base.where(open).where(sql<boolean>`c.next_deadline_due < ${regionToday(now)}`);
  return base;
}

/** How many cases a queue with its filters holds (the day's-work counts). */
export async function countCases(db: Db, viewer: Viewer, query: Omit<ListCasesQuery, 'sort' | 'limit' | 'offset' | 'lang'>, now: Date): Promise<number> {
  return Number(await countOf(filteredCases(db, viewer, query, now)));
}

/** The SQL of a whole queue with its filters, in queue order (for exports, streamed). */
export function casesForExport(db: Db, viewer: Viewer, query: Omit<ListCasesQuery, 'limit' | 'offset' | 'lang'>, now: Date) {
  return ordered(filteredCases(db, viewer, query, now), query.sort).orderBy('c.number').compile();
}

function ordered(base: ReturnType<typeof filteredCases>, sort: ListCasesQuery['sort']) {
  switch (sort) {
    case 'deadline':
      return base.orderBy(sql`c.next_deadline_due ASC NULLS LAST`).orderBy('c.received_on');
    case '-deadline':
      return base.orderBy(sql`c.next_deadline_due DESC NULLS LAST`).orderBy('c.received_on');
    case 'received':
      return base.orderBy('c.received_on');
    case '-received':
      return base.orderBy('c.received_on', 'desc');
    case 'updated':
      return base.orderBy('c.updated_at', 'desc');
  }
}

/** One page of a queue, and how many cases the queue holds. */
export async function listCases(db: Db, viewer: Viewer, query: ListCasesQuery, now: Date): Promise<{ total: number; rows: CaseWithNames[] }> {
  const base = filteredCases(db, viewer, query, now);
  const total = await countOf(base);
  const rows = await ordered(base, query.sort).orderBy('c.number').limit(query.limit).offset(query.offset).execute();
  return { total: Number(total), rows };
}

export async function findCase(db: Db, viewer: Viewer, id: string): Promise<CaseWithNames | undefined> {
  return withNames(db, viewer).where('c.id', '=', id).executeTakeFirst();
}

/** The case row locked for a change, or undefined when it does not exist or `viewer` may not see it. */
export async function lockCaseForChange(trx: Transaction<Database>, viewer: Viewer, id: string): Promise<CaseRow | undefined> {
  return scopedCases(trx, viewer).selectAll('c').where('c.id', '=', id).forUpdate().executeTakeFirst();
}

export function clockOf(row: Pick<CaseRow, 'received_on' | 'review_restarted_on' | 'information_requested_on' | 'forwarded_to_bkn_on' | 'recommended_to_ppk_on'>): CaseClock {
  return {
    receivedDate: row.received_on,
    reviewRestartedDate: row.review_restarted_on,
    informationRequestedDate: row.information_requested_on,
    forwardedToBknDate: row.forwarded_to_bkn_on,
    recommendedToPpkDate: row.recommended_to_ppk_on,
  };
}

/** A case's rulebook: its election's, in the version the case's clocks started with. */
export type RulebookRef = Pick<CaseRow, 'election_id' | 'rulebook_version'>;
export const rulebookKey = (ref: RulebookRef) => `${ref.election_id}#${ref.rulebook_version}`;

/** The rulebooks the given cases run under (few: one per election and version), by `rulebookKey`. */
export async function rulebooksFor(db: Db, cases: Iterable<RulebookRef>): Promise<Map<string, ElectionRulebook>> {
  const refs = [...new Map([...cases].map((c) => [rulebookKey(c), c])).values()];
  if (refs.length === 0) return new Map();
  const rows = await db
    .selectFrom('election_rulebooks')
    .select(['election_id', 'version', 'rulebook'])
    .where((eb) => eb.or(refs.map((r) => eb.and([eb('election_id', '=', r.election_id), eb('version', '=', r.rulebook_version)]))))
    .execute();
  return new Map(rows.map((r) => [rulebookKey({ election_id: r.election_id, rulebook_version: r.version }), r.rulebook as ElectionRulebook]));
}

export async function caseEvents(db: Db, caseId: string) {
  return db
    .selectFrom('case_events as ce')
    .leftJoin('users as u', 'u.id', 'ce.actor_id')
    .select(['ce.id', 'ce.at', 'ce.kind', 'ce.transition', 'ce.from_state', 'ce.to_state', 'ce.note', 'ce.data', 'ce.public', 'ce.actor_id', 'u.name as actor_name'])
    .where('ce.case_id', '=', caseId)
    .orderBy('ce.at')
    .orderBy('ce.id')
    .execute();
}

export interface CaseEventInput {
  caseId: string;
  actorId: string | null;
  kind: string;
  /** Default: the database clock. */
  at?: Date;
  transition?: string | null;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  data?: unknown;
  public?: boolean;
}

const caseEventRow = (event: CaseEventInput) => ({
  case_id: event.caseId,
  actor_id: event.actorId,
  kind: event.kind,
  ...(event.at ? { at: event.at } : {}),
  transition: event.transition ?? null,
  from_state: event.fromState ?? null,
  to_state: event.toState ?? null,
  note: event.note ?? null,
  data: JSON.stringify(event.data ?? {}),
  public: event.public ?? false,
});

export async function insertCaseEvent(trx: Transaction<Database>, event: CaseEventInput): Promise<void> {
  await trx.insertInto('case_events').values(caseEventRow(event)).execute();
}

export async function userSummary(db: Db, id: string) {
  return db.selectFrom('users').select(['id', 'name', 'role', 'active', 'scope_region_code', 'scope_agency_ids']).where('id', '=', id).executeTakeFirst();
}

/** Active staff of `roles` whose region scope covers `regionCode` (agency narrowing is checked by the caller). */
export async function staffCovering(db: Db, roles: readonly string[], regionCode: string) {
  if (roles.length === 0) return [];
  const lineage = regionCode.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'scope_region_code', 'scope_agency_ids'])
    .where('active', '=', true)
    .where('role', 'in', roles)
    .where((eb) => eb.or([eb('scope_region_code', 'is', null), eb('scope_region_code', 'in', lineage)]))
    .orderBy('name')
    .limit(500)
    .execute();
}

// ---------------------------------------------------------------- writes

type NewCase = Omit<Insertable<CaseTable>, 'number'>;

/**
 * Insert a case under the next number of its year, `NTR-<year>-<6-digit sequence>` (six digits,
 * growing past a million rather than being cut: lpad truncates), with its first timeline event in
 * the SAME statement (one round trip on the intake's hot path, issue 11): the case id is drawn
 * here, so the event's row needs nothing back from the case's.
 */
export async function insertCaseWithEvent(
  trx: Transaction<Database>,
  year: string,
  values: Omit<NewCase, 'id'>,
  event: Omit<CaseEventInput, 'caseId'>,
): Promise<{ id: string; number: string }> {
  const id = randomUUID();
  return trx
    .with('opened', (db) =>
      db
        .insertInto('cases')
        .values({ id, number: sql<string>`(SELECT 'NTR-' || ${year}::text || '-' || lpad(s::text, greatest(6, length(s::text)), '0') FROM nextval('case_number_seq') AS s)`, ...values })
        .returning(['id', 'number']),
    )
    .with('first_event', (db) => db.insertInto('case_events').values(caseEventRow({ ...event, caseId: id })))
    .selectFrom('opened')
    .select(['id', 'number'])
    .executeTakeFirstOrThrow();
}

/**
 * Several cases with their first events in ONE statement (a group commit's filings, issue 11),
 * answered in the order given.
 */
export async function insertCasesWithEvents(
  trx: Transaction<Database>,
  entries: ReadonlyArray<{ year: string; values: Omit<NewCase, 'id'>; event: Omit<CaseEventInput, 'caseId'> }>,
): Promise<Array<{ id: string; number: string }>> {
  if (entries.length === 0) return [];
  const ids = entries.map(() => randomUUID());
  const rows = await trx
    .with('opened', (db) =>
      db
        .insertInto('cases')
        .values(
          entries.map(({ year, values }, i) => ({
            id: ids[i],
            number: sql<string>`(SELECT 'NTR-' || ${year}::text || '-' || lpad(s::text, greatest(6, length(s::text)), '0') FROM nextval('case_number_seq') AS s)`,
            ...values,
          })),
        )
        .returning(['id', 'number']),
    )
    .with('first_events', (db) => db.insertInto('case_events').values(entries.map(({ event }, i) => caseEventRow({ ...event, caseId: ids[i] }))))
    .selectFrom('opened')
    .select(['id', 'number'])
    .execute();
  const numbers = new Map(rows.map((r) => [r.id, r.number]));
  return ids.map((id) => ({ id, number: numbers.get(id)! }));
}

/** Change a case's columns; `bumpVersion` moves its optimistic version on by one. */
export async function updateCase(trx: Transaction<Database>, id: string, values: Updateable<CaseTable>, options: { bumpVersion?: boolean } = {}): Promise<void> {
  await trx
    .updateTable('cases')
    .set({ ...values, ...(options.bumpVersion ? { version: sql<number>`version + 1` } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Change a case and return it as it now is. */
export async function updateCaseReturning(trx: Transaction<Database>, id: string, values: Updateable<CaseTable>): Promise<CaseRow> {
  return trx.updateTable('cases').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Several timeline events at once, in the order given. */
export async function insertCaseEvents(trx: Transaction<Database>, events: CaseEventInput[]): Promise<void> {
  for (const event of events) await insertCaseEvent(trx, event);
}

// ---------------------------------------------------------------- unscoped reads for jobs and other capabilities

/** The case state, locked, whatever the caller's scope (the reporter has none); undefined when missing. */
export async function lockCaseState(trx: Transaction<Database>, id: string): Promise<string | undefined> {
  const row = await trx.selectFrom('cases').select('state').where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.state;
}

/** Cases locked in id order, so two changes of crossing pairs cannot deadlock. */
export async function lockCasesInOrder(trx: Transaction<Database>, ids: string[]) {
  return trx
    .selectFrom('cases')
    .select(['id', 'number', 'state', 'act_codes as actCodes', 'version', 'region_code as regionCode', 'agency_id as agencyId'])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** One page of open cases after `after` (by id), for the deadline sweep. */
export async function openCasesAfter(db: Db, after: string, limit: number): Promise<CaseRow[]> {
  return db.selectFrom('cases').selectAll().where('closed_at', 'is', null).where('id', '>', after).orderBy('id').limit(limit).execute();
}

/** The employment kind (PNS or PPPK) of the civil servant behind a case, for the sanction matrix. */
export async function employeeKindOf(db: Db, asnId: number | null): Promise<IdentifierKind | undefined> {
  if (asnId === null) return undefined;
  const asn = await db.selectFrom('asn').select('kind').where('id', '=', asnId).executeTakeFirst();
  return asn?.kind;
}

/** The election's current rulebook and its version, for a case opened now (undefined: unknown election). */
export async function rulebookOf(db: Db, electionId: string): Promise<{ rulebook: ElectionRulebook; version: number } | undefined> {
  const row = await db.selectFrom('elections').select(['rulebook', 'rulebook_version']).where('id', '=', electionId).executeTakeFirst();
  return row && { rulebook: row.rulebook as ElectionRulebook, version: row.rulebook_version };
}

/** Public events of a case, minus other reporters' own entries (their receipt, their additions). */
export async function publicCaseEvents(db: Db, caseId: string, reportId: string) {
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

// ---------------------------------------------------------------- the reporter's thread (issue 17)

/** The case row locked for a system step, whatever the caller's scope (the reporter has none). */
export async function lockCaseRow(trx: Transaction<Database>, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The time of each case's latest public event (what a reporter's tracking page shows). */
export async function latestPublicEventAt(db: Db, caseIds: readonly string[]): Promise<Map<string, Date>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('case_events')
    .select(['case_id', (eb) => eb.fn.max('at').as('at')])
    .where('case_id', 'in', [...caseIds])
    .where('public', '=', true)
    .groupBy('case_id')
    .execute();
  return new Map(rows.map((r) => [r.case_id, new Date(r.at as unknown as string)]));
}
