/**
 * What every change to a case checks before it is made: the case exists in the caller's scope
 * (and is locked for the change), the caller saw its current version, nobody else holds its work
 * lock, and the caller's role has something to do at its stage. Core's refusals become API errors
 * here too.
 */
import { dateInTimeZone, timeZoneOfRegion, CASE_STATE_LABELS, ROLES, type TransitionRefusal } from '@netra/core';
import type { Trx } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { StaffUser } from '../../http/request-context.ts';
import { stateOf } from './present.ts';
import { lockCaseForChange, userSummary, type CaseRow } from './repository.ts';
import { mayHandle } from './rules.ts';

/** How long a work lock lasts without being renewed. */
export const LOCK_MINUTES = 15;

export const CASE_NOT_FOUND = { id: 'Perkara', en: 'Case' };

const TIME_ZONE_ABBREVIATIONS: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

function localTime(instant: Date, timeZone: string): string {
  const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(instant);
  return `${hhmm} ${TIME_ZONE_ABBREVIATIONS[timeZone] ?? timeZone}`;
}

export const todayIn = (regionCode: string, now: Date) => dateInTimeZone(now, timeZoneOfRegion(regionCode));

export const locationOf = (row: Pick<CaseRow, 'region_code' | 'agency_id'>) => ({ regionCode: row.region_code, agencyId: row.agency_id === null ? null : String(row.agency_id) });

export async function lockOrNotFound(trx: Trx, staff: StaffUser, caseId: string): Promise<CaseRow> {
  const row = await lockCaseForChange(trx, staff, caseId);
  if (!row) throw notFound(CASE_NOT_FOUND);
  return row;
}

export function assertVersion(row: CaseRow, expectedVersion: number | undefined) {
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new ApiError(
      409,
      'stale_version',
      { id: 'Kasus sudah diubah orang lain, muat ulang.', en: 'The case was changed by someone else; reload it.' },
      undefined,
      { expectedVersion, currentVersion: row.version },
    );
  }
}

/** A lock held by someone else and not yet expired stops the change, naming who holds it. */
export async function assertNotLockedByOther(trx: Trx, row: CaseRow, staff: StaffUser, now: Date) {
  if (!row.locked_by || row.locked_by === staff.id || !row.locked_until || new Date(row.locked_until) <= now) return;
  const holder = await userSummary(trx, row.locked_by);
  const until = localTime(new Date(row.locked_until), timeZoneOfRegion(row.region_code));
  const name = holder?.name ?? row.locked_by;
  throw new ApiError(
    423,
    'case_locked',
    {
      id: `Kasus sedang dikerjakan oleh ${name} (dikunci sampai ${until}). Tunggu atau hubungi yang bersangkutan.`,
      en: `${name} is working on this case (locked until ${until}). Wait, or contact them.`,
    },
    undefined,
    { holderId: row.locked_by, holderName: name, until: new Date(row.locked_until).toISOString() },
  );
}

export function assertMayHandle(row: CaseRow, staff: StaffUser) {
  if (mayHandle(stateOf(row), staff.role)) return;
  const state = CASE_STATE_LABELS[stateOf(row)];
  throw new ApiError(403, 'not_your_stage', {
    id: `Peran ${ROLES[staff.role].label.id} tidak menangani perkara pada tahap "${state.id}".`,
    en: `Role ${ROLES[staff.role].label.en} does not handle cases at the stage "${state.en}".`,
  });
}

/** Core's refusal as an API error: the right status, its message, the field at fault, what is allowed instead. */
export function refusalError(reason: TransitionRefusal): ApiError {
  const details = reason.allowed ? { reason: reason.code, allowed: reason.allowed } : { reason: reason.code };
  const fields = reason.field ? [{ field: `body.${reason.field}`, message: reason.message }] : undefined;
  switch (reason.code) {
    case 'not_from_state':
      return new ApiError(409, 'illegal_transition', reason.message, undefined, details);
    case 'role_not_allowed':
      return new ApiError(403, 'role_not_allowed', reason.message, undefined, details);
    case 'out_of_scope':
      return new ApiError(403, 'out_of_scope', reason.message, undefined, details);
    case 'four_eyes':
      return new ApiError(403, 'four_eyes', reason.message, undefined, details);
    case 'unknown_transition':
      return new ApiError(422, 'unknown_transition', reason.message, [{ field: 'body.transition', message: reason.message }], details);
    default:
      return new ApiError(422, 'transition_incomplete', reason.message, fields, details);
  }
}
