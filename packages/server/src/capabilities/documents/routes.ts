import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireStaff } from '../auth/guard.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { territoryCode } from '../dashboards/schema.ts';
import { recapDocument, recommendationLetter } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const pdf = z.unknown().describe('application/pdf');
const lang = z.enum(['id', 'en']).optional();

export const documentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/documents/cases/:id/recommendation',
    {
      // The letter names the civil servant: only the roles that open case files.
      preHandler: requireStaff(ctx, { action: 'documents.recommendation' }),
      schema: {
        tags: ['documents'],
        summary: "Bawaslu's recommendation letter for a proven case, to the head of BKN (KASN before Aug 2024) or to the PPK (PDF)",
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ to: z.enum(['bkn', 'ppk']).default('bkn'), lang }),
        response: { 200: pdf, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { pdf: body, fileName } = await recommendationLetter(ctx, staffContext(request), request.params.id, request.query.to);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'private, no-store').send(body);
    },
  );

  app.get(
    '/documents/recap/:electionId',
    {
      preHandler: requireStaff(ctx, { action: 'documents.recap' }),
      schema: {
        tags: ['documents'],
        summary: 'Recap of an election in my territory per stage, region and case state; optionally one stage per region (PDF)',
        params: z.object({ electionId: z.string().min(1).max(40) }),
        querystring: z.object({ region: territoryCode.optional(), stage: z.string().min(1).max(40).optional(), lang }),
        response: { 200: pdf, ...errors },
      },
    },
    async (request, reply) => {
      const { pdf: body, fileName } = await recapDocument(ctx, staffContext(request), { electionId: request.params.electionId, ...request.query });
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'private, no-store').send(body);
    },
  );
};
