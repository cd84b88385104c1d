/**
 * The candidate pairs of each contest (KPU's determination, imported by the candidates
 * capability): read by the candidates' pages, the rotation watch and the screening lexicon. Reads
 * filter by the caller's scope in SQL: a pair is seen by staff whose territory covers its region.
 */
import type { CandidatePair, CandidatePerson, Scope } from '@netra/core';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { regionInScope } from '../../db/scope.ts';

export interface StoredPair extends CandidatePair {
  id: string;
  regionCode: string;
  regionName: string;
  headAsnId: number | null;
  deputyAsnId: number | null;
  updatedAt: Date;
}

const pairColumns = [
  'p.id',
  'p.election_id',
  'p.region_code',
  'r.name as region_name',
  'p.ballot_number',
  'p.head',
  'p.deputy',
  'p.head_asn_id',
  'p.deputy_asn_id',
  'p.independent',
  'p.parties',
  'p.incumbent_member',
  'p.incumbent_office',
  'p.slogans',
  'p.hashtags',
  'p.updated_at',
] as const;

type PairRow = {
  id: string;
  election_id: string;
  region_code: string;
  region_name: string;
  ballot_number: number | null;
  head: unknown;
  deputy: unknown;
  head_asn_id: number | null;
  deputy_asn_id: number | null;
  independent: boolean;
  parties: string[];
  incumbent_member: 'head' | 'deputy' | null;
  incumbent_office: 'regional_head' | 'deputy_regional_head' | null;
  slogans: string[];
  hashtags: string[];
  updated_at: Date;
};

function toPair(row: PairRow): StoredPair {
  return {
    id: row.id,
    electionId: row.election_id,
    regionCode: row.region_code,
    regionName: row.region_name,
    ballotNumber: row.ballot_number,
    head: row.head as CandidatePerson,
    deputy: row.deputy as CandidatePerson,
    headAsnId: row.head_asn_id,
    deputyAsnId: row.deputy_asn_id,
    independent: row.independent,
    parties: row.parties,
    incumbent: row.incumbent_member && row.incumbent_office ? { member: row.incumbent_member, office: row.incumbent_office } : null,
    slogans: row.slogans,
    hashtags: row.hashtags,
    updatedAt: row.updated_at,
  };
}

function scopedPairs(db: Db, scope: Scope) {
  return db
    .selectFrom('candidate_pairs as p')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .where((eb) => regionInScope(eb, 'p.region_code', scope));
}

export async function listPairs(db: Db, scope: Scope, filter: { electionId?: string; regionCode?: string; asnOnly?: boolean }): Promise<StoredPair[]> {
  let query = scopedPairs(db, scope).select(pairColumns);
  if (filter.electionId) query = query.where('p.election_id', '=', filter.electionId);
  if (filter.regionCode) query = query.where('p.region_code', '=', filter.regionCode);
  if (filter.asnOnly) query = query.where(sql<boolean>`(p.head ? 'asnNip' OR p.deputy ? 'asnNip')`);
  const rows = await query.orderBy('p.region_code').orderBy('p.ballot_number').orderBy('p.created_at').limit(2000).execute();
  return rows.map((row) => toPair(row as PairRow));
}

export async function findPair(db: Db, scope: Scope, id: string): Promise<StoredPair | undefined> {
  const row = await scopedPairs(db, scope).select(pairColumns).where('p.id', '=', id).executeTakeFirst();
  return row ? toPair(row as PairRow) : undefined;
}

/** The incumbents' pairs of one contest, whatever the caller's scope (the rotation watch needs them). */
export async function pairsOfContest(db: Db, electionId: string, regionCode: string): Promise<StoredPair[]> {
  const rows = await db
    .selectFrom('candidate_pairs as p')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .select(pairColumns)
    .where('p.election_id', '=', electionId)
    .where('p.region_code', '=', regionCode)
    .execute();
  return rows.map((row) => toPair(row as PairRow));
}

export interface PairWrite {
  pair: CandidatePair & { regionCode: string };
  pairKey: string;
  headAsnId: number | null;
  deputyAsnId: number | null;
  actorId: string | null;
}

const pairValues = (w: PairWrite) => ({
  election_id: w.pair.electionId,
  region_code: w.pair.regionCode,
  ballot_number: w.pair.ballotNumber,
  head: JSON.stringify(w.pair.head),
  deputy: JSON.stringify(w.pair.deputy),
  head_asn_id: w.headAsnId,
  deputy_asn_id: w.deputyAsnId,
  independent: w.pair.independent,
  parties: w.pair.parties,
  incumbent_member: w.pair.incumbent?.member ?? null,
  incumbent_office: w.pair.incumbent?.office ?? null,
  slogans: w.pair.slogans,
  hashtags: w.pair.hashtags,
  pair_key: w.pairKey,
});

/**
 * Insert or update a pair identified by election, region and both members' names; an identical
 * pair is left alone. Returns what happened.
 */
export async function upsertPair(trx: Transaction<Database>, write: PairWrite): Promise<{ id: string; outcome: 'inserted' | 'updated' | 'unchanged' }> {
  const values = pairValues(write);
  const row = await trx
    .insertInto('candidate_pairs')
    .values({ ...values, created_by: write.actorId })
    .onConflict((oc) =>
      oc
        .constraint('candidate_pairs_key')
        .doUpdateSet({ ...values, updated_at: sql`now()` })
        .where(
          sql<boolean>`(candidate_pairs.ballot_number, candidate_pairs.head, candidate_pairs.deputy, candidate_pairs.independent, candidate_pairs.parties, candidate_pairs.incumbent_member,
            candidate_pairs.incumbent_office, candidate_pairs.slogans, candidate_pairs.hashtags, candidate_pairs.head_asn_id, candidate_pairs.deputy_asn_id)
            IS DISTINCT FROM (excluded.ballot_number, excluded.head, excluded.deputy, excluded.independent, excluded.parties, excluded.incumbent_member, excluded.incumbent_office, excluded.slogans, excluded.hashtags, excluded.head_asn_id, excluded.deputy_asn_id)`,
        ),
    )
    .returning(['id', sql<boolean>`xmax = 0`.as('inserted')])
    .executeTakeFirst();
  if (row) return { id: row.id, outcome: row.inserted ? 'inserted' : 'updated' };
  const existing = await trx
    .selectFrom('candidate_pairs')
    .select('id')
    .where('election_id', '=', write.pair.electionId)
    .where('region_code', '=', write.pair.regionCode)
    .where('pair_key', '=', write.pairKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, outcome: 'unchanged' };
}

export async function updatePair(trx: Transaction<Database>, id: string, write: PairWrite): Promise<void> {
  await trx.updateTable('candidate_pairs').set({ ...pairValues(write), updated_at: sql`now()` }).where('id', '=', id).execute();
}
