/**
 * SQL for watched accounts and their ASN links: creating accounts from imports, the accounts list
 * (filtered by the caller's territory in the query), links and proposals, and finding the civil
 * servant an account may be (pg_trgm on the register of the account's region).
 */
import type { Scope } from '@netra/core';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { regionInScope } from '../../db/scope.ts';
import { withinRegion } from './repository.ts';
import { countOf } from '../../db/count.ts';
import { containsPattern } from '../../db/like.ts';

type Executor = Db | Transaction<Database>;

export async function asnByNip(db: Executor, nips: readonly string[]): Promise<Map<string, { id: number; regionCode: string }>> {
  if (nips.length === 0) return new Map();
  const rows = await db.selectFrom('asn').select(['id', 'nip', 'region_code']).where('nip', 'in', [...new Set(nips)]).execute();
  return new Map(rows.map((r) => [r.nip, { id: r.id, regionCode: r.region_code }]));
}
export interface AccountUpsert {
  platform: string;
  handle: string;
  displayName: string | null;
  agencyHint: string | null;
  regionCode: string;
  /** From the file: the monitor knows whose account this is. */
  asnId: number | null;
}

/**
 * Insert or refresh accounts; a link stated in the file confirms an account that has no confirmed
 * link yet (a person's earlier decision is never overwritten). Returns each account's id and link.
 */
export async function upsertAccounts(db: Executor, accounts: readonly AccountUpsert[]) {
  if (accounts.length === 0) return new Map<string, { id: string; asnId: number | null; linkStatus: string | null; created: boolean }>();
  const rows = await db
    .insertInto('screening_accounts')
    .values(
      accounts.map((a) => ({
        platform: a.platform,
        handle: a.handle,
        display_name: a.displayName,
        agency_hint: a.agencyHint,
        region_code: a.regionCode,
        asn_id: a.asnId,
        link_status: a.asnId === null ? null : ('confirmed' as const),
        link_similarity: a.asnId === null ? null : 1,
      })),
    )
    .onConflict((oc) =>
      oc.constraint('screening_accounts_key').doUpdateSet({
        display_name: sql`coalesce(excluded.display_name, screening_accounts.display_name)`,
        agency_hint: sql`coalesce(excluded.agency_hint, screening_accounts.agency_hint)`,
        asn_id: sql`CASE WHEN excluded.asn_id IS NOT NULL AND screening_accounts.link_status IS DISTINCT FROM 'confirmed' THEN excluded.asn_id ELSE screening_accounts.asn_id END`,
        link_status: sql`CASE WHEN excluded.asn_id IS NOT NULL AND screening_accounts.link_status IS DISTINCT FROM 'confirmed' THEN 'confirmed' ELSE screening_accounts.link_status END`,
        link_similarity: sql`CASE WHEN excluded.asn_id IS NOT NULL AND screening_accounts.link_status IS DISTINCT FROM 'confirmed' THEN 1 ELSE screening_accounts.link_similarity END`,
      }),
    )
    .returning(['id', 'platform', 'handle', 'asn_id', 'link_status', sql<boolean>`xmax = 0`.as('created')])
    .execute();
  return new Map(rows.map((r) => [`${r.platform}\u0000${r.handle}`, { id: r.id, asnId: r.asn_id, linkStatus: r.link_status, created: r.created }]));
}
// ---------------------------------------------------------------- accounts

function accountRows(db: Executor, scope: Scope) {
  return db
    .selectFrom('screening_accounts as a')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .leftJoin('asn as s', 's.id', 'a.asn_id')
    .leftJoin('agencies as g', 'g.id', 's.agency_id')
    .where((eb) => regionInScope(eb, 'a.region_code', scope))
    .select([
      'a.id',
      'a.platform',
      'a.handle',
      'a.display_name',
      'a.agency_hint',
      'a.region_code',
      'r.name as region_name',
      'a.link_status',
      'a.link_similarity',
      'a.link_decided_at',
      's.id as asn_id',
      's.nip as asn_nip',
      's.name as asn_name',
      's.position_title as asn_position',
      'g.name as asn_agency',
      (eb) => eb.selectFrom('screening_posts as p').whereRef('p.account_id', '=', 'a.id').select(eb.fn.countAll<number>().as('n')).as('post_count'),
      (eb) => eb.selectFrom('screening_posts as p').whereRef('p.account_id', '=', 'a.id').select((sub) => sub.fn.max('p.score').as('m')).as('max_score'),
    ]);
}

export type AccountRow = Awaited<ReturnType<ReturnType<typeof accountRows>['executeTakeFirstOrThrow']>>;

