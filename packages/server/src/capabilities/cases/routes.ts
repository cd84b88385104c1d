import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { caseDetail, caseQueue } from './detail.ts';
import { requireStaff } from '../../http/guard.ts';
import {
  assignableStaffSchema,
  assignBody,
  assignResultSchema,
  bulkBody,
  bulkResultSchema,
  caseDetailSchema,
  caseIdParams,
  caseListSchema,
  langOnlyQuery,
  listCasesQuery,
  lockResultSchema,
  sanctionSuggestionSchema,
  suggestionQuery,
  transitionBody,
  transitionResultSchema,
} from './schema.ts';
import { assignableStaff, assignCase, lockCase, unlockCase } from './assignment.service.ts';
import { bulkAction, sanctionSuggestionFor, transitionCase } from './service.ts';
import { casePeopleRoutes } from './people.routes.ts';
import { workload, WORKLOAD_ITEMS } from './workload.service.ts';
import { z } from 'zod';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const changeErrors = { ...errors, 409: errorResponseSchema, 422: errorResponseSchema, 423: errorResponseSchema };

export const caseRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const caseReaders = requireStaff({ action: 'cases.read' });
  const caseStaff = requireStaff({ action: 'cases.transition' });
  // The person of a case and the SIASN block (issue 15).
  await app.register(casePeopleRoutes, { ctx });

  app.get(
    '/cases',
    {
      preHandler: caseReaders,
      schema: {
        tags: ['cases'],
        summary: 'Case queues (mine, needs my action, overdue, unassigned, all) within my scope, with filters and deadline sorting',
        querystring: listCasesQuery,
        response: { 200: caseListSchema, ...errors },
      },
    },
    async (request) => caseQueue(ctx, staffContext(request), request.query),
  );

  app.get(
    '/workload',
    {
      preHandler: requireStaff({ action: 'workload.read' }),
      schema: {
        tags: ['cases'],
        summary: "The day's work: new cases, clocks due today and in the next 3 days (each region's own today), overdue, assigned to me, waiting for my role, unread notifications; each with the queue it opens",
        querystring: langOnlyQuery,
        response: {
          200: z.object({
            asOf: z.string(),
            cases: z.boolean().describe('Whether the case counts apply to my role'),
            items: z.array(z.object({ code: z.enum(WORKLOAD_ITEMS), count: z.number().int(), href: z.string() })),
            notificationsUnread: z.number().int(),
          }),
          401: errorResponseSchema,
          403: errorResponseSchema,
        },
      },
    },
    async (request) => workload(ctx, staffContext(request)),
  );

  app.post(
    '/cases/bulk',
    {
      preHandler: caseStaff,
      schema: {
        tags: ['cases'],
        summary: 'Assign or transition many cases; each case is applied on its own and reported in the results',
        body: bulkBody,
        querystring: langOnlyQuery,
        response: { 200: bulkResultSchema, ...errors },
      },
    },
    async (request) => bulkAction(ctx, staffContext(request), request.body),
  );

  app.get(
    '/cases/:id',
    {
      preHandler: caseReaders,
      schema: {
        tags: ['cases'],
        summary: 'One case: reports, timeline, audit trail, running deadlines, my legal next transitions, sanction suggestion, lock and assignee',
        params: caseIdParams,
        querystring: langOnlyQuery,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (request) => caseDetail(ctx, staffContext(request), request.params.id),
  );

  app.post(
    '/cases/:id/transitions',
    {
      preHandler: caseStaff,
      schema: {
        tags: ['cases'],
        summary: 'Move a case to its next state (role, scope, state, note and fields checked by the state machine)',
        params: caseIdParams,
        querystring: langOnlyQuery,
        body: transitionBody,
        response: { 200: transitionResultSchema, ...changeErrors },
      },
    },
    async (request) => transitionCase(ctx, staffContext(request), request.params.id, request.body),
  );

  app.post(
    '/cases/:id/assign',
    {
      preHandler: caseStaff,
      schema: {
        tags: ['cases'],
        summary: 'Assign the case to a staff member whose scope covers it (null: unassign)',
        params: caseIdParams,
        querystring: langOnlyQuery,
        body: assignBody,
        response: { 200: assignResultSchema, ...changeErrors },
      },
    },
    async (request) => assignCase(ctx, staffContext(request), request.params.id, request.body),
  );

  app.get(
    '/cases/:id/assignable-staff',
    {
      preHandler: caseReaders,
      schema: { tags: ['cases'], summary: 'Staff the case can be assigned to at its current stage', params: caseIdParams, response: { 200: assignableStaffSchema, ...errors } },
    },
    async (request) => assignableStaff(ctx, staffContext(request), request.params.id),
  );

  app.post(
    '/cases/:id/lock',
    {
      preHandler: caseStaff,
      schema: {
        tags: ['cases'],
        summary: 'Show that I am working on the case (expires after 15 minutes unless renewed)',
        params: caseIdParams,
        querystring: langOnlyQuery,
        response: { 200: lockResultSchema, ...changeErrors },
      },
    },
    async (request) => lockCase(ctx, staffContext(request), request.params.id),
  );

  app.delete(
    '/cases/:id/lock',
    {
      preHandler: caseStaff,
      schema: { tags: ['cases'], summary: 'Release my lock on the case', params: caseIdParams, querystring: langOnlyQuery, response: { 200: lockResultSchema, ...changeErrors } },
    },
    async (request) => unlockCase(ctx, staffContext(request), request.params.id),
  );

  app.get(
    '/cases/:id/sanction-suggestion',
    {
      preHandler: caseReaders,
      schema: {
        tags: ['cases'],
        summary: "The SKB 2022 matrix's ethics and discipline suggestion for the case's acts (or ?acts= to preview)",
        params: caseIdParams,
        querystring: suggestionQuery,
        response: { 200: z.object({ actCodes: z.array(z.string()), suggestion: sanctionSuggestionSchema.nullable() }), ...errors },
      },
    },
    async (request) => sanctionSuggestionFor(ctx, staffContext(request), request.params.id, request.query.acts),
  );
};
