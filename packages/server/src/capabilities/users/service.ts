import { isRoleCode, ROLE_CODES, rolesFor, validateRoleScope, type PermissionAction, type Scope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { appendAudit } from '../audit/service.ts';
import { hashPassword } from '../../security/passwords.ts';
import type { RequestContext, RequestMeta, StaffUser } from '../../http/request-context.ts';
import { findRegion } from '../regions/service.ts';
import * as repo from './repository.ts';

/** Who opens an account: an administrator's request, or nobody (demo seed, tests) with what is known of the caller. */
export interface AccountOpener {
  actor: StaffUser | null;
  meta: RequestMeta;
}

/** A user row as the API shows it. */
export function presentUser<T extends { createdAt: Date }>(user: T) {
  return { ...user, createdAt: user.createdAt.toISOString() };
}

export async function userList(ctx: AppContext, query: { role?: string; q?: string; limit: number; offset: number }) {
  const { total, items } = await repo.listUsers(ctx.db, query);
  return { total, items: items.map(presentUser) };
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: string;
  regionCode: string | null;
  agencyIds?: number[];
}

export const fieldError = (field: string, id: string, en: string) =>
  new ApiError(400, 'validation_failed', { id: 'Ada isian yang tidak valid.', en: 'Some input is invalid.' }, [{ field, message: { id, en } }]);

/**
 * Check that a role and scope fit together and exist: the role's level (core validateRoleScope),
 * the region, and the agencies inside it. Throws a field-level 400.
 */
export async function checkAccess(ctx: Pick<AppContext, 'db'>, input: { role: string; regionCode: string | null; agencyIds?: number[] | null }): Promise<void> {
  if (!isRoleCode(input.role)) throw fieldError('body.role', 'Peran tidak dikenal.', 'Unknown role.');
  const scope: Scope = input.regionCode
    ? { kind: 'region', regionCode: input.regionCode, ...(input.agencyIds?.length ? { agencyIds: input.agencyIds.map(String) } : {}) }
    : { kind: 'national' };
  const check = validateRoleScope(input.role, scope);
  if (!check.ok) throw fieldError(input.regionCode ? 'body.regionCode' : 'body.role', check.message.id, check.message.en);
  if (input.regionCode && !(await findRegion(ctx, input.regionCode))) {
    throw fieldError('body.regionCode', `Wilayah ${input.regionCode} tidak ada.`, `Region ${input.regionCode} does not exist.`);
  }
  if (input.regionCode && input.agencyIds?.length) {
    const found = await repo.countExistingAgencies(ctx.db, input.regionCode, input.agencyIds);
    if (found !== new Set(input.agencyIds).size) {
      throw fieldError('body.agencyIds', 'Ada instansi yang tidak ada di wilayah ini.', 'Some agencies do not exist in this region.');
    }
  }
}

export const duplicateEmail = (email: string) =>
  new ApiError(409, 'duplicate', { id: `Email ${email} sudah dipakai akun lain.`, en: `E-mail ${email} is already used by another account.` }, [
    { field: 'body.email', message: { id: 'Sudah dipakai', en: 'Already in use' } },
  ]);

/** Create a staff account after checking that its scope fits its role and exists. */
export async function createUser(ctx: AppContext, by: AccountOpener, input: NewUser, totpSecretEncrypted?: string) {
  await checkAccess(ctx, input);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertUser(trx, {
      email: input.email,
      name: input.name,
      passwordHash,
      role: input.role,
      regionCode: input.regionCode,
      agencyIds: input.agencyIds?.length ? input.agencyIds : null,
      totpSecretEncrypted,
    });
    if (!created) throw duplicateEmail(input.email);
    await appendAudit(trx, {
      actorId: by.actor?.id ?? null,
      action: 'user.created',
      entityType: 'user',
      entityId: created.id,
      data: { email: created.email, role: created.role, regionCode: created.regionCode },
      ...by.meta,
      at: ctx.now(),
    });
    return created;
  });
}

