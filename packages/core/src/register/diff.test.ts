import { describe, expect, it } from 'vitest';
import { ASN_ROW_FIELDS, diffAsnRow, rowFingerprint } from './diff.ts';
import type { NormalisedAsnRow } from './validate.ts';

const stored: NormalisedAsnRow = {
  nip: '198609262015051001',
  name: 'Sari Wulandari, S.Pd.',
  status: 'pns',
  positionTitle: 'Guru Ahli Pertama',
  positionType: 'functional',
  grade: 'III/a',
  agencyCode: 'PEMKAB-35.10',
  agencyName: 'Pemerintah Kabupaten Banyuwangi',
  unit: 'Dinas Pendidikan',
  regionCode: '35.10',
  positionStart: '2021-01-04',
  active: true,
};

describe('diffAsnRow', () => {
  it('finds an identical row unchanged', () => {
    expect(diffAsnRow(stored, { ...stored })).toEqual({ outcome: 'unchanged' });
  });

  it('lists each changed field with its old and new value', () => {
    expect(diffAsnRow(stored, { ...stored, grade: 'III/b', positionTitle: 'Guru Ahli Muda', active: false })).toEqual({
      outcome: 'updated',
      changes: [
        { field: 'positionTitle', from: 'Guru Ahli Pertama', to: 'Guru Ahli Muda' },
        { field: 'grade', from: 'III/a', to: 'III/b' },
        { field: 'active', from: true, to: false },
      ],
    });
  });

  it('counts an emptied optional cell as a change', () => {
    expect(diffAsnRow(stored, { ...stored, positionStart: null })).toEqual({
      outcome: 'updated',
      changes: [{ field: 'positionStart', from: '2021-01-04', to: null }],
    });
  });

  it('refuses to compare two different people', () => {
    expect(() => diffAsnRow(stored, { ...stored, nip: '198609262015051002' })).toThrow(RangeError);
  });

  it('compares every field of the row', () => {
    expect([...ASN_ROW_FIELDS].sort()).toEqual(Object.keys(stored).sort());
  });
});

describe('rowFingerprint', () => {
  it('is stable: same content, same fingerprint, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(stored).reverse()) as unknown as NormalisedAsnRow;
    expect(rowFingerprint(reordered)).toBe(rowFingerprint(stored));
    expect(rowFingerprint(stored)).toMatch(/^v1-[0-9a-f]{16}$/);
  });

  it('is pinned, so fingerprints stored by an earlier release still match', () => {
    expect(rowFingerprint(stored)).toBe('v1-15c02ad6970f95e9');
  });

  it('changes with every field', () => {
    const changed: NormalisedAsnRow[] = [
      { ...stored, nip: '198609262015051002' },
      { ...stored, name: 'Sari Wulandari' },
      { ...stored, status: 'pppk' },
      { ...stored, positionTitle: 'Guru Ahli Muda' },
      { ...stored, positionType: 'executor' },
      { ...stored, grade: 'III/b' },
      { ...stored, agencyCode: 'PEMKOT-35.76' },
      { ...stored, agencyName: null },
      { ...stored, unit: 'Dinas Kesehatan' },
      { ...stored, regionCode: '35.76' },
      { ...stored, positionStart: null },
      { ...stored, active: false },
    ];
    const fingerprints = new Set([stored, ...changed].map(rowFingerprint));
    expect(fingerprints.size).toBe(changed.length + 1);
  });

  it('does not confuse a value moving between adjacent fields', () => {
    expect(rowFingerprint({ ...stored, unit: 'Dinas', agencyName: 'Pemerintah Kabupaten Banyuwangi Dinas' })).not.toBe(
      rowFingerprint({ ...stored, unit: 'Banyuwangi Dinas', agencyName: 'Pemerintah Kabupaten Dinas' }),
    );
  });
});
