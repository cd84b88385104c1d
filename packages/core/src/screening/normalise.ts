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
  /**
   * The same tokens, a word chunk at a time: the pieces are cached per distinct chunk and shared
   * by every post that contains it, so reading them allocates nothing. The screening hot path.
   */
  scanPieces(text: string, sink: PieceSink): void;
  /** True for a word of the vocabulary or of the slang list. */
  isKnownWord(word: string): boolean;
}

/**
 * A normalised token of one word chunk (or one emoji), offsets relative to the chunk. Cached and
 * shared: a consumer must not change it, except the `symbol` slot, which a matcher fills with the
 * token's symbol in its alphabet (`owner`), and the `word` slot, which a learned model fills with
 * the word's id in its word table (`wordOwner`), so that a word seen before costs no lookup.
 */
export interface ScannedPiece {
  readonly text: string;
  readonly stem: string;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  symbol: number;
  owner: unknown;
  /** The same for a learned model: the word's id in its word table, stamped by `wordOwner`. */
  word: number;
  wordOwner: unknown;
}

/** Receives the pieces of each chunk of a text, in order, with the chunk's offset in the text. */
export interface PieceSink {
  pieces(pieces: readonly ScannedPiece[], offset: number): void;
}

type Piece = ScannedPiece;

function piece(text: string, stem: string, kind: TokenKind, start: number, end: number): Piece {
  return { text, stem, kind, start, end, symbol: -1, owner: null, word: -1, wordOwner: null };
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
/** Keys of at most this many UTF-16 units are also kept in their slot (two to an int32), compared there. */
const INLINE_KEY_CHARS = 8;

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
const EMOJI_SEED = 0x7f4a7c15;
/** What a chunk-cache key is: a word chunk, a hashtag or mention body, an emoji. */
const WORD_TAG = 0;
const HASHTAG_TAG = 1;
const EMOJI_TAG = 2;

/**
 * The normalised pieces of each word chunk (and emoji) seen, keyed by the chunk's characters and
 * what it is (a word, a hashtag body, an emoji). Open addressing over a hash the caller computes
 * while scanning; a slot is eight int32s, 32 bytes (hash, kind and length, where the key's
 * characters start in a flat character arena, the value's index, and a key of up to eight UTF-16
 * units itself, two to an int32), so a probe of a short key (most words) reads one cache line and
 * compares the key in place in the text without touching the arena: a hit allocates nothing and
 * dereferences no string. The table starts
 * small, so that it stays in the processor's cache, doubles when half full, and is cleared at its
 * largest.
 */
class ChunkCache {
  private mask = 0;
  /**
   * Per slot: hash, tag << 24 | key length, key offset in `chars`, value index + 1 (0: empty), then
   * four int32s holding a key of at most INLINE_KEY_CHARS units (unit 2j low, 2j + 1 high; zeros after).
   */
  private slots = new Int32Array(0);
  private chars = new Uint16Array(0);
  private used = 0;
  private values: Array<readonly Piece[]> = [];

  constructor() {
    this.allocate(1 << 12);
  }

  get(text: string, start: number, end: number, tag: number, hash: number): readonly Piece[] | undefined {
    const slots = this.slots;
    const shape = (tag << 24) | (end - start);
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const at = i << 3;
      const value = slots[at + 3];
      if (value === 0) return undefined;
      if (slots[at] === hash && slots[at + 1] === shape) {
        if (end - start <= INLINE_KEY_CHARS ? sameInline(slots, at + 4, text, start, end) : this.sameChars(slots[at + 2], text, start, end)) return this.values[value - 1];
      }
    }
  }

  private sameChars(offset: number, text: string, start: number, end: number): boolean {
    const chars = this.chars;
    for (let k = start; k < end; k++, offset++) if (chars[offset] !== text.charCodeAt(k)) return false;
    return true;
  }

  set(chunk: string, tag: number, hash: number, pieces: readonly Piece[]): void {
    if (this.values.length * 2 >= this.mask + 1) {
      if (this.mask + 1 < MAX_CACHE_SLOTS) this.grow();
      else this.allocate(this.mask + 1);
    }
    if (chunk.length >= 1 << 24) return;
    this.insert(chunk, 0, chunk.length, tag, hash, pieces);
  }

  private insert(key: string | Uint16Array, from: number, to: number, tag: number, hash: number, pieces: readonly Piece[]): void {
    let i = hash & this.mask;
    while (this.slots[(i << 3) + 3] !== 0) i = (i + 1) & this.mask;
    const length = to - from;
    if (this.used + length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.used + length));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    for (let k = from; k < to; k++) this.chars[this.used + k - from] = typeof key === 'string' ? key.charCodeAt(k) : key[k];
    const at = i << 3;
    this.slots[at] = hash;
    this.slots[at + 1] = (tag << 24) | length;
    this.slots[at + 2] = this.used;
    if (length <= INLINE_KEY_CHARS) {
      for (let k = 0; k < length; k++) this.slots[at + 4 + (k >> 1)] |= this.chars[this.used + k] << ((k & 1) << 4);
    }
    this.used += length;
    this.values.push(pieces);
    this.slots[at + 3] = this.values.length;
  }

  private allocate(slotCount: number): void {
    this.mask = slotCount - 1;
    this.slots = new Int32Array(slotCount * 8);
    this.chars = new Uint16Array(slotCount * 4);
    this.used = 0;
    this.values = [];
  }

  private grow(): void {
    const { slots, chars, values } = this;
    this.allocate((this.mask + 1) * 2);
    for (let at = 0; at < slots.length; at += 8) {
      const value = slots[at + 3];
      if (value === 0) continue;
      const offset = slots[at + 2];
      this.insert(chars, offset, offset + (slots[at + 1] & 0xffffff), slots[at + 1] >>> 24, slots[at], values[value - 1]);
    }
  }
}

