import { describe, expect, it } from 'vitest';
import { csvField, csvLine, normaliseHeaderName, recordFromCells } from './import-columns.ts';

describe('normaliseHeaderName', () => {
  it.each([
    ['NIP / NI PPPK', 'nip_ni_pppk'],
    ['\uFEFFnip', 'nip'],
    [' Nama  Lengkap ', 'nama_lengkap'],
    ['Kode-Kab.Kota', 'kode_kab_kota'],
    ['__jenis__jabatan__', 'jenis_jabatan'],
  ])('%s → %s', (header, key) => {
    expect(normaliseHeaderName(header)).toBe(key);
  });
});

describe('recordFromCells', () => {
  it('keys cells by resolved column, skipping ignored and absent ones', () => {
    expect(recordFromCells(['a', 'b', 'c'], ['nip', null, 'nama', 'aktif'])).toEqual({ nip: 'a', nama: 'c' });
  });

  it('overwrites a reused record, leaving no cell of the previous row behind', () => {
    const reused = recordFromCells(['a', 'b', 'c', 'Y'], ['nip', null, 'nama', 'aktif']);
    const next = recordFromCells(['d', 'e'], ['nip', null, 'nama', 'aktif'], reused);
    expect(next).toBe(reused);
    expect(next).toEqual({ nip: 'd', nama: undefined, aktif: undefined });
  });
});

describe('csvField', () => {
  it('quotes only when needed, doubling inner quotes', () => {
    expect(csvField('Guru Ahli Pertama')).toBe('Guru Ahli Pertama');
    expect(csvField('Sari, S.Pd.')).toBe('"Sari, S.Pd."');
    expect(csvField('Unit "A"')).toBe('"Unit ""A"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['1', 'a,b', ''])).toBe('1,"a,b",');
  });
});
