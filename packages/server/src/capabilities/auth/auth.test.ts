import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/service.ts';
import { createUser } from '../users/service.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { cookieFrom, createStaffAccount, signIn, TEST_PASSWORD, totpCode } from '../../testing/staff.ts';

describe('staff sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const login = (email: string, password = TEST_PASSWORD, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });

  it('signs an official in with password then TOTP, with an httpOnly SameSite=Strict cookie', async () => {
    const account = await createStaffAccount(t, 'bawaslu_regency', '35.10');
    const res = await login(account.email.toUpperCase());
    expect(res.statusCode).toBe(200);
    expect(res.json().mfa).toBe('required');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/netra_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = cookieFrom(res);
    const csrf = res.json().csrfToken as string;

    // Before the second factor, nothing but the factor itself is open.
    const blocked = await t.app.inject({ url: '/api/v1/users', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('mfa_required');

    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers: { cookie, 'x-csrf-token': csrf }, payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.fields[0].field).toBe('body.code');

    const code = totpCode(account.totpSecret, t.ctx.now());
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers: { cookie, 'x-csrf-token': csrf }, payload: { code } });
    expect(ok.statusCode).toBe(200);
    // The second factor renews the session token: the one from before it no longer works.
    const renewed = cookieFrom(ok);
    expect(renewed).not.toBe(cookie);
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(401);
    const session = await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: renewed } });
    expect(session.json()).toMatchObject({ mfa: 'passed', user: { email: account.email, role: 'bawaslu_regency', scope: { kind: 'region', regionCode: '35.10' } } });

    // The same code cannot be replayed in another session.
    const second = await login(account.email);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/verify',
      headers: { cookie: cookieFrom(second), 'x-csrf-token': second.json().csrfToken },
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('answers the same for an unknown e-mail and a wrong password, in Indonesian by default', async () => {
    const account = await createStaffAccount(t, 'analyst', null);
    const unknown = await login('tidak.ada@uji.netra');
    const wrong = await login(account.email, 'salah-salah-salah');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.message).toBe('Email atau kata sandi salah.');
    const english = await login(account.email, 'salah-salah-salah', { 'accept-language': 'en' });
    expect(english.json().error.message).toBe('Wrong e-mail or password.');
  });

  it('rejects a malformed login with field-level messages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'bukan-email', password: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.email', 'body.password']);
  });

  it('backs off per account AND address: five wrong passwords slow that address down, answering like an unknown account, and never lock the official out from elsewhere', async () => {
    const account = await createStaffAccount(t, 'bkn_verifier', null);
    const attacker = { 'x-forwarded-for': '198.51.100.7' };
    const official = { 'x-forwarded-for': '203.0.113.70' };
    for (let i = 0; i < 5; i++) expect((await login(account.email, 'salah-salah-salah', attacker)).statusCode).toBe(401);
    const blocked = await login(account.email, TEST_PASSWORD, attacker);
    // Indistinguishable from an unknown account.
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json()).toEqual((await login('tidak.ada.sama.sekali@uji.netra', TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.62' })).json());
    // The official, from their own address, signs in all the while.
    expect((await login(account.email, TEST_PASSWORD, official)).statusCode).toBe(200);
    // The back-off ends (30 s after the fifth failure), then doubles with each further failure.
    t.setNow(new Date(t.ctx.now().getTime() + 31_000));
    expect((await login(account.email, 'salah-salah-salah', attacker)).statusCode).toBe(401);
    t.setNow(new Date(t.ctx.now().getTime() + 31_000));
    expect((await login(account.email, TEST_PASSWORD, attacker)).statusCode).toBe(401);
    t.setNow(new Date(t.ctx.now().getTime() + 31_000));
    expect((await login(account.email, TEST_PASSWORD, attacker)).statusCode).toBe(200);
    // Nothing about the address is stored: the key is a keyed hash.
    const rows = await t.ctx.db.selectFrom('login_backoff').select('key').execute();
    expect(JSON.stringify(rows)).not.toContain('198.51.100.7');
  });

  it('sets the Secure cookie flag whenever the public address is https, whatever the proxy says', async () => {
    const account = await createStaffAccount(t, 'analyst', null);
    const saved = process.env.NETRA_PUBLIC_URL;
    try {
      process.env.NETRA_PUBLIC_URL = 'https://netra.example.go.id';
      const secure = await login(account.email, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.71' });
      expect(String(secure.headers['set-cookie'])).toMatch(/;\s*Secure/i);
      process.env.NETRA_PUBLIC_URL = 'http://localhost:3000';
      const plain = await login(account.email, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.71' });
      expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    } finally {
      if (saved === undefined) delete process.env.NETRA_PUBLIC_URL;
      else process.env.NETRA_PUBLIC_URL = saved;
    }
  });

  it('requires TOTP of the analyst too (the role reads personal data)', async () => {
    const analyst = await createStaffAccount(t, 'analyst', null);
    expect((await login(analyst.email, TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.63' })).json().mfa).toBe('required');
  });

  it('stops TOTP guessing per account: five wrong codes lock it, then even the right code is refused', async () => {
    const account = await createStaffAccount(t, 'bawaslu_regency', '35.10');
    const address = { 'x-forwarded-for': '203.0.113.61' };
    const res = await login(account.email, TEST_PASSWORD, address);
    const cookie = cookieFrom(res);
    const csrf = res.json().csrfToken as string;
    const verify = (code: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers: { cookie, 'x-csrf-token': csrf, ...address }, payload: { code } });
    const right = totpCode(account.totpSecret, t.ctx.now());
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) expect((await verify(wrong)).statusCode).toBe(401);
    expect((await verify(wrong)).statusCode).toBe(429);
    const refused = await verify(right);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('totp_locked');
    // Per account, not per session or address: a fresh sign-in from elsewhere guesses no further.
    const elsewhere = { 'x-forwarded-for': '203.0.113.66' };
    const again = await login(account.email, TEST_PASSWORD, elsewhere);
    expect(again.statusCode).toBe(200);
    const fresh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers: { cookie: cookieFrom(again), 'x-csrf-token': again.json().csrfToken, ...elsewhere }, payload: { code: right } });
    expect(fresh.statusCode).toBe(429);
    expect(fresh.json().error.code).toBe('totp_locked');
    t.setNow(new Date(t.ctx.now().getTime() + 16 * 60 * 1000));
    expect((await verify(totpCode(account.totpSecret, t.ctx.now()))).statusCode).toBe(200);
  });

  it('refuses a changing request without the CSRF token', async () => {
    const admin = await signIn(t, await createStaffAccount(t, 'administrator', null), 'administrator');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users/invitations',
      headers: { cookie: admin.cookie },
      payload: { email: 'x@uji.netra', name: 'Orang Uji', role: 'analyst' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('signs out here, or everywhere', async () => {
    const account = await createStaffAccount(t, 'bawaslu_national', null);
    const first = await signIn(t, account, 'bawaslu_national');
    t.setNow(new Date(t.ctx.now().getTime() + 31_000)); // next TOTP step for the second session
    const second = await signIn(t, account, 'bawaslu_national');
    const out = await first.post('/api/v1/auth/logout', { everywhere: true });
    expect(out.json().endedSessions).toBe(2);
    expect((await second.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await first.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('enrols TOTP for an official who has none (e.g. after an approved reset), then requires it', async () => {
    await createUser(t.ctx, { actor: null, meta: { ip: null, userAgent: 'test' } }, { email: 'baru@uji.netra', name: 'Petugas Baru', password: 'panjang-sekali-123', role: 'ppk_delegate', regionCode: '35.10' });
    const res = await login('baru@uji.netra', 'panjang-sekali-123');
    expect(res.json().mfa).toBe('setup_required');
    const headers = { cookie: cookieFrom(res), 'x-csrf-token': res.json().csrfToken };
    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers });
    expect(setup.statusCode).toBe(200);
    expect(setup.json().otpauthUri).toMatch(/^otpauth:\/\/totp\/Netra:/);
    t.setNow(new Date(t.ctx.now().getTime() + 31_000));
    const verify = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers, payload: { code: totpCode(setup.json().secret, t.ctx.now()) } });
    expect(verify.statusCode).toBe(200);
    const again = await login('baru@uji.netra', 'panjang-sekali-123');
    expect(again.json().mfa).toBe('required');
  });

  it('writes every sign-in event to a verifiable audit chain', async () => {
    const result = await verifyAuditChain(t.ctx);
    expect(result.ok).toBe(true);
    const actions = await t.ctx.db.selectFrom('audit_log').select('action').distinct().execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.totp_passed', 'auth.logout_everywhere', 'user.created']));
  });
});

describe('staff accounts (administrator)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('only an administrator manages accounts', async () => {
    const officer = await signIn(t, await createStaffAccount(t, 'bawaslu_province', '35'), 'bawaslu_province');
    expect((await officer.get('/api/v1/users')).statusCode).toBe(403);
    expect((await t.app.inject('/api/v1/users')).statusCode).toBe(401);
  });

  it('refuses a scope that does not fit the role, an unknown region and a duplicate e-mail', async () => {
    const admin = await signIn(t, await createStaffAccount(t, 'administrator', null), 'administrator');
    const base = { name: 'Petugas Uji' };
    const invite = (body: Record<string, unknown>) => admin.post('/api/v1/users/invitations', { ...base, ...body });
    const wrongLevel = await invite({ email: 'a@uji.netra', role: 'bawaslu_regency', regionCode: '35' });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().error.fields[0].field).toBe('body.regionCode');
    const unknown = await invite({ email: 'b@uji.netra', role: 'bawaslu_regency', regionCode: '99.99' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].message).toMatch(/99\.99/);
    // No account is opened with a password chosen by the administrator (issue 14): the officer sets it.
    expect((await admin.post('/api/v1/users', { ...base, password: 'panjang-sekali-123', email: 'c@uji.netra', role: 'analyst' })).statusCode).toBe(404);
    expect((await invite({ email: 'cek.ganda@uji.netra', role: 'bawaslu_regency', regionCode: '35.10' })).statusCode).toBe(201);
    const duplicate = await invite({ email: 'CEK.GANDA@uji.netra', role: 'analyst' });
    expect(duplicate.statusCode).toBe(409);
    const list = await admin.get('/api/v1/users?q=cek.ganda');
    expect(list.json().items.map((u: { email: string }) => u.email)).toEqual(['cek.ganda@uji.netra']);
  });

  it('deactivating an account ends its sessions at once', async () => {
    const admin = await signIn(t, await createStaffAccount(t, 'administrator', null), 'administrator');
    const victim = await signIn(t, await createStaffAccount(t, 'analyst', null), 'analyst');
    expect((await victim.get('/api/v1/auth/session')).statusCode).toBe(200);
    const res = await admin.post(`/api/v1/users/${victim.userId}/active`, { active: false });
    expect(res.statusCode).toBe(200);
    expect((await victim.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('TOTP secret replacement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('a signed-in official cannot replace an enrolled TOTP secret', async () => {
    const official = await signIn(t, await createStaffAccount(t, 'bawaslu_regency', '35.10'), 'bawaslu_regency');
    const res = await official.post('/api/v1/auth/totp/setup');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('totp_already_enabled');
  });
});
