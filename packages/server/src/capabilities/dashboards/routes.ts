import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireStaff } from '../../http/guard.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { askForRefresh } from '../figures/refresh.ts';
import { agencyQuery, agencyTableSchema, dashboardQuery, dashboardSchema, electionParams, refreshResultSchema } from './schema.ts';
import { agencyTable, dashboard } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

/** Dashboards are aggregate figures without personal data: every staff role sees its territory's. */
export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const staff = requireStaff({ action: 'dashboards.read' });

  app.get(
    '/dashboards/:electionId',
    {
      preHandler: staff,
      schema: {
        tags: ['dashboards'],
        summary: 'Figures of an election for the nation, a province or a regency/city inside my scope: by state, stage, act, position type, deadlines, week, child region, prevention',
        params: electionParams,
        querystring: dashboardQuery,
        response: { 200: dashboardSchema, ...errors },
      },
    },
    async (request) => dashboard(ctx, staffContext(request), request.params.electionId, request.query.region),
  );

  app.get(
    '/dashboards/:electionId/agencies',
    {
      preHandler: staff,
      schema: {
        tags: ['dashboards'],
        summary: 'Cases per agency inside my scope: proven, sanctioned, PPK follow-up rate, deadlines met, missed and overdue',
        params: electionParams,
        querystring: agencyQuery,
        response: { 200: agencyTableSchema, ...errors },
      },
    },
    async (request) => agencyTable(ctx, staffContext(request), request.params.electionId, request.query),
  );

  app.post(
    '/dashboards/refresh',
    {
      preHandler: staff,
      schema: {
        tags: ['dashboards'],
        summary: 'Ask for the aggregates to be refreshed now (they are refreshed every few minutes anyway)',
        querystring: z.object({ lang: z.enum(['id', 'en']).optional() }),
        response: { 200: refreshResultSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async () => askForRefresh(ctx),
  );
};
