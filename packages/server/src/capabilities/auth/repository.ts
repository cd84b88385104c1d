import type { Db } from '../../db/database.ts';

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordFailedLogin(db: Db, userId: string, lockAfter: number, lockUntil: Date): Promise<{ failed: number; lockedUntil: Date | null }> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: eb.case().when('failed_logins', '>=', lockAfter - 1).then(lockUntil).else(eb.ref('locked_until')).end(),
    }))
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { failed: row.failed_logins, lockedUntil: row.locked_until };
}

export async function resetFailedLogins(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function createSession(
  db: Db,
  session: { id: string; userId: string; csrfToken: string; mfaPassed: boolean; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      mfa_passed: session.mfaPassed,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

export async function findSessionWithUser(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.mfa_passed as mfaPassed',
      's.expires_at as expiresAt',
      's.last_seen_at as lastSeenAt',
      'u.id as userId',
      'u.email',
      'u.name',
      'u.role',
      'u.scope_region_code as scopeRegionCode',
      'u.scope_agency_ids as scopeAgencyIds',
      'u.totp_enabled as totpEnabled',
      'u.active',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: new Date(), expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function markSessionMfaPassed(db: Db, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ mfa_passed: true }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function setTotpSecret(db: Db, userId: string, encryptedSecret: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret_encrypted: encryptedSecret, totp_enabled: false }).where('id', '=', userId).execute();
}

/** Accept a TOTP step only if it is newer than the last one accepted (refuses replays atomically). */
export async function acceptTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step, totp_enabled: true })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The back-off of one account+address key, when it blocks now. */
export async function backoffBlockedUntil(db: Db, key: string, now: Date): Promise<Date | null> {
  const row = await db.selectFrom('login_backoff').select('blocked_until').where('key', '=', key).where('blocked_until', '>', now).executeTakeFirst();
  return row?.blocked_until ?? null;
}

/** Count a wrong password for the key; from the `freeFailures`-th on, block for `blockFor(failures)`. */
export async function recordBackoffFailure(db: Db, key: string, now: Date, freeFailures: number, blockFor: (failures: number) => number): Promise<number> {
  const row = await db
    .insertInto('login_backoff')
    .values({ key, failures: 1, blocked_until: null, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ failures: eb('login_backoff.failures', '+', 1), updated_at: now })))
    .returning('failures')
    .executeTakeFirstOrThrow();
  if (row.failures >= freeFailures) {
    await db.updateTable('login_backoff').set({ blocked_until: new Date(now.getTime() + blockFor(row.failures)) }).where('key', '=', key).execute();
  }
  return row.failures;
}

/** A successful sign-in clears its key; rows a day past their last failure go too. */
export async function clearBackoff(db: Db, key: string, now: Date): Promise<void> {
  await db.deleteFrom('login_backoff').where((eb) => eb.or([eb('key', '=', key), eb('updated_at', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000))])).execute();
}

/** Give a session a new id (its token changes) when it passes the second factor. */
export async function renewSessionAfterMfa(db: Db, oldId: string, newId: string): Promise<void> {
  await db.updateTable('sessions').set({ id: newId, mfa_passed: true }).where('id', '=', oldId).execute();
}
