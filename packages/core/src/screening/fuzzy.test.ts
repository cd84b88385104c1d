import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNameFuzzer, editDistance, maxNameEdits } from './fuzzy.ts';
import { buildLexicon, type CandidatePair } from './lexicon.ts';
import { createScreener } from './screener.ts';

const pairs = JSON.parse(readFileSync(new URL('./fixtures/candidates.json', import.meta.url), 'utf8')) as CandidatePair[];
const cues = createScreener(buildLexicon('pilkada-2024', pairs), { model: null });

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(editDistance('wiratama', 'wiratama')).toBe(0);
    expect(editDistance('wiratma', 'wiratama')).toBe(1);
    expect(editDistance('koncoro', 'kuncoro')).toBe(1);
    expect(editDistance('kuncoor', 'kuncoro')).toBe(1);
    expect(editDistance('mapasseng', 'mappaseng')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early past the limit', () => {
    expect(editDistance('syahrani', 'kinanthi', 2)).toBe(3);
    expect(editDistance('ab', 'abcdef', 1)).toBe(2);
  });
});

describe('the name fuzzer', () => {
  const fuzzer = createNameFuzzer(['wiratama', 'kuncoro', 'dayang', 'mappaseng', 'tahir'], (w) => w === 'datang');

  it('allows edits by the length of the name: none under 5 letters, one to 7, two from 8', () => {
    expect([4, 5, 7, 8, 12].map(maxNameEdits)).toEqual([0, 1, 1, 2, 2]);
    expect(fuzzer.nearest('wiratma')).toBe('wiratama');
    expect(fuzzer.nearest('wirattamma')).toBe('wiratama');
    expect(fuzzer.nearest('koncoro')).toBe('kuncoro');
    expect(fuzzer.nearest('kancari')).toBeUndefined();
    expect(fuzzer.nearest('mapaseng')).toBe('mappaseng');
  });

  it('keeps the first letter and leaves everyday words alone', () => {
    expect(fuzzer.nearest('sayang')).toBeUndefined();
    expect(fuzzer.nearest('datang')).toBeUndefined();
    expect(fuzzer.nearest('tahur')).toBe('tahir');
    expect(fuzzer.nearest('tahi')).toBeUndefined();
  });

  it('does not look up the names themselves', () => {
    expect(fuzzer.nearest('wiratama')).toBeUndefined();
  });
});

describe('misspelled names in posts', () => {
  it.each([
    ['Ayo coblos Arya Wiratma!', 'pilkada2024-3510-1'],
    ['dukung Heru Koncoro jadi bupati', 'pilkada2024-1607-2'],
    ['pilih Andi Mapaseng Tahir', 'pilkada2024-64-2'],
    ['Laila Khoirunisa pilihan kami', 'pilkada2024-3510-1'],
  ])('reads "%s" as naming its pair', (text, pair) => {
    const result = cues.screen({ text, kind: 'post', asnLinked: true });
    expect(result.candidatePairIds[0]).toBe(pair);
    expect(result.reasons[0].code).toBe('candidate_mention');
  });

  it('does not read everyday words as names', () => {
    expect(cues.screen({ text: 'sayang banget hari ini hujan, datang telat', kind: 'post', asnLinked: true }).category).toBe('irrelevant');
  });
});
