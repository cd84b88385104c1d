/**
 * Misspelled candidate names: "Wiratma" for Wiratama, "Koncoro" for Kuncoro, "Mapaseng" for
 * Mappaseng. A word no lexicon entry contains, and that is no everyday word, reads as a name word
 * when it is within a few edits of one: one edit for names of 5–7 letters, two from 8 letters.
 * The first letter must agree (people rarely misspell it, and it keeps "sayang" from reading as
 * "Dayang"). Lookup by the symmetric-delete method: the deletions of every name word are indexed
 * once, so a lookup costs the deletions of the word looked up, not a scan of the names.
 */

/** Edits allowed between a name word of `length` letters and a spelling of it. */
export function maxNameEdits(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Optimal string alignment distance (Levenshtein plus the swap of two neighbours), or
 * `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[n];
}

function deletions(word: string, depth: number, into: Set<string>): void {
  if (depth === 0) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletions(shorter, depth - 1, into);
    }
  }
}

/**
 * The old (pre-1972 and Van Ophuijsen) spelling many names keep or are written in on purpose:
 * "Soeharto", "Djoko", "Kuntjoro", "Heroe", "Rachman", "Sjahrani" (issue 18, set 6). Folded to the
 * spelling the registry uses (oe → u, tj → c, dj → j, sj → sy, ch → h) before the edit search, so
 * the old spelling costs no edits. Returns the word itself when it has none of them (no allocation).
 */
const OLD_SPELLINGS: ReadonlyArray<readonly [string, string]> = [['oe', 'u'], ['tj', 'c'], ['dj', 'j'], ['sj', 'sy'], ['ch', 'h']];
export function modernSpelling(word: string): string {
  let out = word;
  for (const [old, now] of OLD_SPELLINGS) if (out.includes(old)) out = out.split(old).join(now);
  return out;
}

export interface NameFuzzer {
  /** The name word `word` is a spelling of, or undefined. Exact name words are not looked up here. */
  nearest(word: string): string | undefined;
}

/**
 * Edits allowed for a word that names a pair only: two first names run together ("kulishah" for
 * Kulis and Hah, "aryalaila") or a pair's alias ("FiRi"). Each half is a short name, so a second
 * edit mostly finds everyday words ("kuliah" is two edits from "kulishah"), and a four-letter
 * alias gets none ("fitri" is not "FiRi"): one edit at most, from five letters.
 */
export function maxPairNameEdits(length: number): number {
  return Math.min(1, maxNameEdits(length));
}

/**
 * Indexes name words (letters only, five or more) for misspelling lookup. `pairWords` are words
 * that name a pair only (joined first names, aliases): they are read within `maxPairNameEdits`,
 * unless a person's name is spelled the same.
 */
export function createNameFuzzer(nameWords: Iterable<string>, isEverydayWord: (word: string) => boolean = () => false, pairWords: Iterable<string> = []): NameFuzzer {
  const index = new Map<string, string[]>();
  const names = new Set<string>();
  /** Edits allowed per indexed word. */
  const limits = new Map<string, number>();
  /** Four-letter names ("arya", "heru"): only a letter added inside them is read as the name ("ariya", "herru"). */
  const short = new Set<string>();
  const words: Array<[string, number]> = [];
  for (const word of nameWords) {
    if (/^\p{L}{4}$/u.test(word)) short.add(word);
    words.push([word, maxNameEdits(word.length)]);
  }
  const personWords = new Set(words.map(([word]) => word));
  for (const word of pairWords) if (!personWords.has(word)) words.push([word, maxPairNameEdits(word.length)]);
  for (const [word, limit] of words) {
    if (!/^\p{L}+$/u.test(word) || limit === 0 || names.has(word)) continue;
    names.add(word);
    limits.set(word, limit);
    const keys = new Set<string>([word]);
    deletions(word, limit, keys);
    for (const key of keys) {
      const list = index.get(key);
      if (list) list.push(word);
      else index.set(key, [word]);
    }
  }
  return {
    nearest(written) {
      if (written.length < 5 || names.has(written) || !/^\p{L}+$/u.test(written) || isEverydayWord(written)) return undefined;
      const word = modernSpelling(written);
      if (word !== written && (names.has(word) || short.has(word))) return word;
      if (word.length < 5) return undefined;
      if (word.length === 5) {
        // One letter added inside a four-letter name, first and last letters kept.
        for (let i = 1; i < 4; i++) {
          const name = word.slice(0, i) + word.slice(i + 1);
          if (short.has(name)) return name;
        }
      }
      const keys = new Set<string>([word]);
      deletions(word, word.length >= 7 ? 2 : 1, keys);
      let best: string | undefined;
      let bestDistance = Infinity;
      for (const key of keys) {
        for (const name of index.get(key) ?? []) {
          if (name === best || name[0] !== word[0]) continue;
          const limit = limits.get(name)!;
          const d = editDistance(word, name, limit);
          if (d <= limit && (d < bestDistance || (d === bestDistance && best !== undefined && name < best))) {
            best = name;
            bestDistance = d;
          }
        }
      }
      return best;
    },
  };
}
