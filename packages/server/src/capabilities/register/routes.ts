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
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { staffContext } from '../../http/request-context.ts';
import { requireStaff } from '../../http/guard.ts';
import { ApiError, errorResponseSchema } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import type { ImportFormat } from './importer.ts';
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
import {
  asnDetail,
  createAgency,
  importDetail,
  listAgencies,
  listImports,
  listUnits,
  rejectedRowsFile,
  searchAsn,
  startWebImport,
  uploadRegion,
  type PersonCaseRecordOf,
} from './service.ts';
import { columnDocs, templateCsv, templateXlsx } from './template.ts';
import { agencyAdminRoutes } from './agencies.routes.ts';

/** A web upload: a region's register, not the national file (that goes through the CLI). */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

function formatOf(fileName: string): ImportFormat | null {
  const extension = path.extname(fileName).toLowerCase();
  return extension === '.csv' || extension === '.txt' ? 'csv' : extension === '.xlsx' ? 'xlsx' : null;
}

export interface RegisterRoutesOptions {
  ctx: AppContext;
  /** The cases side of a civil servant's page, handed in by the app (see PersonCaseRecordOf). */
  personCaseRecord: PersonCaseRecordOf;
}

export const registerRoutes: FastifyPluginAsyncZod<RegisterRoutesOptions> = async (app, { ctx, personCaseRecord }) => {
  const readers = requireStaff({ action: 'register.read' });
  const importers = requireStaff({ action: 'register.import' });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
  await agencyAdminRoutes(app, ctx);

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
    async (request) => listAgencies(ctx, staffContext(request), request.query),
  );

  app.post(
    '/register/agencies',
    {
      preHandler: importers,
      schema: { tags: ['register'], summary: 'Register an agency (instansi) in a region', body: createAgencyBody, response: { 201: agencySchema.omit({ regionName: true }), 400: errorResponseSchema, 403: errorResponseSchema, 409: errorResponseSchema } },
    },
    async (request, reply) => {
      const created = await createAgency(ctx, staffContext(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/register/agencies/:id/units',
    {
      preHandler: readers,
      schema: { tags: ['register'], summary: 'Units (OPD) of an agency', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: z.array(z.object({ id: z.number(), name: z.string() })) } },
    },
    async (request) => listUnits(ctx, staffContext(request), request.params.id),
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
      const rc = staffContext(request);
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
      let defaultRegionCode: string | undefined;
      try {
        defaultRegionCode = uploadRegion(rc, fields.data.regionCode);
      } catch (error) {
        part.file.resume();
        throw error;
      }
      const filePath = path.join(os.tmpdir(), `netra-import-${randomUUID()}.${format}`);
      await pipeline(part.file, fs.createWriteStream(filePath));
      if (part.file.truncated) {
        fs.rmSync(filePath, { force: true });
        throw new ApiError(413, 'file_too_large', {
          id: `Berkas lebih dari ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Untuk register nasional gunakan perintah netra import asn.`,
          en: `The file exceeds ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. For a national register use the netra import asn command.`,
        });
      }
      const created = await startWebImport(ctx, rc, { filePath, fileName, format, defaultRegionCode: defaultRegionCode ?? null }, (error) => request.log.error(error));
      return reply.status(202).send(created);
    },
  );

  app.get(
    '/register/imports',
    { preHandler: importers, schema: { tags: ['register'], summary: 'Imports run in your scope, newest first', querystring: importListQuery, response: { 200: z.object({ total: z.number(), items: z.array(importSchema) }) } } },
    async (request) => listImports(ctx, staffContext(request), request.query),
  );

  app.get(
    '/register/imports/:id',
    { preHandler: importers, schema: { tags: ['register'], summary: 'Progress and summary of an import', params: idParams, querystring: z.object(langQuery), response: { 200: importSchema, 404: errorResponseSchema } } },
    async (request) => importDetail(ctx, staffContext(request), request.params.id),
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
      const file = await rejectedRowsFile(ctx, staffContext(request), request.params.id);
      return reply
        .type(file.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.name.replace(/"/g, '')}"`)
        .send(file.stream as never);
    },
  );

  app.get(
    '/register/asn',
    {
      preHandler: readers,
      schema: {
        tags: ['register'],
        summary: 'Search civil servants in scope: NIP (exact, spaces allowed), name (typo tolerant), agency, position, work unit',
        querystring: asnSearchQuery,
        response: { 200: asnSearchResponse },
      },
    },
    async (request) => searchAsn(ctx, staffContext(request), request.query),
  );

  app.get(
    '/register/asn/:id',
    {
      preHandler: readers,
      schema: { tags: ['register'], summary: "A civil servant's page: position history, reports and cases", params: asnIdParams, querystring: z.object(langQuery), response: { 200: asnDetailSchema, 404: errorResponseSchema } },
    },
    async (request) => asnDetail(ctx, staffContext(request), request.params.id, personCaseRecord),
  );
};
