import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

const columns = [
  'id',
  'email',
  'name',
  'role',
  'scope_region_code as regionCode',
  'scope_agency_ids as agencyIds',
  'totp_enabled as totpEnabled',
  'active',
  'created_at as createdAt',
  // An invited officer has no password until they open their link.
  sql<boolean>`password_hash IS NOT NULL`.as('passwordSet'),
] as const;

export async function listUsers(db: Db, query: { role?: string; q?: string; limit: number; offset: number }) {
  let base = db.selectFrom('users');
  if (query.role) base = base.where('role', '=', query.role);
  if (query.q) base = base.where((eb) => eb.or([eb('email', 'ilike', `%${query.q}%`), eb('name', 'ilike', `%${query.q}%`)]));
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await base.select(columns).orderBy('email').limit(query.limit).offset(query.offset).execute();
  return { total: Number(total), items };
}

export async function insertUser(
  db: Db,
  user: { email: string; name: string; passwordHash: string; role: string; regionCode: string | null; agencyIds: number[] | null; totpSecretEncrypted?: string | null },
) {
  return db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      role: user.role,
      scope_region_code: user.regionCode,
      scope_agency_ids: user.agencyIds,
      totp_secret_encrypted: user.totpSecretEncrypted ?? null,
      totp_enabled: Boolean(user.totpSecretEncrypted),
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(columns)
    .executeTakeFirst();
}

export async function findAccountByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'email', 'name', 'role', 'scope_region_code', 'scope_agency_ids']).where('email', '=', email).executeTakeFirst();
}

export async function setUserActive(db: Db, id: string, active: boolean) {
  return db.updateTable('users').set({ active }).where('id', '=', id).returning(columns).executeTakeFirst();
}

