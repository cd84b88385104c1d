/**
 * Reading the register: agencies, units, civil servants, imports. Every query that returns
 * people filters by the caller's scope in SQL, so a row outside it is never fetched (404).
 */
import { normaliseNip, type RoleCode, type Scope } from '@netra/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { agencyInScope, caseVisibleTo, regionInScope } from '../../db/scope.ts';
import type { Database } from '../../db/schema.ts';
import type { ExpressionBuilder } from 'kysely';

/**
 * The agencies (`ag`) a scope may see: those of its region, and for a regency's officer also the
 * province's agencies, whose staff may work in the regency; narrowed to the scope's agencies.
 */
function agencyVisible(eb: ExpressionBuilder<Database & { ag: Database['agencies'] }, 'ag'>, scope: Scope) {
  const region = scope.kind === 'national' ? sql<boolean>`true` : eb.or([regionInScope(eb, 'ag.region_code', scope), eb('ag.region_code', '=', scope.regionCode.slice(0, 2))]);
  return eb.and([region, agencyInScope(eb, 'ag.id', scope)]);
}

export async function listAgencies(db: Db, scope: Scope, query: { regionCode?: string; q?: string; limit: number; offset: number }) {
  let base = db
    .selectFrom('agencies as ag')
    .innerJoin('regions as r', 'r.code', 'ag.region_code')
    .where((eb) => agencyVisible(eb, scope));
  if (query.regionCode) base = base.where('ag.region_code', '=', query.regionCode);
  if (query.q) base = base.where((eb) => eb.or([eb('ag.name', 'ilike', `%${query.q}%`), eb('ag.code', 'ilike', `%${query.q}%`)]));
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await base
    .select(['ag.id', 'ag.code', 'ag.name', 'ag.region_code as regionCode', 'r.name as regionName'])
    .orderBy('ag.region_code')
    .orderBy('ag.name')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { total: Number(total), items };
}

