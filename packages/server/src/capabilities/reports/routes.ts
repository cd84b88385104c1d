/**
 * Reports API. Public (no account): the form's metadata, the reporting-window check, filing with
 * evidence, tracking by receipt and secret, the receipt slip, adding information when asked.
 * Staff: intake of findings and paper reports, reading reports and evidence in scope, opening a
 * reporter's identity with a reason, and merge proposals.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestMeta } from '../../http/request-context.ts';
import { requireStaff } from '../auth/guard.ts';
import { ApiError, errorResponseSchema, notFound } from '../../http/errors.ts';
import { requestLanguage, type Language } from '../../http/language.ts';
import * as repo from './repository.ts';
import {
  addInformationBody,
  dismissBody,
  evidenceQuery,
  formInfoResponse,
  idempotencyHeaders,
  identityBody,
  identityResponse,
  idParams,
  intakeReportBody,
  languageQuery,
  listProposalsQuery,
  listReportsQuery,
  mergeBody,
  mergeResponse,
  proposalListResponse,
  publicReportBody,
  receiptSchema,
  reportDetailResponse,
  reportListResponse,
  staffReceiptSchema,
  trackBody,
  trackResponse,
  windowQuery,
  windowResponse,
} from './schema.ts';
import {
  addInformation,
  dismissProposal,
  fileReport,
  formInfo,
  mergeProposal,
  mergeProposalList,
  publicEvidenceFile,
  reportDetail,
  reportDto,
  reportWindowCheck,
  revealIdentity,
  staffEvidenceFile,
  trackingView,
  verifyReporter,
  type Receipt,
} from './service.ts';
import { sweepIncoming } from '../../storage/evidence-store.ts';
import { renderSlip } from './slip.ts';
import { registerEvidenceUploads, uploadsOf } from './uploads.ts';

export interface ReportRoutesOptions {
  ctx: AppContext;
  /** Public submissions per network address per hour (default NETRA_REPORTS_PER_HOUR or 10). */
  submissionsPerHour?: number;
  /** Tracking requests (status, slip, information) per network address per hour (default 60). */
  trackingPerHour?: number;
  /** The API's mount point, for links in responses. */
  apiPrefix?: string;
}

const tooMany = (what: 'submit' | 'track') => (_request: FastifyRequest, context: { ttl: number }) => {
  const minutes = Math.max(1, Math.ceil(context.ttl / 60_000));
  return new ApiError(
    429,
    'rate_limited',
    what === 'submit'
      ? {
          id: `Terlalu banyak laporan dikirim dari jaringan Anda dalam satu jam terakhir. Isian Anda tetap tersimpan di formulir; silakan kirim lagi dalam ${minutes} menit.`,
          en: `Too many reports were sent from your network in the last hour. What you typed is kept in the form; please send it again in ${minutes} minute(s).`,
        }
      : {
          id: `Terlalu banyak percobaan dari jaringan Anda. Silakan coba lagi dalam ${minutes} menit.`,
          en: `Too many attempts from your network. Please try again in ${minutes} minute(s).`,
        },
  );
};

function receiptBody(receipt: Receipt, language: Language) {
  return {
    receiptNumber: receipt.receiptNumber,
    secret: receipt.secret,
    caseNumber: receipt.caseNumber,
    receivedOn: receipt.receivedOn,
    lateByDays: receipt.lateByDays,
    ...(receipt.warning ? { warning: receipt.warning[language] } : {}),
  };
}

/** A file response: Fastify sends Buffers and streams as they are, never through the serializer. */
const binary = (description: string) => z.any().describe(description);

