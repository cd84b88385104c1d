/**
 * The rules of a report's fields, in one place for the server (which checks everything, every
 * time) and the public form (which checks the same rules while the citizen types, so the server
 * rarely has to refuse). The fields follow the official report form of Perbawaslu 8/2020 as
 * amended by 9/2024 (FACTS.md §3): a named reporter gives name, place and date of birth, gender,
 * occupation, nationality, address, phone and e-mail; every report may name its witnesses (name,
 * address, phone).
 *
 * `reportFieldProblems` returns EVERY problem at once, each naming its field and carrying a plain
 * Indonesian and English message, so a report with every field wrong gets every error in one
 * answer. Pure: "today" is the caller's (the region's date on the server, the device's in the form).
 */
import { decodeNip, type NipProblem } from '../nip/nip.ts';
import { isActCode } from '../sanctions/matrix.ts';
import { isIsoDate, type IsoDate } from '../time/iso-date.ts';
import type { Localised } from '../elections/types.ts';

/**
 * Not statutory: a shorter text cannot say who did what, so Bawaslu would have to ask anyway.
 * Counted in characters after trimming.
 */
export const MIN_DESCRIPTION_LENGTH = 20;

/** Length bounds, in characters after trimming; the form sets `maxlength` and counters from these. */
export const REPORT_FIELD_LIMITS = {
  place: { min: 3, max: 300 },
  description: { min: MIN_DESCRIPTION_LENGTH, max: 5000 },
  reportedName: { min: 2, max: 200 },
  reportedAgency: { min: 0, max: 200 },
  reportedPosition: { min: 0, max: 200 },
  reportedNip: { min: 0, max: 40 },
  reporterName: { min: 3, max: 200 },
  reporterAddress: { min: 5, max: 500 },
  reporterPhone: { min: 0, max: 30 },
  reporterEmail: { min: 0, max: 200 },
  reporterBirthPlace: { min: 2, max: 100 },
  reporterOccupation: { min: 2, max: 100 },
  reporterNationality: { min: 2, max: 60 },
  witnessName: { min: 3, max: 200 },
  witnessAddress: { min: 0, max: 500 },
  witnessPhone: { min: 0, max: 30 },
} as const;

export type LimitedField = keyof typeof REPORT_FIELD_LIMITS;

/** At most this many witnesses on one report (the official form leaves room for a few). */
export const MAX_WITNESSES = 5;

export const REPORTER_GENDERS = ['L', 'P'] as const;
export type ReporterGender = (typeof REPORTER_GENDERS)[number];
export const REPORTER_GENDER_LABELS: Readonly<Record<ReporterGender, Localised>> = {
  L: { id: 'Laki-laki', en: 'Male' },
  P: { id: 'Perempuan', en: 'Female' },
};

export const PHONE_PATTERN = /^\+?[0-9 ()\-.]{6,20}$/;
/** Deliberately plain: one @, a dot in the domain, no spaces (what people mistype, not RFC 5322). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export interface WitnessInput {
  name?: string;
  address?: string;
  phone?: string;
}

/**
 * A report whose fields have passed: what intake files, whoever composed it (the public form, a
 * staff member's paper intake, an inbox message, a screened post or a flagged rotation).
 */
export interface ReportInput {
  electionId: string;
  regionCode: string;
  place: string;
  occurredOn: IsoDate;
  occurredUntil?: IsoDate;
  knownOn: IsoDate;
  description: string;
  actCodes: string[];
  reportedName: string;
  reportedAgency?: string;
  reportedPosition?: string;
  reportedNip?: string;
  anonymous: boolean;
  reporterName?: string;
  reporterAddress?: string;
  reporterPhone?: string;
  reporterEmail?: string;
  /** The official form's particulars of a named reporter (sealed with the identity). */
  reporterBirthPlace?: string;
  reporterBirthDate?: string;
  reporterGender?: string;
  reporterOccupation?: string;
  reporterNationality?: string;
  witnesses?: WitnessInput[];
}

/**
 * What a report's fields look like before they are checked: every field may be missing, and
 * everything is text as typed (an IsoDate is a string).
 */
export interface ReportFieldsInput extends Partial<Omit<ReportInput, 'actCodes' | 'witnesses'>> {
  actCodes?: readonly string[];
  witnesses?: readonly WitnessInput[];
  /** Staff intake of a paper report: the day it arrived at the office. */
  receivedOn?: string;
}

export interface ReportFieldOptions {
  /** The region's date (server) or the device's (form). */
  today: IsoDate;
  /**
   * 'required': a named public report must carry the particulars of the official form;
   * 'optional': a paper report typed in by an officer keeps what the paper held;
   * 'none': a Bawaslu finding has no reporter.
   */
  identity: 'required' | 'optional' | 'none';
}

