/**
 * The agencies file (instansi): one agency per row, for the console's CSV import. A row with a
 * code already registered renames the agency (and moves it to the region given); a new code
 * registers a new agency.
 */
import type { ImportColumnSpec, RowValidation } from './import-columns.ts';

export type AgencyColumnKey = 'kode_instansi' | 'nama_instansi' | 'kode_wilayah';
export type AgencyRowProblem = 'missing' | 'malformed_code' | 'malformed_region' | 'too_long';

export const AGENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9.\-_]{1,49}$/;
const REGION = /^\d{2}(\.\d{2})?$/;

export const AGENCY_COLUMNS: readonly ImportColumnSpec<AgencyColumnKey>[] = [
  {
    key: 'kode_instansi',
    aliases: ['kode', 'code', 'kode instansi'],
    required: 'yes',
    format: { id: '2–50 huruf, angka, titik, garis hubung, garis bawah', en: '2–50 letters, digits, dots, dashes, underscores' },
    example: 'PEMKAB-35.10',
    description: { id: 'Kode instansi yang dipakai register ASN', en: 'The agency code the ASN register uses' },
    maxLength: 50,
  },
  {
    key: 'nama_instansi',
    aliases: ['instansi', 'nama', 'name'],
    required: 'yes',
    format: { id: 'teks, 3–200 karakter', en: 'text, 3–200 characters' },
    example: 'Pemerintah Kabupaten Banyuwangi',
    description: { id: 'Nama resmi instansi', en: 'Official name of the agency' },
    maxLength: 200,
  },
  {
    key: 'kode_wilayah',
    aliases: ['wilayah', 'region', 'region_code'],
    required: 'yes',
    format: { id: 'PP (provinsi) atau PP.KK (kabupaten/kota)', en: 'PP (province) or PP.KK (regency/city)' },
    example: '35.10',
    description: { id: 'Wilayah instansi', en: 'Region of the agency' },
  },
];

export const AGENCY_REQUIRED: ReadonlySet<AgencyColumnKey> = new Set(['kode_instansi', 'nama_instansi', 'kode_wilayah']);

export interface AgencyRow {
  code: string;
  name: string;
  regionCode: string;
}

export function validateAgencyRow(cells: Partial<Record<AgencyColumnKey, string>>): RowValidation<AgencyRow, AgencyColumnKey, AgencyRowProblem> {
  const code = (cells.kode_instansi ?? '').trim();
  const name = (cells.nama_instansi ?? '').trim().replace(/\s+/g, ' ');
  const regionCode = (cells.kode_wilayah ?? '').trim();
  const reasons: Array<{ column: AgencyColumnKey; code: AgencyRowProblem; message: { id: string; en: string } }> = [];
  if (code === '') reasons.push({ column: 'kode_instansi', code: 'missing', message: { id: 'Kode instansi kosong.', en: 'The agency code is empty.' } });
  else if (!AGENCY_CODE.test(code)) {
    reasons.push({ column: 'kode_instansi', code: 'malformed_code', message: { id: `"${code}" bukan kode instansi yang sah (2–50 huruf, angka, . - _).`, en: `"${code}" is not a valid agency code (2–50 letters, digits, . - _).` } });
  }
  if (name.length < 3) reasons.push({ column: 'nama_instansi', code: 'missing', message: { id: 'Nama instansi paling sedikit 3 karakter.', en: 'The agency name needs at least 3 characters.' } });
  else if (name.length > 200) reasons.push({ column: 'nama_instansi', code: 'too_long', message: { id: 'Nama instansi paling banyak 200 karakter.', en: 'The agency name has at most 200 characters.' } });
  if (!REGION.test(regionCode)) {
    reasons.push({ column: 'kode_wilayah', code: 'malformed_region', message: { id: `"${regionCode}" bukan kode provinsi (PP) atau kabupaten/kota (PP.KK).`, en: `"${regionCode}" is not a province (PP) or regency/city (PP.KK) code.` } });
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, row: { code, name, regionCode } };
}
