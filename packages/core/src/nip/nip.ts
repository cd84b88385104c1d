/**
 * NIP (PNS) and NI PPPK: 18-digit civil-servant identifiers (FACTS.md §8, Perka BKN 22/2007).
 *
 *   PNS NIP   YYYYMMDD YYYYMM G NNN   birth date, CPNS appointment month, gender, sequence
 *   NI PPPK   YYYYMMDD YYYY CC G NNN  birth date, appointment year, a 2-digit code, gender, sequence
 *
 * There is no check digit, so validation means checking that every field is possible. The
 * meaning of the PPPK 2-digit code is unconfirmed, so it is reported but never validated.
 */
import { isValidYmd, type IsoDate } from '../time/iso-date.ts';

export type IdentifierKind = 'pns' | 'pppk';
export type Gender = 'male' | 'female';

export type NipProblemCode =
  | 'empty'
  | 'characters'
  | 'length'
  | 'birth_date_impossible'
  | 'birth_date_in_future'
  | 'appointment_month_impossible'
  | 'appointment_in_future'
  | 'appointment_before_birth'
  | 'appointment_before_age_18'
  | 'gender_digit'
  | 'sequence_zero';

export interface NipProblem {
  code: NipProblemCode;
  /** Which digits (1-based, inclusive) the problem is about, for highlighting. */
  digits?: [number, number];
  message: { id: string; en: string };
}

interface DecodedCommon {
  /** Digits only. */
  nip: string;
  /** The identifier in its printed groups, e.g. "19860926 201505 1 001". */
  formatted: string;
  birthDate: IsoDate;
  gender: Gender;
  sequence: number;
}

export interface DecodedPnsNip extends DecodedCommon {
  kind: 'pns';
  /** CPNS appointment (TMT CPNS) month, "YYYY-MM". */
  appointment: string;
}

export interface DecodedPppkNumber extends DecodedCommon {
  kind: 'pppk';
  appointmentYear: number;
  /** Unconfirmed meaning (FACTS.md §8): shown, never validated. */
  code: string;
}

export type DecodedIdentifier = DecodedPnsNip | DecodedPppkNumber;

export type NipResult =
  | { valid: true; value: DecodedIdentifier }
  | { valid: false; kind: IdentifierKind; problems: NipProblem[] };

export interface DecodeOptions {
  /** Which identifier the caller holds (default PNS NIP). */
  kind?: IdentifierKind;
  /** "Today" for the future-date checks; the caller passes it so the function stays pure. */
  today: IsoDate;
}

const problem = (code: NipProblemCode, id: string, en: string, digits?: [number, number]): NipProblem => ({
  code,
  message: { id, en },
  ...(digits ? { digits } : {}),
});

/** Strip the spaces, dots and dashes people type between the groups. */
export function normaliseNip(input: string): string {
  // Fast path for the common case (an import column of plain 18-digit numbers).
  return input.length === 18 && !/[\s.\-]/.test(input) ? input : input.replace(/[\s.\-]/g, '');
}

