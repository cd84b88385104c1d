/**
 * Scoring posts with the compiled lexicon of their election and region: one lexicon lookup per
 * distinct (election, region) in a batch, then the core screener per post. Also rescoring the
 * open posts after a lexicon edit or an ASN link changes what they would score.
 */
import type { PostKind, ScreeningResult } from '@netra/core/screening/index';
import type { Db } from '../../db/database.ts';
import { compiledLexicon, type CompiledLexicon } from './lexicon.ts';
import * as repo from './repository.ts';

export interface ScoringInput {
  text: string;
  kind: PostKind;
  asnLinked: boolean;
  electionId: string;
  regionCode: string | null;
}

export function toScored(result: ScreeningResult, version: string, at: Date): repo.Scored {
  return {
    score: result.score,
    category: result.category,
    candidatePairIds: [...result.candidatePairIds],
    stance: result.stance,
    reasons: result.reasons,
    highlights: result.highlights,
    lexiconVersion: version,
    scoredAt: at,
  };
}

export function screenWith(compiled: CompiledLexicon, post: Omit<ScoringInput, 'electionId'>): ScreeningResult {
  return compiled.screener.screen({ text: post.text, kind: post.kind, asnLinked: post.asnLinked, ...(post.regionCode ? { regionCode: post.regionCode } : {}) });
}

/** Scores each input with its own election's and region's lexicon, in input order. */
export async function scoreBatch(db: Db, inputs: readonly ScoringInput[], at: Date): Promise<repo.Scored[]> {
  const lexicons = new Map<string, Promise<CompiledLexicon>>();
  const lexiconOf = (input: ScoringInput) => {
    const key = `${input.electionId}|${input.regionCode ?? ''}`;
    let found = lexicons.get(key);
    if (!found) lexicons.set(key, (found = compiledLexicon(db, input.electionId, input.regionCode)));
    return found;
  };
  const compiled = await Promise.all(inputs.map(lexiconOf));
  return inputs.map((input, i) => toScored(screenWith(compiled[i], input), compiled[i].version, at));
}

const RESCORE_BATCH = 1000;

/** Scores the open (queued) posts matching `filter` again; decided posts keep the score they were decided on. */
export async function rescoreOpenPosts(db: Db, filter: repo.RescoreFilter, at: Date): Promise<number> {
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const rows = await repo.openPostsToRescore(db, filter, after, RESCORE_BATCH);
    if (rows.length === 0) return total;
    const scored = await scoreBatch(
      db,
      rows.map((r) => ({ text: r.text, kind: r.kind, asnLinked: r.asn_linked === true, electionId: r.election_id, regionCode: r.region_code })),
      at,
    );
    await repo.updateScores(db, rows.map((r, i) => ({ id: r.id, scored: scored[i] })));
    total += rows.length;
    after = rows[rows.length - 1].id;
    if (rows.length < RESCORE_BATCH) return total;
  }
}
