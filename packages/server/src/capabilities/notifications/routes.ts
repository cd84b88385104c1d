import type { Localised } from '@netra/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireStaff } from '../../http/authenticate.ts';
import { errorResponseSchema, notFound } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { listNotifications, markAllRead, markRead } from './repository.ts';

const notificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  message: z.string(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
  /** False for a notification addressed to the reader's office rather than to them by name. */
  personal: z.boolean(),
});

export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Every staff member has an inbox; what lands in it depends on role and scope.
  const staff = requireStaff(ctx);

  app.get(
    '/notifications',
    {
      preHandler: staff,
      schema: {
        tags: ['notifications'],
        summary: 'My notifications: addressed to me, or to my role in my region (reminders, escalations, handovers)',
        querystring: z.object({
          lang: z.enum(['id', 'en']).optional(),
          unread: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number(), unread: z.number(), items: z.array(notificationSchema) }), 401: errorResponseSchema },
      },
    },
    async (request) => {
      const language = requestLanguage(request);
      const { total, unread, items } = await listNotifications(ctx.db, request.staff!, { ...request.query, unread: request.query.unread === 'true' });
      return {
        total,
        unread,
        items: items.map((n) => ({
          id: Number(n.id),
          kind: n.kind,
          message: (n.message as Localised)[language],
          caseId: n.case_id,
          caseNumber: n.case_number,
          createdAt: new Date(n.created_at).toISOString(),
          read: n.read_at !== null,
          personal: n.user_id !== null,
        })),
      };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      preHandler: staff,
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read (for me)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.object({ id: z.number(), read: z.literal(true) }), 404: errorResponseSchema },
      },
    },
    async (request) => {
      if (!(await markRead(ctx.db, request.staff!, request.params.id, ctx.now()))) throw notFound({ id: 'Notifikasi', en: 'Notification' });
      return { id: request.params.id, read: true as const };
    },
  );

  app.post(
    '/notifications/read-all',
    {
      preHandler: staff,
      schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 200: z.object({ marked: z.number() }) } },
    },
    async (request) => ({ marked: await markAllRead(ctx.db, request.staff!, ctx.now()) }),
  );
};
