/**
 * How alike two report texts are: Jaccard similarity of their word-bigram sets.
 *
 * Why bigrams: reports are short (a few sentences), so longer shingles rarely repeat even
 * between copies of the same story, while single words make any two reports about campaign
 * events look alike ("ASN", "kampanye", "calon"). Bigrams keep word order locally, which is what
 * a copied or lightly edited text preserves.
 *
 * Why exact Jaccard rather than MinHash: MinHash estimates this same number with fixed-size
 * signatures, which pays off when comparing millions of pairs. Duplicate checks here compare one
 * new report with candidates the database has already narrowed (same region, period, ASN or
 * name), a few hundred at most, where the exact value is cheaper than maintaining signatures and
 * has no estimation error to explain to a reviewer.
 */

export type Shingles = ReadonlySet<string>;

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The word bigrams of a text; a one-word text is its single word. */
export function shingles(text: string): Shingles {
  const w = words(text);
  if (w.length < 2) return new Set(w);
  const set = new Set<string>();
  for (let i = 0; i + 1 < w.length; i += 1) set.add(`${w[i]} ${w[i + 1]}`);
  return set;
}

/** |A ∩ B| / |A ∪ B|; two empty texts are not evidence of anything, so they score 0. */
export function jaccard(a: Shingles, b: Shingles): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** 0 (nothing in common) … 1 (the same words in the same order, ignoring case and punctuation). */
export function textSimilarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}
