import { describe, expect, it } from 'vitest';
import { displayRegionName, isCity, isRegionCode, isWithinRegion, parentRegionCode, regionLevel, regionLineage, timeZoneOfRegion } from './region-code.ts';

describe('Kemendagri region codes', () => {
  it('tells the level and parent from the code', () => {
    expect(regionLevel('64')).toBe('province');
    expect(regionLevel('35.10')).toBe('regency');
    expect(regionLevel('35.10.01')).toBe('district');
    expect(regionLevel('35.10.01.2001')).toBe('village');
    expect(parentRegionCode('35.10.01')).toBe('35.10');
    expect(parentRegionCode('35')).toBeNull();
    expect(regionLineage('35.10.01')).toEqual(['35', '35.10', '35.10.01']);
    expect(() => regionLevel('35.1')).toThrow();
    expect(isRegionCode('3510')).toBe(false);
  });

  it('tells cities from regencies', () => {
    expect(isCity('35.76')).toBe(true);
    expect(isCity('35.16')).toBe(false);
  });

  it('nests regions by code, not by string prefix alone', () => {
    expect(isWithinRegion('35.10.01', '35')).toBe(true);
    expect(isWithinRegion('35.10', '35.10')).toBe(true);
    expect(isWithinRegion('35.10', '35.1')).toBe(false);
    expect(isWithinRegion('16.07', '35')).toBe(false);
  });

  it('maps provinces to WIB, WITA and WIT', () => {
    expect(timeZoneOfRegion('35.10')).toBe('Asia/Jakarta');
    expect(timeZoneOfRegion('64')).toBe('Asia/Makassar');
    expect(timeZoneOfRegion('91.01')).toBe('Asia/Jayapura');
  });

  it('displays Kemendagri upper-case names in title case', () => {
    expect(displayRegionName('KABUPATEN BANYUWANGI')).toBe('Kabupaten Banyuwangi');
    expect(displayRegionName('DKI JAKARTA')).toBe('DKI Jakarta');
    expect(displayRegionName('KOTA BAU-BAU')).toBe('Kota Bau-Bau');
  });
});
