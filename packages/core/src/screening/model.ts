/**
 * The learned part of the screening score: a logistic regression over hashed features of a post
 * that names a candidate — its normalised words, word pairs and character n-grams, with every
 * candidate mention replaced by its kind (so the model learns how people campaign, not who the
 * eight fixture pairs are), plus the explainable cues' own findings. Trained by
 * bench/screening/train.ts; the weights are data (model/screening-model.json).
 *
 * The regression is trained with the cue score as an offset: it learns what the cues miss, in the
 * cue score's own units (`pointsPerLogit` score points per unit of log-odds), so that the final
 * score is the cue score plus the model's points and "flagged" still means score ≥ threshold.
 */
import type { NormalisedToken } from './normalise.ts';

/** A hashed linear model, as committed: sparse weights over `buckets` hash buckets. */
export interface LinearModelJson {
  readonly bias: number;
  readonly indices: readonly number[];
  readonly values: readonly number[];
}

export interface ScreeningModelJson {
  readonly format: 'netra-screening-lr/1';
  readonly buckets: number;
  readonly hashSeed: number;
  /** Score points per unit of log-odds: the scale of the cue-score offset the model was trained with. */
  readonly pointsPerLogit: number;
  /** The model's points are clamped to ±maxPoints. */
  readonly maxPoints: number;
  /** Violation vs not, given that the post names a candidate. */
  readonly violation: LinearModelJson;
  /** Attack vs support, for violations. */
  readonly stance: LinearModelJson;
  readonly trainedOn: Readonly<Record<string, unknown>>;
}

export interface LinearModel {
  readonly bias: number;
  readonly weights: Float32Array;
}

export interface ScreeningModel {
  readonly buckets: number;
  readonly mask: number;
  readonly hashSeed: number;
  readonly pointsPerLogit: number;
  readonly maxPoints: number;
  readonly violation: LinearModel;
  readonly stance: LinearModel;
}

function dense(json: LinearModelJson, buckets: number): LinearModel {
  if (json.indices.length !== json.values.length) throw new Error('Screening model: indices and values differ in length');
  const weights = new Float32Array(buckets);
  json.indices.forEach((index, k) => {
    if (!Number.isInteger(index) || index < 0 || index >= buckets) throw new Error(`Screening model: bucket ${index} out of range`);
    weights[index] = json.values[k];
  });
  return { bias: json.bias, weights };
}

/** Checks and expands the committed JSON into dense weight arrays. */
export function loadScreeningModel(json: ScreeningModelJson): ScreeningModel {
  if (json.format !== 'netra-screening-lr/1') throw new Error(`Screening model: unknown format ${String(json.format)}`);
  if (!Number.isInteger(Math.log2(json.buckets))) throw new Error('Screening model: buckets must be a power of two');
  return {
    buckets: json.buckets,
    mask: json.buckets - 1,
    hashSeed: json.hashSeed,
    pointsPerLogit: json.pointsPerLogit,
    maxPoints: json.maxPoints,
    violation: dense(json.violation, json.buckets),
    stance: dense(json.stance, json.buckets),
  };
}

