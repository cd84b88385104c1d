/**
 * SQL for the lexicon's sources: the candidate registry as the lexicon needs it (pairs of related
 * regions), the lexicon edits and their fingerprint, and candidate labels for display.
 */
import { sql, type SqlBool, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { relatedRegion } from './repository.ts';

type Executor = Db | Transaction<Database>;

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
