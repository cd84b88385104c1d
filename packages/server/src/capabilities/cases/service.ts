/**
 * Moving cases: transitions, assignment, locks and bulk actions. Each change runs in one
 * transaction that locks the case row (found through the caller's scope), checks the optimistic
 * version and the work lock, asks core's `checkTransition`, writes the case, its timeline event
 * and any notification, and appends the audit entry last.
 */
import {
  checkTransition,
  isActCode,
  can,
  isRoleCode,
  locationWithinScope,
  rolesFor,
  nextCaseDeadline,
  suggestSanction,
  timeZoneOfRegion,
  dateInTimeZone,
  validateImposedSanction,
  CASE_STATE_LABELS,
  ROLES,
  type Localised,
  type SanctionTypeCode,
  type TransitionCode,
  type TransitionRefusal,
} from '@netra/core';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext, StaffUser } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import { scopeOf } from '../auth/service.ts';
import { notify } from '../notifications/service.ts';
import { presentSanction, presentSuggestion, stateOf, type StoredSanction } from './present.ts';
import { clockOf, employeeKindOf, findCase, insertCaseEvent, lockCaseForChange, rulebooksFor, staffCovering, updateCase, userSummary, type CaseRow } from './repository.ts';
import { CLOCK_STARTED_BY, FINISHED_STATES, handlingOffice, mayHandle, PUBLIC_MILESTONES, rolesActingIn } from './rules.ts';
import type { BulkBody, TransitionBody } from './schema.ts';

/** How long a work lock lasts without being renewed. */
export const LOCK_MINUTES = 15;

const CASE_NOT_FOUND = { id: 'Perkara', en: 'Case' };

const TIME_ZONE_ABBREVIATIONS: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

function localTime(instant: Date, timeZone: string): string {
  const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(instant);
  return `${hhmm} ${TIME_ZONE_ABBREVIATIONS[timeZone] ?? timeZone}`;
}

const todayIn = (regionCode: string, now: Date) => dateInTimeZone(now, timeZoneOfRegion(regionCode));

const locationOf = (row: Pick<CaseRow, 'region_code' | 'agency_id'>) => ({ regionCode: row.region_code, agencyId: row.agency_id === null ? null : String(row.agency_id) });

async function lockOrNotFound(trx: Transaction<Database>, staff: StaffUser, caseId: string): Promise<CaseRow> {
  const row = await lockCaseForChange(trx, staff, caseId);
  if (!row) throw notFound(CASE_NOT_FOUND);
  return row;
}

