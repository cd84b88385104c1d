import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { RETRY_AFTER_SECONDS } from '../../http/errors.ts';
import { healthReport } from './service.ts';

const part = z.object({ up: z.boolean(), state: z.string().optional() });
const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  /** The parts that are down (empty when ok). */
  down: z.array(z.string()),
  parts: z.record(z.string(), part).describe('database, storage, and when the server runs them: embeddedPostgres, jobs'),
  database: z.object({ up: z.boolean(), latencyMs: z.number().optional() }),
  uptimeSeconds: z.number(),
});

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Health of the API and each part it depends on (no versions)',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const report = await healthReport(ctx);
      return report.status === 'ok' ? report : reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send(report);
    },
  );
};
