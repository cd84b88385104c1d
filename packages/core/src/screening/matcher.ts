import { CUE_KINDS, MENTION_KINDS, type LexiconEntry } from './lexicon.ts';
import { createNameFuzzer, type NameFuzzer } from './fuzzy.ts';
import { BASE_VOCABULARY, stemWord, type NormalisedToken, type Normaliser, type PieceSink, type ScannedPiece, type TokenKind, type TokenSink } from './normalise.ts';
import { VERBATIM_CUE_WORDS } from './words.ts';

export interface LexiconHit {
  readonly entry: LexiconEntry;
  /** Token span in the normalised tokens, end exclusive. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** Character span in the original text, end exclusive: what to highlight. */
  readonly start: number;
  readonly end: number;
}

export interface Matcher {
  /**
   * Every occurrence of every entry, overlapping ones included, ordered by position. Entries of
   * different regions that read alike (same kind, tokens and ambiguity, such as "nomor 2" of
   * every region) are reported as one hit whose entry names all their pairs.
   */
  match(tokens: readonly NormalisedToken[]): LexiconHit[];
  /** Normalises `text` and matches it in the same pass, allocating no tokens: the screening hot path. */
  matchText(text: string, normaliser: Normaliser): LexiconHit[];
  /**
   * `matchText`, but null when no hit names a candidate (a name, number, party, slogan, hashtag):
   * such a post scores nothing whatever cues it holds, and its hits are never built.
   */
  matchTextNamingCandidate(text: string, normaliser: Normaliser): LexiconHit[] | null;
  /**
   * The normalised tokens of the text last given to `matchText`, built on demand (the scorer's
   * model reads them only for posts that name a candidate): `normalise(text)` without a second pass.
   */
  lastTokens(): NormalisedToken[];
  /**
   * The normalised pieces of the text last given to `matchText`, without building a token each
   * and without a copy: valid only until the next match (the model reads them while scoring; the
   * full tokens are the text normalised again, if the reasons are read later).
   */
  lastTokenList(): TokenList;
}

/** A post's normalised tokens as pieces of the matcher's run: valid until its next match. */
export interface TokenList {
  /** The tokens' cached pieces; only the first `count` are this text's. */
  readonly words: readonly ScannedPiece[];
  readonly count: number;
  /** The normaliser that read the text: normalising it again gives the full tokens. */
  readonly normaliser: Normaliser;
}

/**
 * Merges entries that read alike, so a post saying "PDIP" gets one hit naming the party's
 * pairs in every region rather than one hit per region. Entries naming the same pairs then
 * share one pair list, so the scorer can tell "✌" and "nomor 2" name the same pairs at once.
 */
function mergeReadAlike(entries: readonly LexiconEntry[]): LexiconEntry[] {
  const groups = new Map<string, LexiconEntry[]>();
  for (const entry of entries) {
    const key = `${entry.kind}|${entry.ambiguous}|${entry.tokens.join(' ')}`;
    const alike = groups.get(key);
    if (alike) alike.push(entry);
    else groups.set(key, [entry]);
  }
  const pairLists = new Map<string, readonly string[]>();
  return [...groups.values()].map((alike) => {
    const ids = [...new Set(alike.flatMap((e) => e.candidatePairIds))];
    const key = [...ids].sort().join('\n');
    const candidatePairIds = pairLists.get(key) ?? ids;
    pairLists.set(key, candidatePairIds);
    const regionCode = alike.every((e) => e.regionCode === alike[0].regionCode) ? alike[0].regionCode : null;
    // Written field by field, not spread: every entry then has one hidden class, and the
    // scorer's reads of a hit's entry (kind, ambiguity, pairs) stay monomorphic. Spread copies
    // the fields in each source entry's own order, which gave the lexicon's entries several.
    const { term, tokens, kind, ambiguous, source } = alike[0];
    return { term, tokens, kind, ambiguous, candidatePairIds, regionCode, source };
  });
}

