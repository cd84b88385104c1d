/**
 * /api/v1/candidates: candidate pairs per election and region (import, form, edit), and the ASN
 * candidates' obligations with their events and alerts.
 */
import { CANDIDATE_COLUMNS, candidateTemplateCsv, resolveCandidateHeader } from '@netra/core';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { staffContext } from '../../http/request-context.ts';
import { requireStaff } from '../../http/guard.ts';
import { ApiError, errorResponseSchema } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { csvImportRows, importSummarySchema, uploadedCsv } from '../../http/csv-upload.ts';
import { candidatePair, createPair, editPair, listCandidatePairs, recordObligation, savePairRows } from './service.ts';

const langQuery = { lang: z.enum(['id', 'en']).optional() };
const MAX_CSV_BYTES = 5 * 1024 * 1024;

const personBody = z.object({
  name: z.string().trim().min(2).max(150),
  nickname: z.string().trim().max(60).optional(),
  variants: z.array(z.string().trim().min(1).max(150)).max(20).optional(),
  asnNip: z.string().trim().max(40).optional(),
});

const pairBody = z.object({
  electionId: z.string().trim().min(1).max(40),
  regionCode: z.string().trim().min(2).max(13),
  ballotNumber: z.number().int().min(1).max(99).nullable().optional(),
  head: personBody,
  deputy: personBody,
  independent: z.boolean(),
  parties: z.array(z.string().trim().min(1).max(200)).max(30),
  incumbent: z.object({ member: z.enum(['head', 'deputy']), office: z.enum(['regional_head', 'deputy_regional_head']) }).nullable(),
  slogans: z.array(z.string().trim().min(1).max(300)).max(20),
  hashtags: z.array(z.string().trim().min(1).max(100)).max(30),
});

const personSchema = z.object({ name: z.string(), nickname: z.string().optional(), variants: z.array(z.string()).optional(), asnNip: z.string().optional() });

const obligationSchema = z.object({
  code: z.string(),
  name: z.string(),
  responsible: z.string(),
  due: z.string(),
  status: z.string(),
  doneOn: z.string().nullable(),
  daysRemaining: z.number().nullable(),
  daysLate: z.number().nullable(),
  basis: z.string(),
  unsure: z.boolean(),
  letterNumber: z.string().nullable(),
  note: z.string().nullable(),
});

const memberObligationsSchema = z.object({
  member: z.enum(['head', 'deputy']),
  name: z.string(),
  nip: z.string(),
  asnId: z.number().nullable(),
  obligations: z.array(obligationSchema),
  alerts: z.array(z.object({ obligation: z.string(), status: z.string(), message: z.string() })),
});

const pairSchema = z.object({
  id: z.string(),
  electionId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  ballotNumber: z.number().nullable(),
  head: personSchema,
  deputy: personSchema,
  headAsnId: z.number().nullable(),
  deputyAsnId: z.number().nullable(),
  independent: z.boolean(),
  parties: z.array(z.string()),
  incumbent: z.object({ member: z.string(), office: z.string() }).nullable(),
  slogans: z.array(z.string()),
  hashtags: z.array(z.string()),
  asnMembers: z.array(memberObligationsSchema),
});

const saveSummary = importSummarySchema('pairId');

const listQuery = z.object({ ...langQuery, electionId: z.string().trim().max(40).optional(), regionCode: z.string().trim().max(13).optional(), asnOnly: z.enum(['true', 'false']).optional() });
const idParams = z.object({ id: z.uuid() });

export const candidateRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const readers = requireStaff({ action: 'candidates.read' });
  const editors = requireStaff({ action: 'candidates.edit' });
  const recorders = requireStaff({ action: 'candidates.obligation.record' });
  await app.register(multipart, { limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 2 } });

  app.get(
    '/candidates/columns',
    { schema: { tags: ['candidates'], summary: 'The candidate-pair file format, column by column', querystring: z.object(langQuery) } },
    async (request) => {
      const language = requestLanguage(request);
      return CANDIDATE_COLUMNS.map((c) => ({ key: c.key, required: c.required, requirementNote: c.requirementNote?.[language] ?? null, format: c.format[language], example: c.example, description: c.description[language] }));
    },
  );

  app.get('/candidates/template.csv', { schema: { tags: ['candidates'], summary: 'Template for the candidate-pair import (CSV)' } }, async (_request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="templat-paslon.csv"').send(`\uFEFF${candidateTemplateCsv()}`),
  );

  app.get(
    '/candidates',
    { preHandler: readers, schema: { tags: ['candidates'], summary: 'Candidate pairs in scope, with the ASN members\' obligations', querystring: listQuery, response: { 200: z.object({ items: z.array(pairSchema) }) } } },
    async (request) => {
      const { electionId, regionCode, asnOnly } = request.query;
      return listCandidatePairs(ctx, staffContext(request), { electionId, regionCode, asnOnly: asnOnly === 'true' });
    },
  );

  app.get(
    '/candidates/:id',
    { preHandler: readers, schema: { tags: ['candidates'], summary: 'One pair with its obligations', params: idParams, querystring: z.object(langQuery), response: { 200: pairSchema, 404: errorResponseSchema } } },
    async (request) => candidatePair(ctx, staffContext(request), request.params.id),
  );

  app.post(
    '/candidates',
    { preHandler: editors, schema: { tags: ['candidates'], summary: 'Add a candidate pair', body: pairBody, querystring: z.object(langQuery), response: { 201: pairSchema, 400: errorResponseSchema } } },
    async (request, reply) => reply.status(201).send(await createPair(ctx, staffContext(request), request.body)),
  );

  app.put(
    '/candidates/:id',
    { preHandler: editors, schema: { tags: ['candidates'], summary: 'Edit a candidate pair', params: idParams, body: pairBody, querystring: z.object(langQuery), response: { 200: pairSchema, 400: errorResponseSchema, 404: errorResponseSchema } } },
    async (request) => editPair(ctx, staffContext(request), request.params.id, request.body),
  );

  app.post(
    '/candidates/import',
    {
      preHandler: editors,
      schema: {
        tags: ['candidates'],
        summary: 'Import candidate pairs from CSV (one pair per row); every rejected row comes back with its reasons',
        querystring: z.object(langQuery),
        response: { 200: saveSummary, 400: errorResponseSchema },
      },
    },
    async (request) => {
      const part = await uploadedCsv(request);
      const rows = await csvImportRows(part.file, resolveCandidateHeader);
      if (part.file.truncated) throw new ApiError(413, 'file_too_large', { id: 'Berkas lebih dari 5 MB.', en: 'The file exceeds 5 MB.' });
      return savePairRows(ctx, staffContext(request), rows);
    },
  );

  app.post(
    '/candidates/:id/obligations',
    {
      preHandler: recorders,
      schema: {
        tags: ['candidates'],
        summary: 'Record an ASN candidate\'s obligation as done (date and letter number)',
        params: idParams,
        querystring: z.object(langQuery),
        body: z.object({
          member: z.enum(['head', 'deputy']),
          obligation: z.enum(['notice', 'resignation', 'dismissal', 'bkn_processing']),
          doneOn: z.iso.date(),
          letterNumber: z.string().trim().min(3).max(100),
          note: z.string().trim().max(1000).optional(),
        }),
        response: { 200: pairSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => recordObligation(ctx, staffContext(request), request.params.id, request.body),
  );
};

