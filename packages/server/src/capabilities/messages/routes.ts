/**
 * The reporter's thread: for the reporter (no account; receipt number and secret in the body,
 * never a URL; rate-limited per address like tracking) and for officers on the case page.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { requireStaff } from '../../http/guard.ts';
import { registerEvidenceUploads, uploadsOf } from '../evidence/uploads.ts';
import { tooMany } from '../reports/route-helpers.ts';
import { askBody, askResponse, caseParams, languageQuery, noticeBody, reporterSendBody, reporterSendResponse, reporterThreadResponse, staffThreadResponse, trackBody } from './schema.ts';
import { ask, reporterSend, reporterThread, setNoticeAddress, staffThread } from './service.ts';

export interface MessageRoutesOptions {
  ctx: AppContext;
  apiPrefix?: string;
  /** Thread requests per network address per hour (default 60, as tracking). */
  perHour?: number;
}

export const messageRoutes: FastifyPluginAsyncZod<MessageRoutesOptions> = async (app, { ctx, apiPrefix = '/api/v1', perHour = Number(process.env.NETRA_TRACKING_PER_HOUR ?? 60) }) => {
  await registerEvidenceUploads(app, ctx);
  const limit = { max: perHour, timeWindow: '1 hour', errorResponseBuilder: tooMany('track') };
  const readers = requireStaff({ action: 'messages.read' });
  const askers = requireStaff({ action: 'messages.ask' });
  const publicErrors = { 400: errorResponseSchema, 404: errorResponseSchema, 429: errorResponseSchema };

  app.post(
    '/reports/track/messages',
    {
      config: { rateLimit: limit },
      schema: {
        tags: ['messages'],
        summary: "The reporter's thread with Bawaslu (receipt number and secret in the body)",
        querystring: languageQuery,
        body: trackBody,
        response: { 200: reporterThreadResponse, ...publicErrors },
      },
    },
    async (request) => reporterThread(ctx, request.body.receiptNumber, request.body.secret, apiPrefix),
  );

  app.post(
    '/reports/track/messages/send',
    {
      config: { rateLimit: limit, acceptsEvidence: true },
      schema: {
        tags: ['messages'],
        summary: 'The reporter answers or adds information (text and files under "evidence"), at any state before the case is finished',
        consumes: ['multipart/form-data', 'application/json'],
        querystring: languageQuery,
        body: reporterSendBody,
        response: { 201: reporterSendResponse, ...publicErrors, 409: errorResponseSchema, 413: errorResponseSchema, 415: errorResponseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await reporterSend(ctx, request.body, uploadsOf(request))),
  );

  app.post(
    '/reports/track/notices',
    {
      config: { rateLimit: limit },
      schema: {
        tags: ['messages'],
        summary: 'Turn on (an e-mail address, kept sealed and never shown) or off (null) the e-mail saying there is news; the e-mail never carries content',
        querystring: languageQuery,
        body: noticeBody,
        response: { 200: z.object({ noticesOn: z.boolean() }), ...publicErrors },
      },
    },
    async (request) => setNoticeAddress(ctx, request.body),
  );

  app.get(
    '/cases/:id/messages',
    {
      preHandler: readers,
      schema: {
        tags: ['messages'],
        summary: "The thread with each reporter of a case in your scope (the reporter's identity is never part of it)",
        params: caseParams,
        querystring: languageQuery,
        response: { 200: staffThreadResponse, 404: errorResponseSchema },
      },
    },
    async (request) => staffThread(ctx, staffContext(request), request.params.id, apiPrefix),
  );

  app.post(
    '/cases/:id/messages',
    {
      preHandler: askers,
      schema: {
        tags: ['messages'],
        summary: 'Ask the reporter; with requestInformation the case takes request_information (the more-information clock starts)',
        params: caseParams,
        querystring: languageQuery,
        body: askBody,
        response: { 201: askResponse, 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema, 423: errorResponseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await ask(ctx, staffContext(request), request.params.id, request.body)),
  );
};
