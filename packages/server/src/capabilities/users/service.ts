import { isRoleCode, validateRoleScope, type Scope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { appendAudit } from '../audit/repository.ts';
import { hashPassword, type RequestMeta, type StaffUser } from '../auth/service.ts';
import { findRegion } from '../regions/repository.ts';
import * as repo from './repository.ts';

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
export async function createUser(ctx: AppContext, actor: StaffUser | null, input: NewUser, meta: RequestMeta, totpSecretEncrypted?: string) {
  if (!isRoleCode(input.role)) throw fieldError('body.role', 'Peran tidak dikenal.', 'Unknown role.');
  const scope: Scope = input.regionCode
    ? { kind: 'region', regionCode: input.regionCode, ...(input.agencyIds?.length ? { agencyIds: input.agencyIds.map(String) } : {}) }
    : { kind: 'national' };
  const check = validateRoleScope(input.role, scope);
  if (!check.ok) throw fieldError(input.regionCode ? 'body.regionCode' : 'body.role', check.message.id, check.message.en);
  if (input.regionCode && !(await findRegion(ctx.db, input.regionCode))) {
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
      actorId: actor?.id ?? null,
      action: 'user.created',
      entityType: 'user',
      entityId: created.id,
      data: { email: created.email, role: created.role, regionCode: created.regionCode },
      ...meta,
      at: ctx.now(),
    });
    return created;
  });
}

export async function setActive(ctx: AppContext, actor: StaffUser, id: string, active: boolean, meta: RequestMeta) {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await repo.setUserActive(trx, id, active);
    if (!user) throw new ApiError(404, 'not_found', { id: 'Akun tidak ditemukan.', en: 'Account not found.' });
    if (!active) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await appendAudit(trx, { actorId: actor.id, action: active ? 'user.activated' : 'user.deactivated', entityType: 'user', entityId: id, ...meta, at: ctx.now() });
    return user;
  });
}
