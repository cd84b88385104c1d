/**
 * The coded values of the ASN register (employment status, position type, grade, active flag,
 * dates) as data, with the spellings personnel exports use. Each lookup table is built once at
 * load: the importer parses millions of rows and must not build a regex or a map per row.
 */
import { isValidYmd, type IsoDate } from '../time/iso-date.ts';
import type { Localised } from '../elections/types.ts';

export type EmploymentStatus = 'pns' | 'pppk';

/** Position types as BKN and Bawaslu count them (FACTS.md §7). */
export type PositionType = 'jpt' | 'administrator' | 'supervisor' | 'executor' | 'functional' | 'camat_lurah';

export interface VocabularyEntry<Code extends string> {
  code: Code;
  /** The value Netra writes in files it exports. */
  csvValue: string;
  label: Localised;
  /** Other spellings accepted on import (compared case-insensitively, separators ignored). */
  aliases: readonly string[];
}

export const EMPLOYMENT_STATUSES: readonly VocabularyEntry<EmploymentStatus>[] = [
  {
    code: 'pns',
    csvValue: 'PNS',
    label: { id: 'Pegawai Negeri Sipil', en: 'Civil servant (PNS)' },
    // A CPNS (probationary civil servant) already holds a PNS NIP and is bound by the same neutrality rules.
    aliases: ['pegawai negeri sipil', 'cpns', 'calon pns'],
  },
  {
    code: 'pppk',
    csvValue: 'PPPK',
    label: { id: 'Pegawai Pemerintah dengan Perjanjian Kerja', en: 'Contract civil servant (PPPK)' },
    aliases: ['p3k', 'pegawai pemerintah dengan perjanjian kerja'],
  },
];

export const POSITION_TYPES: readonly VocabularyEntry<PositionType>[] = [
  {
    code: 'jpt',
    csvValue: 'JPT',
    label: { id: 'Jabatan Pimpinan Tinggi', en: 'Senior leadership (JPT)' },
    aliases: ['jabatan pimpinan tinggi', 'pimpinan tinggi', 'jpt pratama', 'jpt madya', 'jpt utama'],
  },
  {
    code: 'administrator',
    csvValue: 'administrator',
    label: { id: 'Jabatan Administrator', en: 'Administrator' },
    aliases: ['jabatan administrator', 'administrasi'],
  },
  {
    code: 'supervisor',
    csvValue: 'pengawas',
    label: { id: 'Jabatan Pengawas', en: 'Supervisor' },
    aliases: ['jabatan pengawas', 'supervisor'],
  },
  {
    code: 'executor',
    csvValue: 'pelaksana',
    label: { id: 'Jabatan Pelaksana', en: 'Executor' },
    // JFU ("jabatan fungsional umum") is the pre-2014 name of the executor post, still in old exports.
    aliases: ['jabatan pelaksana', 'executor', 'jfu', 'fungsional umum', 'jabatan fungsional umum'],
  },
  {
    code: 'functional',
    csvValue: 'fungsional',
    label: { id: 'Jabatan Fungsional', en: 'Functional' },
    aliases: ['jabatan fungsional', 'functional', 'jf', 'jft', 'fungsional tertentu', 'jabatan fungsional tertentu'],
  },
  {
    code: 'camat_lurah',
    csvValue: 'camat/lurah',
    label: { id: 'Camat/Lurah', en: 'District head / urban village head (camat/lurah)' },
    aliases: ['camat', 'lurah', 'camat lurah'],
  },
];

function csvValues<Code extends string>(entries: readonly VocabularyEntry<Code>[]): Readonly<Record<Code, string>> {
  return Object.fromEntries(entries.map((e) => [e.code, e.csvValue])) as Record<Code, string>;
}

/** The value written in files for each code: "PNS", "fungsional", … */
export const EMPLOYMENT_STATUS_CSV = csvValues(EMPLOYMENT_STATUSES);
export const POSITION_TYPE_CSV = csvValues(POSITION_TYPES);

/** PNS grades (golongan/ruang) I/a … IV/e. */
export const PNS_GRADES: readonly string[] = [
  'I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d',
  'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
];

/** PPPK grades I … XVII (Perpres 98/2020). */
export const PPPK_GRADES: readonly string[] = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
];

const VALUE_SEPARATORS = /[\s_\-./]+/g;

/** Lower case, separators (space, _, -, ., /) collapsed to one space: "Jabatan_Fungsional" → "jabatan fungsional". */
function vocabularyKey(value: string): string {
  return value.toLowerCase().replace(VALUE_SEPARATORS, ' ').trim();
}

/**
 * A lookup that first tries the value exactly as written (the common case costs one map read),
 * then its normalised form.
 */
