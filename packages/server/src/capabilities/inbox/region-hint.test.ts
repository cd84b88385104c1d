import { describe, expect, it } from 'vitest';
import { regionFromText } from './region-hint.ts';

const REGENCIES = [
  { code: '35.10', name: 'Kabupaten Banyuwangi' },
  { code: '35.16', name: 'Kabupaten Mojokerto' },
  { code: '35.76', name: 'Kota Mojokerto' },
  { code: '16.07', name: 'Kabupaten Banyuasin' },
];

describe('regionFromText', () => {
  it.each([
    ['Kejadian di Banyuwangi kemarin.', '35.10'],
    ['Terima kasih, Banyuwangi.', '35.10'],
    ['lokasi: 35.10', '35.10'],
    ['kode 3510 ya', '35.10'],
    ['Kota Mojokerto, dekat alun-alun', '35.76'],
    ['Kabupaten Mojokerto', '35.16'],
    ['kab. mojokerto', '35.16'],
  ])('%s → %s', (text, code) => expect(regionFromText(text, REGENCIES)).toBe(code));

  it.each([
    ['Mojokerto'], // a regency and a city
    ['Banyuwangi atau Banyuasin'],
    ['35.10 dan 16.07'],
    ['Di kantor kecamatan'],
    ['NIP 199001152019031002 kode 99.99'],
  ])('asks rather than guesses: %s', (text) => expect(regionFromText(text, REGENCIES)).toBeNull());
});
