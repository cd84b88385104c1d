import { describe, expect, it } from 'vitest';
import { PILKADA_2024 } from '../elections/catalog.ts';
import type { IncumbentCandidate } from '../candidates/types.ts';
import { assessRotation, comparablePersonName, type ActingHeadRule, type Rotation } from './assess.ts';
import { prohibitedWindow } from './window.ts';

// Banyuwangi's regent elected in Dec 2020 and sworn in on 26 Feb 2021 (fictional term end for the tests).
const window = prohibitedWindow(PILKADA_2024, '35.10', { termEnd: '2025-02-26' });

/** Fictional: the sitting regent, standing again. */
const incumbentCandidates: IncumbentCandidate[] = [{ id: 'pair-2-head', name: 'H. Agus Santoso, S.H.', variants: ['Agus Santoso Wibowo'], office: 'regional_head' }];

const rotation = (overrides: Partial<Rotation> = {}): Rotation => ({
  regionCode: '35.10',
  person: { nip: '197503122000031004', name: 'Hendra Wijaya, S.Sos.' },
  fromPosition: 'Kepala Dinas Pendidikan',
  toPosition: 'Staf Ahli Bupati Bidang Kemasyarakatan',
  decree: { number: '821.2/123/429.011/2024', date: '2024-05-10' },
  signedBy: { name: 'Agus Santoso', role: 'regional_head' },
  ministerApproval: null,
  ...overrides,
});

const assess = (r: Rotation, actingHeads?: ActingHeadRule) =>
  assessRotation(r, { election: PILKADA_2024, incumbentCandidates, window, ...(actingHeads === undefined ? {} : { actingHeads }) });

const codes = (r: Rotation, actingHeads?: ActingHeadRule) => assess(r, actingHeads).reasons.map((x) => `${x.code}:${x.effect}`);

const pj = { name: 'Teguh Prasetyo', role: 'acting_head' as const };
const otherHead = { name: 'Bambang Nugroho', role: 'regional_head' as const };
const approvedOn = (date: string) => ({ ministerApproval: { letterNumber: '100.2.2.6/1234/OTDA', date } });
const decreeOn = (date: string) => ({ decree: { number: '821.2/1/2024', date } });