/**
 * Whether the key of up to INLINE_KEY_CHARS characters packed two to an int32 at slots[at..] is
 * text[start, end): the key's own characters sit in the slot's cache line, so a hit reads no arena.
 */
function sameInline(slots: Int32Array, at: number, text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k += 2, at++) {
    const pair = k + 1 < end ? text.charCodeAt(k) | (text.charCodeAt(k + 1) << 16) : text.charCodeAt(k);
    if (slots[at] !== pair) return false;
  }
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
    this.scanPieces(text, {
      pieces(pieces, offset) {
        for (const p of pieces) tokens.push({ text: p.text, stem: p.stem, kind: p.kind, start: offset + p.start, end: offset + p.end });
      },
    });
    return tokens;
  }

  scan(text: string, sink: TokenSink): void {
    this.scanPieces(text, {
      pieces(pieces, offset) {
        for (const p of pieces) sink.token(p.text, p.stem, p.kind, offset + p.start, offset + p.end);
      },
    });
  }

  /**
   * One pass over the UTF-16 code units: ASCII separators and letters are classified by table,
   * each word chunk is hashed as it is read and looked up in place in the chunk cache, so a
   * chunk seen before costs no slice, no string hashing and no allocation.
   */
  scanPieces(text: string, sink: PieceSink): void {
    const n = text.length;
    let i = 0;
    while ((i = this.scanCached(text, i, sink)) < n) i = this.readOther(text, i, sink);
  }

  /**
   * The hot loop: from `i`, reads ASCII separators and the ASCII word chunks the cache knows,
   * emitting their pieces, and returns where it meets anything else (a letter beyond ASCII, a
   * hashtag, an emoji, an apostrophe, a chunk not seen before), or the text's end. Nearly every
   * chunk of every post is read here; the rest goes through `readOther`, which is kept out of
   * this loop so that the loop compiles small (every chunk normalised while a lexicon is built
   * would otherwise be compiled into it).
   */
  private scanCached(text: string, i: number, sink: PieceSink): number {
    const n = text.length;
    const cache = this.chunkCache;
    // The table and classes in locals: module-level bindings are read from the module's context
    // at every use, and this loop runs for every character of every post.
    const classes = ASCII_CLASS;
    const separator = CharClass.Separator;
    const word = CharClass.Word;
    const prime = FNV_PRIME;
    const seed = FNV_SEED;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 128) return i;
      const cls = classes[c];
      if (cls === separator) {
        i++;
        continue;
      }
      if (cls !== word) return i;
      let hash = seed;
      let end = i;
      let d = c;
      for (;;) {
        hash = Math.imul(hash ^ d, prime);
        if (++end === n) break;
        d = text.charCodeAt(end);
        if (d >= 128 || classes[d] !== word) break;
      }
      // A chunk that goes on with another character (an apostrophe, a letter beyond ASCII, an
      // invisible mark) is read by `readChunk`, as is one not seen before.
      if (end < n && (d >= 128 || classes[d] === CharClass.Apostrophe)) return i;
      const pieces = cache.get(text, i, end, WORD_TAG, hash);
      if (pieces === undefined) return i;
      if (pieces.length > 0) sink.pieces(pieces, i);
      i = end;
    }
    return n;
  }

  /**
   * Reads the chunk or character at `i` that `scanCached` does not (a letter beyond ASCII, a
   * hashtag or mention, an emoji, a mark, a chunk not seen before), emits its tokens and returns
   * where it ends.
   */
  private readOther(text: string, i: number, sink: PieceSink): number {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? (ASCII_CLASS[c] as CharClass) : charInfo(text.codePointAt(i)!).cls;
    if (cls === CharClass.Word) return this.readChunk(text, i, false, sink);
    if (cls === CharClass.TagMark && i + 1 < text.length && classAt(text, i + 1) === CharClass.Word) return this.readChunk(text, i + 1, true, sink);
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    if (cls === CharClass.Emoji) sink.pieces(this.emojiPieces(text, i, width), i);
    return i + width;
  }

  /** The one piece of the emoji at [at, at + width), cached like a chunk. */
  private emojiPieces(text: string, at: number, width: number): readonly Piece[] {
    let hash = EMOJI_SEED;
    for (let k = at; k < at + width; k++) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
    let pieces = this.chunkCache.get(text, at, at + width, EMOJI_TAG, hash);
    if (!pieces) {
      const emoji = text.slice(at, at + width);
      pieces = [piece(emoji, emoji, 'emoji', 0, width)];
      this.chunkCache.set(emoji, EMOJI_TAG, hash, pieces);
    }
    return pieces;
  }

  /** Reads the word chunk starting at `start` (a hashtag or mention body when isTag) and emits its tokens. */
  private readChunk(text: string, start: number, isTag: boolean, sink: PieceSink): number {
    // The chunk's hash is computed while scanning, so a cached chunk costs no slice and no
    // string hashing: most words of most posts have been seen before.
    let hash = isTag ? TAG_SEED : FNV_SEED;
    let end = start;
    const n = text.length;
    while (end < n) {
      // ASCII letters and digits first: nearly every character of a post.
      const c = text.charCodeAt(end);
      if (c < 128) {
        if (ASCII_CLASS[c] !== CharClass.Word) {
          if (ASCII_CLASS[c] !== CharClass.Apostrophe || end + 1 >= n || classAt(text, end + 1) !== CharClass.Word) break;
        }
        hash = Math.imul(hash ^ c, FNV_PRIME);
        end++;
        continue;
      }
      const cls = classAt(text, end);
      const joinsWord =
        cls === CharClass.Word ||
        cls === CharClass.Ignorable ||
        (cls === CharClass.Apostrophe && end + 1 < n && classAt(text, end + 1) === CharClass.Word);
      if (!joinsWord) break;
      for (const stop = end + widthAt(text, end); end < stop; end++) hash = Math.imul(hash ^ text.charCodeAt(end), FNV_PRIME);
    }
    const pieces = this.chunkCache.get(text, start, end, isTag ? HASHTAG_TAG : WORD_TAG, hash) ?? this.addChunk(text, start, end, isTag, hash);
    if (pieces.length > 0) sink.pieces(pieces, start);
    return end;
  }

  /** Normalises a chunk not seen before and caches its pieces. */
  private addChunk(text: string, start: number, end: number, isTag: boolean, hash: number): readonly Piece[] {
    const chunk = text.slice(start, end);
    const pieces = this.normaliseChunk(chunk, isTag);
    this.chunkCache.set(chunk, isTag ? HASHTAG_TAG : WORD_TAG, hash, pieces);
    return pieces;
  }

  private normaliseChunk(chunk: string, isTag: boolean): Piece[] {
    const folded = foldChunk(chunk);
    const pieces: Piece[] = [];
    for (const [from, to] of camelCaseRanges(folded)) {
      for (const segment of this.splitDigits(folded.chars, from, to)) {
        const span = { start: folded.starts[segment.from], end: folded.ends[segment.to - 1] };
        if (segment.kind === 'number') {
          pieces.push(piece(segment.text, segment.text, 'number', span.start, span.end));
          continue;
        }
        const words = isTag && !this.isKnownWord(segment.text) ? this.cutHashtag(segment.text) : [[0, segment.text.length] as const];
        for (const [a, b] of words) {
          const wordSpan = words.length === 1 ? span : { start: folded.starts[segment.from + a], end: folded.ends[segment.from + b - 1] };
          for (const word of this.standardise(segment.text.slice(a, b))) {
            pieces.push(piece(word, stemWord(word), 'word', wordSpan.start, wordSpan.end));
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