export async function findAgencyByCode(db: Db, code: string) {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertAgency(db: Db, agency: { code: string; name: string; regionCode: string }) {
  return db
    .insertInto('agencies')
    .values({ code: agency.code, name: agency.name, region_code: agency.regionCode })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(['id', 'code', 'name', 'region_code as regionCode'])
    .executeTakeFirst();
}

export async function listUnits(db: Db, scope: Scope, agencyId: number) {
  return db
    .selectFrom('units as u')
    .innerJoin('agencies as ag', 'ag.id', 'u.agency_id')
    .select(['u.id', 'u.name'])
    .where('u.agency_id', '=', agencyId)
    .where((eb) => agencyVisible(eb, scope))
    .orderBy('u.name')
    .execute();
}

export interface AsnSearch {
  nip?: string;
  q?: string;
  agencyId?: number;
  position?: string;
  unit?: string;
  positionType?: string;
  regionCode?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

/** Counting stops here: "more than 10,000" is all a person needs, and counting 7 million rows is not free. */
export const COUNT_CAP = 10_000;

/** The civil servants in `scope` that match a search (unordered, unselected). */
function asnMatching(db: Db, scope: Scope, search: Omit<AsnSearch, 'limit' | 'offset'>) {
  const folded = search.q ? search.q.trim() : '';
  let base = db
    .selectFrom('asn as a')
    .innerJoin('agencies as ag', 'ag.id', 'a.agency_id')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .where((eb) => regionInScope(eb, 'a.region_code', scope))
    .where((eb) => agencyInScope(eb, 'a.agency_id', scope));
  if (search.nip) base = base.where('a.nip', '=', normaliseNip(search.nip));
  if (search.agencyId) base = base.where('a.agency_id', '=', search.agencyId);
  if (search.regionCode) base = base.where('a.region_code', '=', search.regionCode);
  if (search.positionType) base = base.where('a.position_type', '=', search.positionType as never);
  if (search.position) base = base.where('a.position_title', 'ilike', `%${search.position.replace(/[%_\\]/g, '\\$&')}%`);
  if (search.unit) base = base.where('u.name', 'ilike', `%${search.unit.replace(/[%_\\]/g, '\\$&')}%`);
  if (search.active !== undefined) base = base.where('a.active', '=', search.active);
  if (folded) {
    base = base
      .innerJoin('asn_name_search as s', 's.asn_id', 'a.id')
      .where(sql<boolean>`netra_fold(${folded}) <% s.name_folded`);
  }
  return { base, folded };
}

/** The columns a register row shows, best match first for a name search, then by name. */
function asnListed(matching: ReturnType<typeof asnMatching>) {
  const { base, folded } = matching;
  const selected = base.select([
    'a.id',
    'a.nip',
    'a.name',
    'a.kind',
    'a.position_title as positionTitle',
    'a.position_type as positionType',
    'a.grade',
    'a.active',
    'a.region_code as regionCode',
    'r.name as regionName',
    'ag.id as agencyId',
    'ag.name as agencyName',
    'u.name as unitName',
  ]);
  return (folded ? selected.orderBy(sql`word_similarity(netra_fold(${folded}), s.name_folded)`, 'desc').orderBy('a.name') : selected.orderBy('a.name')).orderBy('a.id');
}

/** The SQL of the whole search result in `scope` (exports stream it through a cursor). */
export function asnExportQuery(db: Db, scope: Scope, search: Omit<AsnSearch, 'limit' | 'offset'>) {
  return asnListed(asnMatching(db, scope, search)).compile();
}

/** Word similarity that lets "agus santso" find "Agus Santoso, S.Pd." (pg_trgm `<%`, threshold 0.6). */
export async function searchAsn(db: Db, scope: Scope, search: AsnSearch) {
  const matching = asnMatching(db, scope, search);
  const { base } = matching;
  const [{ total }] = await db
    .selectFrom(base.select(sql<number>`1`.as('one')).limit(COUNT_CAP + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const items = await asnListed(matching).limit(search.limit).offset(search.offset).execute();
  return { total: Math.min(Number(total), COUNT_CAP), totalCapped: Number(total) > COUNT_CAP, items };
}

export async function findAsn(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('asn as a')
    .innerJoin('agencies as ag', 'ag.id', 'a.agency_id')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.nip',
      'a.name',
      'a.kind',
      'a.gender',
      'a.birth_date as birthDate',
      'a.position_title as positionTitle',
      'a.position_type as positionType',
      'a.position_start as positionStart',
      'a.grade',
      'a.active',
      'a.region_code as regionCode',
      'r.name as regionName',
      'ag.id as agencyId',
      'ag.code as agencyCode',
      'ag.name as agencyName',
      'u.name as unitName',
      'a.updated_at as updatedAt',
    ])
    .where('a.id', '=', id)
    .where((eb) => regionInScope(eb, 'a.region_code', scope))
    .where((eb) => agencyInScope(eb, 'a.agency_id', scope))
    .executeTakeFirst();
}

export async function positionHistory(db: Db, asnId: number) {
  return db
    .selectFrom('asn_positions as p')
    .innerJoin('agencies as ag', 'ag.id', 'p.agency_id')
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.position_title as positionTitle',
      'p.position_type as positionType',
      'p.grade',
      'ag.name as agencyName',
      'u.name as unitName',
      'p.region_code as regionCode',
      'p.started_on as startedOn',
      'p.ended_on as endedOn',
      'p.ended_at as endedAt',
    ])
    .where('p.asn_id', '=', asnId)
    .orderBy('p.ended_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}

/**
 * Reports about the person that the caller may see: those matched to them by NIP and those an
 * officer linked them through (case_people.report_id), under the same case visibility as every
 * case read (BKN and the personnel office see them only once the case has reached them).
 */
export async function reportsOf(db: Db, viewer: { role: RoleCode; scope: Scope }, asnId: number) {
  return db
    .selectFrom('reports as rp')
    .innerJoin('cases as c', 'c.id', 'rp.case_id')
    .select(['rp.id', 'rp.receipt_number as receiptNumber', 'rp.source', 'rp.occurred_on as occurredOn', 'rp.received_at as receivedAt', 'c.id as caseId', 'c.number as caseNumber'])
    .where((eb) => eb.or([eb('rp.asn_id', '=', asnId), eb.exists(eb.selectFrom('case_people as cp').select('cp.asn_id').whereRef('cp.report_id', '=', 'rp.id').where('cp.asn_id', '=', asnId))]))
    .where((eb) => caseVisibleTo(eb, viewer))
    .orderBy('rp.received_at', 'desc')
    .limit(200)
    .execute();
}

/** Imports the caller may see: those run within their scope. */
export function scopedImports(db: Db, scope: Scope) {
  return db
    .selectFrom('asn_imports as i')
    .leftJoin('users as us', 'us.id', 'i.created_by')
    .where((eb) => (scope.kind === 'national' ? sql<boolean>`true` : eb.and([eb('i.scope_region_code', 'is not', null), regionInScope(eb, 'i.scope_region_code', scope)])));
}

const importColumns = [
  'i.id',
  'i.source',
  'i.file_name as fileName',
  'i.file_format as fileFormat',
  'i.file_bytes as fileBytes',
  'i.status',
  'i.bytes_read as bytesRead',
  'i.rows_read as rowsRead',
  'i.inserted',
  'i.updated',
  'i.unchanged',
  'i.rejected',
  'i.error',
  'i.default_region_code as defaultRegionCode',
  'i.created_at as createdAt',
  'i.heartbeat_at as heartbeatAt',
  'i.finished_at as finishedAt',
  'i.search_indexed_at as searchIndexedAt',
  'us.name as createdByName',
] as const;

export async function listImports(db: Db, scope: Scope, page: { limit: number; offset: number }) {
  const base = scopedImports(db, scope);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await base.select(importColumns).orderBy('i.created_at', 'desc').limit(page.limit).offset(page.offset).execute();
  return { total: Number(total), items };
}

export async function findImport(db: Db, scope: Scope, id: string) {
  return scopedImports(db, scope)
    .select([...importColumns, 'i.header', 'i.delimiter'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/** The register's id of a civil servant by NIP (any region), or undefined. */
export async function asnIdByNip(db: Db, nip: string): Promise<number | undefined> {
  return (await db.selectFrom('asn').select('id').where('nip', '=', nip).executeTakeFirst())?.id;
}

/** The register's ids of the civil servants among `nips` (any region); a NIP not registered is absent. */
export async function asnIdsByNip(db: Db, nips: string[]): Promise<Map<string, number>> {
  if (nips.length === 0) return new Map();
  const rows = await db.selectFrom('asn').select(['id', 'nip']).where('nip', 'in', nips).execute();
  return new Map(rows.map((r) => [r.nip, r.id]));
}

/** Whether a province or regency (agencies belong to those, not to districts) is in the reference table. */
export async function agencyRegionExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('regions').select('code').where('code', '=', code).where('level', '!=', 'district').executeTakeFirst()) !== undefined;
}

/** An import's rejected rows after a line, in line order (a page of the rejected-rows file). */
export async function rejectedRowsAfter(db: Db, importId: string, afterLine: number, limit: number) {
  return db.selectFrom('asn_import_rejects').select(['line', 'cells', 'record', 'reasons']).where('import_id', '=', importId).where('line', '>', afterLine).orderBy('line').limit(limit).execute();
}

/** What the rejected-rows file of an import needs to know about its file (any scope: the CLI). */
export async function importFileOf(db: Db, importId: string) {
  return db.selectFrom('asn_imports').select(['id', 'file_name', 'file_format', 'header', 'delimiter']).where('id', '=', importId).executeTakeFirstOrThrow();
}
