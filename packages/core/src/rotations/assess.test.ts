import { describe, expect, it } from 'vitest';
import { PILKADA_2024 } from '../elections/catalog.ts';
import type { IncumbentCandidate } from '../candidates/types.ts';
import { assessRotation, comparablePersonName, type Rotation } from './assess.ts';
import { prohibitedWindow } from './window.ts';

const window = prohibitedWindow(PILKADA_2024, '35.10');

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

const assess = (r: Rotation, flagActingHeads?: boolean) =>
  assessRotation(r, { election: PILKADA_2024, incumbentCandidates, window, ...(flagActingHeads === undefined ? {} : { flagActingHeads }) });

const codes = (r: Rotation, flagActingHeads?: boolean) => assess(r, flagActingHeads).reasons.map((x) => `${x.code}:${x.effect}`);

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

  it('treats both window ends as inside', () => {
    expect(assess(rotation({ decree: { number: 'a', date: '2024-03-22' } })).flagged).toBe(true);
    expect(assess(rotation({ decree: { number: 'b', date: '2024-12-16' } })).flagged).toBe(true);
  });

  it('clears a rotation outside the window and explains why', () => {
    for (const date of ['2024-03-21', '2024-12-17']) {
      const assessment = assess(rotation({ decree: { number: 'x', date } }));
      expect(assessment).toMatchObject({ flagged: false, severity: 'none' });
      expect(assessment.reasons[0]).toMatchObject({ code: 'outside_window', effect: 'clears' });
      expect(assessment.reasons[0].message.id).toBe(`SK tanggal ${date} di luar masa larangan 2024-03-22 – 2024-12-16.`);
    }
  });

  it('follows the window to the end of the term when it is recorded', () => {
    const longer = prohibitedWindow(PILKADA_2024, '35.10', { termEnd: '2025-02-17' });
    const late = rotation({ decree: { number: 'x', date: '2025-01-06' } });
    expect(assessRotation(late, { election: PILKADA_2024, incumbentCandidates, window: longer }).flagged).toBe(true);
    expect(assess(late).flagged).toBe(false);
  });

  it('clears a rotation the Minister approved in writing beforehand or on the day', () => {
    for (const date of ['2024-05-02', '2024-05-10']) {
      const approved = rotation({ ministerApproval: { letterNumber: '100.2.2.6/1234/OTDA', date } });
      expect(assess(approved).flagged).toBe(false);
      expect(codes(approved)).toEqual(['inside_window:flags', 'minister_approved:clears', 'incumbent_candidate:flags']);
    }
  });

  it('still flags when the approval came only after the decree', () => {
    const retroactive = rotation({ ministerApproval: { letterNumber: '100.2.2.6/1234/OTDA', date: '2024-05-20' } });
    expect(assess(retroactive)).toMatchObject({ flagged: true, severity: 'high' });
    expect(codes(retroactive)).toEqual(['inside_window:flags', 'approval_after_decree:flags', 'incumbent_candidate:flags']);
  });

  it('clears a regional head who is not a candidate, noting art. 71(2) still binds them', () => {
    const other = rotation({ signedBy: { name: 'Bambang Nugroho', role: 'regional_head' } });
    const assessment = assess(other);
    expect(assessment).toMatchObject({ flagged: false, severity: 'none', matchedCandidate: null });
    expect(assessment.reasons[2]).toMatchObject({ code: 'signer_not_candidate', effect: 'clears' });
    expect(assessment.reasons[2].message.en).toContain('Art. 71(2) still binds them');
  });

  it('recognises the incumbent by id, by title-free name and by variant', () => {
    expect(assess(rotation({ signedBy: { name: 'Bupati Banyuwangi', role: 'regional_head', candidateId: 'pair-2-head' } })).flagged).toBe(true);
    expect(assess(rotation({ signedBy: { name: 'AGUS SANTOSO, S.H., M.M.', role: 'regional_head' } })).flagged).toBe(true);
    expect(assess(rotation({ signedBy: { name: 'Agus Santoso Wibowo', role: 'regional_head' } })).flagged).toBe(true);
    expect(assess(rotation({ signedBy: { name: 'Agus Santosa', role: 'regional_head', candidateId: 'pair-9-head' } })).flagged).toBe(false);
  });

  it('flags a deputy regional head who is an incumbent candidate', () => {
    const deputy: IncumbentCandidate[] = [{ name: 'Rina Hartono', office: 'deputy_regional_head' }];
    const signed = rotation({ signedBy: { name: 'Rina Hartono, S.E.', role: 'deputy_regional_head' } });
    expect(assessRotation(signed, { election: PILKADA_2024, incumbentCandidates: deputy, window })).toMatchObject({ flagged: true, severity: 'high' });
  });

  it('flags an acting head (Pj) by default, with its own reason and a lower severity', () => {
    const pj = rotation({ signedBy: { name: 'Teguh Prasetyo', role: 'acting_head' } });
    expect(assess(pj)).toMatchObject({ flagged: true, severity: 'medium', matchedCandidate: null });
    expect(codes(pj)).toEqual(['inside_window:flags', 'no_approval:flags', 'acting_head:flags']);
    expect(assess(pj).reasons[2].message.en).toContain("Bawaslu's practice");
  });

  it('leaves acting heads unflagged when so configured, and says so', () => {
    const pj = rotation({ signedBy: { name: 'Teguh Prasetyo', role: 'acting_head' } });
    expect(assess(pj, false)).toMatchObject({ flagged: false, severity: 'none' });
    expect(codes(pj, false)).toEqual(['inside_window:flags', 'no_approval:flags', 'acting_head_not_flagged:clears']);
  });

  it('does not flag an acting head outside the window or with approval', () => {
    const pj = { name: 'Teguh Prasetyo', role: 'acting_head' as const };
    expect(assess(rotation({ signedBy: pj, decree: { number: 'x', date: '2024-01-10' } })).flagged).toBe(false);
    expect(assess(rotation({ signedBy: pj, ministerApproval: { letterNumber: 'y', date: '2024-05-01' } })).flagged).toBe(false);
  });

  it('clears a decree signed by the regional secretary, even if the name matches a candidate', () => {
    const sekda = rotation({ signedBy: { name: 'Agus Santoso', role: 'regional_secretary' } });
    expect(assess(sekda)).toMatchObject({ flagged: false, matchedCandidate: null });
    expect(codes(sekda)[2]).toBe('signer_not_regional_head:clears');
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
