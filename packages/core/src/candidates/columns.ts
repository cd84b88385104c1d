/**
 * The candidate-pair import file, one pair per row, as data: the server renders it into the
 * format documentation and the template, and the validator reads the same list.
 */
import { resolveHeader, templateCsv, type HeaderResolution, type ImportColumnSpec } from '../register/import-columns.ts';

export type CandidateColumnKey =
  | 'kode_pemilihan'
  | 'kode_wilayah'
  | 'nomor_urut'
  | 'nama_calon'
  | 'panggilan_calon'
  | 'variasi_nama_calon'
  | 'nip_calon'
  | 'nama_wakil'
  | 'panggilan_wakil'
  | 'variasi_nama_wakil'
  | 'nip_wakil'
  | 'jalur'
  | 'partai'
  | 'petahana'
  | 'jabatan_petahana'
  | 'slogan'
  | 'tagar';

const LIST_FORMAT = { id: 'Daftar dipisah titik koma (;).', en: 'List separated by semicolons (;).' };

const person = (
  member: 'calon' | 'wakil',
  label: { id: string; en: string },
  examples: { name: string; nickname: string; variants: string },
): ImportColumnSpec<CandidateColumnKey>[] => [
  {
    key: `nama_${member}`,
    aliases: member === 'calon' ? ['Nama Calon Kepala', 'Nama Calon Kepala Daerah', 'Calon Kepala'] : ['Nama Calon Wakil', 'Nama Wakil Kepala Daerah', 'Calon Wakil'],
    required: 'yes',
    format: { id: 'Teks, dengan gelar seperti terdaftar di KPU.', en: 'Text, with titles as registered with KPU.' },
    example: examples.name,
    description: { id: `Nama lengkap ${label.id}.`, en: `Full name of the ${label.en}.` },
    maxLength: 150,
  },
  {
    key: `panggilan_${member}`,
    aliases: [`Nama Panggilan ${member === 'calon' ? 'Calon' : 'Wakil'}`],
    required: 'no',
    format: { id: 'Teks.', en: 'Text.' },
    example: examples.nickname,
    description: { id: `Nama panggilan ${label.id} (untuk penyaringan media sosial).`, en: `Nickname of the ${label.en} (for social-media screening).` },
    maxLength: 60,
  },
  {
    key: `variasi_nama_${member}`,
    aliases: [`Alias ${member === 'calon' ? 'Calon' : 'Wakil'}`],
    required: 'no',
    format: LIST_FORMAT,
    example: examples.variants,
    description: { id: `Ejaan lain nama ${label.id}.`, en: `Other spellings of the ${label.en}'s name.` },
    maxLength: 500,
  },
  {
    key: `nip_${member}`,
    aliases: [member === 'calon' ? 'NIP Calon Kepala' : 'NIP Calon Wakil'],
    required: 'no',
    format: { id: 'NIP atau NI PPPK 18 digit, hanya bila ASN.', en: '18-digit NIP or NI PPPK, only for a civil servant.' },
    example: '',
    description: {
      id: `Diisi bila ${label.id} adalah ASN: Netra lalu memantau kewajiban pengunduran dirinya.`,
      en: `Filled in when the ${label.en} is a civil servant: Netra then tracks the resignation obligations.`,
    },
  },
];

