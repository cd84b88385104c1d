import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { langQuery, nationalParams, transparencyParams, transparencySchema } from './schema.ts';
import { transparency } from './service.ts';

/** Public, cacheable for a minute: the figures change at most once per refresh of the aggregates. */
const CACHE = 'public, max-age=60';

export const transparencyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/transparency/:electionId',
    {
      schema: {
        tags: ['transparency'],
        summary: 'Public figures of an election for the whole country, per province (counts below 5 shown as "< 5"; no personal data)',
        params: nationalParams,
        querystring: langQuery,
        response: { 200: transparencySchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return transparency(ctx, request.params.electionId, undefined, requestLanguage(request));
    },
  );

  app.get(
    '/transparency/:electionId/:regionCode',
    {
      schema: {
        tags: ['transparency'],
        summary: 'Public figures of an election for a province or regency/city: reports, proven violations, sanctions, PPK follow-up, "nihil pelanggaran" status',
        params: transparencyParams,
        querystring: langQuery,
        response: { 200: transparencySchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return transparency(ctx, request.params.electionId, request.params.regionCode, requestLanguage(request));
    },
  );
};