/** The rule table: each case with the provision it rests on. */
const RULES: Array<{ name: string; basis: string; rotation: Partial<Rotation>; acting?: ActingHeadRule; flagged: boolean; severity: string; codes: string[] }> = [
  { name: 'incumbent candidate inside the window, no approval', basis: 'UU 10/2016 ps. 71 (2), (5)', rotation: {}, flagged: true, severity: 'high', codes: ['inside_window:flags', 'no_approval:flags', 'incumbent_candidate:flags'] },
  { name: 'sitting head who is NOT a candidate is bound all the same', basis: 'UU 10/2016 ps. 71 (2): "Bupati ... dilarang", not only candidates', rotation: { signedBy: otherHead }, flagged: true, severity: 'medium', codes: ['inside_window:flags', 'no_approval:flags', 'sitting_regional_head:flags'] },
  { name: 'window opens 6 months before determination (22 Mar 2024)', basis: 'UU 10/2016 ps. 71 (2); PKPU 2/2024 (penetapan 22 Sep 2024)', rotation: { signedBy: otherHead, ...decreeOn('2024-03-22') }, flagged: true, severity: 'medium', codes: ['inside_window:flags', 'no_approval:flags', 'sitting_regional_head:flags'] },
  { name: 'the day before the window opens', basis: 'UU 10/2016 ps. 71 (2)', rotation: { signedBy: otherHead, ...decreeOn('2024-03-21') }, flagged: false, severity: 'none', codes: ['outside_window:clears', 'no_approval:flags', 'sitting_regional_head:flags'] },
  { name: 'after the schedule but before the term ends: still inside', basis: 'UU 10/2016 ps. 71 (2): "sampai dengan akhir masa jabatan"', rotation: decreeOn('2025-01-06'), flagged: true, severity: 'high', codes: ['inside_window:flags', 'no_approval:flags', 'incumbent_candidate:flags'] },
  { name: 'the last day of the term', basis: 'UU 10/2016 ps. 71 (2)', rotation: decreeOn('2025-02-26'), flagged: true, severity: 'high', codes: ['inside_window:flags', 'no_approval:flags', 'incumbent_candidate:flags'] },
  { name: 'after the term ended', basis: 'UU 10/2016 ps. 71 (2)', rotation: decreeOn('2025-02-27'), flagged: false, severity: 'none', codes: ['outside_window:clears', 'no_approval:flags', 'incumbent_candidate:flags'] },
  { name: "Minister's written approval before the decree clears it", basis: 'UU 10/2016 ps. 71 (2): "kecuali mendapat persetujuan tertulis dari Menteri"', rotation: approvedOn('2024-05-02'), flagged: false, severity: 'none', codes: ['inside_window:flags', 'minister_approved:clears', 'incumbent_candidate:flags'] },
  { name: 'approval on the day of the decree clears it', basis: 'UU 10/2016 ps. 71 (2)', rotation: approvedOn('2024-05-10'), flagged: false, severity: 'none', codes: ['inside_window:flags', 'minister_approved:clears', 'incumbent_candidate:flags'] },
  { name: 'approval only after the decree does not', basis: 'UU 10/2016 ps. 71 (2): approval must precede the replacement', rotation: approvedOn('2024-05-20'), flagged: true, severity: 'high', codes: ['inside_window:flags', 'approval_after_decree:flags', 'incumbent_candidate:flags'] },
  { name: 'acting head: own rule, any date of the acting term', basis: 'UU 10/2016 ps. 132A (1) a', rotation: { signedBy: pj, ...decreeOn('2024-01-10') }, flagged: true, severity: 'medium', codes: ['acting_term:flags', 'no_approval:flags', 'acting_head:flags'] },
  { name: 'acting head with prior approval is cleared', basis: 'UU 10/2016 ps. 132A (2)', rotation: { signedBy: pj, ...approvedOn('2024-05-01') }, flagged: false, severity: 'none', codes: ['acting_term:flags', 'minister_approved:clears', 'acting_head:flags'] },
  { name: 'acting head under the window rule, outside the window', basis: 'rulebook option: art. 71(2) window applied to acting heads', acting: 'window', rotation: { signedBy: pj, ...decreeOn('2024-01-10') }, flagged: false, severity: 'none', codes: ['outside_window:clears', 'no_approval:flags', 'acting_head:flags'] },
  { name: 'acting heads switched off', basis: 'rulebook option', acting: 'off', rotation: { signedBy: pj }, flagged: false, severity: 'none', codes: ['inside_window:flags', 'no_approval:flags', 'acting_head_not_flagged:clears'] },
  { name: 'signed by the regional secretary', basis: 'UU 10/2016 ps. 71 (2) names regional heads only', rotation: { signedBy: { name: 'Agus Santoso', role: 'regional_secretary' } }, flagged: false, severity: 'none', codes: ['inside_window:flags', 'no_approval:flags', 'signer_not_regional_head:clears'] },
];

