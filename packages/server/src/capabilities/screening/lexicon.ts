/**
 * The screening lexicon of an election and region: built by the core's `buildLexicon` from the
 * candidate registry (the pairs running in the region, in the province containing it and in the
 * regions it contains), then changed by the officers' edits with `applyLexiconEdits`. Without a
 * region it holds every pair of the election.
 *
 * Compiling a lexicon (normaliser vocabulary, Aho–Corasick automaton) costs far more than
 * screening one post, so compiled screeners are cached in memory per (election, region, lexicon
 * version). The version is a fingerprint of the registry rows and edits the lexicon is built
 * from, read with one query, so every server process notices a change made on another.
 */
import { createHash } from 'node:crypto';
import {
  applyLexiconEdits,
  buildLexicon,
  createScreener,
  MENTION_KINDS,
  type CandidatePair,
  type Lexicon,
  type LexiconEdit,
  type LexiconEntryKind,
  type Screener,
} from '@netra/core/screening/index';
import type { Db } from '../../db/database.ts';
import * as repo from './lexicon.repository.ts';

export interface CompiledLexicon {
  electionId: string;
  regionCode: string | null;
  version: string;
  screener: Screener;
}

/**
 * Ballot numbers are drawn by the KPU weeks after registration, so a pair may have none yet. The
 * core builder needs one; such pairs get a number no ballot uses, whose entries are then removed.
 */
const PLACEHOLDER_BALLOT_FROM = 1000;

function toCandidatePair(row: repo.RegistryPairRow, placeholder: number): CandidatePair {
  const person = (value: unknown) => {
    const p = value as { name: string; nickname?: string; variants?: string[] };
    return { name: p.name, ...(p.nickname ? { nickname: p.nickname } : {}), ...(p.variants?.length ? { variants: p.variants } : {}) };
  };
  return {
    id: row.id,
    electionId: row.election_id,
    regionCode: row.region_code,
    ballotNumber: row.ballot_number ?? placeholder,
    head: person(row.head),
    deputy: person(row.deputy),
    parties: row.parties,
    independent: row.independent,
    incumbent: row.incumbent_member !== null,
    slogans: row.slogans,
    hashtags: row.hashtags,
  };
}

/** The registry's pairs as a core lexicon (without edits). */
export function registryLexicon(electionId: string, rows: readonly repo.RegistryPairRow[]): Lexicon {
  const unnumbered = new Set(rows.filter((r) => r.ballot_number === null).map((r) => r.id));
  const lexicon = buildLexicon(
    electionId,
    rows.map((row, i) => toCandidatePair(row, PLACEHOLDER_BALLOT_FROM + i)),
  );
  if (unnumbered.size === 0) return lexicon;
  return {
    ...lexicon,
    candidates: lexicon.candidates.map((c) => (unnumbered.has(c.id) ? { ...c, label: c.label.replace(/ \(\d+\)$/, '') } : c)),
    entries: lexicon.entries.filter((e) => !(e.kind === 'ballot_number' && e.candidatePairIds.every((id) => unnumbered.has(id)))),
  };
}

type EditRow = Awaited<ReturnType<typeof repo.lexiconEdits>>[number];

/**
 * Stored edits as core edits, keeping only what this lexicon can apply: an addition naming pairs
 * this region's lexicon does not hold (another regency's pair, a pair since deleted) keeps the
 * pairs it can name, or is skipped when none is left.
 */
export function applicableEdits(lexicon: Lexicon, rows: readonly EditRow[]): LexiconEdit[] {
  const known = new Set(lexicon.candidates.map((c) => c.id));
  const edits: LexiconEdit[] = [];
  for (const row of rows) {
    const kind = (row.kind ?? undefined) as LexiconEntryKind | undefined;
    const pairIds = row.candidate_pair_ids.filter((id) => known.has(id));
    if (row.action === 'add' && kind && MENTION_KINDS.has(kind) && pairIds.length === 0) continue;
    edits.push({
      electionId: row.election_id,
      regionCode: row.region_code,
      action: row.action,
      term: row.term,
      ...(kind ? { kind } : {}),
      ...(row.action === 'add' ? { candidatePairIds: pairIds } : {}),
      ...(row.ambiguous !== null ? { ambiguous: row.ambiguous } : {}),
    });
  }
  return edits;
}

async function build(db: Db, electionId: string, regionCode: string | null, version: string): Promise<CompiledLexicon> {
  const [pairs, edits] = await Promise.all([repo.registryPairs(db, electionId, regionCode), repo.lexiconEdits(db, electionId, regionCode)]);
  const base = registryLexicon(electionId, pairs);
  const lexicon = applyLexiconEdits(base, applicableEdits(base, edits));
  return { electionId, regionCode, version, screener: createScreener(lexicon) };
}

/** Enough for every regency of a busy import plus their provinces; the oldest goes first. */
const MAX_CACHED = 256;
const caches = new WeakMap<Db, Map<string, Promise<CompiledLexicon>>>();

/**
 * The compiled screener for (election, region) at its current version, from the cache when the
 * registry and the edits have not changed. Concurrent callers share one build.
 */
export async function compiledLexicon(db: Db, electionId: string, regionCode: string | null): Promise<CompiledLexicon> {
  const fingerprint = await repo.lexiconFingerprint(db, electionId, regionCode);
  const version = createHash('sha256').update(`${electionId}|${regionCode ?? '*'}|${fingerprint}`).digest('hex').slice(0, 16);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${electionId}|${regionCode ?? '*'}|${version}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = build(db, electionId, regionCode, version);
    cache.set(key, compiled);
    compiled.catch(() => cache.delete(key));
    // Older versions of the same lexicon are dead weight now.
    for (const other of cache.keys()) if (other !== key && other.startsWith(`${electionId}|${regionCode ?? '*'}|`)) cache.delete(other);
    while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return compiled;
}
