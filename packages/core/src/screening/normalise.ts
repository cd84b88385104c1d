import { stemmer } from '@orama/stemmers/indonesian';
import { DEFAULT_CUES, NUMBER_WORDS } from './cues.ts';
import { PARTY_ALIASES } from './names.ts';
import { SLANG } from './slang.ts';
import { COMMON_WORDS, NUMBER_CONTEXT_WORDS } from './words.ts';

export type TokenKind = 'word' | 'number' | 'emoji';

export interface NormalisedToken {
  /** Folded, lower-cased, de-leeted, de-repeated, slang-expanded form. */
  readonly text: string;
  /** Indonesian Snowball stem of `text` (PostgreSQL's `indonesian` config); `text` for numbers and emoji. */
  readonly stem: string;
  readonly kind: TokenKind;
  /** UTF-16 offsets of the token's source in the original text (end exclusive), for highlighting. */
  readonly start: number;
  readonly end: number;
}

/** Receives tokens as the normaliser reads them, so a consumer (the matcher) need not allocate them. */
export interface TokenSink {
  token(text: string, stem: string, kind: TokenKind, start: number, end: number): void;
}

export interface Normaliser {
  normalise(text: string): NormalisedToken[];
  /** Streams the tokens of `text` to `sink`, in order: the tokens `normalise` returns. */
  scan(text: string, sink: TokenSink): void;
  /** True for a word of the vocabulary or of the slang list. */
  isKnownWord(word: string): boolean;
}

/** A normalised piece of one word chunk, offsets relative to the chunk. */
interface Piece {
  readonly text: string;
  readonly stem: string;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

/** A chunk's letters and digits after folding, with where each came from in the chunk. */
interface FoldedChunk {
  readonly chars: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly upper: readonly boolean[];
}

/** A run of folded characters [from, to) and what it reads as. */
interface Segment {
  readonly text: string;
  readonly kind: 'word' | 'number';
  readonly from: number;
  readonly to: number;
}

const LEET: Readonly<Record<string, string>> = { '4': 'a', '3': 'e', '0': 'o', '1': 'i', '5': 's', '7': 't' };
const NUMBER_CONTEXT = new Set(NUMBER_CONTEXT_WORDS);
/** Longest word tried when cutting a hashtag, and the shortest (two-letter words cut too eagerly). */
const MAX_HASHTAG_WORD = 24;
const MIN_HASHTAG_WORD = 3;
/** Letter runs varied when undoing repetition: at most 2^4 spellings are looked up. */
const MAX_VARIABLE_RUNS = 4;
/** The stem cache is cleared at this size, which bounds its memory on unbounded input. */
const STEM_CACHE_LIMIT = 200_000;
/** Most slots of the chunk cache (a power of two): it is cleared at 131,072 distinct words. */
const MAX_CACHE_SLOTS = 1 << 18;

const CharClass = {
  Separator: 0,
  Word: 1,
  Emoji: 2,
  /**
   * Combining marks, variation selectors, skin tones and format characters (zero-width space and
   * joiner, soft hyphen): invisible, so a word continues across them ("pi\u200blih" is "pilih").
   */
  Ignorable: 3,
  Apostrophe: 4,
  TagMark: 5,
} as const;
type CharClass = (typeof CharClass)[keyof typeof CharClass];

interface CharInfo {
  readonly cls: CharClass;
  /** Folded lower-case letters or digits for Word, the bare emoji for Emoji. */
  readonly folded: string;
  readonly upper: boolean;
}

const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) return CharClass.Word;
  if (ch === '#' || ch === '@') return CharClass.TagMark;
  if (ch === "'" || ch === '`') return CharClass.Apostrophe;
  return CharClass.Separator;
});

const charInfoCache = new Map<number, CharInfo>();

