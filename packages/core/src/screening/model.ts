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

/**
 * The bucket of the word pair (first, second) from the two words' own hashes (murmur3's
 * finaliser over an asymmetric mix): a pair costs no pass over its characters.
 */
function pairBucket(first: number, second: number, mask: number): number {
  let h = Math.imul(first, 0x85ebca6b) ^ second;
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  return (h >>> 0) & mask;
}

/**
 * The bucket of a feature by its name ("u:coblos", "c: co", "b:coblos|<candidate_name>",
 * "f:asn:true"), as `postFeatures` hashes it: for inspection and tests.
 */
export function featureBucket(name: string, hashing: FeatureHashing): number {
  if (name.startsWith('b:')) {
    const [first, second] = name.slice(2).split('|');
    const side = (word: string) => fnv(fnv(hashing.hashSeed, 'b:'), word) >>> 0;
    return pairBucket(side(first), side(second), hashing.mask);
  }
  return hashFeature(name, hashing.hashSeed) & hashing.mask;
}

/** The hashing of a model: its seed and bucket mask. */
export interface FeatureHashing {
  readonly hashSeed: number;
  readonly mask: number;
}

interface WordBuckets {
  readonly unigram: number;
  /** The word's hash as one side of a word pair ("b:" + word); `pairBucket` joins two. */
  readonly pairHash: number;
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
  const pairHash = fnv(fnv(hashing.hashSeed, 'b:'), word) >>> 0;
  found = { unigram, pairHash, grams, gramValue: grams.length > 0 ? 1 / Math.sqrt(grams.length) : 0 };
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
  const pairHashes: number[] = [];
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
    pairHashes.push(wb.pairHash);
    i = end;
  }
  const units = sources.length;
  for (let k = 0; k + 1 < units; k++) {
    if (FUNCTION_WORDS.has(words[k]) && FUNCTION_WORDS.has(words[k + 1])) continue;
    const group = sources.push({ type: 'phrase', start: sources[k].start, end: sources[k + 1].end }) - 1;
    push(pairBucket(pairHashes[k], pairHashes[k + 1], hashing.mask), 1, group, () => `b:${words[k]}|${words[k + 1]}`);
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

/**
 * Each distinct word a model has read, with an integer id and its share of both regressions in
 * flat arrays: the weights of its unigram and character n-grams summed once, its hash as one side
 * of a word pair, whether it is a function word. A normaliser's cached piece keeps its word's id
 * (stamped with the table's `epoch`), so a word seen before costs no lookup at all. The weights
 * of both regressions are also kept side by side, so that a word pair reads one cache line.
 */
class WordTable {
  private readonly ids = new Map<string, number>();
  violation = new Float64Array(1024);
  stance = new Float64Array(1024);
  pairHash = new Int32Array(1024);
  functionWord = new Uint8Array(1024);
  private count = 0;
  /** Replaced when the table is cleared: ids stamped with an older epoch are stale. */
  epoch: object = {};
  /**
   * The weighted buckets' violation and stance weights, side by side, in bucket order: the one of
   * rank r (r weighted buckets before it) at [2r] and [2r + 1]. Only the weighted third of the
   * buckets is kept, so the array (~180 KB rather than 512 KB) stays in the processor's cache
   * beside the matcher's tables, where reading a word pair's weights was a memory read.
   */
  readonly both: Float32Array;
  /**
   * Bit b set when bucket b has a weight in either regression: most word pairs fall in empty
   * buckets, and this bitmap (buckets / 8 bytes) answers them alone.
   */
  readonly weighted: Int32Array;
  /** Weighted buckets before each 32 of the bitmap: with the bits below b in its word, b's rank. */
  readonly rank: Int32Array;
  /** Cue findings by name: [violation, stance] weights. */
  readonly cues = new Map<string, readonly [number, number]>();

  constructor(private readonly model: ScreeningModel) {
    // The same float32 values as the full table held, added in the same order.
    const violation = model.violation.weights;
    const stance = model.stance.weights;
    const weighted = new Int32Array(Math.ceil(model.buckets / 32));
    const rank = new Int32Array(weighted.length);
    const both: number[] = [];
    for (let b = 0; b < model.buckets; b++) {
      if ((b & 31) === 0) rank[b >>> 5] = both.length >> 1;
      if (violation[b] === 0 && stance[b] === 0) continue;
      weighted[b >>> 5] |= 1 << (b & 31);
      both.push(violation[b], stance[b]);
    }
    this.both = Float32Array.from(both);
    this.weighted = weighted;
    this.rank = rank;
  }

  idOf(word: string, masked: boolean): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    if (this.count >= WORD_CACHE_LIMIT) {
      this.ids.clear();
      this.count = 0;
      this.epoch = {};
    }
    const model = this.model;
    const functionWord = !masked && FUNCTION_WORDS.has(word);
    let violation = 0;
    let stance = 0;
    const wb = wordBuckets(word, masked, model);
    if (!functionWord) {
      violation = model.violation.weights[wb.unigram];
      stance = model.stance.weights[wb.unigram];
      let gv = 0;
      let gs = 0;
      for (const bucket of wb.grams) {
        gv += model.violation.weights[bucket];
        gs += model.stance.weights[bucket];
      }
      violation += gv * wb.gramValue;
      stance += gs * wb.gramValue;
    }
    const id = this.count++;
    if (id === this.violation.length) this.grow();
    this.violation[id] = violation;
    this.stance[id] = stance;
    this.pairHash[id] = wb.pairHash;
    this.functionWord[id] = functionWord ? 1 : 0;
    this.ids.set(word, id);
    return id;
  }

  private grow(): void {
    const size = this.violation.length * 2;
    const violation = new Float64Array(size);
    violation.set(this.violation);
    const stance = new Float64Array(size);
    stance.set(this.stance);
    const pairHash = new Int32Array(size);
    pairHash.set(this.pairHash);
    const functionWord = new Uint8Array(size);
    functionWord.set(this.functionWord);
    Object.assign(this, { violation, stance, pairHash, functionWord });
  }
}

