/**
 * A complete, valid PNS row of a fictional teacher in Banyuwangi (35.10), keyed by canonical
 * column: tests plant one bad cell into it to see that cell refused. No real person.
 */
import type { AsnColumnKey } from './columns.ts';

export const EXAMPLE_TEACHER_ROW: Readonly<Record<AsnColumnKey, string>> = {
  nip: '198609262015051001',
  nama: 'Sari Wulandari, S.Pd.',
  status_kepegawaian: 'PNS',
  jabatan: 'Guru Ahli Pertama',
  jenis_jabatan: 'fungsional',
  golongan: 'III/a',
  kode_instansi: 'PEMKAB-35.10',
  instansi: 'Pemerintah Kabupaten Banyuwangi',
  unit_kerja: 'Dinas Pendidikan',
  kode_wilayah: '35.10',
  tmt_jabatan: '2021-01-04',
  aktif: 'Y',
};