function assertVersion(row: CaseRow, expectedVersion: number | undefined) {
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
async function assertNotLockedByOther(trx: Transaction<Database>, row: CaseRow, staff: StaffUser, now: Date) {
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

function assertMayHandle(row: CaseRow, staff: StaffUser) {
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
    case 'unknown_transition':
      return new ApiError(422, 'unknown_transition', reason.message, [{ field: 'body.transition', message: reason.message }], details);
    default:
      return new ApiError(422, 'transition_incomplete', reason.message, fields, details);
  }
}

export interface TransitionOutcome {
  caseId: string;
  from: string;
  to: string;
  toLabel: string;
  version: number;
  nextDeadline: { code: string; due: string } | null;
  warnings: Array<{ code: string; message: string }>;
}

export async function transitionCase(ctx: AppContext, rc: RequestContext, caseId: string, body: TransitionBody): Promise<TransitionOutcome> {
  const { actor: staff, meta, language } = rc;
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await lockOrNotFound(trx, staff, caseId);
    assertVersion(row, body.expectedVersion);
    await assertNotLockedByOther(trx, row, staff, now);
    const from = stateOf(row);
    const check = checkTransition(from, body.transition, { role: staff.role, scope: staff.scope }, locationOf(row), body);
    if (!check.ok) throw refusalError(check.reason);
    const code = body.transition as TransitionCode;
    const to = check.to;
    const today = todayIn(row.region_code, now);

    if (code === 'record_sanction' && body.decreeDate! > today) {
      const message = { id: 'Tanggal keputusan tidak boleh setelah hari ini.', en: 'The decree date cannot be after today.' };
      throw new ApiError(422, 'transition_incomplete', message, [{ field: 'body.decreeDate', message }]);
    }

    const clockColumn = CLOCK_STARTED_BY[code];
    const updated: CaseRow = { ...row, state: to, ...(clockColumn ? { [clockColumn]: today } : {}) };
    if (body.actCodes?.length) updated.act_codes = [...new Set(body.actCodes)].sort();
    if (code === 'classify_other') updated.other_class = body.otherClass ?? null;

    const rulebook = (await rulebooksFor(trx, [row.election_id])).get(row.election_id);
    if (!rulebook) throw new Error(`Election ${row.election_id} of case ${row.id} has no rulebook`);
    const next = nextCaseDeadline(to, clockOf(updated), rulebook, today);

    let sanction: StoredSanction | null = null;
    if (code === 'record_sanction') {
      const types = body.sanctionTypes as SanctionTypeCode[];
      const acts = updated.act_codes.filter(isActCode);
      const suggestion = acts.length > 0 ? suggestSanction(acts, { employeeKind: await employeeKindOf(trx, row.asn_id) }) : null;
      sanction = {
        types,
        decreeNumber: body.decreeNumber!,
        decreeDate: body.decreeDate!,
        recordedOn: today,
        recordedBy: { id: staff.id, name: staff.name },
        warnings: suggestion ? validateImposedSanction(suggestion, types).map((w) => ({ code: w.code, message: w.message })) : [],
      };
    }

    // The case leaves the hands of an assignee whose role has nothing to do in the new state.
    let assigneeId = row.assignee_id;
    if (assigneeId) {
      const assignee = await userSummary(trx, assigneeId);
      if (!assignee || !isRoleCode(assignee.role) || !mayHandle(to, assignee.role)) assigneeId = null;
    }
    const version = row.version + 1;
    await updateCase(trx, row.id, {
        state: to,
        act_codes: updated.act_codes,
        other_class: updated.other_class,
        ...(clockColumn ? { [clockColumn]: today } : {}),
        next_deadline_code: next?.code ?? null,
        next_deadline_due: next?.due ?? null,
        closed_at: FINISHED_STATES.includes(to) ? now : null,
        // A new stage starts a new clock: an escalation of the old one no longer applies.
        escalated_to: null,
        // Following up lifts the recommendation to block the ASN's data (FACTS.md §3 step 5).
        ...(code === 'record_sanction' ? { sanction: JSON.stringify(sanction), siasn_block_recommended: false } : {}),
        assignee_id: assigneeId,
        // The person's unit of work is done; they lock again if they carry on.
        ...(row.locked_by === staff.id ? { locked_by: null, locked_until: null } : {}),
        version,
        updated_at: now,
      });

    const fields = Object.fromEntries(
      (['actCodes', 'otherClass', 'failedRequirements', 'letterNumber', 'sanctionTypes', 'decreeNumber', 'decreeDate'] as const).filter((f) => body[f] !== undefined).map((f) => [f, body[f]]),
    );
    await insertCaseEvent(trx, {
      caseId: row.id,
      actorId: staff.id,
      kind: 'transition',
      at: now,
      transition: code,
      fromState: from,
      toState: to,
      note: body.note!.trim(),
      data: {
        fields,
        ...(body.publicMessage && PUBLIC_MILESTONES.has(code) ? { publicMessage: body.publicMessage } : {}),
        ...(sanction ? { warnings: sanction.warnings.map((w) => w.code) } : {}),
        ...(assigneeId !== row.assignee_id ? { unassigned: row.assignee_id } : {}),
      },
      public: PUBLIC_MILESTONES.has(code),
    });

    // Handing over: the office that must act next hears of it at once, not at the first reminder.
    if (!mayHandle(to, staff.role)) {
      const office = handlingOffice(rolesActingIn(to), row.region_code);
      if (office) {
        const label = CASE_STATE_LABELS[to];
        await notify(trx, {
          to: { role: office.role, regionCode: office.regionCode },
          caseId: row.id,
          kind: 'handover',
          message: {
            id: `Perkara ${row.number} kini "${label.id}" dan menunggu tindakan Anda${next ? ` (batas ${next.due})` : ''}.`,
            en: `Case ${row.number} is now "${label.en}" and awaits your action${next ? ` (due ${next.due})` : ''}.`,
          },
          dedupeKey: `handover:${row.id}:${version}`,
        });
      }
    }

    await appendAudit(trx, {
      actorId: staff.id,
      action: 'case.transition',
      entityType: 'case',
      entityId: row.id,
      data: {
        transition: code,
        from,
        to,
        version,
        note: body.note!.trim(),
        fields: fields as Record<string, string | string[]>,
        nextDeadline: next ? { code: next.code, due: next.due } : null,
        ...(sanction ? { sanctionWarnings: sanction.warnings.map((w) => w.code) } : {}),
      },
      ...meta,
      at: now,
    });
    return {
      caseId: row.id,
      from,
      to,
      toLabel: CASE_STATE_LABELS[to][language],
      version,
      nextDeadline: next ? { code: next.code, due: next.due } : null,
      warnings: sanction ? presentSanction(sanction, language).warnings : [],
    };
  });
}

