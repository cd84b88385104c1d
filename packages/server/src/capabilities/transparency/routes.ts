import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { publicCache } from '../../http/public-cache.ts';
import { langQuery, nationalParams, transparencyParams, transparencySchema } from './schema.ts';
import { transparency } from './service.ts';

/**
 * Public, and the same for everyone until the aggregates refresh: served from the public read
 * cache (http/public-cache.ts: per server, invalidated on every server when the dashboards
 * refresh), with an ETag, 304 on revalidation and `public, max-age, stale-while-revalidate`.
 */
const cacheKey = (electionId: string, regionCode: string | null, language: string) => `transparency:${electionId}:${regionCode ?? '-'}:${language}`;

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
      const language = requestLanguage(request);
      return publicCache.serve(request, reply, cacheKey(request.params.electionId, null, language), () => transparency(ctx, request.params.electionId, undefined, language));
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
      const { electionId, regionCode } = request.params;
      const language = requestLanguage(request);
      return publicCache.serve(request, reply, cacheKey(electionId, regionCode, language), () => transparency(ctx, electionId, regionCode, language));
    },
  );
};