/** An account's identity, role and scope by e-mail (undefined when there is none). */
export async function accountByEmail(ctx: AppContext, email: string) {
  const user = await repo.findAccountByEmail(ctx.db, email);
  return user && { id: user.id, email: user.email, name: user.name, role: user.role, scopeRegionCode: user.scope_region_code, scopeAgencyIds: user.scope_agency_ids };
}

/** Deactivating an account ends its sessions in the same transaction, so it is signed out at once. */
export async function setActive(ctx: AppContext, rc: RequestContext, id: string, active: boolean) {
  if (!active && id === rc.actor.id) {
    throw new ApiError(403, 'own_account', { id: 'Akun sendiri dinonaktifkan oleh administrator lain.', en: 'Another administrator deactivates your own account.' });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const user = await repo.setUserActive(trx, id, active);
    if (!user) throw new ApiError(404, 'not_found', { id: 'Akun tidak ditemukan.', en: 'Account not found.' });
    if (!active) await repo.endSessionsOf(trx, id);
    await appendAudit(trx, { actorId: rc.actor.id, action: active ? 'user.activated' : 'user.deactivated', entityType: 'user', entityId: id, ...rc.meta, at: ctx.now() });
    return user;
  });
}

const notFound = () => new ApiError(404, 'not_found', { id: 'Akun tidak ditemukan.', en: 'Account not found.' });

const sameScope = (a: number[] | null, b: number[] | null) => JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());

/**
 * Change an account's role and scope, with the reason in the audit log beside the before and after.
 * The account's sessions end, so the new scope applies at its next sign-in. An administrator does
 * not change their own access (another administrator does), so nobody raises or loses their own.
 */
export async function changeAccess(ctx: AppContext, rc: RequestContext, id: string, input: AccessChange) {
  if (id === rc.actor.id) {
    throw new ApiError(403, 'own_account', { id: 'Peran dan cakupan akun sendiri diubah oleh administrator lain.', en: "Another administrator changes your own account's role and scope." });
  }
  return applyAccessChange(ctx, { actorId: rc.actor.id, meta: rc.meta }, id, input);
}

/** `netra users access` from the shell: the same change, checks and audit entry (actor: none, via the CLI). */
export async function changeAccessFromShell(ctx: Pick<AppContext, 'db' | 'now'>, email: string, input: AccessChange) {
  const account = await repo.findAccountByEmail(ctx.db, email);
  if (!account) throw notFound();
  return applyAccessChange(ctx, { actorId: null, meta: { ip: null, userAgent: 'netra-cli' }, via: 'cli' }, account.id, input);
}

type AccessChange = { role: string; regionCode: string | null; agencyIds?: number[]; reason: string };

async function applyAccessChange(ctx: Pick<AppContext, 'db' | 'now'>, by: { actorId: string | null; meta: RequestContext['meta']; via?: 'cli' }, id: string, input: AccessChange) {
  await checkAccess(ctx, input);
  const agencyIds = input.agencyIds?.length ? input.agencyIds : null;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findUser(trx, id);
    if (!before) throw notFound();
    if (before.role === input.role && before.regionCode === input.regionCode && sameScope(before.agencyIds, agencyIds)) {
      throw fieldError('body.role', 'Peran dan cakupan sama dengan yang sekarang.', 'The role and scope are the same as now.');
    }
    const user = (await repo.updateAccess(trx, id, { role: input.role, regionCode: input.regionCode, agencyIds }))!;
    await repo.endSessionsOf(trx, id);
    await appendAudit(trx, {
      actorId: by.actorId,
      action: 'user.access_changed',
      entityType: 'user',
      entityId: id,
      data: {
        ...(by.via ? { via: by.via } : {}),
        reason: input.reason,
        regionCode: input.regionCode,
        before: { role: before.role, regionCode: before.regionCode, agencyIds: before.agencyIds },
        after: { role: user.role, regionCode: user.regionCode, agencyIds: user.agencyIds },
      },
      ...by.meta,
      at: ctx.now(),
    });
    return user;
  });
}

