import { describe, expect, it } from 'vitest';
import { normalisePersonName } from './person-name.ts';
import { textSimilarity } from './text-similarity.ts';
import { DEFAULT_TEXT_THRESHOLD, duplicateCandidates, type DuplicateCheckReport } from './duplicates.ts';

// Fictional people and places only.
const PHOTO = 'Seorang guru SD Negeri 2 Sukamaju berinisial RS mengunggah foto bersama pasangan calon nomor urut 2 di Facebook sambil mengacungkan dua jari pada 15 Oktober 2024.';
const PHOTO_RETOLD = 'Guru SD Negeri 2 Sukamaju berinisial RS mengunggah foto bersama pasangan calon nomor urut 2 di Facebook sambil mengacungkan dua jari, tanggal 15 Oktober 2024.';
const DECLARATION = 'Kepala desa dan seorang camat menghadiri deklarasi relawan pasangan calon nomor urut 1 di lapangan kecamatan dan memberikan sambutan dukungan.';
const OTHER_PHOTO = 'Seorang guru SMP Negeri 1 Sukamaju mengunggah foto bersama pasangan calon nomor urut 1 di Instagram pada 3 November 2024.';

describe('normalisePersonName', () => {
  it.each([
    ['Drs. H. Bambang Sutejo, M.Si.', 'bambang sutejo'],
    ['BAMBANG   SUTEJO', 'bambang sutejo'],
    ['Hj. Sri Wahyuningsih S.Pd.I', 'sri wahyuningsih'],
    ['Sri Wahyuningsih, S.Pd., M.Pd.', 'sri wahyuningsih'],
    ['Ir. Dwi Hartono MT', 'dwi hartono'],
    ['dr. Rina Kusumawati, Sp.A', 'rina kusumawati'],
    ['Prof. Dr. Agus Prasetyo, S.H., M.H.', 'agus prasetyo'],
    ['Budi Santoso SE MM', 'budi santoso'],
    ['H. Sutrisno', 'sutrisno'],
    ["Siti Nur'aini", 'siti nuraini'],
    ['Dédi Kurniawan', 'dedi kurniawan'],
    ['Rahmat-Hidayat', 'rahmat hidayat'],
  ])('%s → %s', (written, normalised) => {
    expect(normalisePersonName(written)).toBe(normalised);
  });

  it('folds old spellings (oe, dj, tj) that survive in names', () => {
    expect(normalisePersonName('Djoko Soesilo')).toBe(normalisePersonName('Joko Susilo'));
    expect(normalisePersonName('Tjahjadi')).toBe('cahjadi');
  });

  it('keeps a name that consists of a title-like word alone', () => {
    expect(normalisePersonName('H.')).toBe('h');
    expect(normalisePersonName('Sp')).toBe('sp');
  });

  it('tells different people apart', () => {
    expect(normalisePersonName('Bambang Sutejo')).not.toBe(normalisePersonName('Bambang Sutrisno'));
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same text whatever the case and punctuation', () => {
    expect(textSimilarity(PHOTO, PHOTO.toUpperCase().replace(/\./g, ' !'))).toBe(1);
  });

  it('scores a retold copy above the default threshold', () => {
    expect(textSimilarity(PHOTO, PHOTO_RETOLD)).toBeGreaterThanOrEqual(DEFAULT_TEXT_THRESHOLD);
  });

  it('scores different events low even when they share campaign vocabulary', () => {
    expect(textSimilarity(PHOTO, DECLARATION)).toBeLessThan(0.1);
    expect(textSimilarity(PHOTO, OTHER_PHOTO)).toBeLessThan(0.3);
  });

  it('is symmetric and bounded', () => {
    expect(textSimilarity(PHOTO, OTHER_PHOTO)).toBe(textSimilarity(OTHER_PHOTO, PHOTO));
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('kampanye', 'kampanye')).toBe(1);
    expect(textSimilarity('kampanye', 'deklarasi')).toBe(0);
  });

  it('counts word order through bigrams', () => {
    expect(textSimilarity('camat mendukung calon', 'calon mendukung camat')).toBe(0);
  });
});