describe('rotation rules (table, with basis)', () => {
  it.each(RULES)('$name — $basis', ({ rotation: overrides, acting, flagged, severity, codes: expected }) => {
    const r = rotation(overrides);
    expect(assess(r, acting)).toMatchObject({ flagged, severity });
    expect(codes(r, acting)).toEqual(expected);
  });

  it('an unrecorded term end leaves the window open, never closed at the end of the schedule', () => {
    const open = prohibitedWindow(PILKADA_2024, '35.10');
    const late = rotation({ signedBy: otherHead, ...decreeOn('2025-01-06') });
    const assessment = assessRotation(late, { election: PILKADA_2024, incumbentCandidates, window: open });
    expect(assessment).toMatchObject({ flagged: true, window: { to: null, toSource: 'term_end_unknown' } });
    expect(assessment.reasons[0].message.en).toContain('end of term (not recorded)');
  });

  it('says when the approval cleared it, with number and date, and which provision applied', () => {
    const cleared = assess(rotation(approvedOn('2024-05-02')));
    expect(cleared.clearedByApproval).toBe(true);
    expect(cleared.reasons[1].message.en).toBe(
      'Cleared: approved in writing by the Minister of Home Affairs (letter 100.2.2.6/1234/OTDA of 2024-05-02) before the decree, the exception the law provides.',
    );
    expect(assess(rotation()).clearedByApproval).toBe(false);
    expect(assess(rotation({ signedBy: pj })).basis).toBe('UU 10/2016 ps. 132A ayat (1) huruf a dan ayat (2)');
    expect(assess(rotation({ signedBy: pj }, ), 'window').basis).toBe('UU 10/2016 ps. 71 ayat (2)');
  });
});

describe('assessRotation', () => {
  it('flags an incumbent candidate replacing an official inside the window without approval', () => {
    const assessment = assess(rotation());
    expect(assessment).toMatchObject({
      flagged: true,
      severity: 'high',
      basis: 'UU 10/2016 ps. 71 ayat (2)',
      electionId: 'pilkada-2024',
      matchedCandidate: incumbentCandidates[0],
    });
    expect(assessment.reasons.map((r) => r.code)).toEqual(['inside_window', 'no_approval', 'incumbent_candidate']);
    expect(assessment.reasons[2].message.en).toContain('disqualification (art. 71(5))');
  });







  it('recognises the incumbent by id, by title-free name and by variant', () => {
    expect(assess(rotation({ signedBy: { name: 'Bupati Banyuwangi', role: 'regional_head', candidateId: 'pair-2-head' } })).flagged).toBe(true);
    expect(assess(rotation({ signedBy: { name: 'AGUS SANTOSO, S.H., M.M.', role: 'regional_head' } })).flagged).toBe(true);
    expect(assess(rotation({ signedBy: { name: 'Agus Santoso Wibowo', role: 'regional_head' } })).flagged).toBe(true);
    // Not the candidate: still a sitting head (art. 71(2)), but no disqualification risk.
    expect(assess(rotation({ signedBy: { name: 'Agus Santosa', role: 'regional_head', candidateId: 'pair-9-head' } }))).toMatchObject({ flagged: true, severity: 'medium', matchedCandidate: null });
  });

  it('flags a deputy regional head who is an incumbent candidate', () => {
    const deputy: IncumbentCandidate[] = [{ name: 'Rina Hartono', office: 'deputy_regional_head' }];
    const signed = rotation({ signedBy: { name: 'Rina Hartono, S.E.', role: 'deputy_regional_head' } });
    expect(assessRotation(signed, { election: PILKADA_2024, incumbentCandidates: deputy, window })).toMatchObject({ flagged: true, severity: 'high' });
  });





  it('refuses a window of another region or election', () => {
    expect(() => assess(rotation({ regionCode: '35.16' }))).toThrow(RangeError);
    expect(() =>
      assessRotation(rotation(), { election: { id: 'pilkada-2020' }, incumbentCandidates, window }),
    ).toThrow(RangeError);
  });
});

describe('comparablePersonName', () => {
  it.each([
    ['Dr. H. Bambang Setiawan, M.Si.', 'bambang setiawan'],
    ['BAMBANG SETIAWAN', 'bambang setiawan'],
    ['Hj. Siti  Rahmawati, S.Pd., M.M.', 'siti rahmawati'],
    ['Ir. Drs. Joko Purnomo', 'joko purnomo'],
    ["Yusuf Ma'ruf", 'yusuf maruf'],
    ['H.', 'h'],
  ])('%s → %s', (name, comparable) => {
    expect(comparablePersonName(name)).toBe(comparable);
  });
});
