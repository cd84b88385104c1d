/**
 * /api/v1/register: the file format and templates, agencies and units, imports (upload, progress,
 * rejected rows), search and a civil servant's page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import { formatNip, POSITION_TYPES, regionWithinScope } from '@netra/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestMeta } from '../../http/request-context.ts';
import { requireStaff } from '../auth/guard.ts';
import { ApiError, errorResponseSchema, notFound } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { appendAudit, recordAudit } from '../audit/repository.ts';
import { createAsnImport, runAsnImport, type ImportFormat } from './importer.ts';
import { rejectedFile, rejectedFileName } from './rejected-file.ts';
import * as repo from './repository.ts';
import {
  agencyListQuery,
  agencySchema,
  asnDetailSchema,
  asnIdParams,
  asnSearchQuery,
  asnSearchResponse,
  columnDocSchema,
  createAgencyBody,
  idParams,
  importFields,
  importListQuery,
  importSchema,
  langQuery,
} from './schema.ts';
import { columnDocs, templateCsv, templateXlsx } from './template.ts';

/** A web upload: a region's register, not the national file (that goes through the CLI). */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** A running import that has not reported for this long died with its server (and rolled back). */
const STALE_AFTER_MS = 2 * 60 * 1000;

const POSITION_LABELS = new Map(POSITION_TYPES.map((p) => [p.code as string, p.label]));
const positionLabel = (code: string, language: 'id' | 'en') => POSITION_LABELS.get(code)?.[language] ?? code;

function formatOf(fileName: string): ImportFormat | null {
  const extension = path.extname(fileName).toLowerCase();
  return extension === '.csv' || extension === '.txt' ? 'csv' : extension === '.xlsx' ? 'xlsx' : null;
}

type ImportRow = Awaited<ReturnType<typeof repo.listImports>>['items'][number];

function importDto(row: ImportRow, language: 'id' | 'en', now: Date) {
  const running = row.status === 'queued' || row.status === 'reading' || row.status === 'merging';
  const interrupted = running && now.getTime() - new Date(row.heartbeatAt).getTime() > STALE_AFTER_MS;
  const error = row.error as { id: string; en: string } | null;
  return {
    id: row.id,
    source: row.source,
    fileName: row.fileName,
    fileFormat: row.fileFormat,
    fileBytes: Number(row.fileBytes),
    status: row.status,
    interrupted,
    bytesRead: Number(row.bytesRead),
    rowsRead: row.rowsRead,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    error: error
      ? error[language]
      : interrupted
        ? language === 'id'
          ? 'Impor terhenti karena server dimulai ulang; seluruhnya dibatalkan. Unggah ulang berkasnya.'
          : 'The import stopped because the server restarted; it was rolled back entirely. Upload the file again.'
        : null,
    defaultRegionCode: row.defaultRegionCode,
    createdAt: new Date(row.createdAt).toISOString(),
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
    searchIndexed: row.searchIndexedAt !== null,
    createdByName: row.createdByName,
  };
}

const regionOutsideScope = (regionCode: string) =>
  new ApiError(403, 'out_of_scope', { id: 'Wilayah ini di luar wilayah tugas Anda.', en: 'This region is outside your scope.' }, [
    { field: 'body.regionCode', message: { id: `${regionCode} di luar wilayah tugas Anda.`, en: `${regionCode} is outside your scope.` } },
  ]);

