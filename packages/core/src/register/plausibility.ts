/**
 * Whether a register row is plausible to a personnel officer (issue 14): the employment status,
 * position type, rank and unit of a post fit together. Not validation of an import (the register
 * takes what SIASN says): a check the demo data and generated registers must pass, with the rule
 * and its basis named for each problem.
 *
 * - PPPK hold functional and executor posts only; structural posts (JPT, administrator,
 *   supervisor, camat/lurah) are for PNS (UU 20/2023 ps. 1 and 13; PP 49/2018 ps. 2).
 * - A rank range per post type (PermenPAN-RB 22/2021 on JPT: IV/c and above for JPT pratama;
 *   PP 11/2017 as amended by PP 17/2020 ps. 54 for administrators and supervisors).
 * - Functional posts serve in the agencies of their field (teachers in education, nurses and
 *   midwives in health, agricultural extension in agriculture, auditors in the inspectorate).
 */
import type { Localised } from '../elections/types.ts';
import { PNS_GRADES, PPPK_GRADES, type EmploymentStatus, type PositionType } from './vocabulary.ts';

/** Ranks a holder of each post plausibly has: [lowest, highest], inclusive. */
export const PLAUSIBLE_GRADE_RANGE: Readonly<Record<EmploymentStatus, Partial<Record<PositionType, readonly [string, string]>>>> = {
  pns: {
    jpt: ['IV/c', 'IV/e'],
    administrator: ['III/d', 'IV/b'],
    supervisor: ['III/b', 'III/d'],
    camat_lurah: ['III/c', 'IV/b'],
    functional: ['II/c', 'IV/c'],
    executor: ['I/c', 'III/b'],
  },
  pppk: {
    functional: ['VII', 'XI'],
    executor: ['V', 'VII'],
  },
};

/** The grades within a plausible range, in order. */
export function plausibleGrades(status: EmploymentStatus, type: PositionType): readonly string[] {
  const range = PLAUSIBLE_GRADE_RANGE[status][type];
  if (!range) return [];
  const grades = status === 'pns' ? PNS_GRADES : PPPK_GRADES;
  return grades.slice(grades.indexOf(range[0]), grades.indexOf(range[1]) + 1);
}

/** Functional posts by the start of their title, with the units (by name) they serve in. */
export const FUNCTIONAL_FIELDS: ReadonlyArray<{ prefix: string; units: readonly string[] }> = [
  { prefix: 'Guru', units: ['Dinas Pendidikan', 'SD Negeri', 'SMP Negeri', 'SMA Negeri', 'SMK Negeri', 'SLB Negeri'] },
  { prefix: 'Perawat', units: ['Dinas Kesehatan', 'Rumah Sakit Umum Daerah', 'Puskesmas'] },
  { prefix: 'Bidan', units: ['Dinas Kesehatan', 'Rumah Sakit Umum Daerah', 'Puskesmas'] },
  { prefix: 'Dokter', units: ['Dinas Kesehatan', 'Rumah Sakit Umum Daerah', 'Puskesmas'] },
  { prefix: 'Apoteker', units: ['Dinas Kesehatan', 'Rumah Sakit Umum Daerah', 'Puskesmas'] },
  { prefix: 'Penyuluh Pertanian', units: ['Dinas Pertanian'] },
  { prefix: 'Auditor', units: ['Inspektorat'] },
  { prefix: 'Pengawas Sekolah', units: ['Dinas Pendidikan'] },
];

/** Structural titles that name their unit: "Kepala Dinas Pendidikan" heads the Dinas Pendidikan. */
const HEAD_OF = /^Kepala (Dinas|Badan) (.+)$/;

export type PlausibilityCode = 'pppk_structural' | 'grade_out_of_range' | 'functional_wrong_unit' | 'head_wrong_unit' | 'camat_outside_kecamatan';

export interface PlausibilityProblem {
  code: PlausibilityCode;
  message: Localised;
  basis: string;
}

export interface PlausibilityRow {
  status: EmploymentStatus;
  positionType: PositionType;
  positionTitle: string;
  grade: string | null;
  unit: string | null;
}

const STRUCTURAL: readonly PositionType[] = ['jpt', 'administrator', 'supervisor', 'camat_lurah'];

/** Every way the row does not fit together (empty when it is plausible). */
export function plausibilityProblems(row: PlausibilityRow): PlausibilityProblem[] {
  const problems: PlausibilityProblem[] = [];
  const unit = row.unit ?? '';
  if (row.status === 'pppk' && STRUCTURAL.includes(row.positionType)) {
    problems.push({
      code: 'pppk_structural',
      message: { id: `PPPK tidak menduduki jabatan struktural (${row.positionTitle}).`, en: `A PPPK does not hold a structural post (${row.positionTitle}).` },
      basis: 'UU 20/2023 ps. 13; PP 49/2018 ps. 2 (PPPK: jabatan fungsional dan pelaksana)',
    });
  } else if (row.grade !== null) {
    const grades = plausibleGrades(row.status, row.positionType);
    if (grades.length > 0 && !grades.includes(row.grade)) {
      const [low, high] = PLAUSIBLE_GRADE_RANGE[row.status][row.positionType]!;
      problems.push({
        code: 'grade_out_of_range',
        message: { id: `Golongan ${row.grade} tidak lazim untuk ${row.positionTitle} (${low}–${high}).`, en: `Rank ${row.grade} is implausible for ${row.positionTitle} (${low}–${high}).` },
        basis: row.positionType === 'jpt' ? 'PermenPAN-RB 22/2021: JPT pratama paling rendah IV/c' : 'PP 11/2017 jo. PP 17/2020 ps. 54 (pangkat minimum jabatan administrasi)',
      });
    }
  }
  if (row.positionType === 'functional') {
    const field = FUNCTIONAL_FIELDS.find((f) => row.positionTitle.startsWith(f.prefix));
    if (field && !field.units.some((u) => unit.startsWith(u))) {
      problems.push({
        code: 'functional_wrong_unit',
        message: { id: `${row.positionTitle} tidak bertugas di ${unit || 'unit kosong'}.`, en: `${row.positionTitle} does not serve in ${unit || 'an empty unit'}.` },
        basis: 'PermenPAN-RB tentang jabatan fungsional masing-masing (instansi pembina dan unit kerja)',
      });
    }
  }
  const head = HEAD_OF.exec(row.positionTitle);
  if (head && row.positionType === 'jpt' && unit !== `${head[1]} ${head[2]}`) {
    problems.push({
      code: 'head_wrong_unit',
      message: { id: `${row.positionTitle} memimpin ${head[1]} ${head[2]}, bukan ${unit}.`, en: `${row.positionTitle} heads ${head[1]} ${head[2]}, not ${unit}.` },
      basis: 'Perda perangkat daerah (PP 18/2016): kepala perangkat daerah memimpin unitnya',
    });
  }
  if (row.positionType === 'camat_lurah' && /^Camat\b/.test(row.positionTitle) && !unit.startsWith('Kecamatan')) {
    problems.push({
      code: 'camat_outside_kecamatan',
      message: { id: `Camat bertugas di kecamatan, bukan ${unit}.`, en: `A camat serves in a kecamatan, not ${unit}.` },
      basis: 'UU 23/2014 ps. 224: camat memimpin kecamatan',
    });
  }
  return problems;
}
