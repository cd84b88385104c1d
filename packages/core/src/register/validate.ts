/**
 * Validation of one ASN register row. Every problem in the row is listed, not just the first,
 * so a BKPSDM officer fixes a rejected row in one pass. It runs once per row of a national
 * register (7 million rows): lookups are prebuilt, dates are checked as strings, and message
 * text is only built for rows that fail.
 */
import { decodeNip, type NipResult } from '../nip/nip.ts';
import { isRegionCode, isWithinRegion } from '../regions/region-code.ts';
import type { IsoDate } from '../time/iso-date.ts';
import { ASN_COLUMNS, type AsnColumnKey } from './columns.ts';
import { decodeNipOfUnknownKind, nipReasons, type NipReasonCode } from './identifier.ts';
import { requiredReason, tooLongReason, type RowReason, type RowValidation } from './import-columns.ts';
import {
  EMPLOYMENT_STATUS_CSV,
  PNS_GRADES,
  POSITION_TYPE_CSV,
  PPPK_GRADES,
  parseActiveFlag,
  parseEmploymentStatus,
  parseGrade,
  parsePositionType,
  parseRegisterDate,
  type EmploymentStatus,
  type PositionType,
} from './vocabulary.ts';

/** A register row as Netra stores it. */
export interface NormalisedAsnRow {
  /** 18 digits, no separators. */
  nip: string;
  name: string;
  status: EmploymentStatus;
  positionTitle: string;
  positionType: PositionType;
  /** Canonical grade: "III/a" (PNS) or "IX" (PPPK). */
  grade: string;
  agencyCode: string;
  agencyName: string | null;
  unit: string;
  /** Kemendagri regency/city code PP.KK. */
  regionCode: string;
  positionStart: IsoDate | null;
  active: boolean;
}

export type AsnRowReasonCode =
  | 'required'
  | 'too_long'
  | NipReasonCode
  | 'nip_other_kind'
  | 'status_unknown'
  | 'position_type_unknown'
  | 'grade_unknown'
  | 'grade_not_for_status'
  | 'agency_unknown'
  | 'region_code_format'
  | 'region_not_regency'
  | 'region_outside_scope'
  | 'region_unknown'
  | 'date_format'
  | 'date_impossible'
  | 'date_in_future'
  | 'active_flag_unknown'
  | 'duplicate_nip';

export type AsnRowReason = RowReason<AsnColumnKey, AsnRowReasonCode>;

/** A set of codes, or a predicate for callers that look codes up elsewhere. */
export type CodeLookup = ReadonlySet<string> | ((code: string) => boolean);

export interface AsnRowContext {
  /** For the "not in the future" checks; passed in so validation stays pure. */
  today: IsoDate;
  /** Region for rows that leave kode_wilayah empty (given on the command line or in the upload form). */
  defaultRegionCode?: string;
  knownAgencyCodes: CodeLookup;
  /** The importer's own territory (e.g. "35" or "35.10"): rows outside it are refused. Absent = national. */
  allowedRegionPrefix?: string;
  /** When given, codes that are well formed but not in Netra's region table are refused. */
  knownRegionCodes?: CodeLookup;
}

/** Cells keyed by canonical column (see `resolveAsnHeader`); absent cells count as empty. */
export type RawAsnRow = Partial<Record<AsnColumnKey, string>> | Record<string, string>;

const MAX_LENGTH = new Map(ASN_COLUMNS.flatMap((c) => (c.maxLength ? [[c.key, c.maxLength] as const] : [])));
const REGENCY_CODE = /^\d{2}\.\d{2}$/;
const REGENCY_DIGITS = /^\d{4}$/;

const STATUS_CHOICES = Object.values(EMPLOYMENT_STATUS_CSV).join(', ');
const POSITION_CHOICES = Object.values(POSITION_TYPE_CSV).join(', ');
const GRADE_RANGE: Record<EmploymentStatus, string> = {
  pns: `${PNS_GRADES[0]}–${PNS_GRADES[PNS_GRADES.length - 1]}`,
  pppk: `${PPPK_GRADES[0]}–${PPPK_GRADES[PPPK_GRADES.length - 1]}`,
};

const reason = (column: AsnColumnKey, code: AsnRowReasonCode, id: string, en: string): AsnRowReason => ({
  column,
  code,
  message: { id, en },
});

const has = (lookup: CodeLookup, code: string): boolean => (typeof lookup === 'function' ? lookup(code) : lookup.has(code));

const trimmed = (value: string | undefined): string => (value === undefined ? '' : value.trim());

