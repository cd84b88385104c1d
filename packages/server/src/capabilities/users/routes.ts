import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireStaff } from '../auth/guard.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { createUserBody, listUsersQuery, userSchema } from './schema.ts';
import { createUser, presentUser, setActive, userList } from './service.ts';

export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const admin = requireStaff(ctx, { action: 'users.manage' });

  app.get(
    '/users',
    { preHandler: admin, schema: { tags: ['users'], summary: 'Staff accounts (administrator)', querystring: listUsersQuery, response: { 200: z.object({ total: z.number(), items: z.array(userSchema) }), 403: errorResponseSchema } } },
    async (request) => userList(ctx, request.query),
  );

  app.post(
    '/users',
    {
      preHandler: admin,
      schema: { tags: ['users'], summary: 'Create a staff account with its role and territorial scope', body: createUserBody, response: { 201: userSchema, 400: errorResponseSchema, 409: errorResponseSchema } },
    },
    async (request, reply) => {
      const user = await createUser(ctx, staffContext(request), request.body);
      return reply.status(201).send(presentUser(user));
    },
  );

  app.post(
    '/users/:id/active',
    {
      preHandler: admin,
      schema: {
        tags: ['users'],
        summary: 'Activate or deactivate an account (deactivating ends its sessions)',
        params: z.object({ id: z.uuid() }),
        body: z.object({ active: z.boolean() }),
        response: { 200: userSchema, 404: errorResponseSchema },
      },
    },
    async (request) => presentUser(await setActive(ctx, staffContext(request), request.params.id, request.body.active)),
  );
};