const wordTables = new WeakMap<ScreeningModel, WordTable>();

function wordTable(model: ScreeningModel): WordTable {
  let table = wordTables.get(model);
  if (!table) wordTables.set(model, (table = new WordTable(model)));
  return table;
}

const MASK_WORDS: Readonly<Record<string, string>> = {};
function maskWord(kind: string): string {
  return MASK_WORDS[kind] ?? ((MASK_WORDS as Record<string, string>)[kind] = `<${kind}>`);
}

/** Both regressions' log-odds of a post (biases included). */
export interface ModelLogits {
  readonly violation: number;
  readonly stance: number;
}

/**
 * The candidate mentions a post's words are masked by, in flat arrays the caller refills for
 * each post (no object per mention), kept sorted by start, the longest first.
 */
export class MentionMask {
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  kinds: string[] = [];
  count = 0;

  clear(): void {
    this.count = 0;
  }

  /** Adds a mention, after those with the same span (a stable sort by start, then end descending). */
  add(tokenStart: number, tokenEnd: number, kind: string): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      starts.set(this.starts);
      const ends = new Int32Array(this.count * 2);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    let k = this.count++;
    while (k > 0 && (this.starts[k - 1] > tokenStart || (this.starts[k - 1] === tokenStart && this.ends[k - 1] < tokenEnd))) {
      this.starts[k] = this.starts[k - 1];
      this.ends[k] = this.ends[k - 1];
      this.kinds[k] = this.kinds[k - 1];
      k--;
    }
    this.starts[k] = tokenStart;
    this.ends[k] = tokenEnd;
    this.kinds[k] = kind;
  }
}

/**
 * A word as the model reads it: a normalised token, or a normaliser's cached piece, which keeps
 * the word's id in the model's word table (`word`, stamped `wordOwner`).
 */
