/**
 * Filing routes. Public (no account): the form's metadata, the reporting-window check, filing with
 * evidence. Staff: recording a Bawaslu finding or a paper report.
 */
import { errorResponseSchema } from '../../http/errors.ts';
import { requestLanguage, type Language } from '../../http/language.ts';
import { PUBLIC_META, staffContext } from '../../http/request-context.ts';
import { fileReport, formInfo, reportWindowCheck, type Receipt } from './intake.service.ts';
import type { ReportRouteDeps, ReportsApp } from './route-helpers.ts';
import { formInfoResponse, idempotencyHeaders, intakeReportBody, languageQuery, publicReportBody, receiptSchema, staffReceiptSchema, windowQuery, windowResponse } from './schema.ts';
import { evidenceProblemsOf, uploadsOf } from '../evidence/uploads.ts';

function receiptBody(receipt: Receipt, language: Language) {
  return {
    receiptNumber: receipt.receiptNumber,
    secret: receipt.secret,
    caseNumber: receipt.caseNumber,
    receivedOn: receipt.receivedOn,
    lateByDays: receipt.lateByDays,
    ...(receipt.reception ? { receivedNote: receipt.reception[language] } : {}),
    ...(receipt.outsideStages ? { outsideStages: receipt.outsideStages[language] } : {}),
    ...(receipt.warning ? { warning: receipt.warning[language] } : {}),
  };
}

/** The public form's routes: what it offers, whether a report would be late, filing. */
export function publicIntakeRoutes(app: ReportsApp, { ctx, cases, submitLimit }: ReportRouteDeps): void {
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
      const { receivedOn, reception, window, warning, outsideStages } = await reportWindowCheck(ctx, request.query);
      const language = requestLanguage(request);
      return {
        receivedOn,
        receivedNote: reception[language],
        ...(outsideStages ? { outsideStages: outsideStages[language] } : {}),
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
      // The answer is a receipt of a few hundred bytes (under the 1 kB compression threshold) and
      // browsers do not compress uploads: neither compression hook runs here (issue 11, fifth pass).
      compress: false,
      decompress: false,
      config: { rateLimit: submitLimit, acceptsEvidence: true },
      schema: {
        tags: ['reports'],
        summary: 'File a report (no account needed), anonymously or named, with up to 5 evidence files',
        description:
          'multipart/form-data: the fields below plus files under "evidence" (JPEG, PNG, WebP, HEIC, PDF; 10 MB each, 25 MB in all; the type is read from the content). ' +
          'Every problem is answered at once (400 validation_failed with one entry per field; 413/415 when only the files are wrong). ' +
          'A named report carries the particulars of the official form (Perbawaslu 8/2020 jo. 9/2024); they and the witnesses are sealed in the vault. ' +
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
      const receipt = await fileReport(ctx, cases, { actor: null, meta: PUBLIC_META }, request.body, uploadsOf(request), {
        source: 'public',
        idempotencyKey: request.headers['idempotency-key'],
        evidenceProblems: evidenceProblemsOf(request),
      });
      if (receipt.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(receiptBody(receipt, requestLanguage(request)));
    },
  );
}

/** Bawaslu recording a finding or a paper report (registered after tracking: the API document keeps its order). */
export function officerIntakeRoutes(app: ReportsApp, { ctx, cases, officersFirst }: ReportRouteDeps): void {
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
      const { source, receivedOn, ...input } = request.body;
      const receipt = await fileReport(ctx, cases, staffContext(request), input, uploadsOf(request), {
        source,
        idempotencyKey: request.headers['idempotency-key'],
        receivedOn,
        evidenceProblems: evidenceProblemsOf(request),
      });
      if (receipt.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ ...receiptBody(receipt, requestLanguage(request)), reportId: receipt.reportId, caseId: receipt.caseId });
    },
  );
}
