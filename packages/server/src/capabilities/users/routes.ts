import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireStaff } from '../../http/guard.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { requestMeta, staffContext } from '../../http/request-context.ts';
import { acceptInvitation, invitationInfo, invitationTotp, inviteOfficer, reinvite } from './invitations.service.ts';
import {
  acceptBody,
  accessBody,
  coverageQuery,
  coverageSchema,
  invitationInfoSchema,
  invitationTokenParams,
  invitedSchema,
  inviteBody,
  listUsersQuery,
  resetDecisionBody,
  resetRequestBody,
  totpResetSchema,
  userSchema,
} from './schema.ts';
import { accountsForRegion, changeAccess, decideTotpReset, pendingTotpResets, presentUser, requestTotpReset, setActive, userList } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const opener = (request: FastifyRequest) => {
  const rc = staffContext(request);
  return { actor: rc.actor, meta: rc.meta };
};

export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const admin = requireStaff({ action: 'users.manage' });
  const tags = ['users'];

  app.get(
    '/users',
    { preHandler: admin, schema: { tags, summary: 'Staff accounts (administrator)', querystring: listUsersQuery, response: { 200: z.object({ total: z.number(), items: z.array(userSchema) }), 403: errorResponseSchema } } },
    async (request) => userList(ctx, request.query),
  );

  // No route creates an account with a password: an officer is invited and sets their own password
  // and TOTP (issue 14), so no administrator ever knows either.
  app.post(
    '/users/invitations',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Invite an officer: the account opens without a password and a one-time link goes by e-mail (or is returned to hand over when no SMTP server is configured)',
        body: inviteBody,
        response: { 201: invitedSchema, 400: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await inviteOfficer(ctx, opener(request), request.body, originOf(request))),
  );

  app.post(
    '/users/:id/invitation',
    {
      preHandler: admin,
      schema: { tags, summary: 'Send a new invitation link to an officer who has not yet activated the account (the earlier link stops working)', params: idParams, response: { 201: invitedSchema, 404: errorResponseSchema, 409: errorResponseSchema } },
    },
    async (request, reply) => reply.status(201).send(await reinvite(ctx, opener(request), request.params.id, originOf(request))),
  );

  app.post(
    '/users/:id/active',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Activate or deactivate an account (deactivating ends its sessions)',
        params: idParams,
        body: z.object({ active: z.boolean() }),
        response: { 200: userSchema, 403: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => presentUser(await setActive(ctx, staffContext(request), request.params.id, request.body.active)),
  );

  app.post(
    '/users/:id/access',
    {
      preHandler: admin,
      schema: { tags, summary: "Change an account's role and scope, with a reason (audited; the account's sessions end)", params: idParams, body: accessBody, response: { 200: userSchema, 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema } },
    },
    async (request) => presentUser(await changeAccess(ctx, staffContext(request), request.params.id, request.body)),
  );

  app.post(
    '/users/:id/totp-reset',
    {
      preHandler: admin,
      schema: { tags, summary: "Ask for an account's second factor to be reset (a second administrator approves)", params: idParams, body: resetRequestBody, response: { 201: z.object({ id: z.string(), userId: z.string(), requestedAt: z.string(), reason: z.string() }), 404: errorResponseSchema, 409: errorResponseSchema } },
    },
    async (request, reply) => reply.status(201).send(await requestTotpReset(ctx, staffContext(request), request.params.id, request.body.reason)),
  );

  app.get(
    '/users/totp-resets',
    { preHandler: admin, schema: { tags, summary: 'Second-factor resets waiting for a second administrator', response: { 200: z.object({ items: z.array(totpResetSchema) }) } } },
    async () => pendingTotpResets(ctx),
  );

  app.post(
    '/users/totp-resets/:id/decision',
    {
      preHandler: admin,
      schema: { tags, summary: 'Approve or refuse a second-factor reset (not by the administrator who asked, nor by the account owner)', params: idParams, body: resetDecisionBody, response: { 200: z.object({ id: z.string(), userId: z.string(), approved: z.boolean() }), 403: errorResponseSchema, 404: errorResponseSchema } },
    },
    async (request) => decideTotpReset(ctx, staffContext(request), request.params.id, request.body.approve),
  );

  app.get(
    '/users/coverage',
    { preHandler: admin, schema: { tags, summary: 'Who can act in a region: active accounts whose role may take the action and whose scope covers the region', querystring: coverageQuery, response: { 200: coverageSchema, 400: errorResponseSchema } } },
    async (request) => accountsForRegion(ctx, request.query),
  );

  // ---- The invited officer's side (public: the one-time link is the credential)

  app.get(
    '/invitations/:token',
    { schema: { tags, summary: 'The account an invitation link opens', params: invitationTokenParams, response: { 200: invitationInfoSchema, 404: errorResponseSchema, 410: errorResponseSchema } } },
    async (request) => invitationInfo(ctx, request.params.token),
  );

  app.post(
    '/invitations/:token/totp',
    { schema: { tags, summary: "A TOTP secret for the officer's authenticator app", params: invitationTokenParams, response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }), 404: errorResponseSchema, 410: errorResponseSchema } } },
    async (request) => invitationTotp(ctx, request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      schema: { tags, summary: 'Set the password and confirm TOTP with a code: the account is active and the link spent', params: invitationTokenParams, body: acceptBody, response: { 200: z.object({ email: z.string() }), 400: errorResponseSchema, 404: errorResponseSchema, 410: errorResponseSchema } },
    },
    async (request) => acceptInvitation(ctx, request.params.token, request.body, requestMeta(request)),
  );
};