export interface ModelWord {
  readonly text: string;
  word?: number;
  wordOwner?: unknown;
}

/**
 * Both regressions' log-odds (biases included) of the first `count` words, masked by `mask`,
 * with the cue findings `cueNames`, written to out[0] (violation) and out[1] (stance). Equal to
 * `linearScore` over `postFeatures(...)` up to rounding (tested), without building the features:
 * each word's share comes from the word table, each word pair from the two words' hashes. When
 * `cacheOnWords`, each word keeps its id for the next post that contains it.
 */
export function modelLogitsInto(
  model: ScreeningModel,
  words: ReadonlyArray<ModelWord>,
  count: number,
  cacheOnWords: boolean,
  mask: MentionMask,
  cueNames: readonly string[],
  out: Float64Array,
): void {
  const table = wordTable(model);
  sumWords(model, table, words, count, cacheOnWords, mask);
  let violation = SUMS[0];
  let stance = SUMS[1];
  for (let k = 0; k < cueNames.length; k++) {
    const name = cueNames[k];
    let cue = table.cues.get(name);
    if (!cue) {
      const at = cueBucket(model, name);
      table.cues.set(name, (cue = [model.violation.weights[at], model.stance.weights[at]]));
    }
    violation += cue[0];
    stance += cue[1];
  }
  out[0] = violation;
  out[1] = stance;
}

/** The bucket of a cue finding's feature ("f:" + its name). */
function cueBucket(model: ScreeningModel, name: string): number {
  return (fnv(fnv(model.hashSeed, 'f:'), name) >>> 0) & model.mask;
}

/**
 * The weights of the cue findings `names` in both regressions, by position: violation at
 * [2k], stance at [2k + 1], as `modelLogitsInto` reads them by name.
 */
export function cueFeatureWeights(model: ScreeningModel, names: readonly string[]): Float64Array {
  const weights = new Float64Array(names.length * 2);
  names.forEach((name, k) => {
    const at = cueBucket(model, name);
    weights[2 * k] = model.violation.weights[at];
    weights[2 * k + 1] = model.stance.weights[at];
  });
  return weights;
}

/**
 * `modelLogitsInto` with the cue findings as ids into `cueWeights` (from `cueFeatureWeights`)
 * rather than by name: the same sums in the same order, without a look-up per finding.
 */
export function modelLogitsByCueIdsInto(
  model: ScreeningModel,
  words: ReadonlyArray<ModelWord>,
  count: number,
  cacheOnWords: boolean,
  mask: MentionMask,
  cueIds: Int32Array,
  cueCount: number,
  cueWeights: Float64Array,
  out: Float64Array,
): void {
  sumWords(model, wordTable(model), words, count, cacheOnWords, mask);
  let violation = SUMS[0];
  let stance = SUMS[1];
  for (let k = 0; k < cueCount; k++) {
    const at = cueIds[k] << 1;
    violation += cueWeights[at];
    stance += cueWeights[at + 1];
  }
  out[0] = violation;
  out[1] = stance;
}

/** Both regressions' sums (biases included) over the first `count` words, masked by `mask`, into SUMS. */
function sumWords(model: ScreeningModel, table: WordTable, words: ReadonlyArray<ModelWord>, count: number, cacheOnWords: boolean, mask: MentionMask): void {
  const { starts, ends, kinds } = mask;
  const mentions = mask.count;
  const sums = SUMS;
  sums[0] = model.violation.bias;
  sums[1] = model.stance.bias;
  sums[2] = -1;
  let m = 0;
  for (let i = 0; i < count; ) {
    // The words whose ids the pieces keep, up to a mention or a word to look up: nearly all.
    if (cacheOnWords && (i = addCachedWords(table, words, i, count, mask, m, model.mask, sums)) === count) break;
    while (m < mentions && ends[m] <= i) m++;
    if (m < mentions && starts[m] === i) {
      addUnit(table, table.idOf(maskWord(kinds[m]), true), model.mask, sums);
      i = ends[m];
      continue;
    }
    const word = words[i];
    const id = table.idOf(word.text, false);
    if (cacheOnWords) {
      word.word = id;
      word.wordOwner = table.epoch;
    }
    addUnit(table, id, model.mask, sums);
    i++;
  }
}

