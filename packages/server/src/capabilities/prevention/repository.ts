/**
 * Prevention queries: pledges, socialisation events and attendance. Every civil servant is found
 * through `asnInScope`, so a person outside the caller's region (or agencies, for personnel
 * officers narrowed to some) is never read, signed for or marked present.
 */
import type { Scope } from '@netra/core';
import { sql, type CompiledQuery, type ExpressionBuilder, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, SocialisationEventTable } from '../../db/schema.ts';
import { agencyInScope, regionInScope } from '../../db/scope.ts';
import { agencyFilter, territoryFilter, type Territory } from '../../db/territory.ts';
import { containsPattern } from '../../db/like.ts';

type Executor = Db | Transaction<Database>;

/** One page of a list query and the size of the whole list. */
async function paginate<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, page: { limit: number; offset: number }) {
  const { limit, offset } = page;
  const counted = await query
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const total = Number((counted as { total: number | string }).total);
  const items = await query.limit(limit).offset(offset).execute();
  return { total, limit, offset, nextOffset: offset + items.length < total ? offset + items.length : null, items };
}

const asnScope = (eb: ExpressionBuilder<Database, 'asn'>, scope: Scope) => eb.and([regionInScope(eb, 'asn.region_code', scope), agencyInScope(eb, 'asn.agency_id', scope)]);

/** Civil servants by NIP inside the scope (active or not, so "inactive" can be said). */
export async function asnByNips(db: Executor, scope: Scope, nips: readonly string[]) {
  if (nips.length === 0) return [];
  return db
    .selectFrom('asn')
    .select(['asn.id', 'asn.nip', 'asn.active'])
    .where('asn.nip', 'in', [...nips])
    .where((eb) => asnScope(eb, scope))
    .execute();
}

export async function findAgencyInScope(db: Executor, scope: Scope, agencyId: number) {
  return db
    .selectFrom('agencies')
    .select(['id', 'code', 'name', 'region_code'])
    .where('id', '=', agencyId)
    .where((eb) => eb.and([regionInScope(eb, 'agencies.region_code', scope), agencyInScope(eb, 'agencies.id', scope)]))
    .executeTakeFirst();
}

export async function findUnit(db: Executor, agencyId: number, unitId: number) {
  return db.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).where('agency_id', '=', agencyId).executeTakeFirst();
}

export async function findPledge(db: Executor, electionId: string, asnId: number) {
  return db.selectFrom('pledges').select(['signed_on', 'method']).where('election_id', '=', electionId).where('asn_id', '=', asnId).executeTakeFirst();
}

/** Record pledges (one per person per election: an existing one is kept); returns how many were new. */
export async function insertPledges(trx: Executor, electionId: string, rows: Array<{ asnId: number; signedOn: string }>, method: 'single' | 'import', recordedBy: string): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await sql<{ asn_id: number }>`
    INSERT INTO pledges (election_id, asn_id, signed_on, method, recorded_by)
    SELECT ${electionId}, x.asn_id, x.signed_on, ${method}, ${recordedBy}
    FROM unnest(${rows.map((r) => r.asnId)}::bigint[], ${rows.map((r) => r.signedOn)}::date[]) AS x(asn_id, signed_on)
    ON CONFLICT (election_id, asn_id) DO NOTHING
    RETURNING asn_id`.execute(trx);
  return result.rows.length;
}

/** Every active civil servant of an agency (or one of its units) signs on one day. */
export async function pledgeAgency(trx: Executor, electionId: string, agencyId: number, unitId: number | null, signedOn: string, recordedBy: string) {
  const unit = unitId === null ? sql`true` : sql`a.unit_id = ${unitId}`;
  const { rows } = await sql<{ staff: number; inserted: number }>`
    WITH staff AS (SELECT a.id FROM asn a WHERE a.agency_id = ${agencyId} AND a.active AND ${unit}),
    inserted AS (
      INSERT INTO pledges (election_id, asn_id, signed_on, method, recorded_by)
      SELECT ${electionId}, id, ${signedOn}::date, 'agency', ${recordedBy} FROM staff
      ON CONFLICT (election_id, asn_id) DO NOTHING RETURNING 1
    )
    SELECT (SELECT count(*) FROM staff)::int AS staff, (SELECT count(*) FROM inserted)::int AS inserted`.execute(trx);
  return rows[0];
}

export async function deletePledge(trx: Executor, electionId: string, asnId: number) {
  return trx.deleteFrom('pledges').where('election_id', '=', electionId).where('asn_id', '=', asnId).returning(['signed_on', 'method']).executeTakeFirst();
}

export interface PersonFilter {
  electionId: string;
  territory: Territory;
  scope: Scope;
  agencyId?: number;
  q?: string;
}

