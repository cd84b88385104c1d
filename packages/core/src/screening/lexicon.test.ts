import { describe, expect, it } from 'vitest';
import { applyLexiconEdits, buildLexicon, type CandidatePair, type Lexicon, type LexiconEntryKind } from './lexicon.ts';

const budiSiti: CandidatePair = {
  id: 'p2',
  electionId: 'pilkada-2024',
  regionCode: '35.10',
  ballotNumber: 2,
  head: { name: 'Ir. H. Budi Santoso Wiraguna, M.Si.', nickname: 'Mas Budi', variants: ['Budi Wiraguna'] },
  deputy: { name: 'Dr. Siti Aminah Kusumawardani', nickname: 'Bu Siti' },
  parties: ['PDIP', 'Golkar'],
  independent: false,
  incumbent: true,
  slogans: ['Banyuwangi Makin Maju'],
  hashtags: ['#BudiSitiLanjutkan'],
  aliases: ['BuSi'],
};
const ardiNur: CandidatePair = {
  ...budiSiti,
  id: 'p1',
  ballotNumber: 1,
  head: { name: 'Ardiansyah Putra', nickname: 'Bang Ardi' },
  deputy: { name: 'Nur Fadhilah' },
  parties: ['PKB'],
  incumbent: false,
  slogans: [],
  hashtags: [],
  aliases: [],
};
const lexicon = buildLexicon('pilkada-2024', [budiSiti, ardiNur]);

function entry(l: Lexicon, kind: LexiconEntryKind, tokens: string) {
  return l.entries.find((e) => e.kind === kind && e.tokens.join(' ') === tokens);
}

