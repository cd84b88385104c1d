/**
 * Inviting officers. The administrator names the person, their role and scope; Netra opens the
 * account without a password and sends a one-time link (72 hours) by e-mail, or shows it to the
 * administrator to hand over when no SMTP server is configured. The officer opens the link, sets
 * their own password and enrols TOTP: the administrator never learns either. Only the link's
 * SHA-256 is stored; a new invitation of the same account revokes the earlier ones.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, isRoleCode } from '@netra/core';
import { generateSecret, generateURI, verifySync } from 'otplib';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { invitationMessage, mailConfigured, queueMail } from '../../mail/index.ts';
import { decrypt, encrypt } from '../../security/encryption.ts';
import { appendAudit } from '../audit/service.ts';
import { hashPassword } from '../../security/passwords.ts';
import * as repo from './repository.ts';
import { checkAccess, duplicateEmail, fieldError, presentUser, type AccountOpener } from './service.ts';

export const INVITATION_HOURS = 72;

/** What inviting needs: the command line has no encryption key until a message must be sealed. */
type InviteContext = Pick<AppContext, 'db' | 'now' | 'encryptionKey'>;

export interface Invitation {
  email: string;
  name: string;
  role: string;
  regionCode: string | null;
  agencyIds?: number[];
}

const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The web page an invitation link opens (packages/web: /undangan/:token). */
export function invitationLink(origin: string, token: string): string {
  const base = (process.env.NETRA_PUBLIC_URL?.trim() || origin).replace(/\/+$/, '');
  return `${base}/undangan/${token}`;
}

/**
 * Issue a link for an account and deliver it: by e-mail when an SMTP server is configured (and not
 * `manual`), otherwise returned for the administrator to hand over.
 */
async function issue(ctx: InviteContext, by: AccountOpener, user: { id: string; email: string; name: string; role: string }, origin: string, manual: boolean) {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3600_000);
  const delivery: 'email' | 'manual' = !manual && mailConfigured() ? 'email' : 'manual';
  const link = invitationLink(origin, token);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertInvitation(trx, { userId: user.id, tokenHash: tokenHashOf(token), delivery, createdBy: by.actor?.id ?? null, expiresAt, now });
    await appendAudit(trx, { actorId: by.actor?.id ?? null, action: 'user.invited', entityType: 'user', entityId: user.id, data: { email: user.email, role: user.role, delivery }, ...by.meta, at: now });
  });
  if (delivery === 'email') {
    const roleLabel = isRoleCode(user.role) ? ROLES[user.role].label : { id: user.role, en: user.role };
    await queueMail(ctx, invitationMessage({ to: user.email, name: user.name, roleLabel, link, expiresAt }));
  }
  // The link leaves Netra once: in the e-mail, or in this answer when there is no e-mail.
  return { delivery, expiresAt: expiresAt.toISOString(), link: delivery === 'manual' ? link : null };
}

/** Open an invited account and send its link. */
export async function inviteOfficer(ctx: InviteContext, by: AccountOpener, input: Invitation, origin: string, options: { manual?: boolean } = {}) {
  await checkAccess(ctx, input);
  const created = await repo.insertInvitedUser(ctx.db, {
    email: input.email,
    name: input.name,
    role: input.role,
    regionCode: input.regionCode,
    agencyIds: input.agencyIds?.length ? input.agencyIds : null,
  });
  if (!created) throw duplicateEmail(input.email);
  const invitation = await issue(ctx, by, created, origin, options.manual ?? false);
  return { user: presentUser(created), invitation };
}

/** A fresh link for an account that has not yet set its password (the earlier link stops working). */
export async function reinvite(ctx: InviteContext, by: AccountOpener, userId: string, origin: string, options: { manual?: boolean } = {}) {
  const user = await repo.findUser(ctx.db, userId);
  if (!user) throw new ApiError(404, 'not_found', { id: 'Akun tidak ditemukan.', en: 'Account not found.' });
  if (user.passwordHash !== null) {
    throw new ApiError(409, 'already_accepted', {
      id: 'Petugas ini sudah mengaktifkan akunnya. Untuk kehilangan perangkat autentikator, minta reset verifikasi dua langkah.',
      en: 'This officer has already activated the account. For a lost authenticator, request a two-step verification reset.',
    });
  }
  return { user: presentUser(user), invitation: await issue(ctx, by, user, origin, options.manual ?? false) };
}