/** Active civil servants in the territory and scope who have not signed the election's pledge. */
function unsignedQuery(db: Db, filter: PersonFilter) {
  let query = db
    .selectFrom('asn')
    .innerJoin('agencies as ag', 'ag.id', 'asn.agency_id')
    .leftJoin('units as u', 'u.id', 'asn.unit_id')
    .innerJoin('regions as r', 'r.code', 'asn.region_code')
    .select(['asn.id', 'asn.nip', 'asn.name', 'asn.kind', 'asn.position_title as positionTitle', 'asn.position_type as positionType', 'ag.name as agency', 'u.name as unit', 'asn.region_code as regionCode', 'r.name as region'])
    .where('asn.active', '=', true)
    .where((eb) => asnScope(eb, filter.scope))
    .where(sql<boolean>`${territoryFilter(filter.territory, sql`left(asn.region_code, 2)`, sql`left(asn.region_code, 5)`)}`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('pledges as p').select('p.asn_id').whereRef('p.asn_id', '=', 'asn.id').where('p.election_id', '=', filter.electionId))),
    );
  if (filter.agencyId !== undefined) query = query.where('asn.agency_id', '=', filter.agencyId);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    query = query.where((eb) => eb.or([eb('asn.name', 'ilike', pattern), eb('asn.nip', 'like', `${filter.q!.replace(/\D/g, '')}%`)]));
  }
  return query.orderBy('asn.agency_id').orderBy('asn.name').orderBy('asn.id');
}

/** Pledges signed in the territory and scope, newest first. */
function pledgesQuery(db: Db, filter: PersonFilter) {
  let query = db
    .selectFrom('pledges as p')
    .innerJoin('asn', 'asn.id', 'p.asn_id')
    .innerJoin('agencies as ag', 'ag.id', 'asn.agency_id')
    .leftJoin('units as u', 'u.id', 'asn.unit_id')
    .select(['asn.id', 'asn.nip', 'asn.name', 'asn.position_title as positionTitle', 'ag.name as agency', 'u.name as unit', 'asn.region_code as regionCode', 'p.signed_on as signedOn', 'p.method'])
    .where('p.election_id', '=', filter.electionId)
    .where((eb) => asnScope(eb, filter.scope))
    .where(sql<boolean>`${territoryFilter(filter.territory, sql`left(asn.region_code, 2)`, sql`left(asn.region_code, 5)`)}`);
  if (filter.agencyId !== undefined) query = query.where('asn.agency_id', '=', filter.agencyId);
  return query.orderBy('p.signed_on', 'desc').orderBy('asn.id');
}

export const unsignedPage = (db: Db, filter: PersonFilter, page: { limit: number; offset: number }) => paginate(unsignedQuery(db, filter), page);
export const pledgesPage = (db: Db, filter: PersonFilter, page: { limit: number; offset: number }) => paginate(pledgesQuery(db, filter), page);
/** The whole lists, as SQL to stream (exports). */
export const unsignedRows = (db: Db, filter: PersonFilter): CompiledQuery => unsignedQuery(db, filter).compile();
export const pledgeRows = (db: Db, filter: PersonFilter): CompiledQuery => pledgesQuery(db, filter).compile();

/** A territory's coverage, for one election, optionally narrowed to some agencies. */
export interface CoverageFilter extends Territory {
  electionId: string;
  agencyIds: number[] | null;
}

export interface CoverageRow {
  agencyId: number;
  code: string;
  name: string;
  regionCode: string;
  asnTotal: number;
  pledged: number;
  reached: number;
}

/** Pledge and socialisation coverage per agency, from the aggregates; lowest pledge coverage first. */
function agencyCoverageQuery(filter: CoverageFilter) {
  return sql<CoverageRow>`
    SELECT c.agency_id AS "agencyId", a.code, a.name, a.region_code AS "regionCode",
      sum(c.asn_total)::int AS "asnTotal", coalesce(sum(p.pledged), 0)::int AS pledged, coalesce(sum(p.reached), 0)::int AS reached
    FROM dash_asn_counts c
    JOIN agencies a ON a.id = c.agency_id
    LEFT JOIN dash_prevention p ON p.election_id = ${filter.electionId} AND p.region_code = c.region_code AND p.agency_id = c.agency_id
    WHERE ${territoryFilter(filter, sql.ref('c.province_code'), sql.ref('c.region_code'))} AND ${agencyFilter(sql.ref('c.agency_id'), filter.agencyIds)}
    GROUP BY c.agency_id, a.code, a.name, a.region_code
    ORDER BY coalesce(sum(p.pledged), 0)::float / sum(c.asn_total), a.name, c.agency_id`;
}

export const agencyCoverageRows = (db: Db, filter: CoverageFilter): CompiledQuery => agencyCoverageQuery(filter).compile(db);

