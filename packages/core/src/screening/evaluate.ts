import type { PostKind, ScreenablePost, ScreeningResult } from './scorer.ts';
import type { Screener } from './screener.ts';

export type ScreeningLabel = 'violation' | 'not_violation';

/** A post with a human judgement: would an officer queue it as an ASN neutrality violation? */
export interface LabelledPost extends ScreenablePost {
  id: string;
  label: ScreeningLabel;
  /** The pair the violation is for (or against); required for violations. */
  candidateId?: string;
  /**
   * 'holdout' posts were written before any tuning and are never tuned on; 'dev' posts are
   * evaluated while tuning but never trained on. Other names are kept as written.
   */
  split?: string;
  /** Whether the post supports or attacks `candidateId` ('none' for posts that are not violations). */
  stance?: 'support' | 'attack' | 'none';
  /** The kind of writing the post stands for ("attack", "hand_sign", "news"), for per-kind figures. */
  category?: string;
}

export interface ScreeningMistake {
  readonly post: LabelledPost;
  readonly result: ScreeningResult;
  readonly error: 'false_positive' | 'false_negative' | 'wrong_candidate';
}

export interface ScreeningEvaluation {
  readonly posts: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  readonly falseNegatives: number;
  /** Of the flagged posts, the share that are violations (1 when nothing is flagged). */
  readonly precision: number;
  /** Of the violations, the share flagged (1 when there are none). */
  readonly recall: number;
  readonly f1: number;
  /** Of the flagged violations with a candidate, the share whose most likely pair is that candidate. */
  readonly attributionAccuracy: number;
  readonly mistakes: readonly ScreeningMistake[];
}

const POST_KINDS: ReadonlySet<string> = new Set<PostKind>(['post', 'comment', 'share', 'like', 'follow']);

/** Parses and checks JSON Lines of labelled posts; an error names the line and the field. */
export function parseLabelledPosts(jsonl: string): LabelledPost[] {
  return jsonl.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    const where = `line ${index + 1}`;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${where}: not JSON (${(error as Error).message})`);
    }
    const fail = (field: string, expected: string): never => {
      throw new Error(`${where}: "${field}" must be ${expected}`);
    };
    if (typeof row.id !== 'string' || row.id === '') fail('id', 'a non-empty string');
    if (typeof row.text !== 'string') fail('text', 'a string');
    if (typeof row.kind !== 'string' || !POST_KINDS.has(row.kind)) fail('kind', [...POST_KINDS].join(' | '));
    if (typeof row.asnLinked !== 'boolean') fail('asnLinked', 'true or false');
    if (row.label !== 'violation' && row.label !== 'not_violation') fail('label', 'violation | not_violation');
    if (row.label === 'violation' && typeof row.candidateId !== 'string') fail('candidateId', 'the pair id of a violation');
    if (row.regionCode !== undefined && typeof row.regionCode !== 'string') fail('regionCode', 'a region code');
    if (row.split !== undefined && (typeof row.split !== 'string' || row.split === '')) fail('split', 'a split name such as tuning | dev | holdout');
    if (row.stance !== undefined && row.stance !== null && row.stance !== 'support' && row.stance !== 'attack' && row.stance !== 'none') fail('stance', 'support | attack | none');
    if (row.category !== undefined && row.category !== null && typeof row.category !== 'string') fail('category', 'a string');
    return [row as unknown as LabelledPost];
  });
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/**
 * Screens every post and compares "flagged" (score at or above the screener's threshold) with
 * the label: precision, recall, F1, confusion counts, and whether flagged violations name the
 * right pair first.
 */
export function evaluateScreening(screener: Screener, posts: readonly LabelledPost[]): ScreeningEvaluation {
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  let attributable = 0;
  let attributed = 0;
  const mistakes: ScreeningMistake[] = [];
  for (const post of posts) {
    const result = screener.screen(post);
    const flagged = result.score >= screener.config.threshold;
    const violation = post.label === 'violation';
    if (flagged && violation) {
      truePositives++;
      if (post.candidateId) {
        attributable++;
        if (result.candidatePairIds[0] === post.candidateId) attributed++;
        else mistakes.push({ post, result, error: 'wrong_candidate' });
      }
    } else if (flagged) {
      falsePositives++;
      mistakes.push({ post, result, error: 'false_positive' });
    } else if (violation) {
      falseNegatives++;
      mistakes.push({ post, result, error: 'false_negative' });
    } else {
      trueNegatives++;
    }
  }
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  return {
    posts: posts.length,
    truePositives,
    falsePositives,
    trueNegatives,
    falseNegatives,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    attributionAccuracy: ratio(attributed, attributable),
    mistakes,
  };
}
