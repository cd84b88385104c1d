import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestMeta } from '../../http/request-context.ts';
import { requireStaff } from '../auth/guard.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { listUsers } from './repository.ts';
import { createUserBody, listUsersQuery, userSchema } from './schema.ts';
import { createUser, setActive } from './service.ts';

const toDto = (u: { createdAt: Date } & Omit<z.infer<typeof userSchema>, 'createdAt'>) => ({ ...u, createdAt: u.createdAt.toISOString() });

export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const admin = requireStaff(ctx, { action: 'users.manage' });

  app.get(
    '/users',
    { preHandler: admin, schema: { tags: ['users'], summary: 'Staff accounts (administrator)', querystring: listUsersQuery, response: { 200: z.object({ total: z.number(), items: z.array(userSchema) }), 403: errorResponseSchema } } },
    async (request) => {
      const { total, items } = await listUsers(ctx.db, request.query);
      return { total, items: items.map(toDto) };
    },
  );

  app.post(
    '/users',
    {
      preHandler: admin,
      schema: { tags: ['users'], summary: 'Create a staff account with its role and territorial scope', body: createUserBody, response: { 201: userSchema, 400: errorResponseSchema, 409: errorResponseSchema } },
    },
    async (request, reply) => {
      const user = await createUser(ctx, request.staff, request.body, requestMeta(request));
      return reply.status(201).send(toDto(user));
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
    async (request) => toDto(await setActive(ctx, request.staff!, request.params.id, request.body.active, requestMeta(request))),
  );
};
