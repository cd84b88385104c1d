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

/** A cue finding as a feature: name, Indonesian label, English label. */
export type CueFeature = readonly [string, string, string];

/** Where a group of features comes from; its labels are written only if a reason names it. */
export interface FeatureSource {
  readonly type: 'unit' | 'phrase' | 'cue';
  readonly start: number;
  readonly end: number;
  /** The mention kind of a masked unit ("candidate_name"). */
  readonly mention?: string;
  readonly cue?: CueFeature;
}

const BACKGROUND = /^(kind|asn|kind_asn|region|pairs|length|cue_score):/;

/** The features of one post: hash buckets, values, and the source of each. */
export interface PostFeatures {
  readonly buckets: number[];
  readonly values: number[];
  readonly groupOf: number[];
  readonly sources: FeatureSource[];
  /** The features' names before hashing, only when asked for (tests, inspection). */
  readonly names?: string[];
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

/** The readable labels of a feature source. */
export function describeSource(text: string, source: FeatureSource): FeatureGroup {
  const quoted = `"${text.slice(source.start, source.end)}"`;
  const spans = [{ start: source.start, end: source.end }];
  if (source.type === 'cue') {
    const [name, id, en] = source.cue!;
    return { id: `ciri: ${id}`, en: `cue finding: ${en}`, spans: [], background: BACKGROUND.test(name) };
  }
  if (source.type === 'phrase') return { id: `frasa ${quoted}`, en: `phrase ${quoted}`, spans };
  const kind = source.mention ? KIND_WORD[source.mention] : undefined;
  return { id: `${kind ? kind.id : 'kata'} ${quoted}`, en: `${kind ? kind.en : 'word'} ${quoted}`, spans };
}

/**
 * Function words (as the normaliser writes them) carry no features of their own: how often a
 * writer says "yang" or "saya" is style, not campaigning, and a model that learns style from
 * its training posts fails on other writers. They still count inside word pairs with a content word.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'yang', 'dan', 'di', 'ke', 'dari', 'itu', 'ini', 'ada', 'saja', 'ya', 'sih', 'deh', 'dong', 'kok', 'lah',
  'nih', 'tuh', 'kan', 'juga', 'sama', 'sudah', 'tidak', 'mau', 'saya', 'aku', 'kita', 'kami', 'kamu', 'dia',
  'untuk', 'buat', 'dengan', 'karena', 'kalau', 'tapi', 'atau', 'jadi', 'bisa', 'lagi', 'terus', 'banget',
  'pada', 'akan', 'masih', 'apa', 'mana', 'si', 'nya', 'pun', 'mah', 'ah', 'eh', 'yg', 'the', 'and', 'a',
]);

const MIN_GRAM = 3;
const MAX_GRAM = 5;
const FNV_PRIME = 0x01000193;

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The hashing of a model: its seed and bucket mask. */
export interface FeatureHashing {
  readonly hashSeed: number;
  readonly mask: number;
}

interface WordBuckets {
  readonly unigram: number;
  readonly grams: Int32Array;
  readonly gramValue: number;
}

/** Buckets of each word seen, per hashing: most words of most posts have been seen before. */
const wordCaches = new WeakMap<FeatureHashing, Map<string, WordBuckets>>();
const WORD_CACHE_LIMIT = 100_000;

function wordBuckets(word: string, masked: boolean, hashing: FeatureHashing): WordBuckets {
  let cache = wordCaches.get(hashing);
  if (!cache) wordCaches.set(hashing, (cache = new Map()));
  let found = cache.get(word);
  if (found) return found;
  const unigram = (fnv(fnv(hashing.hashSeed, 'u:'), word) >>> 0) & hashing.mask;
  let grams = new Int32Array(0);
  // Character n-grams of " word ": FNV streams, so the hash of "c:" + gram grows one character at a time.
  if (!masked && word.length >= 2) {
    const padded = ` ${word} `;
    const out: number[] = [];
    const prefix = fnv(hashing.hashSeed, 'c:');
    for (let i = 0; i + MIN_GRAM <= padded.length; i++) {
      let h = prefix;
      for (let j = i; j < Math.min(padded.length, i + MAX_GRAM); j++) {
        h = Math.imul(h ^ padded.charCodeAt(j), FNV_PRIME);
        if (j - i + 1 >= MIN_GRAM) out.push((h >>> 0) & hashing.mask);
      }
    }
    grams = Int32Array.from(out);
  }
  found = { unigram, grams, gramValue: grams.length > 0 ? 1 / Math.sqrt(grams.length) : 0 };
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(word, found);
  return found;
}

/**
 * Builds the model's features from the post's normalised tokens, the candidate mentions to mask
 * and the cue findings: each unit (a token, or a whole mention as "<kind>"), the character
 * 3–5-grams of each unmasked word (together worth one unit), each pair of neighbouring units,
 * and each cue finding. `withNames` also returns the names before hashing.
 */
export function postFeatures(
  text: string,
  tokens: readonly NormalisedToken[],
  mentions: readonly MaskedSpan[],
  cueFeatures: readonly CueFeature[],
  hashing: FeatureHashing,
  withNames = false,
): PostFeatures {
  const buckets: number[] = [];
  const values: number[] = [];
  const groupOf: number[] = [];
  const sources: FeatureSource[] = [];
  const names: string[] | undefined = withNames ? [] : undefined;
  const push = (bucket: number, value: number, group: number, name?: () => string) => {
    buckets.push(bucket);
    values.push(value);
    groupOf.push(group);
    if (names && name) names.push(name());
  };
  // The masked sequence: one unit per token, or per mention (its kind).
  const sorted = mentions.length > 1 ? [...mentions].sort((a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - a.tokenEnd) : mentions;
  const words: string[] = [];
  let m = 0;
  for (let i = 0; i < tokens.length; ) {
    while (m < sorted.length && sorted[m].tokenEnd <= i) m++;
    const mention = m < sorted.length && sorted[m].tokenStart === i ? sorted[m] : undefined;
    const end = mention ? mention.tokenEnd : i + 1;
    const word = mention ? `<${mention.kind}>` : tokens[i].text;
    const group = sources.push({ type: 'unit', start: tokens[i].start, end: tokens[end - 1].end, mention: mention?.kind }) - 1;
    const wb = wordBuckets(word, mention !== undefined, hashing);
    const functionWord = mention === undefined && FUNCTION_WORDS.has(word);
    if (!functionWord) push(wb.unigram, 1, group, () => `u:${word}`);
    if (names && wb.grams.length > 0 && !functionWord) {
      const padded = ` ${word} `;
      for (let k = 0; k + MIN_GRAM <= padded.length; k++) for (let n = MIN_GRAM; n <= MAX_GRAM && k + n <= padded.length; n++) names.push(`c:${padded.slice(k, k + n)}`);
    }
    if (!functionWord) for (const bucket of wb.grams) {
      buckets.push(bucket);
      values.push(wb.gramValue);
      groupOf.push(group);
    }
    words.push(word);
    i = end;
  }
  const units = sources.length;
  for (let k = 0; k + 1 < units; k++) {
    if (FUNCTION_WORDS.has(words[k]) && FUNCTION_WORDS.has(words[k + 1])) continue;
    const group = sources.push({ type: 'phrase', start: sources[k].start, end: sources[k + 1].end }) - 1;
    const h = fnv(fnv(fnv(fnv(hashing.hashSeed, 'b:'), words[k]), '|'), words[k + 1]);
    push((h >>> 0) & hashing.mask, 1, group, () => `b:${words[k]}|${words[k + 1]}`);
  }
  for (const cue of cueFeatures) {
    const group = sources.push({ type: 'cue', start: 0, end: 0, cue }) - 1;
    push((fnv(fnv(hashing.hashSeed, 'f:'), cue[0]) >>> 0) & hashing.mask, 1, group, () => `f:${cue[0]}`);
  }
  return { buckets, values, groupOf, sources, ...(names ? { names } : {}) };
}

export interface Contribution {
  readonly source: FeatureSource;
  readonly logit: number;
}

/** The linear score (log-odds) of a post's features. */
export function linearScore(model: LinearModel, features: PostFeatures): number {
  let logit = model.bias;
  const { buckets, values } = features;
  for (let k = 0; k < buckets.length; k++) logit += model.weights[buckets[k]] * values[k];
  return logit;
}

/** Each source's share of the linear score, for the explanation. */
export function contributions(model: LinearModel, features: PostFeatures): Contribution[] {
  const bySource = new Float64Array(features.sources.length);
  const { buckets, values, groupOf } = features;
  for (let k = 0; k < buckets.length; k++) bySource[groupOf[k]] += model.weights[buckets[k]] * values[k];
  const out: Contribution[] = [];
  bySource.forEach((share, g) => {
    if (share !== 0) out.push({ source: features.sources[g], logit: share });
  });
  return out;
}
