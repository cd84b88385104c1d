/**
 * Staff sign-in: Argon2id passwords, server-side sessions (only a hash of the cookie's token is
 * stored), per-session CSRF tokens, TOTP that every official must pass (a new session token when
 * it does), per account+address back-off on wrong passwords, a per-account limit on wrong codes,
 * and sign-out everywhere.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { verify as argon2Verify } from '@node-rs/argon2';
import { isRoleCode, scopeOfAccount, type RoleCode } from '@netra/core';
import { generateSecret, generateURI, verifySync } from 'otplib';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import type { MfaState, RequestContext, RequestMeta, StaffUser } from '../../http/request-context.ts';
import { decrypt, encrypt } from '../../security/encryption.ts';
import { hashPassword } from '../../security/passwords.ts';
import { recordAudit } from '../audit/service.ts';
import * as repo from './repository.ts';

const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
const LOCK_AFTER_FAILURES = 5;
const LOCK_MS = 15 * 60 * 1000;
/**
 * Wrong passwords back off per account AND address: after five from one address, that address
 * waits 30 s, then 1, 2, 4 … minutes (at most 15) before its next try for that account counts.
 * The account itself is never locked by passwords, so nobody can keep a named official out from
 * elsewhere; the route's per-address limit and Argon2id bound guessing from many addresses.
 */
const BACKOFF_FREE_FAILURES = 5;
export const backoffMs = (failures: number) => Math.min(30_000 * 2 ** Math.max(0, failures - BACKOFF_FREE_FAILURES), LOCK_MS);
const backoffKey = (ctx: AppContext, userId: string, ip: string | null) =>
  createHmac('sha256', ctx.hmacKey).update(`netra:login-backoff:${userId}|${ip ?? 'unknown'}`).digest('base64url');
// Verifying against a real hash when the e-mail is unknown keeps the response time the same, so
// timing does not reveal which addresses have accounts.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

export type { MfaState, RequestMeta, StaffUser } from '../../http/request-context.ts';

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Every staff role reads personal data (the analyst reads civil servants' social-media accounts
 * nationwide), so every one of them passes TOTP; `not_required` stays in the vocabulary for
 * sessions made before this rule and is never given out now.
 */
function mfaState(_role: RoleCode, totpEnabled: boolean, mfaPassed: boolean): MfaState {
  if (mfaPassed) return 'passed';
  return totpEnabled ? 'required' : 'setup_required';
}

const invalidCredentials = () =>
  new ApiError(401, 'invalid_credentials', {
    id: 'Email atau kata sandi salah.',
    en: 'Wrong e-mail or password.',
  });

export async function login(ctx: AppContext, input: { email: string; password: string }, meta: RequestMeta) {
  const user = await repo.findUserByEmail(ctx.db, input.email.trim());
  // An invited account has no password until its officer sets one through the invitation link.
  if (!user || !user.active || !user.password_hash || !isRoleCode(user.role)) {
    await argon2Verify(await getDummyHash(), input.password).catch(() => false);
    throw invalidCredentials();
  }
  const now = ctx.now();
  const key = backoffKey(ctx, user.id, meta.ip);
  if (await repo.backoffBlockedUntil(ctx.db, key, now)) {
    // The same answer, after the same work, as an unknown account or a wrong password: backing
    // off must not tell an outsider that the address belongs to an official.
    await argon2Verify(await getDummyHash(), input.password).catch(() => false);
    throw invalidCredentials();
  }
  if (!(await argon2Verify(user.password_hash, input.password))) {
    const failures = await repo.recordBackoffFailure(ctx.db, key, now, BACKOFF_FREE_FAILURES, backoffMs);
    await recordAudit(ctx.db, { actorId: user.id, action: 'auth.login_failed', entityType: 'user', entityId: user.id, data: { backoff: failures >= BACKOFF_FREE_FAILURES }, ...meta, at: now });
    throw invalidCredentials();
  }
  await repo.clearBackoff(ctx.db, key, now);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const role = user.role;
  const mfa = mfaState(role, user.totp_enabled, false);
  await repo.createSession(ctx.db, {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken,
    mfaPassed: mfa === 'not_required',
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    ...meta,
  });
  await recordAudit(ctx.db, { actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id, data: { mfa }, ...meta, at: now });
  return { token, csrfToken, user: { id: user.id, email: user.email, name: user.name, role, scope: scopeOfAccount({ scopeRegionCode: user.scope_region_code, scopeAgencyIds: user.scope_agency_ids }) }, mfa };
}

/** The signed-in staff member behind a session token, or null when it is unknown or expired. */
export async function resolveSession(ctx: AppContext, token: string): Promise<StaffUser | null> {
  const row = await repo.findSessionWithUser(ctx.db, sessionIdOf(token));
  const now = ctx.now();
  if (!row || !row.active || !isRoleCode(row.role) || row.expiresAt <= now) return null;
  // Sliding expiry, written at most every five minutes to keep reads cheap.
  if (now.getTime() - row.lastSeenAt.getTime() > 5 * 60 * 1000) {
    await repo.touchSession(ctx.db, row.sessionId, new Date(now.getTime() + SESSION_IDLE_MS));
  }
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    scope: scopeOfAccount(row),
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    mfa: mfaState(row.role, row.totpEnabled, row.mfaPassed),
  };
}

