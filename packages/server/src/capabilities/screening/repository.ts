/**
 * SQL for screening: the candidate registry as the lexicon needs it, lexicon edits, accounts and
 * their ASN links, posts and the triage queue. Every staff read and write of posts and accounts
 * filters by the caller's territory in the query (db/scope.ts); a row outside it is never fetched
 * and the route answers 404.
 */
import type { Scope } from '@netra/core';
import { sql, type Expression, type ExpressionBuilder, type SqlBool, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { regionInScope } from '../../db/scope.ts';

type Executor = Db | Transaction<Database>;

/**
 * Rows whose `column` region is related to `regionCode`: the region itself, a region containing it
 * (the province's governor race for a regency) or one it contains. Null: every region.
 */
export function relatedRegion<DB, TB extends keyof DB>(_eb: ExpressionBuilder<DB, TB>, column: string, regionCode: string | null): Expression<SqlBool> {
  if (regionCode === null) return sql<SqlBool>`true`;
  const ref = sql.ref(column);
  return sql<SqlBool>`(${ref} = ${regionCode} OR ${regionCode} LIKE ${ref} || '.%' OR ${ref} LIKE ${`${regionCode}.%`})`;
}

/** `column` lies in `regionCode` or below it. */
export function withinRegion(column: string, regionCode: string): Expression<SqlBool> {
  const ref = sql.ref(column);
  return sql<SqlBool>`(${ref} = ${regionCode} OR ${ref} LIKE ${`${regionCode}.%`})`;
}

// ---------------------------------------------------------------- lexicon sources

export interface RegistryPairRow {
  id: string;
  election_id: string;
  region_code: string;
  ballot_number: number | null;
  head: unknown;
  deputy: unknown;
  independent: boolean;
  parties: string[];
  incumbent_member: string | null;
  slogans: string[];
  hashtags: string[];
}

/** The candidate pairs a post from `regionCode` may be about, in one election. */
export async function registryPairs(db: Executor, electionId: string, regionCode: string | null): Promise<RegistryPairRow[]> {
  return db
    .selectFrom('candidate_pairs as p')
    .select(['p.id', 'p.election_id', 'p.region_code', 'p.ballot_number', 'p.head', 'p.deputy', 'p.independent', 'p.parties', 'p.incumbent_member', 'p.slogans', 'p.hashtags'])
    .where('p.election_id', '=', electionId)
    .where((eb) => relatedRegion(eb, 'p.region_code', regionCode))
    .orderBy('p.region_code')
    .orderBy('p.ballot_number')
    .orderBy('p.id')
    .execute();
}

/** Edits that apply to the lexicon of `regionCode`: election-wide ones and those of related regions. */
export async function lexiconEdits(db: Executor, electionId: string, regionCode: string | null) {
  return db
    .selectFrom('screening_lexicon_edits as e')
    .leftJoin('users as u', 'u.id', 'e.created_by')
    .select(['e.id', 'e.election_id', 'e.region_code', 'e.action', 'e.term', 'e.kind', 'e.candidate_pair_ids', 'e.ambiguous', 'e.created_at', 'u.name as created_by_name'])
    .where('e.election_id', '=', electionId)
    .where((eb) => eb.or([eb('e.region_code', 'is', null), relatedRegion(eb, 'e.region_code', regionCode)]))
    .orderBy('e.id')
    .execute();
}

/**
 * What the lexicon of (election, region) is built from, as a short fingerprint: it changes when a
 * related pair is added, changed or removed, or an edit is made. One cheap query per batch.
 */
export async function lexiconFingerprint(db: Executor, electionId: string, regionCode: string | null): Promise<string> {
  const pairs = regionCode === null ? sql<SqlBool>`true` : sql<SqlBool>`(p.region_code = ${regionCode} OR ${regionCode} LIKE p.region_code || '.%' OR p.region_code LIKE ${`${regionCode}.%`})`;
  const edits = regionCode === null ? sql<SqlBool>`true` : sql<SqlBool>`(e.region_code IS NULL OR e.region_code = ${regionCode} OR ${regionCode} LIKE e.region_code || '.%' OR e.region_code LIKE ${`${regionCode}.%`})`;
  const { rows } = await sql<{ fingerprint: string }>`
    SELECT (SELECT count(*) || ':' || coalesce(max(p.updated_at)::text, '') FROM candidate_pairs p WHERE p.election_id = ${electionId} AND ${pairs})
      || '|' || (SELECT count(*) || ':' || coalesce(max(e.id), 0) FROM screening_lexicon_edits e WHERE e.election_id = ${electionId} AND ${edits}) AS fingerprint`.execute(db);
  return rows[0].fingerprint;
}

export async function insertLexiconEdit(
  trx: Transaction<Database>,
  edit: { electionId: string; regionCode: string | null; action: 'add' | 'remove'; term: string; kind: string | null; candidatePairIds: string[]; ambiguous: boolean | null; actorId: string },
) {
  return trx
    .insertInto('screening_lexicon_edits')
    .values({
      election_id: edit.electionId,
      region_code: edit.regionCode,
      action: edit.action,
      term: edit.term,
      kind: edit.kind,
      candidate_pair_ids: edit.candidatePairIds,
      ambiguous: edit.ambiguous,
      created_by: edit.actorId,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Candidate labels for display: "Head – Deputy (2)". */
export async function pairLabels(db: Executor, ids: readonly string[]): Promise<Map<string, { label: string; regionCode: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('candidate_pairs').select(['id', 'head', 'deputy', 'ballot_number', 'region_code']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { label: pairLabel(r), regionCode: r.region_code }]));
}

export function pairLabel(row: { head: unknown; deputy: unknown; ballot_number: number | null }): string {
  const name = (person: unknown) => (person as { name?: string } | null)?.name ?? '?';
  return `${name(row.head)} – ${name(row.deputy)}${row.ballot_number ? ` (${row.ballot_number})` : ''}`;
}

// ---------------------------------------------------------------- import lookups

export async function existingElections(db: Executor): Promise<Set<string>> {
  return new Set((await db.selectFrom('elections').select('id').execute()).map((r) => r.id));
}

export async function existingRegions(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  return new Set((await db.selectFrom('regions').select('code').where('code', 'in', [...new Set(codes)]).execute()).map((r) => r.code));
}

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

export interface PostInsert {
  platform: string;
  accountId: string;
  url: string;
  text: string;
  postedAt: Date;
  kind: 'post' | 'comment' | 'share' | 'like' | 'follow';
  mediaUrls: string[];
  electionId: string;
  regionCode: string;
  score: Scored;
  importedBy: string | null;
  importedAt: Date;
}

/** What scoring writes onto a post. */
export interface Scored {
  score: number;
  category: 'likely_support' | 'likely_opposition' | 'mention_only' | 'irrelevant';
  candidatePairIds: string[];
  reasons: unknown;
  highlights: unknown;
  lexiconVersion: string;
  scoredAt: Date;
}

const scoredColumns = (s: Scored) => ({
  score: s.score,
  category: s.category,
  candidate_pair_id: s.candidatePairIds[0] ?? null,
  candidate_pair_ids: s.candidatePairIds,
  reasons: JSON.stringify(s.reasons),
  highlights: JSON.stringify(s.highlights),
  lexicon_version: s.lexiconVersion,
  scored_at: s.scoredAt,
});

/** Inserts new posts; a post already stored (same platform and URL) is left as it is. Returns the new URLs. */
export async function insertPosts(db: Executor, posts: readonly PostInsert[]): Promise<Set<string>> {
  if (posts.length === 0) return new Set();
  const rows = await db
    .insertInto('screening_posts')
    .values(
      posts.map((p) => ({
        platform: p.platform,
        account_id: p.accountId,
        url: p.url,
        text: p.text,
        posted_at: p.postedAt,
        kind: p.kind,
        media_urls: p.mediaUrls,
        election_id: p.electionId,
        region_code: p.regionCode,
        ...scoredColumns(p.score),
        imported_by: p.importedBy,
        imported_at: p.importedAt,
      })),
    )
    .onConflict((oc) => oc.constraint('screening_posts_url_key').doNothing())
    .returning(['platform', 'url'])
    .execute();
  return new Set(rows.map((r) => `${r.platform}\u0000${r.url}`));
}

// ---------------------------------------------------------------- rescoring

export interface RescoreFilter {
  electionId?: string;
  /** Posts in this region or below it. */
  regionCode?: string | null;
  accountId?: string;
}

/** Open posts to score again, in id order from `after`, with what the scorer needs. */
export async function openPostsToRescore(db: Executor, filter: RescoreFilter, after: string | null, limit: number) {
  let query = db
    .selectFrom('screening_posts as p')
    .innerJoin('screening_accounts as a', 'a.id', 'p.account_id')
    .select(['p.id', 'p.text', 'p.kind', 'p.election_id', 'p.region_code', sql<boolean>`a.link_status = 'confirmed'`.as('asn_linked')])
    .where('p.status', '=', 'queued');
  if (filter.electionId) query = query.where('p.election_id', '=', filter.electionId);
  if (filter.regionCode) query = query.where(withinRegion('p.region_code', filter.regionCode));
  if (filter.accountId) query = query.where('p.account_id', '=', filter.accountId);
  if (after) query = query.where('p.id', '>', after);
  return query.orderBy('p.id').limit(limit).execute();
}

export async function updateScores(db: Executor, updates: ReadonlyArray<{ id: string; scored: Scored }>): Promise<void> {
  if (updates.length === 0) return;
  const column = <T>(pick: (u: (typeof updates)[number]) => T) => updates.map(pick);
  await sql`
    UPDATE screening_posts p SET
      score = v.score, category = v.category, candidate_pair_id = v.pair_ids[1], candidate_pair_ids = v.pair_ids,
      reasons = v.reasons::jsonb, highlights = v.highlights::jsonb, lexicon_version = v.version, scored_at = v.scored_at
    FROM (
      SELECT u.id, u.score, u.category, u.reasons, u.highlights, u.version, u.scored_at,
        coalesce((SELECT array_agg(x::uuid) FROM jsonb_array_elements_text(u.pair_ids::jsonb) AS x), '{}') AS pair_ids
      FROM unnest(${column((u) => u.id)}::uuid[], ${column((u) => u.scored.score)}::int[], ${column((u) => u.scored.category)}::text[],
                  ${column((u) => JSON.stringify(u.scored.reasons))}::text[], ${column((u) => JSON.stringify(u.scored.highlights))}::text[],
                  ${column((u) => u.scored.lexiconVersion)}::text[], ${column((u) => u.scored.scoredAt)}::timestamptz[],
                  ${column((u) => JSON.stringify(u.scored.candidatePairIds))}::text[])
        AS u(id, score, category, reasons, highlights, version, scored_at, pair_ids)
    ) v
    WHERE p.id = v.id AND p.status = 'queued'`.execute(db);
}

// ---------------------------------------------------------------- the queue

export interface QueueFilter {
  status: 'queued' | 'confirmed' | 'dismissed' | 'all';
  electionId?: string;
  regionCode?: string;
  accountId?: string;
  handle?: string;
  minScore?: number;
  category?: string;
  limit: number;
  offset: number;
}

function postRows(db: Executor, scope: Scope) {
  return db
    .selectFrom('screening_posts as p')
    .innerJoin('screening_accounts as a', 'a.id', 'p.account_id')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('asn as s', 's.id', 'a.asn_id')
    .leftJoin('agencies as g', 'g.id', 's.agency_id')
    .leftJoin('candidate_pairs as cp', 'cp.id', 'p.candidate_pair_id')
    .leftJoin('reports as rp', 'rp.id', 'p.report_id')
    .leftJoin('cases as c', 'c.id', 'rp.case_id')
    .leftJoin('users as d', 'd.id', 'p.decided_by')
    .where((eb) => regionInScope(eb, 'p.region_code', scope))
    .select([
      'p.id',
      'p.platform',
      'p.url',
      'p.text',
      'p.posted_at',
      'p.kind',
      'p.media_urls',
      'p.election_id',
      'p.region_code',
      'r.name as region_name',
      'p.score',
      'p.category',
      'p.candidate_pair_id',
      'p.candidate_pair_ids',
      'cp.head as pair_head',
      'cp.deputy as pair_deputy',
      'cp.ballot_number as pair_ballot_number',
      'p.reasons',
      'p.highlights',
      'p.lexicon_version',
      'p.status',
      'p.dismissal_reason',
      'p.dismissal_note',
      'p.decided_at',
      'd.name as decided_by_name',
      'p.report_id',
      'rp.receipt_number as report_receipt_number',
      'c.id as case_id',
      'c.number as case_number',
      'p.imported_at',
      'a.id as account_id',
      'a.handle',
      'a.display_name',
      'a.link_status',
      'a.link_similarity',
      's.id as asn_id',
      's.nip as asn_nip',
      's.name as asn_name',
      's.position_title as asn_position',
      's.region_code as asn_region_code',
      'g.name as asn_agency',
    ]);
}

export type PostRow = Awaited<ReturnType<ReturnType<typeof postRows>['executeTakeFirstOrThrow']>>;

export async function listPosts(db: Executor, scope: Scope, filter: QueueFilter) {
  let base = postRows(db, scope);
  if (filter.status !== 'all') base = base.where('p.status', '=', filter.status);
  if (filter.electionId) base = base.where('p.election_id', '=', filter.electionId);
  if (filter.regionCode) base = base.where(withinRegion('p.region_code', filter.regionCode));
  if (filter.accountId) base = base.where('p.account_id', '=', filter.accountId);
  if (filter.handle) base = base.where('a.handle', '=', filter.handle.replace(/^@+/, '').toLowerCase());
  if (filter.minScore !== undefined) base = base.where('p.score', '>=', filter.minScore);
  if (filter.category) base = base.where('p.category', '=', filter.category as PostRow['category']);
  const [{ total }] = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await base.orderBy('p.score', 'desc').orderBy('p.posted_at', 'desc').orderBy('p.id').limit(filter.limit).offset(filter.offset).execute();
  return { total: Number(total), items };
}

export async function findPost(db: Executor, scope: Scope, id: string) {
  return postRows(db, scope).where('p.id', '=', id).executeTakeFirst();
}

/** Locks an open post for a decision; undefined when absent or outside scope. */
export async function lockPost(trx: Transaction<Database>, scope: Scope, id: string) {
  return trx
    .selectFrom('screening_posts as p')
    .select(['p.id', 'p.status'])
    .where('p.id', '=', id)
    .where((eb) => regionInScope(eb, 'p.region_code', scope))
    .forUpdate()
    .executeTakeFirst();
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
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('a.handle', 'ilike', pattern), eb('a.display_name', 'ilike', pattern)]));
  }
  const [{ total }] = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute();
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
