/**
 * Case queries. Every read and every row locked for a change goes through `scopedCases`, so the
 * caller's territorial (and agency) scope and stage visibility are part of the SQL: a case
 * outside them is never fetched and the caller answers 404.
 */
import type { CaseClock, Rulebook, RoleCode, Scope } from '@netra/core';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseTable, Database } from '../../db/schema.ts';
import { regionInScope } from '../../db/scope.ts';
import { caseVisibleTo } from '../reports/repository.ts';
import type { ListCasesQuery } from './schema.ts';
import { statesNeedingAction } from './rules.ts';

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

/** One page of a queue, and how many cases the queue holds. */
export async function listCases(db: Db, viewer: Viewer, query: ListCasesQuery, now: Date): Promise<{ total: number; rows: CaseWithNames[] }> {
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
      base = base.where(open).where(sql<boolean>`c.next_deadline_due < (${now.toISOString()}::timestamptz AT TIME ZONE r.time_zone)::date`);
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
    // The user's "%" and "_" are text to find, not wildcards.
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('c.number', 'ilike', pattern), eb('c.summary', 'ilike', pattern)]));
  }

  const [{ total }] = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  let ordered = base;
  switch (query.sort) {
    case 'deadline':
      ordered = ordered.orderBy(sql`c.next_deadline_due ASC NULLS LAST`).orderBy('c.received_on');
      break;
    case '-deadline':
      ordered = ordered.orderBy(sql`c.next_deadline_due DESC NULLS LAST`).orderBy('c.received_on');
      break;
    case 'received':
      ordered = ordered.orderBy('c.received_on');
      break;
    case '-received':
      ordered = ordered.orderBy('c.received_on', 'desc');
      break;
    case 'updated':
      ordered = ordered.orderBy('c.updated_at', 'desc');
      break;
  }
  const rows = await ordered.orderBy('c.number').limit(query.limit).offset(query.offset).execute();
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

/** The rulebooks of the given elections (few: one per election), by election id. */
export async function rulebooksFor(db: Db, electionIds: Iterable<string>): Promise<Map<string, Rulebook>> {
  const ids = [...new Set(electionIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('elections').select(['id', 'rulebook']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.rulebook as Rulebook]));
}

export async function caseReports(db: Db, caseId: string) {
  return db
    .selectFrom('reports as rp')
    .select([
      'rp.id',
      'rp.receipt_number',
      'rp.source',
      'rp.received_at',
      'rp.place',
      'rp.occurred_on',
      'rp.known_on',
      'rp.reported_name',
      'rp.reported_position',
      'rp.reported_agency',
      'rp.anonymous',
      'rp.late_by_days',
      'rp.act_codes',
      sql<string>`left(rp.description, 280)`.as('excerpt'),
      (eb) => eb.selectFrom('evidence as ev').whereRef('ev.report_id', '=', 'rp.id').select(eb.fn.countAll<number>().as('n')).as('evidence_count'),
    ])
    .where('rp.case_id', '=', caseId)
    .orderBy('rp.received_at')
    .execute();
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
  at: Date;
  transition?: string | null;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  data?: unknown;
  public?: boolean;
}

export async function insertCaseEvent(trx: Transaction<Database>, event: CaseEventInput): Promise<void> {
  await trx
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      actor_id: event.actorId,
      kind: event.kind,
      at: event.at,
      transition: event.transition ?? null,
      from_state: event.fromState ?? null,
      to_state: event.toState ?? null,
      note: event.note ?? null,
      data: JSON.stringify(event.data ?? {}),
      public: event.public ?? false,
    })
    .execute();
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