/** The account's sessions (signing it out everywhere). */
export async function endSessionsOf(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function countExistingAgencies(db: Db, regionCode: string, agencyIds: number[]): Promise<number> {
  const row = await db
    .selectFrom('agencies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', agencyIds)
    // Parenthesised: without them the OR would escape the `id IN (…)` condition above.
    .where(sql<boolean>`(region_code = ${regionCode} OR region_code LIKE ${`${regionCode}.%`})`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- Invitations

export async function insertInvitedUser(db: Db, user: { email: string; name: string; role: string; regionCode: string | null; agencyIds: number[] | null }) {
  return db
    .insertInto('users')
    .values({ email: user.email, name: user.name, password_hash: null, role: user.role, scope_region_code: user.regionCode, scope_agency_ids: user.agencyIds })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(columns)
    .executeTakeFirst();
}

export async function findUser(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select([...columns, 'password_hash as passwordHash'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A new invitation replaces the account's open ones. */
export async function insertInvitation(
  db: Db,
  invitation: { userId: string; tokenHash: string; delivery: 'email' | 'manual'; createdBy: string | null; expiresAt: Date; now: Date },
) {
  await db.updateTable('account_invitations').set({ revoked_at: invitation.now }).where('user_id', '=', invitation.userId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
  return db
    .insertInto('account_invitations')
    .values({ user_id: invitation.userId, token_hash: invitation.tokenHash, delivery: invitation.delivery, created_by: invitation.createdBy, expires_at: invitation.expiresAt, created_at: invitation.now })
    .returning(['id', 'expires_at as expiresAt'])
    .executeTakeFirstOrThrow();
}

/** The invitation behind a token, with its account, locked for the accepting transaction when asked. */
export async function findInvitationByTokenHash(db: Db, tokenHash: string, { forUpdate = false } = {}) {
  let query = db
    .selectFrom('account_invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select([
      'i.id',
      'i.user_id as userId',
      'i.expires_at as expiresAt',
      'i.used_at as usedAt',
      'i.revoked_at as revokedAt',
      'i.pending_totp_encrypted as pendingTotpEncrypted',
      'u.email',
      'u.name',
      'u.role',
      'u.scope_region_code as regionCode',
      'u.active',
      'u.password_hash as passwordHash',
    ])
    .where('i.token_hash', '=', tokenHash);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function setInvitationTotp(db: Db, invitationId: string, sealedSecret: string): Promise<void> {
  await db.updateTable('account_invitations').set({ pending_totp_encrypted: sealedSecret }).where('id', '=', invitationId).execute();
}

export async function completeInvitation(db: Db, input: { invitationId: string; userId: string; passwordHash: string; sealedSecret: string; totpStep: number; now: Date }): Promise<void> {
  await db.updateTable('account_invitations').set({ used_at: input.now, pending_totp_encrypted: null }).where('id', '=', input.invitationId).execute();
  await db
    .updateTable('users')
    .set({ password_hash: input.passwordHash, totp_secret_encrypted: input.sealedSecret, totp_enabled: true, totp_last_step: input.totpStep, failed_logins: 0, locked_until: null })
    .where('id', '=', input.userId)
    .execute();
}

/** The latest invitation of each listed account (for the console's "invited, not yet accepted"). */
export async function latestInvitations(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('account_invitations')
    .distinctOn('user_id')
    .select(['user_id as userId', 'expires_at as expiresAt', 'used_at as usedAt', 'delivery'])
    .where('user_id', 'in', userIds)
    .orderBy('user_id')
    .orderBy('created_at', 'desc')
    .execute();
}

// ---- Role and scope, second factor

export async function updateAccess(db: Db, id: string, access: { role: string; regionCode: string | null; agencyIds: number[] | null }) {
  return db
    .updateTable('users')
    .set({ role: access.role, scope_region_code: access.regionCode, scope_agency_ids: access.agencyIds })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst();
}

export async function insertTotpReset(db: Db, request: { userId: string; requestedBy: string; reason: string; now: Date }) {
  return db
    .insertInto('totp_reset_requests')
    .values({ user_id: request.userId, requested_by: request.requestedBy, reason: request.reason, requested_at: request.now })
    .onConflict((oc) => oc.column('user_id').where('decided_at', 'is', null).doNothing())
    .returning(['id', 'requested_at as requestedAt'])
    .executeTakeFirst();
}

export async function findOpenTotpReset(db: Db, id: string) {
  return db
    .selectFrom('totp_reset_requests')
    .select(['id', 'user_id as userId', 'requested_by as requestedBy', 'reason'])
    .where('id', '=', id)
    .where('decided_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function decideTotpReset(db: Db, id: string, decision: { by: string; approved: boolean; now: Date }): Promise<void> {
  await db.updateTable('totp_reset_requests').set({ decided_by: decision.by, decided_at: decision.now, approved: decision.approved }).where('id', '=', id).execute();
}

export async function clearTotp(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret_encrypted: null, totp_enabled: false, totp_last_step: null }).where('id', '=', userId).execute();
}

export async function openTotpResets(db: Db) {
  return db
    .selectFrom('totp_reset_requests as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('users as by', 'by.id', 'r.requested_by')
    .select(['r.id', 'r.user_id as userId', 'u.email', 'u.name', 'r.reason', 'r.requested_at as requestedAt', 'r.requested_by as requestedBy', 'by.name as requestedByName'])
    .where('r.decided_at', 'is', null)
    .orderBy('r.requested_at')
    .execute();
}

/**
 * Active accounts of the given roles whose scope covers the region: national accounts, and those
 * scoped to the region itself or to a region containing it (a province contains its regencies).
 */
export async function accountsCovering(db: Db, regionCode: string, roles: readonly string[], page: { limit: number; offset: number }) {
  const containing = regionCode.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));
  const base = db
    .selectFrom('users')
    .where('active', '=', true)
    .where('role', 'in', roles.length ? [...roles] : ['-'])
    .where((eb) => eb.or([eb('scope_region_code', 'is', null), eb('scope_region_code', 'in', containing)]));
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await base.select(columns).orderBy('role').orderBy('email').limit(page.limit).offset(page.offset).execute();
  return { total: Number(total), items };
}
