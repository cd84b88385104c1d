/**
 * The API of the operations that span capabilities. They live here, beside their commands, and not
 * in a capability's routes: a capability may not import a command (commands import capabilities),
 * so the capabilities stay one floor below the commands that combine them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { errorResponseSchema } from '../http/errors.ts';
import { staffContext } from '../http/request-context.ts';
import { requireStaff } from '../capabilities/auth/guard.ts';
import { idParams, languageQuery, mergeBody, mergeResponse } from '../capabilities/reports/schema.ts';
import * as screening from '../capabilities/screening/schema.ts';
import { mergeReports } from './merge-reports.ts';
import { rotationToFinding } from './rotation-finding.ts';
import { screenedPostToFinding } from './screened-post-finding.ts';

const screeningErrors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export const commandRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/merge-proposals/:id/merge',
    {
      preHandler: requireStaff(ctx, { action: 'reports.triage' }),
      schema: {
        tags: ['reports'],
        summary: "Merge: the new report's case joins the earlier one; every report, file and reporter is kept",
        params: idParams,
        querystring: languageQuery,
        body: mergeBody,
        response: { 200: mergeResponse, 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => mergeReports(ctx, staffContext(request), request.params.id, request.body.note || undefined),
  );

  app.post(
    '/rotations/:id/finding',
    {
      preHandler: requireStaff(ctx, { action: 'rotations.finding' }),
      schema: {
        tags: ['rotations'],
        summary: 'Jadikan temuan: turn a flagged rotation into a Bawaslu finding (report + case) in one step',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ lang: z.enum(['id', 'en']).optional() }),
        response: { 201: z.object({ reportId: z.string(), caseId: z.string(), caseNumber: z.string(), receiptNumber: z.string() }), 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await rotationToFinding(ctx, staffContext(request), request.params.id)),
  );

  app.post(
    '/screening/posts/:id/confirm',
    {
      preHandler: requireStaff(ctx, { action: 'screening.triage' }),
      schema: {
        tags: ['screening'],
        summary: 'Confirm a post: a report (source screening) with the post as evidence, linked to the ASN when the account is',
        params: screening.idParams,
        querystring: z.object(screening.langQuery),
        body: screening.confirmBody,
        response: { 200: screening.confirmResult, 409: errorResponseSchema, ...screeningErrors },
      },
    },
    async (request) => screenedPostToFinding(ctx, staffContext(request), request.params.id, request.body),
  );
};