const VERBATIM = new Set(VERBATIM_CUE_WORDS);
/** Bound on the token-symbol cache, which grows with the variety of the posts. */
const SEEN_LIMIT = 200_000;

/**
 * Maps tokens to integer symbols. Cue words match by stem, so "mendukung", "didukung" and
 * "dukunglah" all hit the cue "dukung"; every other word (names, parties, numbers, emoji,
 * verbatim cue words) matches its exact normalised form, because stems of names collide with
 * everyday words ("Permana" stems to "mana"). A token that no entry contains gets -1.
 */
class TokenAlphabet {
  private readonly bySurface = new Map<string, number>();
  private readonly byStem = new Map<string, number>();
  /** Symbol of each token text seen: one lookup per token instead of two (most tokens are no lexicon word). */
  private readonly seen = new Map<string, number>();
  /** Misspelled name words ("wiratma") read as the name word; consulted once per new word. */
  private readonly fuzzer: NameFuzzer;
  size = 0;

  constructor(entries: readonly LexiconEntry[]) {
    const stemmed = new Set<string>();
    for (const entry of entries) {
      if (!CUE_KINDS.has(entry.kind)) continue;
      for (const word of entry.tokens) if (!VERBATIM.has(word) && /^\p{L}+$/u.test(word)) stemmed.add(word);
    }
    for (const entry of entries) {
      for (const word of entry.tokens) {
        const [table, key] = stemmed.has(word) ? [this.byStem, stemWord(word)] : [this.bySurface, word];
        if (!table.has(key)) table.set(key, this.size++);
      }
    }
    const nameWords = entries.filter((e) => e.kind === 'candidate_name').flatMap((e) => e.tokens);
    const pairWords = entries.filter((e) => e.kind === 'pair_name').flatMap((e) => e.tokens);
    this.fuzzer = createNameFuzzer(nameWords, (word) => BASE_VOCABULARY.has(word) || this.byStem.has(stemWord(word)), pairWords);
  }

  idOf(text: string, stem: string): number {
    let id = this.seen.get(text);
    if (id === undefined) {
      if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
      id = this.bySurface.get(text) ?? this.byStem.get(stem) ?? this.misspelledName(text);
      this.seen.set(text, id);
    }
    return id;
  }

  private misspelledName(text: string): number {
    const name = this.fuzzer.nearest(text);
    return name === undefined ? -1 : (this.bySurface.get(name) ?? -1);
  }
}

/**
 * Goto transitions (state, symbol) → state in one open-addressing hash table over typed
 * arrays: compact for 50k-term tries and free of per-node objects.
 *
 * Nine lookups in ten find no transition (a word of the lexicon after another that does not
 * continue it: "pilih" then "toko"), and the table (megabytes) is mostly out of the processor's
 * cache, so a lookup cost a memory read. A bit per hash of (state, symbol), set for every
 * transition, answers most of them from a bit array small enough to stay cached (at most 128 KB):
 * a clear bit means no transition (a set bit may be another pair's, and the table decides).
 */
class TransitionTable {
  private readonly mask: number;
  private readonly states: Int32Array;
  private readonly symbols: Int32Array;
  private readonly targets: Int32Array;
  private readonly filter: Int32Array;
  /** 32 minus the filter's bits: a hash's top bits index it. */
  private readonly filterShift: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.states = new Int32Array(size).fill(-1);
    this.symbols = new Int32Array(size);
    this.targets = new Int32Array(size);
    // About eight bits per transition (few false ones), within 2^10 .. 2^20 bits.
    let bits = 10;
    while (bits < 20 && 1 << bits < capacity * 8) bits++;
    this.filter = new Int32Array(1 << (bits - 5));
    this.filterShift = 32 - bits;
  }

  private slot(state: number, symbol: number): number {
    let i = (Math.imul(state, 0x9e3779b1) ^ Math.imul(symbol, 0x85ebca77)) & this.mask;
    while (this.states[i] !== -1 && (this.states[i] !== state || this.symbols[i] !== symbol)) i = (i + 1) & this.mask;
    return i;
  }

  /** The filter bit of (state, symbol): the top bits of a second mix, independent of the slot's low bits. */
  private bit(state: number, symbol: number): number {
    return Math.imul(Math.imul(state, 0x27d4eb2f) ^ Math.imul(symbol + 0x165667b1, 0x9e3779b1), 0x85ebca6b) >>> this.filterShift;
  }

  get(state: number, symbol: number): number {
    const bit = this.bit(state, symbol);
    if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
    const i = this.slot(state, symbol);
    return this.states[i] === -1 ? -1 : this.targets[i];
  }

  set(state: number, symbol: number, target: number): void {
    const i = this.slot(state, symbol);
    this.states[i] = state;
    this.symbols[i] = symbol;
    this.targets[i] = target;
    const bit = this.bit(state, symbol);
    this.filter[bit >>> 5] |= 1 << (bit & 31);
  }
}

