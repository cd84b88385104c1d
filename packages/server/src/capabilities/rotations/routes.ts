/**
 * /api/v1/rotations: record personnel rotations (form or CSV), list them with the art. 71(2)
 * assessment and its legal basis, and turn a flagged one into a Bawaslu finding.
 */
import multipart from '@fastify/multipart';
import { resolveHeader } from '@netra/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { staffContext } from '../../http/request-context.ts';
import { requireStaff } from '../../http/guard.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { csvImportRows, importSummarySchema, rejectedRowError, uploadedCsv } from '../../http/csv-upload.ts';
import { ROTATION_COLUMNS, rotationTemplateCsv, type RotationColumnKey } from './rows.ts';
import { isIsoDate } from '@netra/core';
import { listRotations, listTerms, rotationDetail, saveRotations, saveTerm } from './service.ts';

const langQuery = { lang: z.enum(['id', 'en']).optional() };
const REQUIRED = new Set(ROTATION_COLUMNS.filter((c) => c.required === 'yes').map((c) => c.key));

const rotationSchema = z.object({
  id: z.string(),
  electionId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  asnId: z.number().nullable(),
  person: z.object({ nip: z.string(), name: z.string() }),
  fromPosition: z.string(),
  toPosition: z.string(),
  decree: z.object({ number: z.string(), date: z.string() }),
  signedBy: z.object({ name: z.string(), role: z.string(), roleLabel: z.string() }),
  ministerApproval: z.object({ letterNumber: z.string(), date: z.string() }).nullable(),
  assessment: z
    .object({
      flagged: z.boolean(),
      severity: z.string(),
      basis: z.string(),
      clearedByApproval: z.boolean(),
      window: z.object({ from: z.string(), to: z.string().nullable(), basis: z.string() }),
      reasons: z.array(z.object({ code: z.string(), effect: z.string(), message: z.string() })),
      matchedCandidate: z.string().nullable(),
    })
    .nullable(),
  finding: z.object({ reportId: z.string(), caseId: z.string(), caseNumber: z.string() }).nullable(),
});

const saveSummary = importSummarySchema('rotationId');

const rotationBody = z.object({
  electionId: z.string().trim().min(1).max(40),
  regionCode: z.string().trim().min(2).max(13),
  nip: z.string().trim().max(40),
  name: z.string().trim().max(150),
  fromPosition: z.string().trim().max(300),
  toPosition: z.string().trim().max(300),
  decreeNumber: z.string().trim().max(100),
  decreeDate: z.string().trim().max(10),
  signerName: z.string().trim().max(150),
  signerRole: z.enum(['regional_head', 'deputy_regional_head', 'acting_head', 'regional_secretary', 'other']),
  ministerApproval: z.boolean(),
  approvalLetterNumber: z.string().trim().max(100).optional(),
  approvalDate: z.string().trim().max(10).optional(),
});

/** Form field of each CSV column, for field-level errors. */
const FORM_FIELD: Record<RotationColumnKey, string> = {
  kode_pemilihan: 'electionId',
  kode_wilayah: 'regionCode',
  nip: 'nip',
  nama: 'name',
  jabatan_lama: 'fromPosition',
  jabatan_baru: 'toPosition',
  nomor_sk: 'decreeNumber',
  tanggal_sk: 'decreeDate',
  penandatangan: 'signerName',
  kapasitas_penandatangan: 'signerRole',
  persetujuan_menteri: 'ministerApproval',
  nomor_surat_persetujuan: 'approvalLetterNumber',
  tanggal_persetujuan: 'approvalDate',
};
const SIGNER_CSV: Record<z.infer<typeof rotationBody>['signerRole'], string> = {
  regional_head: 'kepala_daerah',
  deputy_regional_head: 'wakil_kepala_daerah',
  acting_head: 'penjabat',
  regional_secretary: 'sekda',
  other: 'lainnya',
};