/** FNV-1a over UTF-16 code units from `seed`: the same bucket on every machine and run. */
export function hashFeature(name: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A readable source of some features: a word or phrase of the post, or a finding of the cues. */
export interface FeatureGroup {
  /** Indonesian and English labels: kata "coblos", nama "Mas Arya", ciri: akun ASN. */
  readonly id: string;
  readonly en: string;
  readonly spans: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  /**
   * A finding true of most posts (a post, an ASN account, the pair's own region, the cue score):
   * it moves the score, but explains little, so a reason names it only when nothing else stands out.
   */
  readonly background?: boolean;
}

const BACKGROUND = /^(kind|asn|kind_asn|region|pairs|length|cue_score):/;

/** The features of one post: names (hashed later), values, and the readable group of each. */
export interface PostFeatures {
  readonly names: string[];
  readonly values: number[];
  readonly groupOf: number[];
  readonly groups: FeatureGroup[];
}

/** A candidate mention as the model sees it: its token span and kind. */
export interface MaskedSpan {
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly kind: string;
}

const KIND_WORD: Readonly<Record<string, { id: string; en: string }>> = {
  candidate_name: { id: 'nama', en: 'name' },
  pair_name: { id: 'nama pasangan', en: 'pair name' },
  ballot_number: { id: 'nomor urut', en: 'ballot number' },
  party: { id: 'partai', en: 'party' },
  slogan: { id: 'slogan', en: 'slogan' },
  hashtag: { id: 'tagar', en: 'hashtag' },
};

const MIN_GRAM = 3;
const MAX_GRAM = 5;

/**
 * Builds the model's features from the post's normalised tokens, the candidate mentions to mask
 * and the cue findings (`cueFeatures`: name → [Indonesian label, English label]).
 */
export function postFeatures(
  text: string,
  tokens: readonly NormalisedToken[],
  mentions: readonly MaskedSpan[],
  cueFeatures: ReadonlyArray<readonly [string, string, string]>,
): PostFeatures {
  const features: PostFeatures = { names: [], values: [], groupOf: [], groups: [] };
  const push = (name: string, value: number, group: number) => {
    features.names.push(name);
    features.values.push(value);
    features.groupOf.push(group);
  };
  // The masked sequence: one unit per token, or per mention (its kind).
  const units: Array<{ word: string; masked: boolean; start: number; end: number }> = [];
  const sorted = [...mentions].sort((a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - a.tokenEnd);
  let m = 0;
  for (let i = 0; i < tokens.length; ) {
    while (m < sorted.length && sorted[m].tokenEnd <= i) m++;
    const mention = m < sorted.length && sorted[m].tokenStart === i ? sorted[m] : undefined;
    if (mention) {
      units.push({ word: `<${mention.kind}>`, masked: true, start: tokens[i].start, end: tokens[mention.tokenEnd - 1].end });
      i = mention.tokenEnd;
    } else {
      units.push({ word: tokens[i].text, masked: false, start: tokens[i].start, end: tokens[i].end });
      i++;
    }
  }
  const quoted = (u: { start: number; end: number }) => `"${text.slice(u.start, u.end)}"`;
  const unitGroups = units.map((u) => {
    const kind = u.masked ? KIND_WORD[u.word.slice(1, -1)] : undefined;
    features.groups.push({
      id: `${kind ? kind.id : 'kata'} ${quoted(u)}`,
      en: `${kind ? kind.en : 'word'} ${quoted(u)}`,
      spans: [{ start: u.start, end: u.end }],
    });
    return features.groups.length - 1;
  });
  units.forEach((u, k) => {
    push(`u:${u.word}`, 1, unitGroups[k]);
    if (u.masked || u.word.length < 2) return;
    const padded = ` ${u.word} `;
    const grams: string[] = [];
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
    const value = 1 / Math.sqrt(grams.length);
    for (const gram of grams) push(`c:${gram}`, value, unitGroups[k]);
  });
  for (let k = 0; k + 1 < units.length; k++) {
    const [a, b] = [units[k], units[k + 1]];
    features.groups.push({ id: `frasa ${quoted({ start: a.start, end: b.end })}`, en: `phrase ${quoted({ start: a.start, end: b.end })}`, spans: [{ start: a.start, end: b.end }] });
    push(`b:${a.word}|${b.word}`, 1, features.groups.length - 1);
  }
  for (const [name, id, en] of cueFeatures) {
    features.groups.push({ id: `ciri: ${id}`, en: `cue finding: ${en}`, spans: [], background: BACKGROUND.test(name) });
    push(`f:${name}`, 1, features.groups.length - 1);
  }
  return features;
}

/** The buckets of a post's features. */
export function featureBuckets(features: PostFeatures, model: Pick<ScreeningModel, 'hashSeed' | 'mask'>): Int32Array {
  const buckets = new Int32Array(features.names.length);
  features.names.forEach((name, k) => {
    buckets[k] = hashFeature(name, model.hashSeed) & model.mask;
  });
  return buckets;
}

export interface Contribution {
  readonly group: FeatureGroup;
  readonly logit: number;
}

/** The linear score (log-odds) and each readable group's share of it, largest first by size. */
export function linearScore(model: LinearModel, features: PostFeatures, buckets: Int32Array): { logit: number; contributions: Contribution[] } {
  let logit = model.bias;
  const byGroup = new Float64Array(features.groups.length);
  for (let k = 0; k < buckets.length; k++) {
    const c = model.weights[buckets[k]] * features.values[k];
    logit += c;
    byGroup[features.groupOf[k]] += c;
  }
  const contributions: Contribution[] = [];
  byGroup.forEach((logitShare, g) => {
    if (logitShare !== 0) contributions.push({ group: features.groups[g], logit: logitShare });
  });
  contributions.sort((a, b) => Math.abs(b.logit) - Math.abs(a.logit));
  return { logit, contributions };
}