export interface FieldProblem {
  /** The field's name as sent (`witnesses.1.phone` for a witness's field). */
  field: string;
  message: Localised;
}

const REQUIRED: Localised = { id: 'Wajib diisi.', en: 'Required.' };

const trimmed = (value: string | undefined) => (value ?? '').trim();

/** A length message people understand: "at least 20 characters (now 12)". */
function lengthProblem(value: string, limits: { min: number; max: number }, required: boolean): Localised | null {
  const n = [...value].length;
  if (n === 0) return required ? REQUIRED : null;
  if (n < limits.min) return { id: `Minimal ${limits.min} karakter (sekarang ${n}).`, en: `At least ${limits.min} characters (now ${n}).` };
  if (n > limits.max) return { id: `Paling banyak ${limits.max} karakter (sekarang ${n}).`, en: `At most ${limits.max} characters (now ${n}).` };
  return null;
}

const DATE_FORMAT: Localised = { id: 'Tanggal tidak valid: gunakan TTTT-BB-HH, misalnya 2024-10-15.', en: 'Not a valid date: use YYYY-MM-DD, e.g. 2024-10-15.' };
const FUTURE: Localised = { id: 'Tanggal tidak boleh setelah hari ini.', en: 'The date cannot be after today.' };

/**
 * A NIP as typed: valid as a PNS NIP or as an NI PPPK, or the problem of the PNS reading (with a
 * hint to try NI PPPK when the "month" is over 12, which is what an NI PPPK's code looks like).
 */
export function checkReportedNip(input: string, today: IsoDate): { nip: string } | { problem: Localised } {
  const pns = decodeNip(input, { today, kind: 'pns' });
  if (pns.valid) return { nip: pns.value.nip };
  const pppk = decodeNip(input, { today, kind: 'pppk' });
  if (pppk.valid) return { nip: pppk.value.nip };
  const first: NipProblem = pns.problems[0];
  return {
    problem: {
      id: `NIP tidak valid: ${first.message.id} Kosongkan bila tidak tahu.`,
      en: `Invalid NIP: ${first.message.en} Leave it empty if unsure.`,
    },
  };
}