/** Start (or restart) TOTP enrolment: a new secret, shown once as an otpauth URI. */
export async function beginTotpSetup(ctx: AppContext, rc: RequestContext) {
  const user = rc.actor;
  // Judged on the stored flag, not the session: a signed-in user must not be able to swap an
  // enrolled secret for one of their own without an administrator resetting it.
  const row = await repo.findUserById(ctx.db, user.id);
  if (row?.totp_enabled) {
    throw new ApiError(409, 'totp_already_enabled', {
      id: 'Autentikasi dua langkah sudah aktif. Masukkan kode dari aplikasi autentikator.',
      en: 'Two-step verification is already on. Enter the code from the authenticator app.',
    });
  }
  const secret = generateSecret();
  await repo.setTotpSecret(ctx.db, user.id, encrypt(ctx.encryptionKey, secret));
  return { secret, otpauthUri: generateURI({ secret, issuer: 'Netra', label: user.email }) };
}

/** Too many wrong second-factor codes: the signed-in (password-holding) user is told until when. */
const totpLocked = (until: Date) => {
  const at = until.toISOString().slice(11, 16);
  return new ApiError(429, 'totp_locked', {
    id: `Terlalu banyak kode salah. Coba lagi setelah pukul ${at} UTC.`,
    en: `Too many wrong codes. Try again after ${at} UTC.`,
  });
};

/** Pass the second factor; returns the session's NEW token (the one it was signed in with stops working). */
export async function verifyTotp(ctx: AppContext, rc: RequestContext, code: string): Promise<{ token: string }> {
  const { actor: user, meta } = rc;
  const row = await repo.findUserById(ctx.db, user.id);
  if (!row?.totp_secret_encrypted) {
    throw new ApiError(409, 'totp_not_set_up', {
      id: 'Autentikasi dua langkah belum disiapkan. Mulai penyiapan terlebih dahulu.',
      en: 'Two-step verification is not set up yet. Start the setup first.',
    });
  }
  const now = ctx.now();
  // Wrong codes count with wrong passwords: five in a row lock the account for a while, so a stolen
  // password does not buy unlimited guesses at six digits.
  if (row.locked_until && row.locked_until > now) throw totpLocked(row.locked_until);
  const secret = decrypt(ctx.encryptionKey, row.totp_secret_encrypted);
  const epoch = Math.floor(ctx.now().getTime() / 1000);
  // One 30-second step of tolerance either side for phone clocks that drift.
  const result = verifySync({ secret, token: code, epoch, epochTolerance: 30 });
  const step = result.valid ? Math.floor(epoch / 30) + (result.delta ?? 0) : -1;
  if (!result.valid || !(await repo.acceptTotpStep(ctx.db, user.id, step))) {
    const { lockedUntil } = await repo.recordFailedLogin(ctx.db, user.id, LOCK_AFTER_FAILURES, new Date(now.getTime() + LOCK_MS));
    await recordAudit(ctx.db, { actorId: user.id, action: 'auth.totp_failed', entityType: 'user', entityId: user.id, data: { locked: lockedUntil !== null }, ...meta, at: now });
    if (lockedUntil && lockedUntil > now) throw totpLocked(lockedUntil);
    throw new ApiError(
      401,
      'invalid_totp',
      { id: 'Kode tidak cocok atau sudah dipakai. Masukkan kode terbaru dari aplikasi autentikator.', en: 'The code is wrong or was already used. Enter the newest code from the authenticator app.' },
      [{ field: 'body.code', message: { id: 'Kode tidak cocok', en: 'Wrong code' } }],
    );
  }
  await repo.resetFailedLogins(ctx.db, user.id);
  // A new session token once the second factor passes: a token planted or seen before it
  // (session fixation) is worth nothing afterwards.
  const token = randomBytes(32).toString('base64url');
  await repo.renewSessionAfterMfa(ctx.db, user.sessionId, sessionIdOf(token));
  await recordAudit(ctx.db, {
    actorId: user.id,
    action: user.mfa === 'setup_required' ? 'auth.totp_enrolled' : 'auth.totp_passed',
    entityType: 'user',
    entityId: user.id,
    data: { sessionRenewed: true },
    ...meta,
    at: ctx.now(),
  });
  return { token };
}

export async function logout(ctx: AppContext, rc: RequestContext, everywhere: boolean): Promise<number> {
  const { actor: user, meta } = rc;
  const ended = everywhere ? await repo.deleteUserSessions(ctx.db, user.id) : (await repo.deleteSession(ctx.db, user.sessionId), 1);
  await recordAudit(ctx.db, {
    actorId: user.id,
    action: everywhere ? 'auth.logout_everywhere' : 'auth.logout',
    entityType: 'user',
    entityId: user.id,
    data: { sessions: ended },
    ...meta,
    at: ctx.now(),
  });
  return ended;
}