export async function agencyCoveragePage(db: Db, filter: CoverageFilter, page: { limit: number; offset: number }) {
  const query = agencyCoverageQuery(filter);
  const [{ rows: counted }, { rows: items }] = await Promise.all([
    sql<{ total: number }>`SELECT count(*)::int AS total FROM (${query}) x`.execute(db),
    sql<CoverageRow>`${query} LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db),
  ]);
  return { total: counted[0].total, items };
}

// ---------------------------------------------------------------- events

export interface EventFilter {
  electionId: string;
  territory: Territory;
}

export interface NewEvent {
  electionId: string;
  regionCode: string;
  kind: SocialisationEventTable['kind'];
  title: string;
  heldOn: string;
  place: string;
  organiser: string;
  note: string | null;
  createdBy: string;
}

export async function insertEvent(trx: Executor, event: NewEvent) {
  return trx
    .insertInto('socialisation_events')
    .values({
      election_id: event.electionId,
      region_code: event.regionCode,
      kind: event.kind,
      title: event.title,
      held_on: event.heldOn,
      place: event.place,
      organiser: event.organiser,
      note: event.note,
      created_by: event.createdBy,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

function eventsQuery(db: Db, filter: EventFilter) {
  return db
    .selectFrom('socialisation_events as e')
    .innerJoin('regions as r', 'r.code', 'e.region_code')
    .select([
      'e.id',
      'e.region_code as regionCode',
      'r.name as region',
      'e.kind',
      'e.title',
      'e.held_on as heldOn',
      'e.place',
      'e.organiser',
      'e.note',
      (eb) => eb.selectFrom('socialisation_attendance as t').whereRef('t.event_id', '=', 'e.id').select(eb.fn.countAll<number>().as('n')).as('attendance'),
    ])
    .where('e.election_id', '=', filter.electionId)
    .where(sql<boolean>`${territoryFilter(filter.territory, sql`left(e.region_code, 2)`, sql`left(e.region_code, 5)`)}`)
    .orderBy('e.held_on', 'desc')
    .orderBy('e.id');
}

export const eventsPage = (db: Db, filter: EventFilter, page: { limit: number; offset: number }) => paginate(eventsQuery(db, filter), page);
export const eventRows = (db: Db, filter: EventFilter): CompiledQuery => eventsQuery(db, filter).compile();

export async function findEventInScope(db: Executor, scope: Scope, eventId: string) {
  return db
    .selectFrom('socialisation_events as e')
    .innerJoin('regions as r', 'r.code', 'e.region_code')
    .select(['e.id', 'e.election_id as electionId', 'e.region_code as regionCode', 'r.name as region', 'e.kind', 'e.title', 'e.held_on as heldOn', 'e.place', 'e.organiser', 'e.note', 'e.created_at as createdAt'])
    .where('e.id', '=', eventId)
    .where((eb) => regionInScope(eb, 'e.region_code', scope))
    .executeTakeFirst();
}

/** Attendees of an event whom the viewer may see. */
function attendeesQuery(db: Db, scope: Scope, eventId: string) {
  return db
    .selectFrom('socialisation_attendance as t')
    .innerJoin('asn', 'asn.id', 't.asn_id')
    .innerJoin('agencies as ag', 'ag.id', 'asn.agency_id')
    .leftJoin('units as u', 'u.id', 'asn.unit_id')
    .select(['asn.id', 'asn.nip', 'asn.name', 'asn.position_title as positionTitle', 'ag.name as agency', 'u.name as unit'])
    .where('t.event_id', '=', eventId)
    .where((eb) => asnScope(eb, scope))
    .orderBy('ag.name')
    .orderBy('asn.name')
    .orderBy('asn.id');
}

export const attendeesPage = (db: Db, scope: Scope, eventId: string, page: { limit: number; offset: number }) => paginate(attendeesQuery(db, scope, eventId), page);
export const attendeeRows = (db: Db, scope: Scope, eventId: string): CompiledQuery => attendeesQuery(db, scope, eventId).compile();

export async function addAttendees(trx: Executor, eventId: string, asnIds: readonly number[]): Promise<number> {
  if (asnIds.length === 0) return 0;
  const result = await sql`
    INSERT INTO socialisation_attendance (event_id, asn_id) SELECT ${eventId}, unnest(${[...asnIds]}::bigint[])
    ON CONFLICT DO NOTHING`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Everyone active of an agency (or unit) attended. */
export async function addAgencyAttendees(trx: Executor, eventId: string, agencyId: number, unitId: number | null) {
  const unit = unitId === null ? sql`true` : sql`a.unit_id = ${unitId}`;
  const { rows } = await sql<{ staff: number; inserted: number }>`
    WITH staff AS (SELECT a.id FROM asn a WHERE a.agency_id = ${agencyId} AND a.active AND ${unit}),
    inserted AS (INSERT INTO socialisation_attendance (event_id, asn_id) SELECT ${eventId}, id FROM staff ON CONFLICT DO NOTHING RETURNING 1)
    SELECT (SELECT count(*) FROM staff)::int AS staff, (SELECT count(*) FROM inserted)::int AS inserted`.execute(trx);
  return rows[0];
}
