import { isRoleCode, validateRoleScope, type Scope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { appendAudit } from '../audit/service.ts';
import { hashPassword } from '../auth/service.ts';
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

const fieldError = (field: string, id: string, en: string) =>
  new ApiError(400, 'validation_failed', { id: 'Ada isian yang tidak valid.', en: 'Some input is invalid.' }, [{ field, message: { id, en } }]);

/** Create a staff account after checking that its scope fits its role and exists. */
export async function createUser(ctx: AppContext, by: AccountOpener, input: NewUser, totpSecretEncrypted?: string) {
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
    if (!created) {
      throw new ApiError(409, 'duplicate', { id: `Email ${input.email} sudah dipakai akun lain.`, en: `E-mail ${input.email} is already used by another account.` }, [
        { field: 'body.email', message: { id: 'Sudah dipakai', en: 'Already in use' } },
      ]);
    }
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
  return ctx.db.transaction().execute(async (trx) => {
    const user = await repo.setUserActive(trx, id, active);
    if (!user) throw new ApiError(404, 'not_found', { id: 'Akun tidak ditemukan.', en: 'Account not found.' });
    if (!active) await repo.endSessionsOf(trx, id);
    await appendAudit(trx, { actorId: rc.actor.id, action: active ? 'user.activated' : 'user.deactivated', entityType: 'user', entityId: id, ...rc.meta, at: ctx.now() });
    return user;
  });
}
