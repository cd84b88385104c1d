import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { databaseStatus } from './repository.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ up: z.boolean(), version: z.string().optional(), latencyMs: z.number().optional(), error: z.string().optional() }),
  uptimeSeconds: z.number(),
});

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Health of the API and its database',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const uptimeSeconds = Math.round(process.uptime());
      try {
        const database = await databaseStatus(ctx.db);
        return { status: 'ok' as const, database: { up: true, ...database }, uptimeSeconds };
      } catch (error) {
        return reply.status(503).send({ status: 'degraded', database: { up: false, error: String(error) }, uptimeSeconds });
      }
    },
  );
};
