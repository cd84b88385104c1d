/**
 * Tracking routes, for the reporter (no account; receipt number and secret, rate-limited per
 * address): status and public timeline, the receipt slip, adding information when asked, and the
 * metadata-free evidence images behind signed links.
 */
import { z } from 'zod';
import { errorResponseSchema, notFound } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { PUBLIC_META } from '../../http/request-context.ts';
import { binary, fileHeaders } from '../../http/files.ts';
import type { ReportRouteDeps, ReportsApp } from './route-helpers.ts';
import { addInformationBody, idParams, languageQuery, trackBody, trackResponse } from './schema.ts';
import { renderSlip } from './slip.ts';
import { addInformation, publicEvidenceFile, trackingView, verifyReporter } from './tracking.service.ts';
import { uploadsOf } from '../evidence/uploads.ts';

export function trackingRoutes(app: ReportsApp, { ctx, cases, apiPrefix, trackLimit }: ReportRouteDeps): void {
  app.post(
    '/reports/track',
    {
      config: { rateLimit: trackLimit },
      schema: {
        tags: ['reports'],
        summary: "Follow a report with its receipt number and secret: status, public timeline, requests for information, own evidence",
        querystring: languageQuery,
        body: trackBody,
        response: { 200: trackResponse, 400: errorResponseSchema, 404: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request) => {
      const report = await verifyReporter(ctx, request.body.receiptNumber, request.body.secret);
      return trackingView(ctx, cases, report, requestLanguage(request), apiPrefix);
    },
  );

  app.post(
    '/reports/track/slip',
    {
      config: { rateLimit: trackLimit },
      schema: {
        tags: ['reports'],
        summary: 'The receipt slip as a small PDF (A6); the secret travels in the body, never in a URL',
        querystring: languageQuery,
        body: trackBody,
        response: { 200: binary('The slip, application/pdf'), 400: errorResponseSchema, 404: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const report = await verifyReporter(ctx, request.body.receiptNumber, request.body.secret);
      const pdf = await renderSlip(
        {
          receiptNumber: report.receiptNumber,
          secret: request.body.secret.trim().toUpperCase(),
          caseNumber: report.caseNumber,
          receivedAt: report.receivedAt,
          trackUrl: `${request.protocol}://${request.host}/lacak`,
        },
        requestLanguage(request),
      );
      fileHeaders(reply, 'application/pdf', 'attachment', `tanda-terima-${report.receiptNumber}.pdf`);
      return reply.send(pdf);
    },
  );

  app.post(
    '/reports/track/information',
    {
      config: { rateLimit: trackLimit, acceptsEvidence: true },
      schema: {
        tags: ['reports'],
        summary: 'Add information (text and files) to a report while Bawaslu asks for it',
        consumes: ['multipart/form-data', 'application/json'],
        querystring: languageQuery,
        body: addInformationBody,
        response: {
          201: z.object({ addedAt: z.string(), evidenceCount: z.number() }),
          400: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
          413: errorResponseSchema,
          415: errorResponseSchema,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await addInformation(ctx, cases, request.body, uploadsOf(request), PUBLIC_META)),
  );

  app.get(
    '/reports/track/evidence/:id',
    {
      schema: {
        tags: ['reports'],
        summary: "A metadata-free evidence image for the reporter's tracking page (short-lived signed link)",
        params: idParams,
        querystring: z.object({ token: z.string().max(200) }),
        response: { 200: binary('The image (JPEG, PNG or WebP), without metadata'), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const file = await publicEvidenceFile(ctx, request.params.id, request.query.token);
      if (!file) throw notFound({ id: 'Berkas bukti', en: 'Evidence file' });
      fileHeaders(reply, file.mimeType, 'inline');
      return reply.send(file.stream);
    },
  );
}