/**
 * Aho–Corasick over token symbols: a trie of the entries' symbol sequences with failure links
 * (longest proper suffix that is also a trie path) and dictionary links (nearest suffix state
 * that ends an entry). One pass over the tokens finds every occurrence of every entry, and the
 * work per token does not grow with the lexicon.
 */
class AhoCorasickMatcher implements Matcher {
  readonly entries: readonly LexiconEntry[];
  private readonly alphabet: TokenAlphabet;
  /** Root transitions, dense: most tokens that are lexicon words start at the root. */
  private readonly rootNext: Int32Array;
  private readonly next: TransitionTable;
  private readonly fail: Int32Array;
  private readonly dictionaryLink: Int32Array;
  /** Entries ending at each state, or undefined (while building). */
  private readonly outputs: Array<number[] | undefined>;
  /** The same, flat: the entries ending at state s are outputList[outputStart[s] .. outputStart[s + 1]). */
  private readonly outputStart: Int32Array;
  private readonly outputList: Int32Array;
  /**
   * The first state, from s along its dictionary links, that ends an entry (s itself when it
   * does), or 0: one read per token tells whether anything ends there, where two or three (the
   * outputs' bounds, the link) were read before, mostly to learn that nothing does.
   */
  private readonly firstOutput: Int32Array;
  /** Token length of each entry. */
  readonly entryLength: Int32Array;
  /** 1 for an entry that names a candidate pair (MENTION_KINDS). */
  readonly entryNames: Uint8Array;
  /** The one matching run, reused: matching is synchronous and a run never outlives its call. */
  private readonly run = new MatchRun(this);