function checkLength(value: string, key: AsnColumnKey, reasons: AsnRowReason[]): string {
  const max = MAX_LENGTH.get(key);
  if (max !== undefined && value.length > max) reasons.push(tooLongReason(key, max, value.length));
  return value;
}

function requiredText(value: string, key: AsnColumnKey, reasons: AsnRowReason[]): string {
  if (value === '') reasons.push(requiredReason(key));
  return checkLength(value, key, reasons);
}

function checkNip(input: string, status: EmploymentStatus | null, today: IsoDate, reasons: AsnRowReason[]): string {
  if (input === '') {
    reasons.push(requiredReason('nip'));
    return '';
  }
  const result: NipResult =
    status === null ? decodeNipOfUnknownKind(input, today) : decodeNip(input, { kind: status, today });
  if (result.valid) return result.value.nip;
  if (status !== null) {
    // A PPPK number under status PNS (or the reverse) fails the PNS rules in confusing ways:
    // say what it is instead.
    const other: EmploymentStatus = status === 'pns' ? 'pppk' : 'pns';
    if (decodeNip(input, { kind: other, today }).valid) {
      reasons.push(
        reason(
          'nip',
          'nip_other_kind',
          `Nomor ini sah sebagai ${other === 'pns' ? 'NIP PNS' : 'NI PPPK'}, tetapi status_kepegawaian ${EMPLOYMENT_STATUS_CSV[status]}: periksa salah satunya.`,
          `This number is a valid ${other === 'pns' ? 'PNS NIP' : 'NI PPPK'}, but status_kepegawaian says ${EMPLOYMENT_STATUS_CSV[status]}: check one of them.`,
        ),
      );
      return '';
    }
  }
  reasons.push(...nipReasons('nip', result.problems));
  return '';
}

function checkGrade(value: string, status: EmploymentStatus | null, reasons: AsnRowReason[]): string {
  if (value === '') {
    reasons.push(requiredReason('golongan'));
    return '';
  }
  const grade = parseGrade(value);
  if (grade === null) {
    reasons.push(
      reason(
        'golongan',
        'grade_unknown',
        `Golongan "${value}" tidak dikenal: PNS ${GRADE_RANGE.pns}, PPPK ${GRADE_RANGE.pppk}.`,
        `Grade "${value}" is unknown: PNS ${GRADE_RANGE.pns}, PPPK ${GRADE_RANGE.pppk}.`,
      ),
    );
    return '';
  }
  if (status !== null && grade.status !== status) {
    reasons.push(
      reason(
        'golongan',
        'grade_not_for_status',
        `Golongan ${grade.grade} bukan golongan ${EMPLOYMENT_STATUS_CSV[status]} (${GRADE_RANGE[status]}).`,
        `Grade ${grade.grade} is not a ${EMPLOYMENT_STATUS_CSV[status]} grade (${GRADE_RANGE[status]}).`,
      ),
    );
  }
  return grade.grade;
}

function checkRegion(written: string, context: AsnRowContext, reasons: AsnRowReason[]): string {
  let code = written || (context.defaultRegionCode ?? '');
  if (code === '') {
    reasons.push(requiredReason('kode_wilayah'));
    return '';
  }
  // Spreadsheets drop the dot: "3510" is regency 35.10.
  if (REGENCY_DIGITS.test(code)) code = `${code.slice(0, 2)}.${code.slice(2)}`;
  if (!REGENCY_CODE.test(code)) {
    // The general parser only runs to explain a code that is not PP.KK.
    reasons.push(
      isRegionCode(code)
        ? reason(
            'kode_wilayah',
            'region_not_regency',
            `Kode wilayah ${code} bukan kabupaten/kota: isi kode PP.KK kabupaten/kota lokasi kerja.`,
            `Region code ${code} is not a regency/city: give the PP.KK code of the regency/city of work.`,
          )
        : reason('kode_wilayah', 'region_code_format', `Kode wilayah "${code}" bukan kode Kemendagri (PP.KK).`, `Region code "${code}" is not a Kemendagri code (PP.KK).`),
    );
    return '';
  }
  const number = Number(code.slice(3, 5));
  if (number === 0 || number === 70) {
    reasons.push(
      reason(
        'kode_wilayah',
        'region_code_format',
        `Kode wilayah ${code} tidak mungkin: kabupaten bernomor 01–69, kota 71–99.`,
        `Region code ${code} is impossible: regencies are numbered 01–69, cities 71–99.`,
      ),
    );
    return '';
  }
  if (context.allowedRegionPrefix !== undefined && !isWithinRegion(code, context.allowedRegionPrefix)) {
    reasons.push(
      reason(
        'kode_wilayah',
        'region_outside_scope',
        `Kode wilayah ${code} di luar wilayah Anda (${context.allowedRegionPrefix}).`,
        `Region code ${code} is outside your region (${context.allowedRegionPrefix}).`,
      ),
    );
  }
  if (context.knownRegionCodes !== undefined && !has(context.knownRegionCodes, code)) {
    reasons.push(reason('kode_wilayah', 'region_unknown', `Kode wilayah ${code} tidak terdaftar.`, `Region code ${code} is not registered.`));
  }
  return code;
}

