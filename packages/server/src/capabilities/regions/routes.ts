import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import type { Language } from '../../http/language.ts';
import { listRegionsQuery, regionCodeParams, regionDetailSchema, regionListSchema, type RegionDetail } from './schema.ts';
import { listRegions, requireRegion } from './service.ts';

export interface RegionRoutesOptions {
  ctx: AppContext;
  /**
   * The elections a region takes part in. Handed in by the app (the elections capability's
   * service): elections build on regions, so regions may not import elections.
   */
  electionsOfRegion: (ctx: AppContext, regionCode: string, language: Language) => Promise<RegionDetail['elections']>;
}

export const regionRoutes: FastifyPluginAsyncZod<RegionRoutesOptions> = async (app, { ctx, electionsOfRegion }) => {
  app.get(
    '/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Provinces, regencies/cities and districts with Kemendagri codes',
        querystring: listRegionsQuery,
        response: { 200: regionListSchema, 400: errorResponseSchema },
      },
    },
    async (request) => listRegions(ctx, request.query),
  );

  app.get(
    '/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: 'One region and the elections it takes part in',
        params: regionCodeParams,
        response: { 200: regionDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const region = await requireRegion(ctx, request.params.code);
      return { ...region, elections: await electionsOfRegion(ctx, region.code, requestLanguage(request)) };
    },
  );
};
