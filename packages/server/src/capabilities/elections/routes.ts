import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { calendarQuery, calendarSchema, electionDetailSchema, electionIdParams, electionSummarySchema } from './schema.ts';
import { calendarFor, electionDetail, electionList } from './service.ts';

export const electionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/elections',
    {
      schema: {
        tags: ['elections'],
        summary: 'Elections Netra supervises',
        querystring: z.object({ lang: z.enum(['id', 'en']).optional() }),
        response: { 200: z.object({ items: z.array(electionSummarySchema) }) },
      },
    },
    async (request) => electionList(ctx, requestLanguage(request)),
  );

  app.get(
    '/elections/:id',
    {
      schema: {
        tags: ['elections'],
        summary: 'One election: stages, rulebook and participating regions',
        params: electionIdParams,
        querystring: z.object({ lang: z.enum(['id', 'en']).optional() }),
        response: { 200: electionDetailSchema, 404: errorResponseSchema },
      },
    },
    async (request) => electionDetail(ctx, request.params.id, requestLanguage(request)),
  );

  app.get(
    '/elections/:id/calendar',
    {
      schema: {
        tags: ['elections'],
        summary: 'The stage of an election for a region on a date, whether it is critical, and the next stage',
        params: electionIdParams,
        querystring: calendarQuery,
        response: { 200: calendarSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => calendarFor(ctx, request.params.id, request.query, requestLanguage(request)),
  );
};