/** Classifies and folds a non-ASCII code point: NFKD, marks stripped, lower case (𝗽 → p, Ｐ → p, é → e). */
function charInfo(cp: number): CharInfo {
  let info = charInfoCache.get(cp);
  if (info) return info;
  const ch = String.fromCodePoint(cp);
  const decomposed = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  const folded = decomposed.toLowerCase();
  if (/\p{Extended_Pictographic}/u.test(ch)) info = { cls: CharClass.Emoji, folded: ch, upper: false };
  else if (folded === '' || /\p{Cf}/u.test(ch) || (cp >= 0x1f3fb && cp <= 0x1f3ff)) info = { cls: CharClass.Ignorable, folded: '', upper: false };
  else if (/^[\p{L}\p{N}]+$/u.test(folded)) info = { cls: CharClass.Word, folded, upper: decomposed !== folded };
  else if (folded === '#' || folded === '@') info = { cls: CharClass.TagMark, folded, upper: false };
  else if (/^['’‘ʼ`]$/u.test(folded)) info = { cls: CharClass.Apostrophe, folded, upper: false };
  else info = { cls: CharClass.Separator, folded, upper: false };
  charInfoCache.set(cp, info);
  return info;
}

function classAt(text: string, i: number): CharClass {
  const c = text.charCodeAt(i);
  return (c < 128 ? ASCII_CLASS[c] : charInfo(text.codePointAt(i)!).cls) as CharClass;
}

/** Width in UTF-16 units of the code point at i. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

const stemCache = new Map<string, string>();

/** Indonesian Snowball stem, cached: the stemmer costs about half a microsecond a call. */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stem = stemmer(word);
    stemCache.set(word, stem);
  }
  return stem;
}

function wordsOf(term: string): string[] {
  return term.toLowerCase().split(/\s+/).filter((w) => /^\p{L}+$/u.test(w));
}

/** Words every normaliser knows: common words, slang on both sides, cue words, number words, party acronyms ("PPP"). */
export const BASE_VOCABULARY: ReadonlySet<string> = new Set([
  ...COMMON_WORDS,
  ...Object.keys(PARTY_ALIASES).map((party) => party.toLowerCase()),
  ...NUMBER_CONTEXT_WORDS,
  ...Object.keys(SLANG),
  ...Object.values(SLANG).flatMap(wordsOf),
  ...Object.values(DEFAULT_CUES).flatMap((list) => [...list.clear, ...list.ambiguous]).flatMap(wordsOf),
  ...Object.values(NUMBER_WORDS).flat(),
]);

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isLeet(digits: string): boolean {
  for (const d of digits) if (!(d in LEET)) return false;
  return true;
}

function unleet(text: string): string {
  let out = '';
  for (const ch of text) out += LEET[ch] ?? ch;
  return out;
}

const FNV_SEED = 0x811c9dc5;
const TAG_SEED = 0x9e3779b9;
const FNV_PRIME = 0x01000193;

/**
 * The normalised pieces of each word chunk seen, keyed by the chunk's characters and whether it
 * is a hashtag body. Open addressing over a hash the caller computes while scanning, and keys
 * compared in place in the text: a hit allocates nothing. The table starts small, so that it
 * stays in the processor's cache, doubles when half full, and is cleared at its largest.
 */
class ChunkCache {
  private mask = 0;
  private hashes = new Int32Array(0);
  private tags = new Uint8Array(0);
  private keys: Array<string | undefined> = [];
  private values: Array<readonly Piece[] | undefined> = [];
  private size = 0;

  constructor() {
    this.allocate(1 << 12);
  }

  get(text: string, start: number, end: number, isTag: boolean, hash: number): readonly Piece[] | undefined {
    const tag = Number(isTag);
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const key = this.keys[i];
      if (key === undefined) return undefined;
      if (this.hashes[i] === hash && this.tags[i] === tag && key.length === end - start && sameChars(key, text, start)) return this.values[i];
    }
  }

  set(chunk: string, isTag: boolean, hash: number, pieces: readonly Piece[]): void {
    if (this.size * 2 >= this.keys.length) {
      if (this.keys.length < MAX_CACHE_SLOTS) this.grow();
      else this.allocate(this.keys.length);
    }
    this.insert(chunk, Number(isTag), hash, pieces);
  }

  private insert(chunk: string, tag: number, hash: number, pieces: readonly Piece[]): void {
    let i = hash & this.mask;
    while (this.keys[i] !== undefined) i = (i + 1) & this.mask;
    this.hashes[i] = hash;
    this.tags[i] = tag;
    this.keys[i] = chunk;
    this.values[i] = pieces;
    this.size++;
  }

  private allocate(slots: number): void {
    this.mask = slots - 1;
    this.hashes = new Int32Array(slots);
    this.tags = new Uint8Array(slots);
    this.keys = new Array<string | undefined>(slots).fill(undefined);
    this.values = new Array<readonly Piece[] | undefined>(slots).fill(undefined);
    this.size = 0;
  }

  private grow(): void {
    const { hashes, tags, keys, values } = this;
    this.allocate(keys.length * 2);
    keys.forEach((key, i) => {
      if (key !== undefined) this.insert(key, tags[i], hashes[i], values[i]!);
    });
  }
}