/** The number of bits set in a 32-bit word. */
function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The running sums of `modelLogitsInto`: violation, stance, and the id of the unit before (-1: none). */
const SUMS = new Float64Array(3);

/**
 * Adds the unit `id` to the sums: its share of both regressions, then its pair with the unit
 * before. An empty bucket adds nothing (the sums start at the biases, so they are never -0 and
 * adding a zero leaves them as they are): only a weighted bucket is read.
 */
function addUnit(table: WordTable, id: number, mask: number, sums: Float64Array): void {
  const previous = sums[2];
  sums[0] += table.violation[id];
  sums[1] += table.stance[id];
  if (previous >= 0 && !(table.functionWord[previous] === 1 && table.functionWord[id] === 1)) {
    const bucket = pairBucket(table.pairHash[previous], table.pairHash[id], mask);
    const bits = table.weighted[bucket >>> 5];
    if ((bits & (1 << (bucket & 31))) !== 0) {
      const at = (table.rank[bucket >>> 5] + bitCount(bits & ((1 << (bucket & 31)) - 1))) << 1;
      sums[0] += table.both[at];
      sums[1] += table.both[at + 1];
    }
  }
  sums[2] = id;
}

/**
 * `addUnit` for the words from `from` on while each keeps its id in the table (stamped with its
 * epoch) and no mention starts there (`m`: the mention to look at, as `modelLogitsInto` finds
 * it), in the same order: returns where it stopped (the end, a mention, or a word to look up).
 * The hot loop of the model, kept apart from the look-ups so that it compiles small.
 */
function addCachedWords(table: WordTable, words: ReadonlyArray<ModelWord>, from: number, count: number, mentionMask: MentionMask, m: number, mask: number, sums: Float64Array): number {
  const { violation, stance, functionWord, pairHash, weighted, rank, both, epoch } = table;
  const { starts, ends } = mentionMask;
  const mentions = mentionMask.count;
  let v = sums[0];
  let s = sums[1];
  let previous = sums[2];
  let i = from;
  for (; i < count; i++) {
    while (m < mentions && ends[m] <= i) m++;
    if (m < mentions && starts[m] === i) break;
    const word = words[i];
    if (word.wordOwner !== epoch) break;
    const id = word.word!;
    v += violation[id];
    s += stance[id];
    if (previous >= 0 && !(functionWord[previous] === 1 && functionWord[id] === 1)) {
      const bucket = pairBucket(pairHash[previous], pairHash[id], mask);
      const bits = weighted[bucket >>> 5];
      if ((bits & (1 << (bucket & 31))) !== 0) {
        const at = (rank[bucket >>> 5] + bitCount(bits & ((1 << (bucket & 31)) - 1))) << 1;
        v += both[at];
        s += both[at + 1];
      }
    }
    previous = id;
  }
  sums[0] = v;
  sums[1] = s;
  sums[2] = previous;
  return i;
}

/** The same log-odds from tokens and mention spans: for tests and tools. */
export function modelLogits(
  model: ScreeningModel,
  tokens: ReadonlyArray<{ readonly text: string }>,
  mentions: readonly MaskedSpan[],
  cueNames: readonly string[],
): ModelLogits {
  const mask = new MentionMask();
  for (const m of mentions) mask.add(m.tokenStart, m.tokenEnd, m.kind);
  const out = new Float64Array(2);
  modelLogitsInto(model, tokens, tokens.length, false, mask, cueNames, out);
  return { violation: out[0], stance: out[1] };
}
