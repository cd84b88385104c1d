import { describe, expect, it } from 'vitest';
import { PILKADA_2024 } from '../elections/catalog.ts';
import { assessRotation, type Rotation } from './assess.ts';
import { findingDraft } from './finding.ts';
import { prohibitedWindow } from './window.ts';

const window = prohibitedWindow(PILKADA_2024, '35.10');
const incumbentCandidates = [{ name: 'Agus Santoso', office: 'regional_head' as const }];

const rotation = (overrides: Partial<Rotation> = {}): Rotation => ({
  regionCode: '35.10',
  person: { nip: '197503122000031004', name: 'Hendra Wijaya, S.Sos.' },
  fromPosition: 'Kepala Dinas Pendidikan',
  toPosition: 'Staf Ahli Bupati',
  decree: { number: '821.2/123/2024', date: '2024-05-10' },
  signedBy: { name: 'Agus Santoso', role: 'regional_head' },
  ministerApproval: null,
  ...overrides,
});

const draftOf = (r: Rotation) => findingDraft(r, assessRotation(r, { election: PILKADA_2024, incumbentCandidates, window }));

describe('findingDraft', () => {
  it('turns a flagged incumbent rotation into an A11 finding with art. 71(2) and (5)', () => {
    const draft = draftOf(rotation());
    expect(draft).toMatchObject({
      source: 'rotation_watch',
      electionId: 'pilkada-2024',
      regionCode: '35.10',
      actCode: 'A11',
      occurredOn: '2024-05-10',
      reportedParty: { name: 'Agus Santoso', role: 'regional_head' },
      affectedAsn: { nip: '197503122000031004', name: 'Hendra Wijaya, S.Sos.' },
      severity: 'high',
      evidence: [{ kind: 'decree', reference: '821.2/123/2024', date: '2024-05-10' }],
    });
    expect(draft.act.en).toBe('Decisions or actions that benefit or harm a candidate');
    expect(draft.legalBasis.map((b) => b.reference)).toEqual(['UU 10/2016 ps. 71 ayat (2)', 'UU 10/2016 ps. 71 ayat (5)']);
    expect(draft.legalBasis[0].text.id).toContain('6 (enam) bulan sebelum tanggal penetapan pasangan calon');
    expect(draft.summary.id).toBe(
      'SK 821.2/123/2024 tanggal 2024-05-10 yang ditandatangani Agus Santoso memindahkan Hendra Wijaya, S.Sos. (NIP 197503122000031004) dari Kepala Dinas Pendidikan ke Staf Ahli Bupati dalam masa larangan 2024-03-22 – akhir masa jabatan tanpa persetujuan tertulis Menteri Dalam Negeri sebelumnya.',
    );
    expect(draft.reasons.map((r) => r.code)).toEqual(['inside_window', 'no_approval', 'incumbent_candidate']);
  });

  it('cites Bawaslu practice instead of disqualification for an acting head, and keeps a late approval as evidence', () => {
    const draft = draftOf(
      rotation({
        signedBy: { name: 'Teguh Prasetyo', role: 'acting_head' },
        ministerApproval: { letterNumber: '100.2.2.6/77/OTDA', date: '2024-06-01' },
      }),
    );
    expect(draft.severity).toBe('medium');
    expect(draft.legalBasis.map((b) => b.reference)).toEqual(['UU 10/2016 ps. 71 ayat (2)', 'Praktik Bawaslu: penjabat kepala daerah']);
    expect(draft.evidence).toEqual([
      { kind: 'decree', reference: '821.2/123/2024', date: '2024-05-10' },
      { kind: 'minister_approval', reference: '100.2.2.6/77/OTDA', date: '2024-06-01' },
    ]);
  });

  it('refuses to draft a finding from a rotation that was not flagged', () => {
    expect(() => draftOf(rotation({ decree: { number: 'x', date: '2024-01-05' } }))).toThrow(/not flagged/);
  });
});