/**
 * Whether `user` may be given a case at this stage: a case role whose scope covers the case's
 * region and agency, with something to do in its state.
 */
function assignmentProblem(row: CaseRow, user: Awaited<ReturnType<typeof userSummary>> | null): Localised | null {
  if (!user || !user.active) return { id: 'Akun tidak ada atau tidak aktif.', en: 'The account does not exist or is inactive.' };
  if (!isRoleCode(user.role) || !can(user.role, 'cases.transition')) return { id: 'Peran akun ini tidak menangani perkara.', en: "This account's role does not handle cases." };
  const scope = scopeOf({ scopeRegionCode: user.scope_region_code, scopeAgencyIds: user.scope_agency_ids });
  if (!locationWithinScope(scope, locationOf(row))) return { id: 'Perkara ini di luar wilayah tugas akun tersebut.', en: "The case is outside that account's scope." };
  if (!mayHandle(stateOf(row), user.role)) {
    const state = CASE_STATE_LABELS[stateOf(row)];
    return { id: `Peran ${ROLES[user.role].label.id} tidak menangani tahap "${state.id}".`, en: `Role ${ROLES[user.role].label.en} does not handle the stage "${state.en}".` };
  }
  return null;
}

export async function assignCase(ctx: AppContext, rc: RequestContext, caseId: string, input: { userId: string | null; expectedVersion?: number }) {
  const { actor: staff, meta } = rc;
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await lockOrNotFound(trx, staff, caseId);
    assertVersion(row, input.expectedVersion);
    assertMayHandle(row, staff);
    const user = input.userId ? await userSummary(trx, input.userId) : null;
    if (input.userId) {
      const problem = assignmentProblem(row, user);
      if (problem) throw new ApiError(422, 'not_assignable', problem, [{ field: 'body.userId', message: problem }]);
    }
    const version = row.version + 1;
    await updateCase(trx, row.id, { assignee_id: input.userId, version, updated_at: now });
    const assignee = user ? { id: user.id, name: user.name } : null;
    await insertCaseEvent(trx, { caseId: row.id, actorId: staff.id, kind: input.userId ? 'assigned' : 'unassigned', at: now, data: { assignee, previousAssigneeId: row.assignee_id } });
    if (assignee && assignee.id !== staff.id) {
      await notify(trx, {
        to: { userId: assignee.id },
        caseId: row.id,
        kind: 'assigned',
        message: { id: `${staff.name} menugaskan perkara ${row.number} kepada Anda.`, en: `${staff.name} assigned case ${row.number} to you.` },
        dedupeKey: `assigned:${row.id}:${version}`,
      });
    }
    await appendAudit(trx, {
      actorId: staff.id,
      action: input.userId ? 'case.assigned' : 'case.unassigned',
      entityType: 'case',
      entityId: row.id,
      data: { assigneeId: input.userId, previousAssigneeId: row.assignee_id, version },
      ...meta,
      at: now,
    });
    return { caseId: row.id, assignee, version };
  });
}

