/**
 * Account administration against a real PostgreSQL and a real SMTP server: an invited officer sets
 * their own password and TOTP from the link in the e-mail (the administrator never sees either),
 * role and scope changes carry a reason into the audit log, a second-factor reset needs a second
 * administrator, and "who can act here" follows the permission table and the scopes.
 */
import { createHash } from 'node:crypto';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../command-line/run.ts';
import { startJobs, type Jobs } from '../../jobs/boss.ts';
import { jobs as mailJobs } from '../../jobs/mail.ts';
import { deliverQueuedMail } from '../../mail/queue.ts';
import { encrypt } from '../../security/encryption.ts';
import { useMailer } from '../../mail/mailer.ts';
import { mailText, startTestSmtp, type TestSmtp } from '../../testing/smtp.ts';
import { cookieFrom, createStaffAccount, signIn, staffClient, totpCode, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { verifyAuditChain } from '../audit/service.ts';

const PASSWORD = 'kuda-laut-berenang-di-teluk';
const MAIL_JOB = mailJobs[0] as { queue: object };

describe('accounts', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let jobs: Jobs;
  let admin: StaffClient;
  let secondAdmin: StaffClient;

  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startTestSmtp();
    // The invitation goes through the mail queue on pg-boss, as in production.
    jobs = await startJobs(t.ctx, t.database.pool, { jobs: mailJobs });
    admin = await staffClient(t, 'administrator', null);
    secondAdmin = await staffClient(t, 'administrator', null);
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    await t?.close();
  });

  const invite = (client: StaffClient, body: Record<string, unknown>) => client.post('/api/v1/users/invitations', body);
  const auditOf = (userId: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'user').where('entity_id', '=', userId).orderBy('seq').execute();

  async function acceptFromLink(link: string, password = PASSWORD) {
    const token = link.split('/undangan/')[1];
    const info = await t.app.inject({ url: `/api/v1/invitations/${token}` });
    expect(info.statusCode, info.body).toBe(200);
    const totp = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/totp` });
    expect(totp.statusCode).toBe(200);
    const { secret } = totp.json() as { secret: string };
    const accept = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { password, code: totpCode(secret, t.ctx.now()) } });
    expect(accept.statusCode, accept.body).toBe(200);
    return { token, secret, info: info.json() };
  }

  it('invites an officer by e-mail; they set their own password and TOTP and sign in', async () => {
    const email = 'sri.wahyuni.fiktif@bawaslu-uji.netra';
    const res = await invite(admin, { email, name: 'Sri Wahyuni (fiktif)', role: 'bawaslu_regency', regionCode: '35.10' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    // Sent by e-mail: the administrator's answer carries no link, no password, no secret.
    expect(body.invitation).toMatchObject({ delivery: 'email', link: null });
    expect(body.user).toMatchObject({ email, role: 'bawaslu_regency', regionCode: '35.10', passwordSet: false, totpEnabled: false });
    expect(res.body).not.toMatch(/undangan\//);

    const mail = await smtp.waitFor(email);
    const text = mailText(mail.raw);
    expect(text).toMatch(/Undangan akun Netra/);
    expect(text).toMatch(/Bawaslu Kabupaten\/Kota/);
    expect(text).toMatch(/WIB/);
    const link = /(http:\/\/[^\s"<]+\/undangan\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(link).toBeTruthy();
    const token = link!.split('/undangan/')[1];
    // Only the token's hash is stored.
    const stored = await t.ctx.db.selectFrom('account_invitations').select(['token_hash']).execute();
    expect(stored.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    // Before accepting, the account cannot sign in (no password yet).
    const early = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    expect(early.statusCode).toBe(401);

    // A wrong code keeps the link open; a short password is refused with a field message.
    await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/totp` });
    const wrong = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { password: PASSWORD, code: '000000' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('body.code');
    const short = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept?lang=en`, payload: { password: 'pendek', code: '12345' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.code', 'body.password']);

    const { secret, info } = await acceptFromLink(link!);
    expect(info).toMatchObject({ email, role: 'bawaslu_regency', regionCode: '35.10' });

    // The link is spent.
    expect((await t.app.inject({ url: `/api/v1/invitations/${token}` })).statusCode).toBe(404);

    // The officer signs in with what only they know.
    t.setNow(new Date(t.ctx.now().getTime() + 60_000));
    const user = (await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const officer = await signIn(t, { userId: user, email, totpSecret: secret }, 'bawaslu_regency').catch(() => null);
    // signIn uses the test password; sign in by hand with the officer's own.
    expect(officer).toBeNull();
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.json().mfa).toBe('required');
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/verify',
      headers: { cookie: cookieFrom(login), 'x-csrf-token': login.json().csrfToken },
      payload: { code: generateSync({ secret, epoch: Math.floor(t.ctx.now().getTime() / 1000) }) },
    });
    expect(verify.statusCode).toBe(200);

    const trail = (await auditOf(user)).map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['user.invited', 'user.invitation_accepted']));
    expect(JSON.stringify(await auditOf(user))).not.toContain(PASSWORD);
  });

  it('a message the SMTP server refuses fails its job (pg-boss retries it) and goes through on the retry', async () => {
    const sealed = { sealed: encrypt(t.ctx.encryptionKey, JSON.stringify({ to: 'ulang.fiktif@uji.netra', subject: 'Uji', text: 'Pesan uji' })) };
    smtp.refuse(1);
    await expect(deliverQueuedMail(t.ctx, sealed)).rejects.toThrow(/451|Try again/);
    expect(smtp.received.some((m) => m.to.includes('ulang.fiktif@uji.netra'))).toBe(false);
    await deliverQueuedMail(t.ctx, sealed);
    expect((await smtp.waitFor('ulang.fiktif@uji.netra')).raw).toMatch(/Pesan uji/);
    expect(MAIL_JOB.queue).toMatchObject({ retryLimit: 5, retryBackoff: true });
  });

  it('without SMTP, hands the link to the administrator; a new link revokes the old one', async () => {
    const previous = useMailer(null);
    try {
      const email = 'tangan.fiktif@bkpsdm-uji.netra';
      const res = await invite(admin, { email, name: 'Petugas Tangan Fiktif', role: 'bkpsdm_officer', regionCode: '35.10' });
      expect(res.statusCode, res.body).toBe(201);
      const { invitation, user } = res.json();
      expect(invitation.delivery).toBe('manual');
      expect(invitation.link).toMatch(/\/undangan\/[A-Za-z0-9_-]{40,}$/);
      const again = await admin.post(`/api/v1/users/${user.id}/invitation`);
      expect(again.statusCode).toBe(201);
      const oldToken = invitation.link.split('/undangan/')[1];
      expect((await t.app.inject({ url: `/api/v1/invitations/${oldToken}` })).statusCode).toBe(404);
      await acceptFromLink(again.json().invitation.link);
      // Once accepted, no new invitation: a lost phone is a second-factor reset.
      expect((await admin.post(`/api/v1/users/${user.id}/invitation`)).statusCode).toBe(409);
    } finally {
      useMailer(previous ?? null);
      useMailer(smtp.mailer);
    }
  });

  it('refuses an expired link (410), an unknown one (404), a duplicate e-mail (409) and a wrong scope (400)', async () => {
    const previous = useMailer(null);
    try {
      const res = await invite(admin, { email: 'kedaluwarsa.fiktif@uji.netra', name: 'Petugas Lewat Waktu', role: 'analyst', regionCode: null });
      const token = res.json().invitation.link.split('/undangan/')[1];
      t.setNow(new Date(t.ctx.now().getTime() + 73 * 3600_000));
      // The administrators' sessions lapsed meanwhile: they sign in again.
      admin = await signIn(t, admin, 'administrator');
      secondAdmin = await signIn(t, secondAdmin, 'administrator');
      const expired = await t.app.inject({ url: `/api/v1/invitations/${token}?lang=en` });
      expect(expired.statusCode).toBe(410);
      expect(expired.json().error.message).toMatch(/expired/);
      expect((await t.app.inject({ url: '/api/v1/invitations/bukan-token-yang-ada-sama-sekali' })).statusCode).toBe(404);
      const duplicate = await invite(admin, { email: 'kedaluwarsa.fiktif@uji.netra', name: 'Petugas Lain', role: 'analyst', regionCode: null });
      expect(duplicate.statusCode).toBe(409);
      const wrongLevel = await invite(admin, { email: 'salah.fiktif@uji.netra', name: 'Petugas Salah', role: 'bawaslu_regency', regionCode: '35' });
      expect(wrongLevel.statusCode).toBe(400);
      expect(wrongLevel.json().error.fields[0].field).toBe('body.regionCode');
    } finally {
      useMailer(smtp.mailer);
      void previous;
    }
  });

  it('changes role and scope with a reason, audited with before and after; the officer is signed out', async () => {
    const officer = await staffClient(t, 'bawaslu_regency', '35.10');
    const noReason = await admin.post(`/api/v1/users/${officer.userId}/access`, { role: 'bawaslu_province', regionCode: '35', reason: 'pendek' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({ field: 'body.reason' });
    const reason = 'Dipindahkan ke Bawaslu Provinsi Jawa Timur per SK 12/2024';
    const res = await admin.post(`/api/v1/users/${officer.userId}/access`, { role: 'bawaslu_province', regionCode: '35', reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: 'bawaslu_province', regionCode: '35' });
    expect((await officer.get('/api/v1/auth/session')).statusCode).toBe(401);
    const entry = (await auditOf(officer.userId)).find((e) => e.action === 'user.access_changed');
    expect(entry?.actor_id).toBe(admin.userId);
    expect(entry?.data).toMatchObject({ reason, before: { role: 'bawaslu_regency', regionCode: '35.10' }, after: { role: 'bawaslu_province', regionCode: '35' } });
    // Nobody changes their own access; an unknown account is 404; the same access is refused.
    expect((await admin.post(`/api/v1/users/${admin.userId}/access`, { role: 'analyst', regionCode: null, reason })).statusCode).toBe(403);
    expect((await admin.post('/api/v1/users/00000000-0000-4000-8000-000000000000/access', { role: 'analyst', regionCode: null, reason })).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/users/${officer.userId}/access`, { role: 'bawaslu_province', regionCode: '35', reason })).statusCode).toBe(400);
    // Only administrators.
    const bawaslu = await staffClient(t, 'bawaslu_national', null);
    expect((await bawaslu.post(`/api/v1/users/${officer.userId}/access`, { role: 'analyst', regionCode: null, reason })).statusCode).toBe(403);
  });

  it('resets a second factor only with a second administrator', async () => {
    const account = await createStaffAccount(t, 'bkn_verifier', null);
    const reason = 'Telepon petugas hilang, laporan polisi 2024/123';
    const asked = await admin.post(`/api/v1/users/${account.userId}/totp-reset`, { reason });
    expect(asked.statusCode, asked.body).toBe(201);
    const requestId = asked.json().id as string;
    expect((await admin.post(`/api/v1/users/${account.userId}/totp-reset`, { reason })).statusCode).toBe(409);
    const pending = (await secondAdmin.get('/api/v1/users/totp-resets')).json().items;
    expect(pending.map((p: { id: string }) => p.id)).toContain(requestId);

    const self = await admin.post(`/api/v1/users/totp-resets/${requestId}/decision`, { approve: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('second_administrator_required');
    const approved = await secondAdmin.post(`/api/v1/users/totp-resets/${requestId}/decision`, { approve: true });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await secondAdmin.post(`/api/v1/users/totp-resets/${requestId}/decision`, { approve: true })).statusCode).toBe(404);

    const row = await t.ctx.db.selectFrom('users').select(['totp_enabled', 'totp_secret_encrypted']).where('id', '=', account.userId).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_enabled: false, totp_secret_encrypted: null });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: 'kata-sandi-uji-123' } });
    expect(login.json().mfa).toBe('setup_required');
    const actions = (await auditOf(account.userId)).map((e) => [e.action, e.actor_id]);
    expect(actions).toEqual(expect.arrayContaining([['user.totp_reset_requested', admin.userId], ['user.totp_reset_approved', secondAdmin.userId]]));
  });

  it('lists who can act in a region from the permission table and the scopes', async () => {
    const regency = await createStaffAccount(t, 'bawaslu_regency', '35.10');
    const province = await createStaffAccount(t, 'bawaslu_province', '35');
    const elsewhere = await createStaffAccount(t, 'bawaslu_regency', '16.07');
    const analyst = await createStaffAccount(t, 'analyst', '35.10');
    const res = await admin.get('/api/v1/users/coverage?region=35.10&action=cases.transition&limit=500');
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json().items as Array<{ id: string }>).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([regency.userId, province.userId]));
    expect(ids).not.toContain(elsewhere.userId);
    expect(ids).not.toContain(analyst.userId);
    expect(res.json().roles).not.toContain('analyst');
    const bad = await admin.get('/api/v1/users/coverage?region=99.99');
    expect(bad.statusCode).toBe(400);
    expect((await admin.get('/api/v1/users/coverage?region=3510x')).statusCode).toBe(400);
  });

  it('from the shell: invites the first administrator (link printed), lists, says who acts, changes access with a reason, deactivates', async () => {
    const out: string[] = [];
    const cli = (argv: string[]) =>
      runCli(argv, { print: (l) => out.push(l), progress: () => {}, error: (l) => out.push(l), openDatabase: async () => ({ db: t.ctx.db, close: async () => {} }) });
    const email = 'admin.pertama.fiktif@uji.netra';
    expect(await cli(['users', 'invite', email, '--name', 'Admin Pertama Fiktif', '--role', 'administrator'])).toBe(0);
    const link = out.find((l) => l.includes('/undangan/'));
    expect(link).toMatch(/^http:\/\/localhost:\d+\/undangan\/[A-Za-z0-9_-]+$/);
    await acceptFromLink(link!);
    out.length = 0;
    expect(await cli(['users', 'invite', email, '--name', 'Admin Lagi', '--role', 'administrator'])).toBe(1);
    expect(out.join('\n')).toMatch(/sudah dipakai/);
    expect(await cli(['users', 'invite', 'x@uji.netra', '--name', 'Peran Salah', '--role', 'raja'])).toBe(2);
    out.length = 0;
    expect(await cli(['users', 'list', '--role', 'administrator'])).toBe(0);
    expect(out.find((l) => l.startsWith(email))).toMatch(/\tadministrator\tnasional\tactive$/);
    out.length = 0;
    expect(await cli(['users', 'who', '35.10', '--action', 'users.manage'])).toBe(0);
    expect(out.some((l) => l.startsWith(email))).toBe(true);

    // Role and scope from the shell: with a reason, audited as from the CLI, the account signed out.
    const officer = await staffClient(t, 'bawaslu_regency', '35.10');
    const officerEmail = (await t.ctx.db.selectFrom('users').select('email').where('id', '=', officer.userId).executeTakeFirstOrThrow()).email;
    out.length = 0;
    expect(await cli(['users', 'access', officerEmail, '--role', 'bawaslu_province', '--region', '35'])).toBe(2);
    expect(await cli(['users', 'access', officerEmail, '--role', 'bawaslu_province', '--region', '35.10.01', '--reason', 'Mutasi ke Bawaslu Provinsi (uji)'])).toBe(1);
    expect(await cli(['users', 'access', 'tidak.ada@uji.netra', '--role', 'bawaslu_province', '--region', '35', '--reason', 'Mutasi ke Bawaslu Provinsi (uji)'])).toBe(1);
    out.length = 0;
    expect(await cli(['users', 'access', officerEmail, '--role', 'bawaslu_province', '--region', '35', '--reason', 'Mutasi ke Bawaslu Provinsi (uji)'])).toBe(0);
    expect(out.join('\n')).toMatch(/kini bawaslu_province \(35\)/);
    const changed = (await auditOf(officer.userId)).find((e) => e.action === 'user.access_changed');
    expect(changed).toMatchObject({ actor_id: null, user_agent: 'netra-cli', data: { via: 'cli', reason: 'Mutasi ke Bawaslu Provinsi (uji)', before: { role: 'bawaslu_regency', regionCode: '35.10' }, after: { role: 'bawaslu_province', regionCode: '35' } } });
    expect((await officer.get('/api/v1/auth/session')).statusCode).toBe(401);

    expect(await cli(['users', 'deactivate', email])).toBe(0);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    expect(login.statusCode).toBe(401);
  });

  it('keeps the audit chain intact through all of it', async () => {
    expect(await verifyAuditChain(t.ctx)).toMatchObject({ ok: true });
  });
});