export const registerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const readers = requireStaff(ctx, { action: 'register.read' });
  const importers = requireStaff(ctx, { action: 'register.import' });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });

  app.get(
    '/register/columns',
    { schema: { tags: ['register'], summary: 'The ASN register file format, column by column', querystring: z.object(langQuery), response: { 200: z.array(columnDocSchema) } } },
    async (request) => columnDocs(requestLanguage(request)),
  );

  app.get(
    '/register/template.csv',
    { schema: { tags: ['register'], summary: 'Template for the ASN register import (CSV, UTF-8)', querystring: z.object(langQuery) } },
    async (_request, reply) =>
      reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="templat-register-asn.csv"').send(templateCsv()),
  );

  app.get(
    '/register/template.xlsx',
    { schema: { tags: ['register'], summary: 'Template for the ASN register import (XLSX, with a guide sheet)', querystring: z.object(langQuery) } },
    async (request, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="templat-register-asn.xlsx"')
        .send(templateXlsx(requestLanguage(request))),
  );

  app.get(
    '/register/agencies',
    { preHandler: readers, schema: { tags: ['register'], summary: 'Agencies (instansi) in scope', querystring: agencyListQuery, response: { 200: z.object({ total: z.number(), items: z.array(agencySchema) }) } } },
    async (request) => repo.listAgencies(ctx.db, request.staff!.scope, request.query),
  );

  app.post(
    '/register/agencies',
    {
      preHandler: importers,
      schema: { tags: ['register'], summary: 'Register an agency (instansi) in a region', body: createAgencyBody, response: { 201: agencySchema.omit({ regionName: true }), 400: errorResponseSchema, 403: errorResponseSchema, 409: errorResponseSchema } },
    },
    async (request, reply) => {
      const staff = request.staff!;
      const { code, name, regionCode } = request.body;
      if (!regionWithinScope(staff.scope, regionCode)) throw regionOutsideScope(regionCode);
      const region = await ctx.db.selectFrom('regions').select('code').where('code', '=', regionCode).where('level', '!=', 'district').executeTakeFirst();
      if (!region) {
        throw new ApiError(400, 'validation_failed', { id: 'Wilayah tidak dikenal.', en: 'Unknown region.' }, [
          { field: 'body.regionCode', message: { id: `Wilayah ${regionCode} tidak terdaftar.`, en: `Region ${regionCode} is not registered.` } },
        ]);
      }
      const created = await ctx.db.transaction().execute(async (trx) => {
        const agency = await repo.insertAgency(trx, { code, name, regionCode });
        if (!agency) return null;
        await appendAudit(trx, {
          actorId: staff.id,
          action: 'register.agency.created',
          entityType: 'agency',
          entityId: String(agency.id),
          data: { code, name, regionCode },
          ...requestMeta(request),
        });
        return agency;
      });
      if (!created) {
        throw new ApiError(409, 'agency_exists', { id: 'Kode instansi sudah dipakai.', en: 'The agency code is taken.' }, [
          { field: 'body.code', message: { id: `Kode ${code} sudah terdaftar.`, en: `Code ${code} is already registered.` } },
        ]);
      }
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/register/agencies/:id/units',
    {
      preHandler: readers,
      schema: { tags: ['register'], summary: 'Units (OPD) of an agency', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: z.array(z.object({ id: z.number(), name: z.string() })) } },
    },
    async (request) => repo.listUnits(ctx.db, request.staff!.scope, request.params.id),
  );

  app.post(
    '/register/imports',
    {
      preHandler: importers,
      schema: {
        tags: ['register'],
        summary: 'Upload a register file (CSV or XLSX); the import runs in the background',
        description:
          'multipart/form-data: optional field "regionCode" (PP.KK, for rows that leave kode_wilayah empty) first, then the file under "file". ' +
          'Answers 202 with the import; poll GET /register/imports/{id} for its progress and summary.',
        querystring: z.object(langQuery),
        response: { 202: importSchema, 400: errorResponseSchema, 403: errorResponseSchema, 413: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const staff = request.staff!;
      const language = requestLanguage(request);
      if (!request.isMultipart()) {
        throw new ApiError(400, 'file_missing', { id: 'Pilih berkas CSV atau XLSX.', en: 'Choose a CSV or XLSX file.' }, [
          { field: 'file', message: { id: 'Pilih berkas CSV atau XLSX.', en: 'Choose a CSV or XLSX file.' } },
        ]);
      }
      const part = await request.file();
      if (!part) {
        throw new ApiError(400, 'file_missing', { id: 'Pilih berkas CSV atau XLSX.', en: 'Choose a CSV or XLSX file.' }, [
          { field: 'file', message: { id: 'Pilih berkas CSV atau XLSX.', en: 'Choose a CSV or XLSX file.' } },
        ]);
      }
      const fileName = path.basename(part.filename || 'register.csv').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
      const format = formatOf(fileName);
      if (!format) {
        part.file.resume();
        throw new ApiError(400, 'file_type', { id: 'Berkas harus CSV atau XLSX.', en: 'The file must be CSV or XLSX.' }, [
          { field: 'file', message: { id: `${fileName} bukan berkas .csv atau .xlsx.`, en: `${fileName} is not a .csv or .xlsx file.` } },
        ]);
      }
      const regionField = (part.fields.regionCode as { value?: string } | undefined)?.value;
      const fields = importFields.safeParse({ regionCode: regionField ?? '' });
      if (!fields.success) {
        part.file.resume();
        throw new ApiError(400, 'validation_failed', { id: 'Ada isian yang tidak valid.', en: 'Some input is invalid.' }, [
          { field: 'body.regionCode', message: { id: 'Kode kabupaten/kota PP.KK, mis. 35.10', en: 'A regency/city code PP.KK, e.g. 35.10' } },
        ]);
      }
      let defaultRegionCode = fields.data.regionCode;
      if (defaultRegionCode && !regionWithinScope(staff.scope, defaultRegionCode)) {
        part.file.resume();
        throw regionOutsideScope(defaultRegionCode);
      }
      // A regency officer's rows belong to their regency unless a row says otherwise.
      if (!defaultRegionCode && staff.scope.kind === 'region' && /^\d{2}\.\d{2}$/.test(staff.scope.regionCode)) defaultRegionCode = staff.scope.regionCode;

      const filePath = path.join(os.tmpdir(), `netra-import-${randomUUID()}.${format}`);
      await pipeline(part.file, fs.createWriteStream(filePath));
      if (part.file.truncated) {
        fs.rmSync(filePath, { force: true });
        throw new ApiError(413, 'file_too_large', {
          id: `Berkas lebih dari ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Untuk register nasional gunakan perintah netra import asn.`,
          en: `The file exceeds ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. For a national register use the netra import asn command.`,
        });
      }
      const importRequest = {
        source: 'web' as const,
        filePath,
        fileName,
        format,
        actor: { userId: staff.id, scope: staff.scope },
        defaultRegionCode: defaultRegionCode ?? null,
        meta: requestMeta(request),
      };
      const id = await createAsnImport(ctx.db, importRequest);
      // The import outlives the request: the console polls its progress.
      void runAsnImport(ctx.db, id, importRequest, { now: ctx.now(), removeFile: true }).catch((error) => request.log.error(error));
      const created = await repo.findImport(ctx.db, staff.scope, id);
      return reply.status(202).send(importDto(created!, language, new Date()));
    },
  );

  app.get(
    '/register/imports',
    { preHandler: importers, schema: { tags: ['register'], summary: 'Imports run in your scope, newest first', querystring: importListQuery, response: { 200: z.object({ total: z.number(), items: z.array(importSchema) }) } } },
    async (request) => {
      const language = requestLanguage(request);
      const { total, items } = await repo.listImports(ctx.db, request.staff!.scope, request.query);
      return { total, items: items.map((row) => importDto(row, language, new Date())) };
    },
  );

  app.get(
    '/register/imports/:id',
    { preHandler: importers, schema: { tags: ['register'], summary: 'Progress and summary of an import', params: idParams, querystring: z.object(langQuery), response: { 200: importSchema, 404: errorResponseSchema } } },
    async (request) => {
      const row = await repo.findImport(ctx.db, request.staff!.scope, request.params.id);
      if (!row) throw notFound({ id: 'Impor', en: 'Import' });
      return importDto(row, requestLanguage(request), new Date());
    },
  );

  app.get(
    '/register/imports/:id/rejected',
    {
      preHandler: importers,
      schema: {
        tags: ['register'],
        summary: 'The rejected rows, in the uploaded format and columns plus alasan_penolakan',
        params: idParams,
        querystring: z.object(langQuery),
        response: { 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const staff = request.staff!;
      const row = await repo.findImport(ctx.db, staff.scope, request.params.id);
      if (!row) throw notFound({ id: 'Impor', en: 'Import' });
      if (row.status !== 'done') {
        throw new ApiError(409, 'import_not_done', { id: 'Impor belum selesai.', en: 'The import has not finished.' });
      }
      await recordAudit(ctx.db, {
        actorId: staff.id,
        action: 'register.import.rejected_downloaded',
        entityType: 'asn_import',
        entityId: row.id,
        ...requestMeta(request),
      });
      const file = { id: row.id, file_name: row.fileName, file_format: row.fileFormat, header: row.header as string[] | null, delimiter: row.delimiter };
      const name = rejectedFileName(row.fileName, row.fileFormat);
      return reply
        .type(row.fileFormat === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name.replace(/"/g, '')}"`)
        .send(rejectedFile(ctx.db, file, requestLanguage(request)) as never);
    },
  );

  app.get(
    '/register/asn',
    {
      preHandler: readers,
      schema: {
        tags: ['register'],
        summary: 'Search civil servants in scope: NIP (exact, spaces allowed), name (typo tolerant), agency, position',
        querystring: asnSearchQuery,
        response: { 200: asnSearchResponse },
      },
    },
    async (request) => {
      const language = requestLanguage(request);
      const result = await repo.searchAsn(ctx.db, request.staff!.scope, request.query);
      return { ...result, items: result.items.map((item) => ({ ...item, positionTypeLabel: positionLabel(item.positionType, language) })) };
    },
  );

  app.get(
    '/register/asn/:id',
    {
      preHandler: readers,
      schema: { tags: ['register'], summary: "A civil servant's page: position history, reports and cases", params: asnIdParams, querystring: z.object(langQuery), response: { 200: asnDetailSchema, 404: errorResponseSchema } },
    },
    async (request) => {
      const language = requestLanguage(request);
      const scope = request.staff!.scope;
      const asn = await repo.findAsn(ctx.db, scope, request.params.id);
      if (!asn) throw notFound({ id: 'ASN', en: 'Civil servant' });
      const [positions, related] = await Promise.all([repo.positionHistory(ctx.db, asn.id), repo.reportsAndCasesOf(ctx.db, scope, asn.id)]);
      return {
        ...asn,
        nipFormatted: formatNip(asn.nip, asn.kind),
        positionTypeLabel: positionLabel(asn.positionType, language),
        updatedAt: new Date(asn.updatedAt).toISOString(),
        positions: positions.map((p) => ({ ...p, positionTypeLabel: positionLabel(p.positionType, language), endedAt: new Date(p.endedAt).toISOString() })),
        reports: related.reports.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt).toISOString() })),
        cases: related.cases.map((c) => ({ ...c, closedAt: c.closedAt ? new Date(c.closedAt).toISOString() : null })),
      };
    },
  );
};
