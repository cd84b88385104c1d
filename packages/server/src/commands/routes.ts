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
import { requireStaff } from '../http/guard.ts';
import { idParams, languageQuery, mergeBody, mergeResponse, publicReportBody } from '../capabilities/reports/schema.ts';
import * as screening from '../capabilities/screening/schema.ts';
import { inboxConversationToReport } from './inbox-report.ts';
import { mergeReports } from './merge-reports.ts';
import { reportToFinding } from './report-finding.ts';
import { rotationToFinding } from './rotation-finding.ts';
import { screenedPostToFinding } from './screened-post-finding.ts';

/** What an officer completes when an SMS/WhatsApp conversation becomes a report (the reporter's contact comes from the vault). */
const inboxReportBody = publicReportBody.pick({ electionId: true, regionCode: true, place: true, occurredOn: true, occurredUntil: true, knownOn: true, description: true, actCodes: true, reportedName: true, reportedAgency: true, reportedPosition: true, reportedNip: true, reporterName: true });

const screeningErrors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export const commandRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/merge-proposals/:id/merge',
    {
      preHandler: requireStaff({ action: 'reports.triage' }),
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
    '/reports/:id/finding',
    {
      preHandler: requireStaff({ action: 'reports.finding' }),
      schema: {
        tags: ['reports'],
        summary: 'Jadikan temuan: a report failing the formal requirements (anonymous, late) becomes the initial information of a Bawaslu finding (report + case); the report stays as its source',
        params: idParams,
        querystring: languageQuery,
        body: z.object({ note: z.string().trim().min(10, { message: 'Alasan minimal 10 karakter.' }).max(2000).describe('Why Bawaslu takes it up as a finding (in the timeline and the audit log)') }),
        response: {
          201: z.object({
            reportId: z.string(),
            caseId: z.string(),
            caseNumber: z.string(),
            receiptNumber: z.string(),
            source: z.object({ id: z.string(), receiptNumber: z.string(), caseId: z.string(), caseNumber: z.string() }),
            weaknesses: z.array(z.enum(['anonymous', 'late'])),
          }),
          400: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await reportToFinding(ctx, staffContext(request), request.params.id, request.body.note)),
  );

  app.post(
    '/rotations/:id/finding',
    {
      preHandler: requireStaff({ action: 'rotations.finding' }),
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
      preHandler: requireStaff({ action: 'screening.triage' }),
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

  app.post(
    '/inbox/conversations/:id/report',
    {
      preHandler: requireStaff({ action: 'inbox.triage' }),
      schema: {
        tags: ['inbox'],
        summary: "Make an SMS/WhatsApp conversation a report: its media become evidence, the sender's number the reporter's sealed contact; the receipt goes back by the same channel",
        params: z.object({ id: z.uuid() }),
        querystring: languageQuery,
        body: inboxReportBody,
        response: {
          201: z.object({ reportId: z.string(), caseId: z.string(), caseNumber: z.string(), receiptNumber: z.string(), evidenceCount: z.number() }),
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await inboxConversationToReport(ctx, staffContext(request), request.params.id, request.body)),
  );
};