export const rotationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const readers = requireStaff({ action: 'rotations.read' });
  const recorders = requireStaff({ action: 'rotations.record' });
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 2 } });

  app.get('/rotations/columns', { schema: { tags: ['rotations'], summary: 'The rotation file format, column by column', querystring: z.object(langQuery) } }, async (request) => {
    const language = requestLanguage(request);
    return ROTATION_COLUMNS.map((c) => ({ key: c.key, required: c.required, requirementNote: c.requirementNote?.[language] ?? null, format: c.format[language], example: c.example, description: c.description[language] }));
  });

  app.get('/rotations/template.csv', { schema: { tags: ['rotations'], summary: 'Template for the rotation import (CSV)' } }, async (_request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="templat-mutasi.csv"').send(`\uFEFF${rotationTemplateCsv()}`),
  );

  app.get(
    '/rotations',
    {
      preHandler: readers,
      schema: {
        tags: ['rotations'],
        summary: 'Rotations in scope, each assessed under UU 10/2016 art. 71(2); flagged=true lists the ones for Bawaslu',
        querystring: z.object({
          ...langQuery,
          electionId: z.string().trim().max(40).optional(),
          regionCode: z.string().trim().max(13).optional(),
          flagged: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
          limit: z.coerce.number().int().min(1).max(200).default(25),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(rotationSchema), legalBasis: z.object({ reference: z.string(), text: z.string() }) }) },
      },
    },
    async (request) => listRotations(ctx, staffContext(request), request.query),
  );

  const termKeepers = requireStaff({ action: 'rotations.terms' });
  const termSchema = z.object({ regionCode: z.string(), regionName: z.string(), headName: z.string().nullable(), termEnd: z.string(), basis: z.string(), updatedAt: z.string() });
  app.get(
    '/rotations/terms',
    {
      preHandler: readers,
      schema: {
        tags: ['rotations'],
        summary: "Recorded ends of regional heads' terms in scope (they close the art. 71(2) window)",
        querystring: z.object({ ...langQuery, limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ total: z.number(), items: z.array(termSchema) }) },
      },
    },
    async (request) => listTerms(ctx, staffContext(request), request.query),
  );

  app.put(
    '/rotations/terms/:regionCode',
    {
      preHandler: termKeepers,
      schema: {
        tags: ['rotations'],
        summary: "Record when the sitting regional head's term ends in a province or regency/city",
        params: z.object({ regionCode: z.string().regex(/^\d{2}(\.\d{2})?$/, { error: 'Kode provinsi (35) atau kabupaten/kota (35.10)' }) }),
        querystring: z.object(langQuery),
        body: z.object({
          termEnd: z.string().refine(isIsoDate, { error: 'Tanggal YYYY-MM-DD yang benar' }),
          headName: z.string().trim().max(150).nullable().optional(),
          basis: z.string().trim().min(5, { error: 'Dasar (mis. SK pelantikan) minimal 5 karakter' }).max(500),
        }),
        response: { 200: z.object({ regionCode: z.string(), termEnd: z.string(), headName: z.string().nullable(), basis: z.string() }), 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => saveTerm(ctx, staffContext(request), request.params.regionCode, request.body),
  );

  app.get(
    '/rotations/:id',
    { preHandler: readers, schema: { tags: ['rotations'], summary: 'One rotation with its assessment', params: z.object({ id: z.uuid() }), querystring: z.object(langQuery), response: { 200: rotationSchema, 404: errorResponseSchema } } },
    async (request) => rotationDetail(ctx, staffContext(request), request.params.id),
  );

  app.post(
    '/rotations',
    { preHandler: recorders, schema: { tags: ['rotations'], summary: 'Record a rotation', body: rotationBody, querystring: z.object(langQuery), response: { 201: rotationSchema, 400: errorResponseSchema } } },
    async (request, reply) => {
      const rc = staffContext(request);
      const b = request.body;
      const cells: Partial<Record<RotationColumnKey, string>> = {
        kode_pemilihan: b.electionId,
        kode_wilayah: b.regionCode,
        nip: b.nip,
        nama: b.name,
        jabatan_lama: b.fromPosition,
        jabatan_baru: b.toPosition,
        nomor_sk: b.decreeNumber,
        tanggal_sk: b.decreeDate,
        penandatangan: b.signerName,
        kapasitas_penandatangan: SIGNER_CSV[b.signerRole],
        persetujuan_menteri: b.ministerApproval ? 'Y' : 'N',
        nomor_surat_persetujuan: b.approvalLetterNumber ?? '',
        tanggal_persetujuan: b.approvalDate ?? '',
      };
      const result = await saveRotations(ctx, rc, [{ line: 1, cells }]);
      const row = result.rows[0];
      if (row.status === 'rejected') throw rejectedRowError(row.reasons!, (column) => `body.${FORM_FIELD[column as RotationColumnKey] ?? column}`);
      return reply.status(201).send(await rotationDetail(ctx, rc, row.rotationId!));
    },
  );

  app.post(
    '/rotations/import',
    { preHandler: recorders, schema: { tags: ['rotations'], summary: 'Import rotations from CSV; every rejected row comes back with its reasons', querystring: z.object(langQuery), response: { 200: saveSummary, 400: errorResponseSchema } } },
    async (request) => {
      const part = await uploadedCsv(request);
      const rows = await csvImportRows(part.file, (headers) => resolveHeader(ROTATION_COLUMNS, headers, REQUIRED));
      return saveRotations(ctx, staffContext(request), rows);
    },
  );
};