/** Ask for an account's second factor to be reset; a second administrator must approve it. */
export async function requestTotpReset(ctx: AppContext, rc: RequestContext, userId: string, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await repo.findUser(trx, userId);
    if (!user) throw notFound();
    if (!user.totpEnabled) {
      throw new ApiError(409, 'totp_not_enabled', { id: 'Akun ini belum mengaktifkan verifikasi dua langkah.', en: 'This account has not turned on two-step verification.' });
    }
    const request = await repo.insertTotpReset(trx, { userId, requestedBy: rc.actor.id, reason, now: ctx.now() });
    if (!request) {
      throw new ApiError(409, 'reset_pending', { id: 'Sudah ada permintaan reset yang menunggu persetujuan.', en: 'A reset request is already waiting for approval.' });
    }
    await appendAudit(trx, { actorId: rc.actor.id, action: 'user.totp_reset_requested', entityType: 'user', entityId: userId, data: { requestId: request.id, reason }, ...rc.meta, at: ctx.now() });
    return { id: request.id, userId, requestedAt: request.requestedAt.toISOString(), reason };
  });
}

/**
 * Approve or refuse a reset. Four eyes: neither the administrator who asked nor the account's
 * owner decides. Approval removes the secret and ends the account's sessions; the officer enrols
 * a new authenticator at their next sign-in.
 */
export async function decideTotpReset(ctx: AppContext, rc: RequestContext, requestId: string, approve: boolean) {
  return ctx.db.transaction().execute(async (trx) => {
    const request = await repo.findOpenTotpReset(trx, requestId);
    if (!request) throw new ApiError(404, 'not_found', { id: 'Permintaan reset tidak ditemukan atau sudah diputus.', en: 'Reset request not found or already decided.' });
    if (request.requestedBy === rc.actor.id || request.userId === rc.actor.id) {
      throw new ApiError(403, 'second_administrator_required', {
        id: 'Reset verifikasi dua langkah harus disetujui administrator kedua, bukan yang memintanya atau pemilik akun.',
        en: 'A two-step verification reset must be approved by a second administrator, not the one who asked nor the account owner.',
      });
    }
    await repo.decideTotpReset(trx, requestId, { by: rc.actor.id, approved: approve, now: ctx.now() });
    if (approve) {
      await repo.clearTotp(trx, request.userId);
      await repo.endSessionsOf(trx, request.userId);
    }
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: approve ? 'user.totp_reset_approved' : 'user.totp_reset_refused',
      entityType: 'user',
      entityId: request.userId,
      data: { requestId, requestedBy: request.requestedBy, reason: request.reason },
      ...rc.meta,
      at: ctx.now(),
    });
    return { id: requestId, userId: request.userId, approved: approve };
  });
}

export async function pendingTotpResets(ctx: AppContext) {
  const rows = await repo.openTotpResets(ctx.db);
  return { items: rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() })) };
}

/**
 * Who can act in a region: the active accounts whose role the permission table allows the action
 * (every role when none is named) and whose scope covers the region.
 */
export async function accountsForRegion(ctx: AppContext, query: { region: string; action?: PermissionAction; limit: number; offset: number }) {
  if (!(await findRegion(ctx, query.region))) throw fieldError('query.region', `Wilayah ${query.region} tidak ada.`, `Region ${query.region} does not exist.`);
  const roles = query.action ? rolesFor(query.action) : ROLE_CODES;
  const { total, items } = await repo.accountsCovering(ctx.db, query.region, roles, query);
  return { region: query.region, action: query.action ?? null, roles: [...roles], total, items: items.map(presentUser) };
}

/** Activate or deactivate an account by e-mail from the shell (`netra users deactivate`), audited without an actor. */
export async function setActiveFromShell(ctx: Pick<AppContext, 'db' | 'now'>, email: string, active: boolean) {
  const account = await repo.findAccountByEmail(ctx.db, email);
  if (!account) throw notFound();
  return ctx.db.transaction().execute(async (trx) => {
    const user = (await repo.setUserActive(trx, account.id, active))!;
    if (!active) await repo.endSessionsOf(trx, account.id);
    await appendAudit(trx, { actorId: null, action: active ? 'user.activated' : 'user.deactivated', entityType: 'user', entityId: account.id, data: { via: 'cli' }, ip: null, userAgent: 'netra-cli', at: ctx.now() });
    return user;
  });
}