export function formatNip(nip: string, kind: IdentifierKind = 'pns'): string {
  return kind === 'pns'
    ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`
    : `${nip.slice(0, 8)} ${nip.slice(8, 12)} ${nip.slice(12, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

function checkShape(nip: string): NipProblem[] {
  if (nip.length === 0) return [problem('empty', 'NIP belum diisi.', 'The NIP is empty.')];
  const problems: NipProblem[] = [];
  if (!/^\d+$/.test(nip)) {
    problems.push(problem('characters', 'NIP hanya boleh berisi angka.', 'A NIP may contain digits only.'));
  }
  if (nip.length !== 18) {
    problems.push(
      problem('length', `NIP harus 18 digit, bukan ${nip.length}.`, `A NIP has 18 digits, not ${nip.length}.`),
    );
  }
  return problems;
}

function checkBirthGenderSequence(nip: string, today: IsoDate, problems: NipProblem[]): IsoDate | null {
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  let birthDate: IsoDate | null = null;
  if (by < 1900 || !isValidYmd(by, bm, bd)) {
    problems.push(
      problem(
        'birth_date_impossible',
        `Tanggal lahir ${nip.slice(0, 8)} (digit 1–8) bukan tanggal yang mungkin.`,
        `Birth date ${nip.slice(0, 8)} (digits 1–8) is not a possible date.`,
        [1, 8],
      ),
    );
  } else {
    birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
    if (birthDate > today) {
      problems.push(
        problem('birth_date_in_future', 'Tanggal lahir di masa depan.', 'The birth date is in the future.', [1, 8]),
      );
    }
  }
  const gender = nip.charAt(14);
  if (gender !== '1' && gender !== '2') {
    problems.push(
      problem(
        'gender_digit',
        `Digit ke-15 (jenis kelamin) harus 1 (pria) atau 2 (wanita), bukan ${gender}.`,
        `Digit 15 (gender) must be 1 (male) or 2 (female), not ${gender}.`,
        [15, 15],
      ),
    );
  }
  if (nip.slice(15) === '000') {
    problems.push(
      problem('sequence_zero', 'Nomor urut (digit 16–18) dimulai dari 001, bukan 000.', 'The sequence (digits 16–18) starts at 001, not 000.', [16, 18]),
    );
  }
  return birthDate;
}

/** Checks an appointment month (YYYY-MM) against birth and today. */
function checkAppointment(
  year: number,
  month: number,
  birthDate: IsoDate | null,
  today: IsoDate,
  digits: [number, number],
  problems: NipProblem[],
): void {
  const label = month === 0 ? `${year}` : `${year}-${String(month).padStart(2, '0')}`;
  const appointmentIndex = year * 12 + (month === 0 ? 0 : month - 1);
  const todayIndex = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  if (appointmentIndex > todayIndex) {
    problems.push(
      problem('appointment_in_future', `Pengangkatan ${label} ada di masa depan.`, `Appointment ${label} is in the future.`, digits),
    );
  }
  if (!birthDate) return;
  const birthIndex = Number(birthDate.slice(0, 4)) * 12 + Number(birthDate.slice(5, 7)) - 1;
  if (appointmentIndex < birthIndex) {
    problems.push(
      problem('appointment_before_birth', `Pengangkatan ${label} sebelum tanggal lahir.`, `Appointment ${label} is before the birth date.`, digits),
    );
  } else if (appointmentIndex < birthIndex + 18 * 12) {
    problems.push(
      problem(
        'appointment_before_age_18',
        `Pengangkatan ${label} sebelum usia 18 tahun.`,
        `Appointment ${label} is before the age of 18.`,
        digits,
      ),
    );
  }
}

function decodePns(nip: string, today: IsoDate): NipResult {
  const problems: NipProblem[] = [];
  const birthDate = checkBirthGenderSequence(nip, today, problems);
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  if (am < 1 || am > 12 || ay < 1900) {
    problems.push(
      problem(
        'appointment_month_impossible',
        `Bulan pengangkatan ${nip.slice(8, 14)} (digit 9–14) tidak mungkin: bulan ${nip.slice(12, 14)} tidak ada.`,
        `Appointment month ${nip.slice(8, 14)} (digits 9–14) is impossible: there is no month ${nip.slice(12, 14)}.`,
        [9, 14],
      ),
    );
  } else {
    checkAppointment(ay, am, birthDate, today, [9, 14], problems);
  }
  if (problems.length > 0) return { valid: false, kind: 'pns', problems };
  return {
    valid: true,
    value: {
      kind: 'pns',
      nip,
      formatted: formatNip(nip, 'pns'),
      birthDate: birthDate!,
      appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      gender: nip.charAt(14) === '1' ? 'male' : 'female',
      sequence: Number(nip.slice(15)),
    },
  };
}

function decodePppk(nip: string, today: IsoDate): NipResult {
  const problems: NipProblem[] = [];
  const birthDate = checkBirthGenderSequence(nip, today, problems);
  const ay = Number(nip.slice(8, 12));
  if (ay < 1900) {
    problems.push(
      problem('appointment_month_impossible', `Tahun pengangkatan ${ay} tidak mungkin.`, `Appointment year ${ay} is impossible.`, [9, 12]),
    );
  } else {
    // A PPPK number carries only the year: "before 18" is judged against December of that year
    // (the most lenient reading) and "in the future" against the year itself.
    const yearProblems: NipProblem[] = [];
    checkAppointment(ay, 12, birthDate, today, [9, 12], yearProblems);
    problems.push(...yearProblems.filter((p) => p.code !== 'appointment_in_future'));
    if (ay > Number(today.slice(0, 4))) {
      problems.push(problem('appointment_in_future', `Tahun pengangkatan ${ay} ada di masa depan.`, `Appointment year ${ay} is in the future.`, [9, 12]));
    }
  }
  if (problems.length > 0) return { valid: false, kind: 'pppk', problems };
  return {
    valid: true,
    value: {
      kind: 'pppk',
      nip,
      formatted: formatNip(nip, 'pppk'),
      birthDate: birthDate!,
      appointmentYear: ay,
      code: nip.slice(12, 14),
      gender: nip.charAt(14) === '1' ? 'male' : 'female',
      sequence: Number(nip.slice(15)),
    },
  };
}

/**
 * Decode and validate a NIP or NI PPPK, listing every reason it is invalid (not just the first),
 * so a BKPSDM officer fixing an import sees the whole problem at once. There is no guessing
 * between the two formats: a PNS NIP with month 13 must be reported as wrong, not re-read as
 * a PPPK number whose code happens to be 13.
 */
export function decodeNip(input: string, options: DecodeOptions): NipResult {
  const nip = normaliseNip(input);
  const kind = options.kind ?? 'pns';
  const shape = checkShape(nip);
  if (shape.length > 0) return { valid: false, kind, problems: shape };
  return kind === 'pns' ? decodePns(nip, options.today) : decodePppk(nip, options.today);
}
