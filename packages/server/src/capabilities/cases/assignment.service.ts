/**
 * Who works on a case: assigning it (to a colleague whose scope covers it and whose role has
 * something to do at its stage, who is told at once), the work lock that shows someone is on it,
 * and the staff a case could be given to.
 */
import { can, isRoleCode, locationWithinScope, rolesFor, scopeOfAccount, CASE_STATE_LABELS, ROLES, type Localised } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Trx } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext, StaffUser } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import { notify } from '../notifications/service.ts';
import { assertMayHandle, assertNotLockedByOther, assertVersion, CASE_NOT_FOUND, LOCK_MINUTES, locationOf, lockOrNotFound } from './change-guards.ts';
import { stateOf } from './present.ts';
import { findCase, insertCaseEvent, staffCovering, updateCase, userSummary, type CaseRow } from './repository.ts';
import { mayHandle } from './rules.ts';

/**
 * Whether `user` may be given a case at this stage: a case role whose scope covers the case's
 * region and agency, with something to do in its state.
 */
function assignmentProblem(row: CaseRow, user: Awaited<ReturnType<typeof userSummary>> | null): Localised | null {
  if (!user || !user.active) return { id: 'Akun tidak ada atau tidak aktif.', en: 'The account does not exist or is inactive.' };
  if (!isRoleCode(user.role) || !can(user.role, 'cases.transition')) return { id: 'Peran akun ini tidak menangani perkara.', en: "This account's role does not handle cases." };
  const scope = scopeOfAccount({ scopeRegionCode: user.scope_region_code, scopeAgencyIds: user.scope_agency_ids });
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

/** The case row, locked for this transaction, once the actor may handle it and no one else holds its work lock. */
async function caseForLockChange(trx: Trx, staff: StaffUser, caseId: string, now: Date) {
  const row = await lockOrNotFound(trx, staff, caseId);
  assertMayHandle(row, staff);
  await assertNotLockedByOther(trx, row, staff, now);
  return row;
}

/** Take (or renew) the work lock. Locks are presence, not content: no version change, no audit entry. */
export async function lockCase(ctx: AppContext, rc: RequestContext, caseId: string) {
  const staff = rc.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await caseForLockChange(trx, staff, caseId, now);
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await updateCase(trx, row.id, { locked_by: staff.id, locked_until: until });
    return { caseId: row.id, lock: { holderId: staff.id, holderName: staff.name, until: until.toISOString(), mine: true } };
  });
}

export async function unlockCase(ctx: AppContext, rc: RequestContext, caseId: string) {
  const staff = rc.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await caseForLockChange(trx, staff, caseId, now);
    await updateCase(trx, row.id, { locked_by: null, locked_until: null });
    return { caseId: row.id, lock: null };
  });
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
