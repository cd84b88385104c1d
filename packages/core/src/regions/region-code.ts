/**
 * Kemendagri region codes (Permendagri 58/2021 and later decrees): province `PP`,
 * regency/city `PP.KK` (regencies 01–69, cities 71–99), district `PP.KK.CC`,
 * village `PP.KK.CC.XXXX`. The code alone tells the level and every ancestor, which is what
 * territorial scoping relies on.
 */
export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

export function regionLevel(code: string): RegionLevel {
  if (!isRegionCode(code)) throw new RangeError(`Not a Kemendagri region code: ${code}`);
  return (['province', 'regency', 'district', 'village'] as const)[code.split('.').length - 1];
}

export function parentRegionCode(code: string): string | null {
  const parts = code.split('.');
  return parts.length > 1 ? parts.slice(0, -1).join('.') : null;
}

export function provinceCodeOf(code: string): string {
  return code.slice(0, 2);
}

/** Regencies/cities only: city codes run 71–99, regencies 01–69. */
export function isCity(regencyCode: string): boolean {
  return regionLevel(regencyCode) === 'regency' && Number(regencyCode.slice(3, 5)) >= 71;
}

/** True when `code` is `ancestor` itself or lies inside it (35.10.01 is within 35 and 35.10). */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

/** Every code from the province down to `code` itself: 35.10.01 → [35, 35.10, 35.10.01]. */
export function regionLineage(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * Indonesia's three time zones by province. Deadlines and "today" are local: a report filed at
 * 23:30 WIT is already the next day in Papua but not in Jakarta.
 */
const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

export function timeZoneOfRegion(code: string): 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura' {
  const province = provinceCodeOf(code);
  if (WIT_PROVINCES.has(province)) return 'Asia/Jayapura';
  if (WITA_PROVINCES.has(province)) return 'Asia/Makassar';
  return 'Asia/Jakarta';
}

/** Title-case an upper-case Kemendagri name: "KABUPATEN BANYUWANGI" → "Kabupaten Banyuwangi". */
export function displayRegionName(name: string): string {
  const keepUpper = new Set(['DKI', 'DI']);
  return name
    .split(/(\s+|-|\/)/)
    .map((word) => (keepUpper.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()))
    .join('');
}