export const CANDIDATE_COLUMNS: readonly ImportColumnSpec<CandidateColumnKey>[] = [
  {
    key: 'kode_pemilihan',
    aliases: ['Pemilihan', 'ID Pemilihan', 'Election'],
    required: 'yes',
    format: { id: 'Kode pemilihan di Netra, mis. pilkada-2024.', en: 'Netra election code, e.g. pilkada-2024.' },
    example: 'pilkada-2024',
    description: { id: 'Pemilihan yang diikuti pasangan.', en: 'The election the pair stands in.' },
  },
  {
    key: 'kode_wilayah',
    aliases: ['Kode Daerah', 'Wilayah Kode', 'Kode Daerah Pemilihan'],
    required: 'conditional',
    requirementNote: { id: 'Wajib untuk pilkada; kosong untuk pemilihan nasional.', en: 'Required for regional elections; empty for a national one.' },
    format: { id: 'Kode Kemendagri provinsi (PP) atau kabupaten/kota (PP.KK).', en: 'Kemendagri province (PP) or regency/city (PP.KK) code.' },
    example: '35.10',
    description: { id: 'Daerah pemilihan; harus ikut pemilihan tersebut.', en: 'The contest\'s region; it must take part in the election.' },
  },
  {
    key: 'nomor_urut',
    aliases: ['No Urut', 'Nomor Urut Paslon'],
    required: 'no',
    format: { id: 'Bilangan 1–99; kosong sebelum pengundian.', en: 'Number 1–99; empty before the draw.' },
    example: '2',
    description: { id: 'Nomor urut hasil pengundian KPU.', en: 'Ballot number drawn by KPU.' },
  },
  ...person('calon', { id: 'calon kepala daerah', en: 'head candidate' }, { name: 'Dr. H. Bambang Setiawan, M.Si.', nickname: 'Mas Bambang', variants: 'Bambang Setiawan; Bambang S.' }),
  ...person('wakil', { id: 'calon wakil kepala daerah', en: 'deputy candidate' }, { name: 'Ratna Kusuma, S.E.', nickname: 'Bu Ratna', variants: '' }),
  {
    key: 'jalur',
    aliases: ['Jalur Pencalonan', 'Jenis Calon'],
    required: 'yes',
    format: { id: 'partai atau perseorangan.', en: 'partai (party-nominated) or perseorangan (independent).' },
    example: 'partai',
    description: { id: 'Jalur pencalonan.', en: 'Nomination route.' },
  },
  {
    key: 'partai',
    aliases: ['Partai Pengusung', 'Partai Politik', 'Parpol Pengusung'],
    required: 'conditional',
    requirementNote: { id: 'Wajib untuk jalur partai; kosong untuk perseorangan.', en: 'Required for party-nominated pairs; empty for independents.' },
    format: LIST_FORMAT,
    example: 'Partai Contoh Satu; Partai Contoh Dua',
    description: { id: 'Partai pengusung dan pendukung.', en: 'Nominating and supporting parties.' },
    maxLength: 1000,
  },
  {
    key: 'petahana',
    aliases: ['Status Petahana', 'Incumbent'],
    required: 'no',
    format: { id: 'tidak (atau kosong), calon, atau wakil.', en: 'tidak (or empty), calon (the head candidate) or wakil (the deputy candidate).' },
    example: 'calon',
    description: {
      id: 'Anggota pasangan yang kini menjabat kepala atau wakil kepala daerah di daerah itu (pengawasan mutasi ps. 71 ayat (2)).',
      en: 'Which member of the pair now holds the regional head or deputy office there (art. 71(2) rotation watch).',
    },
  },
  {
    key: 'jabatan_petahana',
    aliases: ['Jabatan Petahana Saat Ini'],
    required: 'no',
    format: { id: 'kepala_daerah (bawaan) atau wakil_kepala_daerah.', en: 'kepala_daerah (default) or wakil_kepala_daerah.' },
    example: 'kepala_daerah',
    description: { id: 'Jabatan yang dipegang petahana.', en: 'The office the incumbent holds.' },
  },
  {
    key: 'slogan',
    aliases: ['Slogan Kampanye', 'Jargon', 'Tagline'],
    required: 'no',
    format: LIST_FORMAT,
    example: 'Bersama Membangun Desa',
    description: { id: 'Slogan kampanye (untuk penyaringan media sosial).', en: 'Campaign slogans (for social-media screening).' },
    maxLength: 1000,
  },
  {
    key: 'tagar',
    aliases: ['Hashtag', 'Tagar Kampanye'],
    required: 'no',
    format: { id: 'Tagar dipisah titik koma atau spasi; "#" boleh ditulis.', en: 'Hashtags separated by semicolons or spaces; "#" optional.' },
    example: '#BambangRatna2024; #DesaMaju',
    description: { id: 'Tagar kampanye (untuk penyaringan media sosial).', en: 'Campaign hashtags (for social-media screening).' },
    maxLength: 1000,
  },
];

const ALWAYS_REQUIRED = new Set(CANDIDATE_COLUMNS.filter((c) => c.required === 'yes').map((c) => c.key));

/** Conditional columns are checked per row (they depend on the election and the route). */
export function resolveCandidateHeader(headers: readonly string[]): HeaderResolution<CandidateColumnKey> {
  return resolveHeader(CANDIDATE_COLUMNS, headers, ALWAYS_REQUIRED);
}

export function candidateTemplateCsv(): string {
  return templateCsv(CANDIDATE_COLUMNS);
}
