/**
 * Writing register rows back out in the import format (exports, benchmark files, demo data):
 * what Netra writes, Netra reads back to the same row.
 */
import { ASN_COLUMN_KEYS, type AsnColumnKey } from './columns.ts';
import { csvLine } from './import-columns.ts';
import type { NormalisedAsnRow } from './validate.ts';
import { EMPLOYMENT_STATUS_CSV, POSITION_TYPE_CSV } from './vocabulary.ts';

export function asnRowToRecord(row: NormalisedAsnRow): Record<AsnColumnKey, string> {
  return {
    nip: row.nip,
    nama: row.name,
    status_kepegawaian: EMPLOYMENT_STATUS_CSV[row.status],
    jabatan: row.positionTitle,
    jenis_jabatan: POSITION_TYPE_CSV[row.positionType],
    golongan: row.grade,
    kode_instansi: row.agencyCode,
    instansi: row.agencyName ?? '',
    unit_kerja: row.unit,
    kode_wilayah: row.regionCode,
    tmt_jabatan: row.positionStart ?? '',
    aktif: row.active ? 'Y' : 'N',
  };
}

/** One CSV line (no line break) in the column order of `ASN_CSV_HEADER`. */
export function asnRowToCsvLine(row: NormalisedAsnRow): string {
  const record = asnRowToRecord(row);
  return csvLine(ASN_COLUMN_KEYS.map((key) => record[key]));
}
