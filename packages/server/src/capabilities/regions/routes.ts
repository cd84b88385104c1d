import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema, notFound } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { listElectionsForRegion } from '../elections/repository.ts';
import { findRegion, listRegions } from './repository.ts';
import { listRegionsQuery, regionCodeParams, regionDetailSchema, regionListSchema } from './schema.ts';

export const regionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
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
    async (request) => {
      const { total, items } = await listRegions(ctx.db, request.query);
      const { limit, offset } = request.query;
      return { total, limit, offset, nextOffset: offset + items.length < total ? offset + items.length : null, items };
    },
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
      const region = await findRegion(ctx.db, request.params.code);
      if (!region) throw notFound({ id: `Wilayah ${request.params.code}`, en: `Region ${request.params.code}` });
      const language = requestLanguage(request);
      const elections = await listElectionsForRegion(ctx.db, region.code);
      return {
        ...region,
        elections: elections.map((e) => ({
          id: e.id,
          name: language === 'id' ? e.name_id : e.name_en,
          year: e.year,
          kind: e.kind,
          participates: e.participates,
        })),
      };
    },
  );
};