function sameChars(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/**
 * Turns raw social-media text into tokens the lexicon can be matched against. One instance per
 * vocabulary (the lexicon's words), because the vocabulary decides ambiguous spellings.
 */
class IndonesianNormaliser implements Normaliser {
  private readonly vocabulary: ReadonlySet<string>;
  private readonly chunkCache = new ChunkCache();

  constructor(vocabulary: Iterable<string>) {
    this.vocabulary = new Set([...BASE_VOCABULARY, ...vocabulary]);
  }

  isKnownWord(word: string): boolean {
    return this.vocabulary.has(word) || word in SLANG;
  }

  normalise(text: string): NormalisedToken[] {
    const tokens: NormalisedToken[] = [];
    this.scan(text, { token: (word, stem, kind, start, end) => tokens.push({ text: word, stem, kind, start, end }) });
    return tokens;
  }

  scan(text: string, sink: TokenSink): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const cls = classAt(text, i);
      if (cls === CharClass.Word) {
        i = this.readChunk(text, i, false, sink);
      } else if (cls === CharClass.TagMark && i + 1 < n && classAt(text, i + 1) === CharClass.Word) {
        i = this.readChunk(text, i + 1, true, sink);
      } else {
        const width = widthAt(text, i);
        if (cls === CharClass.Emoji) {
          const emoji = text.slice(i, i + width);
          sink.token(emoji, emoji, 'emoji', i, i + width);
        }
        i += width;
      }
    }
  }

  /** Reads the word chunk starting at `start` (a hashtag or mention body when isTag) and emits its tokens. */
  private readChunk(text: string, start: number, isTag: boolean, sink: TokenSink): number {
    // The chunk's hash is computed while scanning, so a cached chunk costs no slice and no
    // string hashing: most words of most posts have been seen before.
    let hash = isTag ? TAG_SEED : FNV_SEED;
    let end = start;
    while (end < text.length) {
      // ASCII letters and digits first: nearly every character of a post.
      const c = text.charCodeAt(end);
      if (c < 128 && ASCII_CLASS[c] === CharClass.Word) {
        hash = Math.imul(hash ^ c, FNV_PRIME);
        end++;
        continue;
      }
      const cls = classAt(text, end);
      const joinsWord =
        cls === CharClass.Word ||
        cls === CharClass.Ignorable ||
        (cls === CharClass.Apostrophe && end + 1 < text.length && classAt(text, end + 1) === CharClass.Word);
      if (!joinsWord) break;
      for (const stop = end + widthAt(text, end); end < stop; end++) hash = Math.imul(hash ^ text.charCodeAt(end), FNV_PRIME);
    }
    let pieces = this.chunkCache.get(text, start, end, isTag, hash);
    if (!pieces) {
      const chunk = text.slice(start, end);
      pieces = this.normaliseChunk(chunk, isTag);
      this.chunkCache.set(chunk, isTag, hash, pieces);
    }
    for (const p of pieces) sink.token(p.text, p.stem, p.kind, start + p.start, start + p.end);
    return end;
  }

  private normaliseChunk(chunk: string, isTag: boolean): Piece[] {
    const folded = foldChunk(chunk);
    const pieces: Piece[] = [];
    for (const [from, to] of camelCaseRanges(folded)) {
      for (const segment of this.splitDigits(folded.chars, from, to)) {
        const span = { start: folded.starts[segment.from], end: folded.ends[segment.to - 1] };
        if (segment.kind === 'number') {
          pieces.push({ text: segment.text, stem: segment.text, kind: 'number', ...span });
          continue;
        }
        const words = isTag && !this.isKnownWord(segment.text) ? this.cutHashtag(segment.text) : [[0, segment.text.length] as const];
        for (const [a, b] of words) {
          const wordSpan = words.length === 1 ? span : { start: folded.starts[segment.from + a], end: folded.ends[segment.from + b - 1] };
          for (const word of this.standardise(segment.text.slice(a, b))) {
            pieces.push({ text: word, stem: stemWord(word), kind: 'word', ...wordSpan });
          }
        }
      }
    }
    return pieces;
  }

  /**
   * Splits letters from digits inside [from, to). Digits between letters are leetspeak
   * ("p1l1h" → "pilih"); at a word's edge they are leetspeak only if that spells a known word
   * or the letters alone are no known word ("5ama" → "sama", "ipuk1" → "ipuk" "1"). A "2" after
   * a word reduplicates it ("hati2" → "hati hati") unless the word announces a number ("paslon2").
   * Digits alone stay a number: ballot numbers matter.
   */
  private splitDigits(chars: string, from: number, to: number): Segment[] {
    const groups: Segment[] = [];
    for (let k = from; k < to; ) {
      const digit = isDigit(chars[k]);
      let j = k + 1;
      while (j < to && isDigit(chars[j]) === digit) j++;
      groups.push({ text: chars.slice(k, j), kind: digit ? 'number' : 'word', from: k, to: j });
      k = j;
    }
    if (groups.every((g) => g.kind === 'number')) return [{ text: chars.slice(from, to), kind: 'number', from, to }];
    const whole = chars.slice(from, to);
    if (isLeet(whole.replace(/\D/g, '')) && this.isKnownWord(unleet(whole))) return [{ text: unleet(whole), kind: 'word', from, to }];

    const segments: Segment[] = [];
    let word: Segment | undefined;
    const flush = () => {
      if (word) segments.push(word);
      word = undefined;
    };
    groups.forEach((group, g) => {
      if (group.kind === 'word') {
        word = word ? { ...word, text: word.text + group.text, to: group.to } : group;
        return;
      }
      const before = word?.text;
      const after = groups[g + 1]?.text;
      const internal = before !== undefined && after !== undefined;
      const neighbour = before ?? after!;
      const edgeLeet = !internal && !this.isKnownWord(neighbour) && !NUMBER_CONTEXT.has(neighbour);
      if (isLeet(group.text) && (internal || edgeLeet)) {
        const letters = unleet(group.text);
        word = word ? { ...word, text: word.text + letters, to: group.to } : { text: letters, kind: 'word', from: group.from, to: group.to };
        return;
      }
      flush();
      const previous = segments.at(-1);
      if (group.text === '2' && after === undefined && previous?.kind === 'word' && !NUMBER_CONTEXT.has(previous.text)) {
        segments.push({ ...previous, from: group.from, to: group.to });
      } else {
        segments.push(group);
      }
    });
    flush();
    return segments;
  }

  /**
   * Cuts an all-one-case hashtag into vocabulary words ("budisitilanjutkan" → budi siti
   * lanjutkan): dynamic programming that first minimises the letters left outside any known
   * word, then the number of pieces. Leftover letters stay together as one unknown word.
   */
  private cutHashtag(text: string): Array<readonly [number, number]> {
    const n = text.length;
    const cost = new Float64Array(n + 1).fill(Infinity);
    const from = new Int32Array(n + 1);
    const known = new Uint8Array(n + 1);
    cost[0] = 0;
    for (let i = 1; i <= n; i++) {
      cost[i] = cost[i - 1] + 1;
      from[i] = i - 1;
      for (let j = Math.max(0, i - MAX_HASHTAG_WORD); j <= i - MIN_HASHTAG_WORD; j++) {
        const c = cost[j] + 0.01;
        if (c < cost[i] && this.vocabulary.has(text.slice(j, i))) {
          cost[i] = c;
          from[i] = j;
          known[i] = 1;
        }
      }
    }
    const cuts: Array<readonly [number, number]> = [];
    for (let i = n; i > 0; ) {
      let j = from[i];
      if (!known[i]) while (j > 0 && !known[j]) j = from[j];
      cuts.unshift([j, i]);
      i = j;
    }
    return cuts;
  }

  /** Undoes letter repetition, then expands slang: "mantaaap" → mantap, "bgttt" → banget, "gpp" → tidak apa apa. */
  private standardise(word: string): readonly string[] {
    const spelled = this.undoRepetition(word);
    return SLANG[spelled]?.split(' ') ?? [spelled];
  }

  /**
   * In a word the vocabulary does not know, runs of 3+ letters are emphasis and so are doubled
   * letters ("gass"). Each run is tried at two letters and at one (legit doubles: "saat",
   * "maaf"); the first spelling the vocabulary knows wins, otherwise long runs become one letter.
   * Known words stay as written ("PPP", the party).
   */
  private undoRepetition(word: string): string {
    const runs: Array<{ at: number; length: number }> = [];
    for (let k = 0; k < word.length; ) {
      let j = k + 1;
      while (j < word.length && word[j] === word[k]) j++;
      if (j - k >= 2) runs.push({ at: k, length: j - k });
      k = j;
    }
    if (runs.length === 0 || this.isKnownWord(word)) return word;
    const spell = (lengthOf: (run: number) => number) => {
      let out = '';
      let k = 0;
      runs.forEach((run, r) => {
        out += word.slice(k, run.at) + word[run.at].repeat(lengthOf(r));
        k = run.at + run.length;
      });
      return out + word.slice(k);
    };
    const fallback = (r: number) => (runs[r].length >= 3 ? 1 : 2);
    const variable = Math.min(runs.length, MAX_VARIABLE_RUNS);
    for (let mask = 0; mask < 1 << variable; mask++) {
      const candidate = spell((r) => (r < variable ? ((mask >> r) & 1 ? 1 : 2) : fallback(r)));
      if (this.isKnownWord(candidate)) return candidate;
    }
    return spell(fallback);
  }
}

