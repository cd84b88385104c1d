/** Each officer's own e-mail settings: assignments and deadlines by e-mail (off by default). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { requireStaff } from '../../http/guard.ts';
import { mailSettings, updateMailSettings } from './service.ts';

const settingsResponse = z.object({
  emailAssigned: z.boolean(),
  emailDeadlines: z.boolean(),
  /** Without SMTP nothing is sent; the console says so. */
  smtpConfigured: z.boolean(),
  email: z.string().describe('Where the e-mail goes: your account address'),
});

export const notificationSettingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const own = requireStaff({ action: 'notifications.read' });
  app.get(
    '/notifications/settings',
    { preHandler: own, schema: { tags: ['notifications'], summary: 'My e-mail settings for notifications', response: { 200: settingsResponse, 401: errorResponseSchema } } },
    async (request) => mailSettings(ctx, staffContext(request)),
  );
  app.put(
    '/notifications/settings',
    {
      preHandler: own,
      schema: {
        tags: ['notifications'],
        summary: 'Choose which notifications also come by e-mail: cases assigned to me, deadlines due or missed',
        body: z.object({ emailAssigned: z.boolean(), emailDeadlines: z.boolean() }),
        response: { 200: settingsResponse, 400: errorResponseSchema, 401: errorResponseSchema },
      },
    },
    async (request) => updateMailSettings(ctx, staffContext(request), request.body),
  );
};
