import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireStaff } from '../../http/guard.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { territoryCode } from '../../http/validation.ts';
import multipart from '@fastify/multipart';
import { LETTER_KINDS } from './letters.ts';
import { caseDocumentFile, caseDocuments, caseLetter, DECREE_MAX_BYTES, recapDocument, recommendationLetter, uploadDecree } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const pdf = z.unknown().describe('application/pdf');
const lang = z.enum(['id', 'en']).optional();

const caseParams = z.object({ id: z.uuid() });
const fileSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  reportId: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
const caseDocumentsSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  letters: z.array(z.object({ kind: z.enum(LETTER_KINDS), label: z.string(), due: z.boolean(), reason: z.string().nullable() })),
  reporterReports: z.array(z.object({ id: z.string(), receiptNumber: z.string() })),
  decree: z.object({ canUpload: z.boolean(), due: z.boolean(), maxBytes: z.number() }),
  files: z.array(fileSchema),
});
const sendPdf = (reply: FastifyReply, body: Buffer, fileName: string) =>
  reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'private, no-store').send(body);

export const documentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(multipart, { limits: { fileSize: DECREE_MAX_BYTES, files: 1, fields: 2 }, throwFileSizeLimit: true });
  const letterReaders = requireStaff({ action: 'documents.letters' });

  app.get(
    '/documents/cases/:id',
    {
      preHandler: letterReaders,
      schema: { tags: ['documents'], summary: 'The letters due at the case\'s step (and why the others are not yet), and the files kept with the case (letters generated, the signed decree)', params: caseParams, querystring: z.object({ lang }), response: { 200: caseDocumentsSchema, ...errors } },
    },
    async (request) => caseDocuments(ctx, staffContext(request), request.params.id),
  );

  app.get(
    '/documents/cases/:id/letters/:kind',
    {
      preHandler: letterReaders,
      schema: {
        tags: ['documents'],
        summary: 'One letter of the case at its step (review result, recommendation to BKN or the PPK, BKN\'s recommendation to the PPK, notice of report status), generated now, stored with the case and audited (PDF)',
        params: z.object({ id: z.uuid(), kind: z.enum(LETTER_KINDS) }),
        querystring: z.object({ report: z.uuid().optional(), lang }),
        response: { 200: pdf, 409: errorResponseSchema, 422: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { pdf: body, fileName, documentId } = await caseLetter(ctx, staffContext(request), request.params.id, request.params.kind, request.query.report);
      return sendPdf(reply.header('x-netra-document-id', documentId), body, fileName);
    },
  );

  app.get(
    '/documents/cases/:id/files/:fileId',
    {
      preHandler: letterReaders,
      schema: { tags: ['documents'], summary: 'A file kept with the case (a letter as generated, the signed decree), with its SHA-256', params: z.object({ id: z.uuid(), fileId: z.uuid() }), response: { 200: z.unknown().describe('the stored file'), ...errors } },
    },
    async (request, reply) => {
      const file = await caseDocumentFile(ctx, staffContext(request), request.params.id, request.params.fileId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('x-netra-sha256', file.sha256)
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );

  app.post(
    '/documents/cases/:id/decree',
    {
      preHandler: requireStaff({ action: 'documents.decree.upload' }),
      schema: {
        tags: ['documents'],
        summary: 'The PPK uploads the signed sanction decree (multipart/form-data, the PDF under "file"); kept as evidence with its SHA-256',
        params: caseParams,
        querystring: z.object({ lang }),
        response: { 201: z.object({ id: z.string(), caseId: z.string(), fileName: z.string(), sha256: z.string(), sizeBytes: z.number(), originalName: z.string() }), 409: errorResponseSchema, 413: errorResponseSchema, 422: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      const upload = file ? { bytes: await file.toBuffer(), fileName: file.filename } : null;
      return reply.status(201).send(await uploadDecree(ctx, staffContext(request), request.params.id, upload));
    },
  );
  app.get(
    '/documents/cases/:id/recommendation',
    {
      // The letter names the civil servant: only the roles that open case files.
      preHandler: requireStaff({ action: 'documents.recommendation' }),
      schema: {
        tags: ['documents'],
        summary: "Bawaslu's recommendation letter for a proven case, to the head of BKN (KASN before Aug 2024) or to the PPK (PDF)",
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ to: z.enum(['bkn', 'ppk']).default('bkn'), lang }),
        response: { 200: pdf, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { pdf: body, fileName } = await recommendationLetter(ctx, staffContext(request), request.params.id, request.query.to);
      return sendPdf(reply, body, fileName);
    },
  );

  app.get(
    '/documents/recap/:electionId',
    {
      preHandler: requireStaff({ action: 'documents.recap' }),
      schema: {
        tags: ['documents'],
        summary: 'Recap of an election in my territory per stage, region and case state; optionally one stage per region (PDF)',
        params: z.object({ electionId: z.string().min(1).max(40) }),
        querystring: z.object({ region: territoryCode.optional(), stage: z.string().min(1).max(40).optional(), lang }),
        response: { 200: pdf, ...errors },
      },
    },
    async (request, reply) => {
      const { pdf: body, fileName } = await recapDocument(ctx, staffContext(request), { electionId: request.params.electionId, ...request.query });
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'private, no-store').send(body);
    },
  );
};
