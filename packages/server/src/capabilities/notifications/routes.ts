import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireStaff } from '../../http/guard.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { inbox, markAllNotificationsRead, markNotificationRead } from './service.ts';

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
  const staff = requireStaff({ action: 'notifications.read' });

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
    async (request) => inbox(ctx, staffContext(request), { ...request.query, unread: request.query.unread === 'true' }),
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
    async (request) => markNotificationRead(ctx, staffContext(request), request.params.id),
  );

  app.post(
    '/notifications/read-all',
    {
      preHandler: staff,
      schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 200: z.object({ marked: z.number() }) } },
    },
    async (request) => markAllNotificationsRead(ctx, staffContext(request)),
  );
};
