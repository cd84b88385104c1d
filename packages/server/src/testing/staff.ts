/**
 * Signed-in staff for tests: creates an account of a role and scope, signs in with the password,
 * passes TOTP like a person with an authenticator app, and returns a client that sends the
 * session cookie and CSRF token on every request.
 */
import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { generateSecret, generateSync } from 'otplib';
import { createUser } from '../capabilities/users/service.ts';
import { encrypt } from '../security/encryption.ts';
import type { TestApp } from './test-database.ts';

export interface StaffClient {
  userId: string;
  email: string;
  role: string;
  totpSecret: string;
  csrfToken: string;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export const TEST_PASSWORD = 'kata-sandi-uji-123';

export function totpCode(secret: string, at: Date): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

export async function createStaffAccount(t: TestApp, role: string, regionCode: string | null, extra: { agencyIds?: number[] } = {}) {
  const email = `${role}.${regionCode ?? 'nas'}.${randomBytes(4).toString('hex')}@uji.netra`;
  const totpSecret = generateSecret();
  const user = await createUser(
    t.ctx,
    { actor: null, meta: { ip: null, userAgent: 'test' } },
    { email, name: `Petugas Uji ${role}`, password: TEST_PASSWORD, role, regionCode, agencyIds: extra.agencyIds },
    encrypt(t.ctx.encryptionKey, totpSecret),
  );
  return { userId: user.id, email, totpSecret };
}

export function cookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (!first) throw new Error(`No session cookie in response ${response.statusCode}: ${response.body}`);
  return first.split(';')[0];
}

/** Sign in an existing account (password + TOTP) and return a client for it. */
export async function signIn(t: TestApp, account: { userId: string; email: string; totpSecret: string }, role: string): Promise<StaffClient> {
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login failed ${login.statusCode}: ${login.body}`);
  const { csrfToken } = login.json() as { csrfToken: string };
  const verify = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/totp/verify',
    headers: { cookie: cookieFrom(login), 'x-csrf-token': csrfToken },
    payload: { code: totpCode(account.totpSecret, t.ctx.now()) },
  });
  if (verify.statusCode !== 200) throw new Error(`TOTP failed ${verify.statusCode}: ${verify.body}`);
  // Passing the second factor renews the session token.
  const cookie = cookieFrom(verify);
  const request = (options: InjectOptions) =>
    t.app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } });
  return {
    ...account,
    role,
    csrfToken,
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
  };
}

export async function staffClient(t: TestApp, role: string, regionCode: string | null, extra: { agencyIds?: number[] } = {}): Promise<StaffClient> {
  return signIn(t, await createStaffAccount(t, role, regionCode, extra), role);
}