const invalidLink = () =>
  new ApiError(404, 'invitation_invalid', {
    id: 'Tautan undangan tidak dikenal atau sudah dipakai. Minta administrator mengirim undangan baru.',
    en: 'This invitation link is unknown or has been used. Ask the administrator for a new invitation.',
  });

/** The open invitation behind a token: unknown, used, revoked, expired or deactivated all refuse. */
async function openInvitation(ctx: Pick<AppContext, 'db' | 'now'>, token: string, options: { forUpdate?: boolean } = {}) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw invalidLink();
  const invitation = await repo.findInvitationByTokenHash(ctx.db, tokenHashOf(token), options);
  if (!invitation || invitation.usedAt || invitation.revokedAt || !invitation.active || invitation.passwordHash !== null) throw invalidLink();
  if (invitation.expiresAt <= ctx.now()) {
    throw new ApiError(410, 'invitation_expired', {
      id: 'Tautan undangan sudah kedaluwarsa. Minta administrator mengirim undangan baru.',
      en: 'This invitation link has expired. Ask the administrator for a new invitation.',
    });
  }
  return invitation;
}

/** What the invitation page shows before the officer acts. */
export async function invitationInfo(ctx: AppContext, token: string) {
  const invitation = await openInvitation(ctx, token);
  const role = isRoleCode(invitation.role) ? ROLES[invitation.role].label : { id: invitation.role, en: invitation.role };
  return { email: invitation.email, name: invitation.name, role: invitation.role, roleLabel: role, regionCode: invitation.regionCode, expiresAt: invitation.expiresAt.toISOString() };
}

/** A TOTP secret for the officer's authenticator (a new one on each call until the account is activated). */
export async function invitationTotp(ctx: AppContext, token: string) {
  const invitation = await openInvitation(ctx, token);
  const secret = generateSecret();
  await repo.setInvitationTotp(ctx.db, invitation.id, encrypt(ctx.encryptionKey, secret));
  return { secret, otpauthUri: generateURI({ secret, issuer: 'Netra', label: invitation.email }) };
}

/** Set the password and confirm TOTP with a code from the authenticator; the link is then spent. */
export async function acceptInvitation(ctx: AppContext, token: string, input: { password: string; code: string }, meta: AccountOpener['meta']) {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const invitation = await openInvitation({ db: trx, now: ctx.now }, token, { forUpdate: true });
    if (!invitation.pendingTotpEncrypted) {
      throw fieldError('body.code', 'Pindai kode QR dengan aplikasi autentikator terlebih dahulu.', 'Scan the QR code with an authenticator app first.');
    }
    const secret = decrypt(ctx.encryptionKey, invitation.pendingTotpEncrypted);
    const epoch = Math.floor(ctx.now().getTime() / 1000);
    const result = verifySync({ secret, token: input.code, epoch, epochTolerance: 30 });
    if (!result.valid) throw fieldError('body.code', 'Kode tidak cocok. Periksa jam perangkat dan coba kode berikutnya.', 'The code does not match. Check the device clock and try the next code.');
    await repo.completeInvitation(trx, {
      invitationId: invitation.id,
      userId: invitation.userId,
      passwordHash,
      sealedSecret: invitation.pendingTotpEncrypted,
      totpStep: Math.floor(epoch / 30) + (result.delta ?? 0),
      now: ctx.now(),
    });
    await appendAudit(trx, { actorId: invitation.userId, action: 'user.invitation_accepted', entityType: 'user', entityId: invitation.userId, data: { totpEnrolled: true }, ...meta, at: ctx.now() });
    return { email: invitation.email };
  });
}
