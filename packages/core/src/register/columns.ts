/**
 * The ASN register import file, column by column: the fields a BKPSDM exports from its personnel
 * system (SIASN-like), under Netra's canonical Indonesian headers and the aliases seen in real
 * exports. The server renders this list as the format documentation and the template file.
 */
import { resolveHeader, templateCsv, type HeaderResolution, type ImportColumnSpec } from './import-columns.ts';
import { PNS_GRADES, PPPK_GRADES } from './vocabulary.ts';

export type AsnColumnKey =
  | 'nip'
  | 'nama'
  | 'status_kepegawaian'
  | 'jabatan'
  | 'jenis_jabatan'
  | 'golongan'
  | 'kode_instansi'
  | 'instansi'
  | 'unit_kerja'
  | 'kode_wilayah'
  | 'tmt_jabatan'
  | 'aktif';

export const ASN_COLUMNS: readonly ImportColumnSpec<AsnColumnKey>[] = [
  {
    key: 'nip',
    aliases: ['NI PPPK', 'NIP/NI PPPK', 'NIP Baru', 'NIP 18', 'Nomor Induk Pegawai', 'NIPPPK'],
    required: 'yes',
    format: {
      id: '18 digit; spasi, titik dan tanda hubung diabaikan. PNS: NIP; PPPK: NI PPPK.',
      en: '18 digits; spaces, dots and dashes are ignored. PNS: NIP; PPPK: NI PPPK.',
    },
    example: '198609262015051001',
    description: {
      id: 'Nomor induk pegawai, diperiksa sesuai jenisnya (Perka BKN 22/2007): tanggal lahir, pengangkatan, jenis kelamin, nomor urut.',
      en: 'Civil-servant number, checked for its kind (Perka BKN 22/2007): birth date, appointment, gender, sequence.',
    },
  },
  {
    key: 'nama',
    aliases: ['Nama Lengkap', 'Nama Pegawai', 'Nama ASN'],
    required: 'yes',
    format: { id: 'Teks, dengan gelar bila ada.', en: 'Text, with academic titles if any.' },
    example: 'Sari Wulandari, S.Pd.',
    description: { id: 'Nama lengkap ASN.', en: 'Full name of the civil servant.' },
    maxLength: 150,
  },
  {
    key: 'status_kepegawaian',
    aliases: ['Status', 'Status Pegawai', 'Jenis Pegawai', 'Jenis ASN', 'Kedudukan Hukum'],
    required: 'yes',
    format: { id: 'PNS atau PPPK (CPNS dihitung PNS).', en: 'PNS or PPPK (CPNS counts as PNS).' },
    example: 'PNS',
    description: {
      id: 'Menentukan format nomor induk dan golongan yang berlaku.',
      en: 'Decides which identifier format and which grades apply.',
    },
  },
  {
    key: 'jabatan',
    aliases: ['Nama Jabatan', 'Jabatan Nama', 'Jabatan Terakhir'],
    required: 'yes',
    format: { id: 'Teks.', en: 'Text.' },
    example: 'Guru Ahli Pertama',
    description: { id: 'Nama jabatan saat ini.', en: 'Current position title.' },
    maxLength: 300,
  },
  {
    key: 'jenis_jabatan',
    aliases: ['Kelompok Jabatan', 'Tipe Jabatan'],
    required: 'yes',
    format: {
      id: 'JPT, administrator, pengawas, pelaksana, fungsional, camat atau lurah (JFU dibaca pelaksana).',
      en: 'JPT, administrator, pengawas (supervisor), pelaksana (executor), fungsional (functional), camat or lurah (JFU reads as executor).',
    },
    example: 'fungsional',
    description: {
      id: 'Kelompok jabatan yang dipakai statistik pelanggaran netralitas.',
      en: 'Position type used in neutrality-violation statistics.',
    },
  },
  {
    key: 'golongan',
    aliases: ['Gol', 'Golongan Ruang', 'Pangkat Golongan', 'Gol Ruang'],
    required: 'yes',
    format: {
      id: `PNS: ${PNS_GRADES[0]} … ${PNS_GRADES[PNS_GRADES.length - 1]} (juga "3a", "III-a"); PPPK: ${PPPK_GRADES[0]} … ${PPPK_GRADES[PPPK_GRADES.length - 1]} (juga angka 1–17).`,
      en: `PNS: ${PNS_GRADES[0]} … ${PNS_GRADES[PNS_GRADES.length - 1]} (also "3a", "III-a"); PPPK: ${PPPK_GRADES[0]} … ${PPPK_GRADES[PPPK_GRADES.length - 1]} (also numbers 1–17).`,
    },
    example: 'III/a',
    description: { id: 'Golongan/ruang sesuai status kepegawaian.', en: 'Grade, which must exist for the employment status.' },
  },
  {
    key: 'kode_instansi',
    aliases: ['Instansi Kode', 'ID Instansi', 'Kode Instansi Induk', 'Instansi Induk ID'],
    required: 'yes',
    format: { id: 'Kode instansi yang terdaftar di Netra.', en: 'An agency code registered in Netra.' },
    example: 'PEMKAB-35.10',
    description: {
      id: 'Instansi (pemerintah daerah, kementerian, lembaga) tempat ASN bekerja.',
      en: 'Agency (regional government, ministry, institution) the civil servant works for.',
    },
    maxLength: 50,
  },
  {
    key: 'instansi',
    aliases: ['Nama Instansi', 'Instansi Induk', 'Instansi Induk Nama'],
    required: 'no',
    format: { id: 'Teks.', en: 'Text.' },
    example: 'Pemerintah Kabupaten Banyuwangi',
    description: {
      id: 'Nama instansi, hanya untuk dibaca; instansi ditentukan oleh kode_instansi.',
      en: 'Agency name, for reading only; the agency is identified by kode_instansi.',
    },
    maxLength: 200,
  },
  {
    key: 'unit_kerja',
    aliases: ['Unor', 'Unit Organisasi', 'Satuan Kerja', 'Satker', 'OPD', 'Perangkat Daerah'],
    required: 'yes',
    format: { id: 'Teks.', en: 'Text.' },
    example: 'Dinas Pendidikan',
    description: { id: 'Unit kerja atau perangkat daerah (OPD).', en: 'Work unit or regional office (OPD).' },
    maxLength: 300,
  },
  {
    key: 'kode_wilayah',
    aliases: ['Kode Kabupaten Kota', 'Kode Kab Kota', 'Kode Daerah', 'Kode Lokasi Kerja'],
    required: 'conditional',
    requirementNote: {
      id: 'Boleh kosong bila kode wilayah diberikan saat impor (berlaku untuk semua baris).',
      en: 'May be empty when a region code is given for the whole import.',
    },
    format: {
      id: 'Kode kabupaten/kota Kemendagri PP.KK (mis. 35.10; "3510" juga diterima), di dalam wilayah pengimpor.',
      en: 'Kemendagri regency/city code PP.KK (e.g. 35.10; "3510" is accepted too), inside the importer\'s region.',
    },
    example: '35.10',
    description: {
      id: 'Kabupaten/kota lokasi kerja. ASN provinsi dan pusat memakai kabupaten/kota kantornya.',
      en: 'Regency/city where the civil servant works. Provincial and central ASN take the regency/city of their office.',
    },
  },
  {
    key: 'tmt_jabatan',
    aliases: ['Tanggal Jabatan', 'TMT'],
    required: 'no',
    format: {
      id: 'Tanggal YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY, tidak di masa depan.',
      en: 'Date as YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY, not in the future.',
    },
    example: '2021-01-04',
    description: { id: 'Terhitung mulai tanggal jabatan saat ini.', en: 'Start date of the current position.' },
  },
  {
    key: 'aktif',
    aliases: ['Status Aktif', 'Is Aktif'],
    required: 'no',
    format: { id: 'Y atau N (juga ya/tidak, 1/0); kosong berarti Y.', en: 'Y or N (also ya/tidak, 1/0); empty means Y.' },
    example: 'Y',
    description: {
      id: 'N untuk ASN yang tidak aktif (pensiun, diberhentikan, cuti di luar tanggungan negara).',
      en: 'N for civil servants no longer active (retired, dismissed, on unpaid leave).',
    },
  },
];

/** Canonical column order: the order of the template and of every file Netra writes. */
export const ASN_COLUMN_KEYS: readonly AsnColumnKey[] = ASN_COLUMNS.map((c) => c.key);

export const ASN_CSV_HEADER: string = ASN_COLUMN_KEYS.join(',');

const ALWAYS_REQUIRED = ASN_COLUMNS.filter((c) => c.required === 'yes').map((c) => c.key);

/** Maps a register file's header row; kode_wilayah may be absent only when the import names a region. */
export function resolveAsnHeader(
  headers: readonly string[],
  options: { defaultRegionCode?: string } = {},
): HeaderResolution<AsnColumnKey> {
  const required = new Set(ALWAYS_REQUIRED);
  if (!options.defaultRegionCode) required.add('kode_wilayah');
  return resolveHeader(ASN_COLUMNS, headers, required);
}

export function asnTemplateCsv(): string {
  return templateCsv(ASN_COLUMNS);
}