/** Folds a chunk to lower-case letters and digits, remembering each one's source span and case. */
function foldChunk(chunk: string): FoldedChunk {
  let chars = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const upper: boolean[] = [];
  for (let i = 0; i < chunk.length; ) {
    const c = chunk.charCodeAt(i);
    const width = widthAt(chunk, i);
    let folded: string;
    let isUpper: boolean;
    if (c < 128) {
      const cls = ASCII_CLASS[c];
      folded = cls === CharClass.Word ? String.fromCharCode(c).toLowerCase() : '';
      isUpper = c >= 65 && c <= 90;
    } else {
      const info = charInfo(chunk.codePointAt(i)!);
      folded = info.cls === CharClass.Word ? info.folded : '';
      isUpper = info.upper;
    }
    for (const ch of folded) {
      chars += ch;
      starts.push(i);
      ends.push(i + width);
      upper.push(isUpper);
    }
    i += width;
  }
  return { chars, starts, ends, upper };
}

/** Splits at case changes: "BudiSitiLanjutkan" → Budi|Siti|Lanjutkan, "KPUBanyuwangi" → KPU|Banyuwangi. */
function camelCaseRanges({ chars, upper }: FoldedChunk): Array<readonly [number, number]> {
  const isLetter = (k: number) => k < chars.length && !isDigit(chars[k]);
  const ranges: Array<readonly [number, number]> = [];
  let from = 0;
  for (let k = 1; k < chars.length; k++) {
    if (!isLetter(k - 1) || !isLetter(k) || !upper[k]) continue;
    const lowerToUpper = !upper[k - 1];
    const acronymEnd = upper[k - 1] && isLetter(k + 1) && !upper[k + 1];
    if (lowerToUpper || acronymEnd) {
      ranges.push([from, k]);
      from = k;
    }
  }
  ranges.push([from, chars.length]);
  return ranges;
}

/** A normaliser that knows the base vocabulary plus `vocabulary` (typically the lexicon's words). */
export function createNormaliser(vocabulary: Iterable<string> = []): Normaliser {
  return new IndonesianNormaliser(vocabulary);
}