export async function listAccounts(db: Executor, scope: Scope, filter: { regionCode?: string; linkStatus?: 'proposed' | 'confirmed' | 'none'; q?: string; limit: number; offset: number }) {
  let base = accountRows(db, scope);
  if (filter.regionCode) base = base.where(withinRegion('a.region_code', filter.regionCode));
  if (filter.linkStatus === 'none') base = base.where('a.link_status', 'is', null);
  else if (filter.linkStatus) base = base.where('a.link_status', '=', filter.linkStatus);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    base = base.where((eb) => eb.or([eb('a.handle', 'ilike', pattern), eb('a.display_name', 'ilike', pattern)]));
  }
  const total = await countOf(base);
  // Proposals first: they wait for a person.
  const items = await base
    .orderBy(sql`CASE a.link_status WHEN 'proposed' THEN 0 WHEN 'confirmed' THEN 2 ELSE 1 END`)
    .orderBy('a.platform')
    .orderBy('a.handle')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { total: Number(total), items };
}

export async function findAccount(db: Executor, scope: Scope, id: string) {
  return accountRows(db, scope).where('a.id', '=', id).executeTakeFirst();
}

export async function setAccountLink(
  db: Executor,
  id: string,
  link: { asnId: number | null; status: 'proposed' | 'confirmed' | null; similarity: number | null; decidedBy: string | null; decidedAt: Date | null; rejectAsnId?: number },
): Promise<void> {
  await db
    .updateTable('screening_accounts')
    .set({
      asn_id: link.asnId,
      link_status: link.status,
      link_similarity: link.similarity,
      link_decided_by: link.decidedBy,
      link_decided_at: link.decidedAt,
      ...(link.rejectAsnId !== undefined ? { rejected_asn_ids: sql`array_append(rejected_asn_ids, ${link.rejectAsnId}::bigint)` } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** The register row behind a NIP, inside the caller's territory. */
export async function findAsnInScope(db: Executor, scope: Scope, nip: string) {
  return db
    .selectFrom('asn as s')
    .select(['s.id', 's.name', 's.region_code'])
    .where('s.nip', '=', nip)
    .where((eb) => regionInScope(eb, 's.region_code', scope))
    .executeTakeFirst();
}

/** Accounts without a link, with a name to match, in the territory (and region); oldest first. */
export async function unlinkedAccounts(db: Executor, scope: Scope, filter: { regionCode?: string; ids?: readonly string[] }, limit: number) {
  let query = db
    .selectFrom('screening_accounts as a')
    .select(['a.id', 'a.display_name', 'a.agency_hint', 'a.region_code', 'a.rejected_asn_ids'])
    .where('a.link_status', 'is', null)
    .where('a.display_name', 'is not', null)
    .where((eb) => regionInScope(eb, 'a.region_code', scope));
  if (filter.regionCode) query = query.where(withinRegion('a.region_code', filter.regionCode));
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('a.id', 'in', [...filter.ids]);
  }
  return query.orderBy('a.created_at').limit(limit).execute();
}

/**
 * The civil servant of the account's region whose name is most like the account's display name
 * (pg_trgm on the folded name index), with the agency's likeness to the profile's agency hint as a
 * bonus; null when nobody is similar enough.
 */
export async function bestAsnMatch(db: Executor, account: { display_name: string | null; agency_hint: string | null; region_code: string; rejected_asn_ids: unknown }, minSimilarity: number) {
  if (!account.display_name) return null;
  const rejected = ((account.rejected_asn_ids as Array<number | string> | null) ?? []).map(Number);
  const { rows } = await sql<{ asn_id: number; name_similarity: number; agency_similarity: number | null }>`
    SELECT n.asn_id, similarity(n.name_folded, netra_fold(${account.display_name})) AS name_similarity,
      ${account.agency_hint === null ? sql`NULL::real` : sql`similarity(netra_fold(g.name), netra_fold(${account.agency_hint}))`} AS agency_similarity
    FROM asn_name_search n
    JOIN asn s ON s.id = n.asn_id
    JOIN agencies g ON g.id = s.agency_id
    WHERE n.name_folded % netra_fold(${account.display_name})
      AND (s.region_code = ${account.region_code} OR s.region_code LIKE ${`${account.region_code}.%`} OR ${account.region_code} LIKE s.region_code || '.%')
      AND s.active
      AND NOT (n.asn_id = ANY(${rejected}::bigint[]))
    ORDER BY name_similarity DESC, n.asn_id
    LIMIT 5`.execute(db);
  let best: { asnId: number; similarity: number } | null = null;
  for (const row of rows) {
    // The agency only breaks near-ties and lifts a borderline name; it never makes a match alone.
    const similarity = Math.min(1, Number(row.name_similarity) + (row.agency_similarity !== null && Number(row.agency_similarity) >= 0.3 ? 0.1 : 0));
    if (similarity >= minSimilarity && (!best || similarity > best.similarity)) best = { asnId: Number(row.asn_id), similarity };
  }
  return best;
}