describe('duplicateCandidates', () => {
  const report = (over: Partial<DuplicateCheckReport> & { id: string }): DuplicateCheckReport => ({
    reportedNip: null,
    reportedName: null,
    agencyId: null,
    incidentFrom: '2024-10-15',
    incidentTo: '2024-10-15',
    description: DECLARATION,
    ...over,
  });

  it('proposes a report about the same NIP, however it was typed', () => {
    const fresh = report({ id: 'new', reportedNip: '19860926 201505 1 001', description: PHOTO });
    const proposals = duplicateCandidates(fresh, [report({ id: 'r1', reportedNip: '198609262015051001', description: OTHER_PHOTO })]);
    expect(proposals).toHaveLength(1);
    expect(proposals[0].reportId).toBe('r1');
    expect(proposals[0].reasons.map((r) => r.code)).toEqual(['same_nip']);
    expect(proposals[0].reasons[0].message.en).toContain('198609262015051001');
  });

  it('proposes the same normalised name in the same agency with overlapping dates', () => {
    const fresh = report({ id: 'new', reportedName: 'Drs. Bambang Sutejo, M.Si.', agencyId: 'dinas-pendidikan', incidentFrom: '2024-10-14', incidentTo: '2024-10-16', description: PHOTO });
    const existing = report({ id: 'r1', reportedName: 'BAMBANG SUTEJO', agencyId: 'dinas-pendidikan', incidentFrom: '2024-10-16', incidentTo: '2024-10-16' });
    expect(duplicateCandidates(fresh, [existing]).map((p) => p.reasons.map((r) => r.code))).toEqual([['same_person_agency_dates']]);
  });

  it('does not propose the same name in another agency, without agency, or on other dates', () => {
    const fresh = report({ id: 'new', reportedName: 'Bambang Sutejo', agencyId: 'dinas-pendidikan', description: PHOTO });
    const existing = [
      report({ id: 'other-agency', reportedName: 'Bambang Sutejo', agencyId: 'dinas-kesehatan' }),
      report({ id: 'no-agency', reportedName: 'Bambang Sutejo' }),
      report({ id: 'later', reportedName: 'Bambang Sutejo', agencyId: 'dinas-pendidikan', incidentFrom: '2024-10-16', incidentTo: '2024-10-20' }),
      report({ id: 'other-person', reportedName: 'Bambang Sutrisno', agencyId: 'dinas-pendidikan' }),
    ];
    expect(duplicateCandidates(fresh, existing)).toEqual([]);
  });

  it('never matches on empty identifiers', () => {
    const fresh = report({ id: 'new', reportedNip: ' ', reportedName: ', S.Pd.', agencyId: 'dinas-pendidikan', description: PHOTO });
    const existing = report({ id: 'r1', reportedNip: '', reportedName: '', agencyId: 'dinas-pendidikan' });
    expect(duplicateCandidates(fresh, [existing])).toEqual([]);
  });

  it('proposes near-identical text, with the similarity', () => {
    const [proposal] = duplicateCandidates(report({ id: 'new', description: PHOTO_RETOLD }), [report({ id: 'r1', description: PHOTO })]);
    expect(proposal.reasons.map((r) => r.code)).toEqual(['similar_text']);
    expect(proposal.similarity).toBeCloseTo(textSimilarity(PHOTO, PHOTO_RETOLD));
    expect(proposal.reasons[0].message.en).toMatch(/^Descriptions \d+% alike\.$/);
  });

  it('honours a configured threshold', () => {
    const fresh = report({ id: 'new', description: PHOTO_RETOLD });
    expect(duplicateCandidates(fresh, [report({ id: 'r1', description: PHOTO })], { textThreshold: 0.95 })).toEqual([]);
    expect(duplicateCandidates(fresh, [report({ id: 'r1', description: OTHER_PHOTO })], { textThreshold: 0.1 })).toHaveLength(1);
  });

  it('orders proposals by number of reasons, then by similarity, and skips the report itself', () => {
    const fresh = report({ id: 'new', reportedNip: '198609262015051001', description: PHOTO });
    const proposals = duplicateCandidates(fresh, [
      report({ id: 'new', reportedNip: '198609262015051001', description: PHOTO }),
      report({ id: 'text-only', description: PHOTO_RETOLD }),
      report({ id: 'nip-only', reportedNip: '198609262015051001', description: DECLARATION }),
      report({ id: 'nip-and-text', reportedNip: '198609262015051001', description: PHOTO }),
      report({ id: 'unrelated', description: DECLARATION }),
    ]);
    expect(proposals.map((p) => p.reportId)).toEqual(['nip-and-text', 'text-only', 'nip-only']);
  });
});
