import { describe, expect, it } from 'vitest';
import type { LexiconEntry, LexiconEntryKind } from './lexicon.ts';
import { createMatcher, type LexiconHit } from './matcher.ts';
import { createNormaliser, type NormalisedToken } from './normalise.ts';

function entry(term: string, kind: LexiconEntryKind = 'candidate_name', candidatePairIds: string[] = [], regionCode: string | null = null): LexiconEntry {
  return { term, tokens: term.split(' '), kind, candidatePairIds, ambiguous: false, regionCode, source: 'user' };
}

const normaliser = createNormaliser();
const summary = (hits: LexiconHit[]) => hits.map((h) => `${h.entry.term}@${h.tokenStart}-${h.tokenEnd}`);

describe('Aho–Corasick matcher', () => {
  const entries = [
    entry('budi'),
    entry('budi santoso'),
    entry('santoso wiraguna'),
    entry('budi santoso wiraguna'),
    entry('pilih', 'support_cue'),
    entry('jangan pilih', 'opposition_cue'),
    entry('dukung', 'support_cue'),
    entry('permana'),
    entry('nomor 2', 'ballot_number'),
  ];
  const matcher = createMatcher(entries);
  const match = (text: string) => matcher.match(normaliser.normalise(text));

  it('finds overlapping and nested hits, ordered by position', () => {
    expect(summary(match('budi santoso wiraguna'))).toEqual([
      'budi@0-1', 'budi santoso@0-2', 'budi santoso wiraguna@0-3', 'santoso wiraguna@1-3',
    ]);
    expect(summary(match('jangan pilih budi'))).toEqual(['jangan pilih@0-2', 'pilih@1-2', 'budi@2-3']);
  });

  it('finds hits at the very start and the very end', () => {
    expect(summary(match('pilih aku atau budi'))).toEqual(['pilih@0-1', 'budi@3-4']);
  });

  it('restarts after a partial match that fails', () => {
    expect(summary(match('budi budi santoso'))).toEqual(['budi@0-1', 'budi@1-2', 'budi santoso@1-3']);
    expect(summary(match('budi tidak santoso wiraguna'))).toEqual(['budi@0-1', 'santoso wiraguna@2-4']);
  });

  it('matches cue words by stem, names and verbatim cue words exactly', () => {
    expect(summary(match('mendukung didukung dukunglah'))).toEqual(['dukung@0-1', 'dukung@1-2', 'dukung@2-3']);
    expect(summary(match('pemilihan pemilih memilih'))).toEqual([]);
    expect(summary(match('mana permananya permana'))).toEqual(['permana@2-3']);
  });

  it('reports the span of the hit in the original text', () => {
    const text = 'Ayo, P1L1H   Budi!! no. 2';
    expect(match(text).map((h) => text.slice(h.start, h.end))).toEqual(['P1L1H', 'Budi', 'no. 2']);
  });

  it('matches text in one pass exactly as it matches the normalised tokens', () => {
    const text = 'Jangan pilih Budi Santoso Wiraguna, dukunglah nomor 2!';
    expect(summary(matcher.matchText(text, normaliser))).toEqual(summary(match(text)));
  });

  it('reports entries of several regions that read alike as one hit naming all their pairs', () => {
    const merged = createMatcher([entry('nomor 2', 'ballot_number', ['a2'], '35.10'), entry('nomor 2', 'ballot_number', ['b2'], '64')]);
    const hits = merged.match(normaliser.normalise('coblos nomor 2'));
    expect(hits).toHaveLength(1);
    expect(hits[0].entry).toMatchObject({ candidatePairIds: ['a2', 'b2'], regionCode: null });
  });

  it('finds nothing in text without lexicon words, or with an empty lexicon', () => {
    expect(match('hujan deras di banyuwangi')).toEqual([]);
    expect(createMatcher([]).match(normaliser.normalise('budi pilih'))).toEqual([]);
  });

  it('stays exact with a lexicon of 50,000 terms (checked against brute force)', () => {
    let seed = 42;
    const random = (n: number) => {
      // mulberry32: a small seeded PRNG, so the test is the same on every run.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
    };
    const vocabulary = Array.from({ length: 8000 }, (_, i) => `w${i.toString(36)}`);
    const terms = new Set<string>();
    while (terms.size < 50_000) {
      terms.add(Array.from({ length: 1 + random(4) }, () => vocabulary[random(vocabulary.length)]).join(' '));
    }
    const big = [...terms].map((term) => entry(term));
    const tokens: NormalisedToken[] = Array.from({ length: 10_000 }, (_, i) => {
      const text = random(10) === 0 ? `noise${i}` : vocabulary[random(vocabulary.length)];
      return { text, stem: text, kind: 'word', start: i, end: i + 1 };
    });
    const byTerm = new Map(big.map((e) => [e.term, e]));
    const expected: string[] = [];
    for (let start = 0; start < tokens.length; start++) {
      for (let length = 1; length <= 4 && start + length <= tokens.length; length++) {
        const term = tokens.slice(start, start + length).map((t) => t.text).join(' ');
        if (byTerm.has(term)) expected.push(`${term}@${start}-${start + length}`);
      }
    }
    const actual = summary(createMatcher(big).match(tokens));
    expect(actual.length).toBeGreaterThan(1000);
    expect(actual.sort()).toEqual(expected.sort());
  }, 30_000);

  it('builds no hits for text that names no candidate, and the same hits as matchText for text that does', () => {
    const named = createMatcher([entry('budi'), entry('pilih', 'support_cue'), entry('jangan pilih', 'opposition_cue')]);
    expect(named.matchTextNamingCandidate('jangan pilih dia, pilih yang jujur', normaliser)).toBeNull();
    const text = 'jangan pilih Budi, pilih yang lain';
    expect(summary(named.matchTextNamingCandidate(text, normaliser)!)).toEqual(summary(named.matchText(text, normaliser)));
    expect(named.lastTokens()).toEqual(normaliser.normalise(text));
    const list = named.lastTokenList();
    expect(list.words.slice(0, list.count).map((t) => t.text)).toEqual(normaliser.normalise(text).map((t) => t.text));
    expect(list.normaliser).toBe(normaliser);
    // Not a copy: the run's own pieces, which the next text overwrites.
    named.matchText('teks lain', normaliser);
    expect(list.words.slice(0, list.count).map((t) => t.text)).toEqual(['teks', 'lain']);
    // Fed tokens rather than a text, there are no pieces to read.
    named.match(normaliser.normalise(text));
    expect(() => named.lastTokenList()).toThrow();
  });
});
