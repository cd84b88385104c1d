import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { requireStaff } from '../../http/guard.ts';
import { auditListQuery, auditListSchema, verificationSchema, vocabularySchema } from './schema.ts';
import { auditLog, auditVocabulary, chainStatus } from '../audit/service.ts';

/**
 * The audit-log viewer: administrators and national Bawaslu (permission `audit.read`). It reads the
 * log through audit/'s service; audit/ itself (append, chain, checkpoints) stays below every
 * capability, the staff guard included, since signing in and out are audited too.
 */
export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const reader = requireStaff({ action: 'audit.read' });
  const tags = ['audit'];

  app.get(
    '/audit',
    {
      preHandler: reader,
      schema: { tags, summary: 'Audit-log entries, newest first, filtered by actor, action, record, region and time', querystring: auditListQuery, response: { 200: auditListSchema, 400: errorResponseSchema, 403: errorResponseSchema } },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return auditLog(ctx.db, filter, { limit, offset });
    },
  );

  app.get(
    '/audit/vocabulary',
    { preHandler: reader, schema: { tags, summary: 'The actions and record types present in the log (for filter menus)', response: { 200: vocabularySchema } } },
    async () => auditVocabulary(ctx.db),
  );

  app.get(
    '/audit/verification',
    { preHandler: reader, schema: { tags, summary: 'Walk the whole hash chain now and say whether it is intact, or where it breaks', response: { 200: verificationSchema } } },
    async () => chainStatus(ctx),
  );
};