  constructor(lexiconEntries: readonly LexiconEntry[]) {
    const entries = mergeReadAlike(lexiconEntries);
    this.entries = entries;
    this.alphabet = new TokenAlphabet(entries);
    const capacity = entries.reduce((sum, e) => sum + e.tokens.length, 0) + 1;
    this.rootNext = new Int32Array(this.alphabet.size);
    this.next = new TransitionTable(capacity);
    const children: Array<Array<readonly [number, number]>> = [[]];
    this.outputs = [undefined];

    entries.forEach((entry, index) => {
      let state = 0;
      for (const word of entry.tokens) {
        const symbol = this.alphabet.idOf(word, stemWord(word));
        let target = this.step(state, symbol);
        if (target <= 0) {
          target = children.length;
          children.push([]);
          this.outputs.push(undefined);
          children[state].push([symbol, target]);
          if (state === 0) this.rootNext[symbol] = target;
          else this.next.set(state, symbol, target);
        }
        state = target;
      }
      (this.outputs[state] ??= []).push(index);
    });

    this.fail = new Int32Array(children.length);
    this.dictionaryLink = new Int32Array(children.length);
    const queue = children[0].map(([, child]) => child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [symbol, child] of children[state]) {
        this.fail[child] = this.advance(this.fail[state], symbol);
        const suffix = this.fail[child];
        this.dictionaryLink[child] = this.outputs[suffix] ? suffix : this.dictionaryLink[suffix];
        queue.push(child);
      }
    }
    this.outputStart = new Int32Array(children.length + 1);
    const list: number[] = [];
    for (let state = 0; state < children.length; state++) {
      this.outputStart[state] = list.length;
      list.push(...(this.outputs[state] ?? []));
    }
    this.outputStart[children.length] = list.length;
    this.outputList = Int32Array.from(list);
    this.firstOutput = Int32Array.from(this.outputStart.subarray(0, children.length), (start, state) =>
      start < this.outputStart[state + 1] ? state : this.dictionaryLink[state],
    );
    this.entryLength = Int32Array.from(entries, (e) => e.tokens.length);
    this.entryNames = Uint8Array.from(entries, (e) => Number(MENTION_KINDS.has(e.kind)));
  }

  /** The goto function: the trie child, or -1 (0 at the root, which loops on everything). */
  private step(state: number, symbol: number): number {
    return state === 0 ? this.rootNext[symbol] : this.next.get(state, symbol);
  }

  /** Follows failure links from `state` until `symbol` can be consumed (at worst, back at the root). */
  private advance(state: number, symbol: number): number {
    for (;;) {
      const target = this.step(state, symbol);
      if (target > 0) return target;
      if (state === 0) return 0;
      state = this.fail[state];
    }
  }

  match(tokens: readonly NormalisedToken[]): LexiconHit[] {
    const run = this.start();
    for (const t of tokens) run.token(t.text, t.stem, t.kind, t.start, t.end);
    return run.finish();
  }

  matchText(text: string, normaliser: Normaliser): LexiconHit[] {
    const run = this.start();
    run.from(normaliser);
    normaliser.scanPieces(text, run);
    return run.finish();
  }

  matchTextNamingCandidate(text: string, normaliser: Normaliser): LexiconHit[] | null {
    const run = this.start();
    run.from(normaliser);
    normaliser.scanPieces(text, run);
    return run.namesCandidate ? run.finish() : null;
  }

  lastTokens(): NormalisedToken[] {
    return this.run.tokens();
  }

  lastTokenList(): TokenList {
    const run = this.run;
    if (run.normaliser === null) throw new Error('lastTokenList: the last match was not of a text');
    return run as TokenList;
  }

  private start(): MatchRun {
    this.run.reset();
    return this.run;
  }

  /** The state after `symbol` from `state`, reporting to `run` the entries that end there. */
  consume(state: number, symbol: number, run: MatchRun): number {
    const next = state === 0 ? this.rootNext[symbol] : this.advance(state, symbol);
    if (next <= 0) return 0;
    let s = this.firstOutput[next];
    if (s === 0) return next;
    const { outputStart, outputList, dictionaryLink } = this;
    for (; s > 0; s = dictionaryLink[s]) {
      for (let k = outputStart[s]; k < outputStart[s + 1]; k++) run.report(outputList[k]);
    }
    return next;
  }

  symbolOf(text: string, stem: string): number {
    return this.alphabet.idOf(text, stem);
  }

  /** The symbol of a cached piece, looked up once per distinct piece and kept in the piece. */
  symbolOfPiece(piece: ScannedPiece): number {
    if (piece.owner !== this.alphabet) {
      piece.symbol = this.alphabet.idOf(piece.text, piece.stem);
      piece.owner = this.alphabet;
    }
    return piece.symbol;
  }
}

/**
 * Feeds tokens through the automaton, keeping only the tokens' offsets to place the hits (and,
 * from `matchText`, the cached piece of each token, to build the tokens on demand).
 */
class MatchRun implements PieceSink {
  private state = 0;
  /** Tokens read so far. */
  count = 0;
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  /** The cached piece of each token (from `matchText`); entries past `count` are of earlier texts. */
  readonly words: ScannedPiece[] = [];
  /** Hits as (entry index, token count at its end) pairs: objects are built only when asked for. */
  private found = new Int32Array(64);
  private foundCount = 0;
  /** Whether a hit names a candidate pair. */
  namesCandidate = false;