/** Every problem of a report's fields, at once. */
export function reportFieldProblems(input: ReportFieldsInput, options: ReportFieldOptions): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: Localised) => problems.push({ field, message });
  const text = (field: LimitedField, value: string | undefined, required: boolean, as: string = field) => {
    const problem = lengthProblem(trimmed(value), REPORT_FIELD_LIMITS[field], required);
    if (problem) add(as, problem);
  };
  const date = (field: string, value: string | undefined, required: boolean): IsoDate | null => {
    const v = trimmed(value);
    if (!v) {
      if (required) add(field, REQUIRED);
      return null;
    }
    if (!isIsoDate(v)) {
      add(field, DATE_FORMAT);
      return null;
    }
    if (v > options.today) add(field, FUTURE);
    return v;
  };

  if (!trimmed(input.electionId)) add('electionId', { id: 'Pilih pemilihan.', en: 'Choose an election.' });
  const region = trimmed(input.regionCode);
  if (!region) add('regionCode', { id: 'Pilih provinsi atau kabupaten/kota tempat kejadian.', en: 'Choose the province or regency/city where it happened.' });
  else if (!/^\d{2}(\.\d{2})?$/.test(region)) add('regionCode', { id: 'Pilih provinsi atau kabupaten/kota (kode PP atau PP.KK).', en: 'Choose a province or regency/city (code PP or PP.KK).' });

  text('place', input.place, true);
  text('description', input.description, true);
  const unknownActs = (input.actCodes ?? []).filter((code) => !isActCode(code.trim().toUpperCase()));
  if (unknownActs.length > 0) add('actCodes', { id: `Jenis pelanggaran tidak dikenal (${unknownActs.join(', ')}): pilih dari daftar SKB 2022.`, en: `Unknown act (${unknownActs.join(', ')}): choose from the SKB 2022 list.` });

  const occurredOn = date('occurredOn', input.occurredOn, true);
  const occurredUntil = date('occurredUntil', input.occurredUntil, false);
  const knownOn = date('knownOn', input.knownOn, true);
  if (occurredOn && occurredUntil && occurredUntil < occurredOn) {
    add('occurredUntil', { id: 'Tanggal selesai tidak boleh sebelum tanggal mulai kejadian.', en: 'The end date cannot be before the start date.' });
  }
  if (occurredOn && knownOn && knownOn < occurredOn) {
    add('knownOn', { id: 'Tanggal Anda mengetahui kejadian tidak boleh sebelum kejadian itu terjadi.', en: 'The date you learned of it cannot be before it happened.' });
  }
  const receivedOn = date('receivedOn', input.receivedOn, false);
  if (receivedOn && knownOn && receivedOn < knownOn) {
    add('receivedOn', { id: 'Tanggal diterima tidak boleh sebelum kejadian diketahui.', en: 'The date received cannot be before the event became known.' });
  }

  text('reportedName', input.reportedName, true);
  text('reportedAgency', input.reportedAgency, false);
  text('reportedPosition', input.reportedPosition, false);
  const nip = trimmed(input.reportedNip);
  if (nip) {
    if ([...nip].length > REPORT_FIELD_LIMITS.reportedNip.max) text('reportedNip', nip, false);
    else {
      const checked = checkReportedNip(nip, options.today);
      if ('problem' in checked) add('reportedNip', checked.problem);
    }
  }

  if (options.identity !== 'none' && !input.anonymous) {
    const required = options.identity === 'required';
    if (!trimmed(input.reporterName)) {
      add('reporterName', { id: 'Isi nama Anda, atau pilih "kirim tanpa nama (anonim)".', en: 'Enter your name, or choose "send anonymously".' });
    } else text('reporterName', input.reporterName, true);
    text('reporterAddress', input.reporterAddress, required);
    text('reporterBirthPlace', input.reporterBirthPlace, required);
    const birth = date('reporterBirthDate', input.reporterBirthDate, required);
    if (birth && birth < '1900-01-01') add('reporterBirthDate', { id: 'Tanggal lahir tidak mungkin.', en: 'That birth date is not possible.' });
    const gender = trimmed(input.reporterGender);
    if (!gender && required) add('reporterGender', { id: 'Pilih jenis kelamin.', en: 'Choose a gender.' });
    else if (gender && !(REPORTER_GENDERS as readonly string[]).includes(gender)) add('reporterGender', { id: 'Pilih Laki-laki atau Perempuan.', en: 'Choose male or female.' });
    text('reporterOccupation', input.reporterOccupation, required);
    text('reporterNationality', input.reporterNationality, required);
    const phone = trimmed(input.reporterPhone);
    if (phone && !PHONE_PATTERN.test(phone)) add('reporterPhone', { id: 'Nomor telepon: 6–20 angka, boleh diawali +, misalnya 0812 3456 7890.', en: 'Phone number: 6–20 digits, optionally starting with +, e.g. 0812 3456 7890.' });
    const email = trimmed(input.reporterEmail);
    if (email.length > REPORT_FIELD_LIMITS.reporterEmail.max) text('reporterEmail', email, false);
    else if (email && !EMAIL_PATTERN.test(email)) add('reporterEmail', { id: 'Alamat e-mail tidak valid, misalnya nama@contoh.id.', en: 'Not a valid e-mail address, e.g. name@example.id.' });
  }

  const witnesses = input.witnesses ?? [];
  if (witnesses.length > MAX_WITNESSES) add('witnesses', { id: `Paling banyak ${MAX_WITNESSES} saksi.`, en: `At most ${MAX_WITNESSES} witnesses.` });
  witnesses.slice(0, MAX_WITNESSES).forEach((w, i) => {
    const given = trimmed(w.name) || trimmed(w.address) || trimmed(w.phone);
    if (!given) return;
    if (!trimmed(w.name)) add(`witnesses.${i}.name`, { id: 'Isi nama saksi, atau hapus baris saksi ini.', en: "Enter the witness's name, or remove this witness." });
    else text('witnessName', w.name, true, `witnesses.${i}.name`);
    text('witnessAddress', w.address, false, `witnesses.${i}.address`);
    const phone = trimmed(w.phone);
    if (phone.length > REPORT_FIELD_LIMITS.witnessPhone.max || (phone && !PHONE_PATTERN.test(phone))) {
      add(`witnesses.${i}.phone`, { id: 'Nomor telepon: 6–20 angka, boleh diawali +.', en: 'Phone number: 6–20 digits, optionally starting with +.' });
    }
  });
  return problems;
}

/** The witnesses worth keeping: those with anything filled in, trimmed. */
export function filledWitnesses(witnesses: readonly WitnessInput[] | undefined): Array<{ name: string; address: string | null; phone: string | null }> {
  return (witnesses ?? [])
    .filter((w) => trimmed(w.name) || trimmed(w.address) || trimmed(w.phone))
    .slice(0, MAX_WITNESSES)
    .map((w) => ({ name: trimmed(w.name), address: trimmed(w.address) || null, phone: trimmed(w.phone) || null }));
}