/** Headers for a stored file: the sniffed type, never rendered as a page, never guessed. */
function fileHeaders(reply: FastifyReply, mimeType: string, disposition: 'attachment' | 'inline', fileName?: string) {
  const name = fileName ? `; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}` : '';
  reply
    .type(mimeType)
    .header('content-disposition', `${disposition}${name}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store');
}

export const reportRoutes: FastifyPluginAsyncZod<ReportRoutesOptions> = async (app, options) => {
  const { ctx } = options;
  const apiPrefix = options.apiPrefix ?? '/api/v1';
  const submissionsPerHour = options.submissionsPerHour ?? Number(process.env.NETRA_REPORTS_PER_HOUR ?? 10);
  const trackingPerHour = options.trackingPerHour ?? 60;
  const readers = requireStaff(ctx, { action: 'reports.read' });
  const officers = requireStaff(ctx, { action: 'reports.triage' });
  // Checked before the body is read: nobody uploads 25 MB to be told they are not signed in.
  const officersFirst = officers as unknown as onRequestAsyncHookHandler;
  await registerEvidenceUploads(app, ctx);
  // Uploads a crash interrupted (a day old at least): cleared once per server start.
  app.addHook('onReady', async () => {
    await sweepIncoming(ctx.evidenceDir, 24 * 60 * 60 * 1000).catch(() => 0);
  });

  const submitLimit = { max: submissionsPerHour, timeWindow: '1 hour', errorResponseBuilder: tooMany('submit') };
  const trackLimit = { max: trackingPerHour, timeWindow: '1 hour', errorResponseBuilder: tooMany('track') };

  // ------------------------------------------------------------ public

  app.get(
    '/reports/form',
    { schema: { tags: ['reports'], summary: 'What the public report form offers: elections, SKB 2022 acts, evidence limits', querystring: languageQuery, response: { 200: formInfoResponse } } },
    async (request) => formInfo(ctx, requestLanguage(request)),
  );

  app.get(
    '/reports/window',
    {
      schema: {
        tags: ['reports'],
        summary: 'Whether a report filed now is within the reporting window (the form warns before submitting)',
        querystring: windowQuery,
        response: { 200: windowResponse, 400: errorResponseSchema },
      },
    },
    async (request) => {
      const { receivedOn, window, warning } = await reportWindowCheck(ctx, request.query);
      const language = requestLanguage(request);
      return {
        receivedOn,
        withinWindow: window.withinWindow,
        lastDay: window.lastDay,
        daysLate: window.withinWindow ? 0 : window.daysLate,
        counting: window.counting,
        basis: window.basis,
        ...(warning ? { warning: warning[language] } : {}),
      };
    },
  );

  app.post(
    '/reports',
    {
      config: { rateLimit: submitLimit, acceptsEvidence: true },
      schema: {
        tags: ['reports'],
        summary: 'File a report (no account needed), anonymously or named, with up to 5 evidence files',
        description:
          'multipart/form-data: the fields below plus files under "evidence" (JPEG, PNG, WebP, HEIC, PDF; 10 MB each, 25 MB in all; the type is read from the content). ' +
          'Returns the receipt number and the secret (shown once). A report filed after closing hours counts as received the next day. ' +
          'A late report (past the reporting window) is accepted with a warning.',
        consumes: ['multipart/form-data', 'application/json'],
        headers: idempotencyHeaders,
        querystring: languageQuery,
        body: publicReportBody,
        response: { 201: receiptSchema, 400: errorResponseSchema, 413: errorResponseSchema, 415: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { anonymous, ...input } = request.body;
      const receipt = await fileReport(ctx, { ...input, anonymous }, uploadsOf(request), {
        source: 'public',
        staff: null,
        meta: requestMeta(request),
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (receipt.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(receiptBody(receipt, requestLanguage(request)));
    },
  );

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
      return trackingView(ctx, report, requestLanguage(request), apiPrefix);
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
    async (request, reply) => reply.status(201).send(await addInformation(ctx, request.body, uploadsOf(request), requestMeta(request))),
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

  // ------------------------------------------------------------ staff

  app.post(
    '/intake/reports',
    {
      onRequest: officersFirst,
      config: { acceptsEvidence: true },
      schema: {
        tags: ['reports'],
        summary: "Record a Bawaslu finding (temuan) or a report received on paper, in the officer's scope",
        consumes: ['multipart/form-data', 'application/json'],
        headers: idempotencyHeaders,
        querystring: languageQuery,
        body: intakeReportBody,
        response: { 201: staffReceiptSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 413: errorResponseSchema, 415: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { source, receivedOn, anonymous, ...input } = request.body;
      const receipt = await fileReport(ctx, { ...input, anonymous }, uploadsOf(request), {
        source,
        staff: request.staff,
        meta: requestMeta(request),
        idempotencyKey: request.headers['idempotency-key'],
        receivedOn,
      });
      if (receipt.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ ...receiptBody(receipt, requestLanguage(request)), reportId: receipt.reportId, caseId: receipt.caseId });
    },
  );

  app.get(
    '/reports',
    {
      preHandler: readers,
      schema: {
        tags: ['reports'],
        summary: 'Reports in your scope, newest first (search by name, NIP, receipt or case number, text)',
        querystring: listReportsQuery,
        response: { 200: reportListResponse, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      const { total, items } = await repo.listReports(ctx.db, request.staff!, request.query);
      const language = requestLanguage(request);
      return { total, items: items.map((r) => reportDto(r, language)) };
    },
  );

  app.get(
    '/reports/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['reports'],
        summary: 'One report in your scope with its evidence and the formal/material checklist',
        params: idParams,
        querystring: languageQuery,
        response: { 200: reportDetailResponse, 404: errorResponseSchema },
      },
    },
    async (request) => reportDetail(ctx, request.staff!, request.params.id, requestLanguage(request)),
  );

  app.get(
    '/evidence/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['reports'],
        summary: 'An evidence file in your scope: the original (default) or the metadata-free copy (?copy=public)',
        params: idParams,
        querystring: evidenceQuery,
        response: { 200: binary('The file, with its sniffed Content-Type, as an attachment'), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const file = await staffEvidenceFile(ctx, request.staff!, request.params.id, request.query.copy);
      fileHeaders(reply, file.mimeType, 'attachment', file.originalName);
      return reply.send(file.stream);
    },
  );

  app.post(
    '/reports/:id/identity',
    {
      preHandler: officers,
      schema: {
        tags: ['reports'],
        summary: "Open a reporter's identity: Bawaslu in scope, with a reason; always audited before it is returned",
        params: idParams,
        querystring: languageQuery,
        body: identityBody,
        response: { 200: identityResponse, 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => revealIdentity(ctx, request.staff!, request.params.id, request.body.reason, requestMeta(request)),
  );

  app.get(
    '/merge-proposals',
    {
      preHandler: officers,
      schema: {
        tags: ['reports'],
        summary: 'Proposed duplicates in your scope, both reports side by side',
        querystring: listProposalsQuery,
        response: { 200: proposalListResponse, 403: errorResponseSchema },
      },
    },
    async (request) => mergeProposalList(ctx, request.staff!, request.query, requestLanguage(request)),
  );

  app.post(
    '/merge-proposals/:id/merge',
    {
      preHandler: officers,
      schema: {
        tags: ['reports'],
        summary: "Merge: the new report's case joins the earlier one; every report, file and reporter is kept",
        params: idParams,
        querystring: languageQuery,
        body: mergeBody,
        response: { 200: mergeResponse, 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => mergeProposal(ctx, request.staff!, request.params.id, request.body.note || undefined, requestMeta(request)),
  );

  app.post(
    '/merge-proposals/:id/dismiss',
    {
      preHandler: officers,
      schema: {
        tags: ['reports'],
        summary: 'Dismiss a proposal (not the same event), with a reason',
        params: idParams,
        querystring: languageQuery,
        body: dismissBody,
        response: { 200: z.object({ id: z.string(), status: z.literal('dismissed'), decidedAt: z.string() }), 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => dismissProposal(ctx, request.staff!, request.params.id, request.body.reason, requestMeta(request)),
  );
};