  constructor(private readonly matcher: AhoCorasickMatcher) {}

  /** The normaliser of the text being matched (null when fed tokens). */
  normaliser: Normaliser | null = null;

  reset(): void {
    this.state = 0;
    this.count = 0;
    this.foundCount = 0;
    this.namesCandidate = false;
    this.normaliser = null;
  }

  from(normaliser: Normaliser): void {
    this.normaliser = normaliser;
  }

  report(index: number): void {
    if (this.foundCount * 2 === this.found.length) this.found = growInt32(this.found);
    this.found[this.foundCount * 2] = index;
    this.found[this.foundCount * 2 + 1] = this.count;
    this.foundCount++;
    if (this.matcher.entryNames[index] === 1) this.namesCandidate = true;
  }

  pieces(pieces: readonly ScannedPiece[], offset: number): void {
    const matcher = this.matcher;
    const length = pieces.length;
    let at = this.count;
    while (at + length > this.starts.length) this.grow();
    // The arrays, the count and the state in locals for the chunk: read and written once per
    // chunk rather than at every token (`consume` may call back `report`, which the compiler
    // cannot see through, so it would reload the fields after each call).
    const { starts, ends, words } = this;
    let state = this.state;
    for (let k = 0; k < length; k++, at++) {
      const piece = pieces[k];
      starts[at] = offset + piece.start;
      ends[at] = offset + piece.end;
      words[at] = piece;
      const symbol = matcher.symbolOfPiece(piece);
      // Most tokens are no lexicon word: back to the root without a lookup.
      if (symbol < 0) state = 0;
      else {
        // `report` reads the count: the hit ends after this token.
        this.count = at + 1;
        state = matcher.consume(state, symbol, this);
      }
    }
    this.count = at;
    this.state = state;
  }

  token(text: string, stem: string, _kind: TokenKind, start: number, end: number): void {
    const at = this.count;
    if (at === this.starts.length) this.grow();
    this.starts[at] = start;
    this.ends[at] = end;
    this.count = at + 1;
    const symbol = this.matcher.symbolOf(text, stem);
    this.state = symbol < 0 ? 0 : this.matcher.consume(this.state, symbol, this);
  }

  finish(): LexiconHit[] {
    const { entries, entryLength } = this.matcher;
    const hits: LexiconHit[] = new Array(this.foundCount);
    for (let h = 0; h < this.foundCount; h++) {
      const index = this.found[h * 2];
      const tokenEnd = this.found[h * 2 + 1];
      const tokenStart = tokenEnd - entryLength[index];
      hits[h] = { entry: entries[index], tokenStart, tokenEnd, start: this.starts[tokenStart], end: this.ends[tokenEnd - 1] };
    }
    // Hits arrive ordered by end; few posts have more than a handful: an insertion sort by start, then end.
    for (let i = 1; i < hits.length; i++) {
      const hit = hits[i];
      let j = i;
      while (j > 0 && (hits[j - 1].tokenStart > hit.tokenStart || (hits[j - 1].tokenStart === hit.tokenStart && hits[j - 1].tokenEnd > hit.tokenEnd))) {
        hits[j] = hits[j - 1];
        j--;
      }
      hits[j] = hit;
    }
    return hits;
  }

  /** The tokens of the last `matchText` run. */
  tokens(): NormalisedToken[] {
    const tokens: NormalisedToken[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const piece = this.words[i];
      tokens[i] = { text: piece.text, stem: piece.stem, kind: piece.kind, start: this.starts[i], end: this.ends[i] };
    }
    return tokens;
  }

  private grow(): void {
    this.starts = growInt32(this.starts);
    this.ends = growInt32(this.ends);
  }
}

function growInt32(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** Compiles lexicon entries into a matcher; build once per lexicon and reuse for every post. */
export function createMatcher(entries: readonly LexiconEntry[]): Matcher {
  return new AhoCorasickMatcher(entries);
}