/** Take (or renew) the work lock. Locks are presence, not content: no version change, no audit entry. */
export async function lockCase(ctx: AppContext, rc: RequestContext, caseId: string) {
  const staff = rc.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await lockOrNotFound(trx, staff, caseId);
    assertMayHandle(row, staff);
    await assertNotLockedByOther(trx, row, staff, now);
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await updateCase(trx, row.id, { locked_by: staff.id, locked_until: until });
    return { caseId: row.id, lock: { holderId: staff.id, holderName: staff.name, until: until.toISOString(), mine: true } };
  });
}

export async function unlockCase(ctx: AppContext, rc: RequestContext, caseId: string) {
  const staff = rc.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await lockOrNotFound(trx, staff, caseId);
    assertMayHandle(row, staff);
    await assertNotLockedByOther(trx, row, staff, now);
    await updateCase(trx, row.id, { locked_by: null, locked_until: null });
    return { caseId: row.id, lock: null };
  });
}

/**
 * The same action on many cases, each in its own transaction through the same service as a
 * single change: a refusal on one case (outside scope, illegal, locked) is reported for that case
 * and the others go ahead.
 */
export async function bulkAction(ctx: AppContext, rc: RequestContext, body: BulkBody) {
  const { language } = rc;
  const results = [];
  for (const caseId of [...new Set(body.caseIds)]) {
    try {
      const outcome =
        body.action === 'assign'
          ? await assignCase(ctx, rc, caseId, { userId: body.userId })
          : await transitionCase(ctx, rc, caseId, { ...body, transition: body.transition });
      results.push({ caseId, ok: true, status: 200, code: null, message: null, version: outcome.version });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      results.push({ caseId, ok: false, status: error.statusCode, code: error.code, message: error.messages[language], version: null });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}

export async function sanctionSuggestionFor(ctx: AppContext, rc: RequestContext, caseId: string, acts: string[] | undefined) {
  const row = await findCase(ctx.db, rc.actor, caseId);
  if (!row) throw notFound(CASE_NOT_FOUND);
  const codes = acts?.length ? acts : row.act_codes;
  const unknown = codes.filter((c) => !isActCode(c));
  if (unknown.length > 0) {
    const message = { id: `Kode pelanggaran tidak dikenal: ${unknown.join(', ')}.`, en: `Unknown act codes: ${unknown.join(', ')}.` };
    throw new ApiError(400, 'validation_failed', message, [{ field: 'query.acts', message }]);
  }
  if (codes.length === 0) return { actCodes: [], suggestion: null };
  const kind = await employeeKindOf(ctx.db, row.asn_id);
  return { actCodes: codes, suggestion: presentSuggestion(suggestSanction(codes, { employeeKind: kind }), rc.language) };
}

/** Staff the caller could assign the case to at its current stage. */
export async function assignableStaff(ctx: AppContext, rc: RequestContext, caseId: string) {
  const row = await findCase(ctx.db, rc.actor, caseId);
  if (!row) throw notFound(CASE_NOT_FOUND);
  const state = stateOf(row);
  const roles = rolesFor('cases.transition').filter((role) => mayHandle(state, role));
  const candidates = await staffCovering(ctx.db, roles, row.region_code);
  return {
    items: candidates
      .filter((u) => assignmentProblem(row, { ...u, active: true }) === null)
      .map((u) => ({ id: u.id, name: u.name, role: u.role, regionCode: u.scope_region_code })),
  };
}