describe('buildLexicon', () => {
  it('names each candidate by full name (titles and degrees stripped) and by runs of its words', () => {
    expect(entry(lexicon, 'candidate_name', 'budi santoso wiraguna')).toMatchObject({ candidatePairIds: ['p2'], ambiguous: false });
    expect(entry(lexicon, 'candidate_name', 'budi santoso')).toMatchObject({ ambiguous: true });
    expect(entry(lexicon, 'candidate_name', 'santoso wiraguna')).toMatchObject({ ambiguous: false });
    expect(entry(lexicon, 'candidate_name', 'siti aminah kusumawardani')).toBeDefined();
    expect(lexicon.entries.some((e) => e.tokens.includes('ir') || e.tokens.includes('msi') || e.tokens.includes('dari'))).toBe(false);
  });

  it('adds the first name, ambiguous when common, and the surname only when distinctive', () => {
    expect(entry(lexicon, 'candidate_name', 'budi')).toMatchObject({ ambiguous: true });
    expect(entry(lexicon, 'candidate_name', 'ardiansyah')).toMatchObject({ ambiguous: false });
    expect(entry(lexicon, 'candidate_name', 'wiraguna')).toMatchObject({ ambiguous: false });
    expect(entry(lexicon, 'candidate_name', 'putra')).toBeUndefined();
  });

  it('adds nicknames with and without the form of address, and variants', () => {
    expect(entry(lexicon, 'candidate_name', 'mas budi')).toMatchObject({ ambiguous: true });
    expect(entry(lexicon, 'candidate_name', 'bang ardi')).toMatchObject({ ambiguous: false });
    expect(entry(lexicon, 'candidate_name', 'ardi')).toMatchObject({ ambiguous: false });
    expect(entry(lexicon, 'candidate_name', 'ibu siti')).toMatchObject({ candidatePairIds: ['p2'] });
    expect(entry(lexicon, 'candidate_name', 'budi wiraguna')).toMatchObject({ ambiguous: false });
  });

  it('names the pair by its short names, joined, with "dan", and by its aliases', () => {
    for (const tokens of ['budi siti', 'budi dan siti', 'budisiti', 'ibu si', 'busi']) {
      expect(entry(lexicon, 'pair_name', tokens), tokens).toMatchObject({ candidatePairIds: ['p2'], ambiguous: false });
    }
  });

  it('spells the ballot number the ways people write it', () => {
    for (const tokens of ['nomor 2', 'nomor 02', 'nomor dua', 'nomor urut 2', 'paslon 2', 'paslon dua', 'coblos 2', 'pilih 02', 'salam dua jari', 'dua jari', 'nomor loro']) {
      expect(entry(lexicon, 'ballot_number', tokens), tokens).toMatchObject({ candidatePairIds: ['p2'], ambiguous: false });
    }
    expect(entry(lexicon, 'ballot_number', '✌')).toMatchObject({ candidatePairIds: ['p2'], ambiguous: true });
    expect(entry(lexicon, 'ballot_number', '☝')).toMatchObject({ candidatePairIds: ['p1'] });
  });

  it('adds parties with their other names, slogans, and hashtags as written and in lower case', () => {
    expect(entry(lexicon, 'party', 'pdip')).toMatchObject({ candidatePairIds: ['p2'] });
    expect(entry(lexicon, 'party', 'pdi perjuangan')).toBeDefined();
    expect(entry(lexicon, 'party', 'pkb')).toMatchObject({ candidatePairIds: ['p1'] });
    expect(entry(lexicon, 'slogan', 'banyuwangi makin maju')).toMatchObject({ candidatePairIds: ['p2'] });
    expect(entry(lexicon, 'hashtag', 'budi siti lanjutkan')).toBeDefined();
    expect(entry(lexicon, 'hashtag', 'budisiti lanjutkan')).toBeDefined();
  });

  it('adds the general cues, naming no pair', () => {
    for (const [kind, tokens] of [
      ['support_cue', 'coblos'], ['support_cue', 'jangan lupa pilih'], ['support_cue', 'all in'], ['support_cue', 'salam 2 jari'],
      ['opposition_cue', 'jangan pilih'], ['opposition_cue', 'asal bukan'], ['opposition_cue', 'tolak'],
      ['neutral_cue', 'menurut'], ['neutral_cue', 'bawaslu'], ['neutral_cue', 'netralitas'], ['neutral_cue', 'sosialisasi'],
    ] as const) {
      expect(entry(lexicon, kind, tokens), tokens).toMatchObject({ candidatePairIds: [], regionCode: null, source: 'general' });
    }
    expect(entry(lexicon, 'support_cue', 'gas')).toMatchObject({ ambiguous: true });
  });

  it('merges entries that match the same tokens for the same kind and region', () => {
    const keys = lexicon.entries.map((e) => `${e.kind}|${e.regionCode}|${e.tokens.join(' ')}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('summarises the candidates for explanations', () => {
    expect(lexicon.candidates).toContainEqual({ id: 'p2', regionCode: '35.10', ballotNumber: 2, label: 'Ir. H. Budi Santoso Wiraguna, M.Si. – Dr. Siti Aminah Kusumawardani (2)' });
  });

  it('rejects pairs of another election, duplicated ids and shared ballot numbers', () => {
    expect(() => buildLexicon('pemilu-2024', [budiSiti])).toThrow(/belongs to election pilkada-2024/);
    expect(() => buildLexicon('pilkada-2024', [budiSiti, budiSiti])).toThrow(/appears twice/);
    expect(() => buildLexicon('pilkada-2024', [budiSiti, { ...ardiNur, ballotNumber: 2 }])).toThrow(/share ballot number 2/);
    expect(() => buildLexicon('pilkada-2024', [{ ...budiSiti, ballotNumber: 0 }])).toThrow(/invalid ballot number/);
  });
});

describe('applyLexiconEdits', () => {
  const scope = { electionId: 'pilkada-2024', regionCode: '35.10' };

  it('adds a term for a region, normalised like posts', () => {
    const edited = applyLexiconEdits(lexicon, [{ ...scope, action: 'add', term: 'Mas Bup', kind: 'candidate_name', candidatePairIds: ['p2'] }]);
    expect(entry(edited, 'candidate_name', 'mas bup')).toMatchObject({ regionCode: '35.10', source: 'user', candidatePairIds: ['p2'] });
    expect(lexicon.entries).not.toContain(entry(edited, 'candidate_name', 'mas bup'));
  });

  it("removes a term at the edit's own scope only", () => {
    const regional = applyLexiconEdits(lexicon, [{ ...scope, action: 'remove', term: 'Mas Budi' }, { ...scope, action: 'remove', term: 'gas' }]);
    expect(entry(regional, 'candidate_name', 'mas budi')).toBeUndefined();
    expect(entry(regional, 'support_cue', 'gas')).toBeDefined();
    const electionWide = applyLexiconEdits(lexicon, [{ ...scope, regionCode: null, action: 'remove', term: 'GASSS' }]);
    expect(entry(electionWide, 'support_cue', 'gas')).toBeUndefined();
  });

  it('restricts a removal to a kind when given', () => {
    const edited = applyLexiconEdits(lexicon, [{ ...scope, action: 'remove', term: 'budi', kind: 'pair_name' }]);
    expect(entry(edited, 'candidate_name', 'budi')).toBeDefined();
  });

  it('ignores edits of other elections', () => {
    expect(applyLexiconEdits(lexicon, [{ ...scope, electionId: 'pemilu-2024', action: 'remove', term: 'Mas Budi' }])).toEqual(lexicon);
  });

  it('rejects additions without a kind, a mention without its pair, a cue with one, or an unknown pair', () => {
    expect(() => applyLexiconEdits(lexicon, [{ ...scope, action: 'add', term: 'x' }])).toThrow(/needs a kind/);
    expect(() => applyLexiconEdits(lexicon, [{ ...scope, action: 'add', term: 'x', kind: 'slogan' }])).toThrow(/needs the candidate pair/);
    expect(() => applyLexiconEdits(lexicon, [{ ...scope, action: 'add', term: 'x', kind: 'support_cue', candidatePairIds: ['p1'] }])).toThrow(/names no candidate pair/);
    expect(() => applyLexiconEdits(lexicon, [{ ...scope, action: 'add', term: 'x', kind: 'slogan', candidatePairIds: ['p9'] }])).toThrow(/Unknown candidate pair/);
  });
});

describe('descriptions of a pair (issue 18, set 6)', () => {
  it('derives them from the registry, ambiguous, only where one pair of the region fits', () => {
    expect(entry(lexicon, 'candidate_name', 'bapak insinyur')).toMatchObject({ candidatePairIds: ['p2'], ambiguous: true });
    expect(entry(lexicon, 'candidate_name', 'penantang')).toMatchObject({ candidatePairIds: ['p1'], ambiguous: true });
    expect(entry(lexicon, 'candidate_name', 'koalisi gemuk')).toMatchObject({ candidatePairIds: ['p2'] });
    expect(entry(lexicon, 'candidate_name', 'angka ganjil')).toMatchObject({ candidatePairIds: ['p1'] });
    expect(entry(lexicon, 'candidate_name', 'paling kanan')).toMatchObject({ candidatePairIds: ['p2'] });
    // Both heads are men: no "calon perempuan"; one deputy's gender is unknown: no "wakil perempuan".
    expect(entry(lexicon, 'candidate_name', 'calon perempuan')).toBeUndefined();
    expect(entry(lexicon, 'candidate_name', 'wakil perempuan')).toBeUndefined();
  });

  it('names the only woman heading a pair, in plain Indonesian and Javanese', () => {
    const withSiti = buildLexicon('pilkada-2024', [{ ...budiSiti, head: { name: 'Hj. Siti Rahayu', nickname: 'Bu Siti' }, deputy: { name: 'Budi', nickname: 'Mas Budi' } }, ardiNur]);
    expect(entry(withSiti, 'candidate_name', 'calon perempuan')).toMatchObject({ candidatePairIds: ['p2'], ambiguous: true });
    expect(entry(withSiti, 'candidate_name', 'sing perempuan')).toMatchObject({ candidatePairIds: ['p2'] });
  });

  it('reads a nickname shortened after its form of address, not when the short form is a word', () => {
    const shortened = buildLexicon('pilkada-2024', [budiSiti, { ...ardiNur, head: { name: 'Ardiansyah Putra', nickname: 'Bang Ardiansyah' } }]);
    expect(entry(shortened, 'candidate_name', 'bang ard')).toMatchObject({ candidatePairIds: ['p1'], ambiguous: true });
    expect(entry(shortened, 'candidate_name', 'bang ardi')).toMatchObject({ candidatePairIds: ['p1'], ambiguous: true });
    // "Bu, sek" (Javanese: wait a moment) is no "Bu Sekar".
    const sekar = buildLexicon('pilkada-2024', [{ ...budiSiti, head: { name: 'Sekar Ayu', nickname: 'Bu Sekar' } }, ardiNur]);
    expect(entry(sekar, 'candidate_name', 'ibu sek')).toBeUndefined();
    expect(entry(sekar, 'candidate_name', 'ibu seka')).toMatchObject({ ambiguous: true });
  });
});
