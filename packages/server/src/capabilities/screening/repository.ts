/**
 * SQL for screened posts: storing imported posts, scoring them again, and the triage queue (with
 * the decision on a post). Every staff read and write of posts filters by the caller's territory
 * in the query (db/scope.ts); a row outside it is never fetched and the route answers 404. The
 * lexicon's sources are in lexicon.repository.ts, accounts and their ASN links in
 * accounts.repository.ts.
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
// ---------------------------------------------------------------- import lookups

export async function existingElections(db: Executor): Promise<Set<string>> {
  return new Set((await db.selectFrom('elections').select('id').execute()).map((r) => r.id));
}

export async function existingRegions(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  return new Set((await db.selectFrom('regions').select('code').where('code', 'in', [...new Set(codes)]).execute()).map((r) => r.code));
}
/** Every election with its voting day, earliest first. */
export async function electionsByVotingDay(db: Executor): Promise<Array<{ id: string; voting_day: string }>> {
  return db.selectFrom('elections').select(['id', 'voting_day']).orderBy('voting_day').execute();
}

export async function electionExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('elections').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
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
  /** Support of or attack on the first pair, for a flagged post; null otherwise. */
  stance: 'support' | 'attack' | null;
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
  stance: s.stance,
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
      score = v.score, category = v.category, candidate_pair_id = v.pair_ids[1], candidate_pair_ids = v.pair_ids, stance = v.stance,
      reasons = v.reasons::jsonb, highlights = v.highlights::jsonb, lexicon_version = v.version, scored_at = v.scored_at
    FROM (
      SELECT u.id, u.score, u.category, u.stance, u.reasons, u.highlights, u.version, u.scored_at,
        coalesce((SELECT array_agg(x::uuid) FROM jsonb_array_elements_text(u.pair_ids::jsonb) AS x), '{}') AS pair_ids
      FROM unnest(${column((u) => u.id)}::uuid[], ${column((u) => u.scored.score)}::int[], ${column((u) => u.scored.category)}::text[],
                  ${column((u) => JSON.stringify(u.scored.reasons))}::text[], ${column((u) => JSON.stringify(u.scored.highlights))}::text[],
                  ${column((u) => u.scored.lexiconVersion)}::text[], ${column((u) => u.scored.scoredAt)}::timestamptz[],
                  ${column((u) => JSON.stringify(u.scored.candidatePairIds))}::text[], ${column((u) => u.scored.stance)}::text[])
        AS u(id, score, category, reasons, highlights, version, scored_at, pair_ids, stance)
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
      'p.stance',
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

/** The post became a report (inside the confirming transaction, the post locked). */
export async function markPostConfirmed(trx: Transaction<Database>, id: string, decision: { reportId: string; decidedBy: string; at: Date }): Promise<void> {
  await trx.updateTable('screening_posts').set({ status: 'confirmed', report_id: decision.reportId, decided_by: decision.decidedBy, decided_at: decision.at }).where('id', '=', id).execute();
}

/** The post was dismissed, with the reason kept for tuning (the post locked). */
export async function markPostDismissed(trx: Transaction<Database>, id: string, decision: { reason: string; note: string | null; decidedBy: string; at: Date }): Promise<void> {
  await trx
    .updateTable('screening_posts')
    .set({ status: 'dismissed', dismissal_reason: decision.reason, dismissal_note: decision.note, decided_by: decision.decidedBy, decided_at: decision.at })
    .where('id', '=', id)
    .execute();
}