function checkPositionStart(value: string, today: IsoDate, reasons: AsnRowReason[]): IsoDate | null {
  if (value === '') return null;
  const parsed = parseRegisterDate(value);
  if (!parsed.ok) {
    reasons.push(
      parsed.problem === 'format'
        ? reason('tmt_jabatan', 'date_format', `Tanggal "${value}" harus YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY.`, `Date "${value}" must be YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY.`)
        : reason('tmt_jabatan', 'date_impossible', `Tanggal "${value}" tidak ada di kalender.`, `Date "${value}" does not exist.`),
    );
    return null;
  }
  if (parsed.date > today) {
    reasons.push(reason('tmt_jabatan', 'date_in_future', `Tanggal ${parsed.date} ada di masa depan.`, `Date ${parsed.date} is in the future.`));
  }
  return parsed.date;
}

export function validateAsnRow(
  raw: RawAsnRow,
  context: AsnRowContext,
): RowValidation<NormalisedAsnRow, AsnColumnKey, AsnRowReasonCode> {
  // Each column read once by name: one property access per column rather than a lookup by key.
  const cells = raw as Partial<Record<AsnColumnKey, string>>;
  const reasons: AsnRowReason[] = [];

  // The status decides how the NIP is read, so it is parsed first; reasons still follow column order.
  const statusText = trimmed(cells.status_kepegawaian);
  const status = statusText === '' ? null : parseEmploymentStatus(statusText);

  const nip = checkNip(trimmed(cells.nip), status, context.today, reasons);
  const name = requiredText(trimmed(cells.nama), 'nama', reasons);
  if (statusText === '') reasons.push(requiredReason('status_kepegawaian'));
  else if (status === null) {
    reasons.push(
      reason('status_kepegawaian', 'status_unknown', `Status "${statusText}" tidak dikenal: ${STATUS_CHOICES}.`, `Status "${statusText}" is unknown: ${STATUS_CHOICES}.`),
    );
  }
  const positionTitle = requiredText(trimmed(cells.jabatan), 'jabatan', reasons);

  const positionTypeText = trimmed(cells.jenis_jabatan);
  const positionType = positionTypeText === '' ? null : parsePositionType(positionTypeText);
  if (positionTypeText === '') reasons.push(requiredReason('jenis_jabatan'));
  else if (positionType === null) {
    reasons.push(
      reason(
        'jenis_jabatan',
        'position_type_unknown',
        `Jenis jabatan "${positionTypeText}" tidak dikenal: ${POSITION_CHOICES}.`,
        `Position type "${positionTypeText}" is unknown: ${POSITION_CHOICES}.`,
      ),
    );
  }

  const grade = checkGrade(trimmed(cells.golongan), status, reasons);

  const agencyCode = requiredText(trimmed(cells.kode_instansi), 'kode_instansi', reasons);
  if (agencyCode !== '' && !has(context.knownAgencyCodes, agencyCode)) {
    reasons.push(
      reason('kode_instansi', 'agency_unknown', `Kode instansi "${agencyCode}" tidak terdaftar.`, `Agency code "${agencyCode}" is not registered.`),
    );
  }
  const agencyName = checkLength(trimmed(cells.instansi), 'instansi', reasons);
  const unit = requiredText(trimmed(cells.unit_kerja), 'unit_kerja', reasons);
  const regionCode = checkRegion(trimmed(cells.kode_wilayah), context, reasons);
  const positionStart = checkPositionStart(trimmed(cells.tmt_jabatan), context.today, reasons);

  const activeText = trimmed(cells.aktif);
  const active = activeText === '' ? true : parseActiveFlag(activeText);
  if (active === null) {
    reasons.push(reason('aktif', 'active_flag_unknown', `Nilai aktif "${activeText}" harus Y atau N.`, `Active flag "${activeText}" must be Y or N.`));
  }

  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    row: {
      nip,
      name,
      status: status!,
      positionTitle,
      positionType: positionType!,
      grade,
      agencyCode,
      agencyName: agencyName === '' ? null : agencyName,
      unit,
      regionCode,
      positionStart,
      active: active!,
    },
  };
}