function lookupTable<T>(entries: Iterable<[string, T]>, keyOf: (value: string) => string = vocabularyKey): (value: string) => T | null {
  const exact = new Map<string, T>();
  const normalised = new Map<string, T>();
  for (const [spelling, result] of entries) {
    exact.set(spelling, result);
    normalised.set(keyOf(spelling), result);
  }
  return (value) => exact.get(value) ?? normalised.get(keyOf(value)) ?? null;
}

/** A parser accepting each entry's code, export value and aliases (used by every import's coded columns). */
export function vocabularyLookup<Code extends string>(entries: readonly VocabularyEntry<Code>[]): (value: string) => Code | null {
  return lookupTable(
    entries.flatMap((e) => [e.code, e.csvValue, ...e.aliases].map((spelling): [string, Code] => [spelling, e.code])),
  );
}

export const parseEmploymentStatus: (value: string) => EmploymentStatus | null = vocabularyLookup(EMPLOYMENT_STATUSES);
export const parsePositionType: (value: string) => PositionType | null = vocabularyLookup(POSITION_TYPES);

export interface Grade {
  status: EmploymentStatus;
  /** Canonical spelling: "III/a" for PNS, "IX" for PPPK. */
  grade: string;
}

const ARABIC_OF_ROMAN: Record<string, string> = { I: '1', II: '2', III: '3', IV: '4' };

/**
 * Every accepted spelling of every grade: "III/a", "III/A", "III-a", "III a", "IIIa", "3/a", "3a"
 * for PNS; "IX", "ix", "9" for PPPK. The two sets cannot collide: PNS grades always end in a
 * letter a–e, PPPK grades never do.
 */
function gradeSpellings(): Array<[string, Grade]> {
  const spellings: Array<[string, Grade]> = [];
  for (const grade of PNS_GRADES) {
    const [roman, letter] = grade.split('/');
    const result: Grade = { status: 'pns', grade };
    for (const group of [roman, ARABIC_OF_ROMAN[roman]]) {
      for (const separator of ['/', '']) spellings.push([`${group}${separator}${letter}`, result]);
    }
  }
  PPPK_GRADES.forEach((grade, i) => {
    const result: Grade = { status: 'pppk', grade };
    spellings.push([grade, result], [String(i + 1), result]);
  });
  return spellings;
}

/** Grades are compared without any separator, so "III - a" and "IIIa" meet. */
export const parseGrade: (value: string) => Grade | null = lookupTable(gradeSpellings(), (value) =>
  value.toLowerCase().replace(VALUE_SEPARATORS, ''),
);

/** Y/N with the Indonesian and spreadsheet spellings; an empty cell means active. */
export const parseActiveFlag: (value: string) => boolean | null = lookupTable<boolean>([
  ...['Y', 'ya', 'yes', '1', 'true', 'aktif'].map((s): [string, boolean] => [s, true]),
  ...['N', 'T', 'tidak', 'no', '0', 'false', 'tidak aktif', 'nonaktif'].map((s): [string, boolean] => [s, false]),
]);

export type DateParse = { ok: true; date: IsoDate } | { ok: false; problem: 'format' | 'impossible' };

/** The number written in value[from, to), or -1 when any character there is not a digit. */
function digitsValue(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A date as YYYY-MM-DD, or DD-MM-YYYY / DD/MM/YYYY as Indonesian spreadsheets write it. Read by
 * character position rather than with a regex or a Date: this runs once per register row.
 */
export function parseRegisterDate(value: string): DateParse {
  if (value.length !== 10) return { ok: false, problem: 'format' };
  const iso = value[4] === '-' && value[7] === '-';
  const dayFirst = (value[2] === '-' || value[2] === '/') && value[5] === value[2];
  if (!iso && !dayFirst) return { ok: false, problem: 'format' };
  const y = iso ? digitsValue(value, 0, 4) : digitsValue(value, 6, 10);
  const m = iso ? digitsValue(value, 5, 7) : digitsValue(value, 3, 5);
  const d = iso ? digitsValue(value, 8, 10) : digitsValue(value, 0, 2);
  if (y < 0 || m < 0 || d < 0) return { ok: false, problem: 'format' };
  // Days 1–28 exist in every month; only later days need the calendar.
  const possible = y >= 1900 && m >= 1 && m <= 12 && d >= 1 && (d <= 28 || isValidYmd(y, m, d));
  if (!possible) return { ok: false, problem: 'impossible' };
  return { ok: true, date: iso ? value : `${value.slice(6, 10)}-${value.slice(3, 5)}-${value.slice(0, 2)}` };
}
