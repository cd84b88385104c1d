import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNameFuzzer, editDistance, maxNameEdits, maxPairNameEdits, modernSpelling } from './fuzzy.ts';
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

describe('words that name a pair only', () => {
  // "kulishah": the first names Kulis and Hah run together; "firi": a pair's alias (FiRi).
  const fuzzer = createNameFuzzer(['kulis', 'wiratama', 'firdaus'], () => false, ['kulishah', 'firi', 'wiratama']);

  it('are read within one edit, however long', () => {
    expect([4, 5, 7, 8, 12].map(maxPairNameEdits)).toEqual([0, 1, 1, 1, 1]);
    expect(fuzzer.nearest('kulisah')).toBe('kulishah');
    // Two edits: an everyday word ("kuliah", lecture), not the pair.
    expect(fuzzer.nearest('kuliah')).toBeUndefined();
  });

  it('give a four-letter alias no letter added inside: "fitri" is not FiRi', () => {
    expect(fuzzer.nearest('fitri')).toBeUndefined();
  });

  it('keep the edits of a person\'s name spelled the same', () => {
    expect(fuzzer.nearest('wirattamma')).toBe('wiratama');
  });

  it('leave a greeting for Idul Fitri without the pair whose alias is FiRi', () => {
    const result = cues.screen({ text: 'Selamat Hari Raya Idul Fitri, mohon maaf lahir batin 🙏', kind: 'comment', asnLinked: true });
    expect(result.category).toBe('irrelevant');
    expect(cues.screen({ text: 'Ayo coblos FiRi tanggal 27!', kind: 'post', asnLinked: true }).candidatePairIds[0]).toBe('pilkada2024-1607-1');
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

describe('four-letter names', () => {
  it('reads a letter added inside a short name as the name, and nothing else', () => {
    const fuzzer = createNameFuzzer(['arya', 'heru', 'wiratama']);
    expect(fuzzer.nearest('ariya')).toBe('arya');
    expect(fuzzer.nearest('herru')).toBe('heru');
    // The first and last letters stay: "haru" changed, "aryas" added at the end.
    expect(fuzzer.nearest('harru')).toBeUndefined();
    expect(fuzzer.nearest('aryas')).toBeUndefined();
  });

  it('finds "Mas Ariya" as the candidate through the matcher', () => {
    const hits = cues.matchText('Mas Ariya pancen joss, ayo dukung').filter((h) => h.entry.kind === 'candidate_name');
    expect(hits.some((h) => h.entry.candidatePairIds.includes('pilkada2024-3510-1'))).toBe(true);
  });
});

describe('coded references and slogan ends', () => {
  it('names the incumbent pair by "petahana" and the independent pair by "calon independen", in the account\'s region', () => {
    const incumbent = cues.screen({ text: 'Jangan pilih petahana lagi, ganti!', kind: 'post', asnLinked: true, regionCode: '35.76' });
    expect(incumbent.candidatePairIds[0]).toBe('pilkada2024-3576-2');
    expect(incumbent.category).toBe('likely_opposition');
    const independent = cues.screen({ text: 'Ayo pilih calon independen, bersih dari partai', kind: 'post', asnLinked: true, regionCode: '16.07' });
    expect(independent.candidatePairIds[0]).toBe('pilkada2024-1607-2');
  });

  it('reads the end of a slogan as an ambiguous slogan mention', () => {
    const hits = cues.matchText('Ayo Maju Bareng, coblos tgl 27').filter((h) => h.entry.kind === 'slogan');
    expect(hits.some((h) => h.entry.ambiguous && h.entry.candidatePairIds.includes('pilkada2024-3576-1'))).toBe(true);
  });
});


describe('old spellings (issue 18, set 6)', () => {
  it('folds oe, tj, dj, sj and ch before the edit search', () => {
    expect(modernSpelling('kuntjoro')).toBe('kuncoro');
    expect(modernSpelling('soeharto')).toBe('suharto');
    expect(modernSpelling('sjahrani')).toBe('syahrani');
    expect(modernSpelling('rachman')).toBe('rahman');
    const fuzzer = createNameFuzzer(['kuncoro', 'heru', 'syahrani']);
    expect(fuzzer.nearest('kuntjoro')).toBe('kuncoro');
    expect(fuzzer.nearest('heroe')).toBe('heru');
    expect(fuzzer.nearest('sjahranie')).toBe('syahrani');
  });
});
