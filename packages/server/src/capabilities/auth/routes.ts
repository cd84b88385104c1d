import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { requestMeta, staffContext } from '../../http/request-context.ts';
import { loginBody, logoutBody, sessionSchema, totpBody } from './schema.ts';
import { requireStaff, SESSION_COOKIE } from '../../http/guard.ts';
import { beginTotpSetup, login, logout, verifyTotp } from './service.ts';

/**
 * Secure whenever the public address (NETRA_PUBLIC_URL) is https, whatever the proxy says; without
 * a public address, when the request itself came over https ('auto').
 */
const cookieOptions = () => ({
  path: '/',
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: /^https:/i.test(process.env.NETRA_PUBLIC_URL?.trim() ?? '') ? true : ('auto' as const),
});

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const pending = requireStaff({ action: 'session.manage', allowPendingMfa: true });

  app.post(
    '/auth/login',
    {
      // Per network address, on top of the per-account lockout in the service.
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; officials then pass TOTP',
        body: loginBody,
        response: { 200: sessionSchema, 400: errorResponseSchema, 401: errorResponseSchema, 423: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, request.body, requestMeta(request));
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions());
      return { user: result.user, mfa: result.mfa, csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/auth/session',
    { preHandler: pending, schema: { tags: ['auth'], summary: 'The signed-in user, second-factor state and CSRF token', response: { 200: sessionSchema, 401: errorResponseSchema } } },
    async (request) => {
      const { actor: staff } = staffContext(request);
      return { user: { id: staff.id, email: staff.email, name: staff.name, role: staff.role, scope: staff.scope }, mfa: staff.mfa, csrfToken: staff.csrfToken };
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      preHandler: pending,
      schema: { tags: ['auth'], summary: 'Start TOTP enrolment (returns the secret once)', response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }), 409: errorResponseSchema } },
    },
    async (request) => beginTotpSetup(ctx, staffContext(request)),
  );

  app.post(
    '/auth/totp/verify',
    {
      preHandler: pending,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Pass the second factor with a 6-digit TOTP code (the session cookie is renewed)', body: totpBody, response: { 200: z.object({ mfa: z.literal('passed') }), 401: errorResponseSchema } },
    },
    async (request, reply) => {
      const { token } = await verifyTotp(ctx, staffContext(request), request.body.code);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions());
      return { mfa: 'passed' as const };
    },
  );

  app.post(
    '/auth/logout',
    {
      preHandler: pending,
      schema: { tags: ['auth'], summary: 'Sign out here, or everywhere (every session of the account)', body: logoutBody, response: { 200: z.object({ endedSessions: z.number() }) } },
    },
    async (request, reply) => {
      const endedSessions = await logout(ctx, staffContext(request), request.body.everywhere);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { endedSessions };
    },
  );
};
