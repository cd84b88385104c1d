/**
 * /api/v1/register/agencies/… and /register/units/…: the agencies and units console (issue 14).
 * Called from routes.ts inside the register plugin (which registers multipart for the CSV import).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AGENCY_COLUMNS, AGENCY_REQUIRED, resolveHeader } from '@netra/core';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { csvImportRows, importSummarySchema, uploadedCsv } from '../../http/csv-upload.ts';
import { requireStaff } from '../../http/guard.ts';
import { agencyDetail, createUnit, importAgencies, mergeAgency, mergeUnit, renameUnit, updateAgency } from './agencies.service.ts';
import { createAgencyBody } from './schema.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const langQuery = z.object({ lang: z.enum(['id', 'en']).optional() });
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const agencyOut = z.object({ id: z.number(), code: z.string(), name: z.string(), regionCode: z.string() });
const unitName = z.object({ name: z.string().trim().min(2).max(200) });

export async function agencyAdminRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const managers = requireStaff({ action: 'register.agencies.manage' });

  app.get(
    '/register/agencies/:id',
    {
      preHandler: managers,
      schema: { tags: ['register'], summary: 'An agency with how many civil servants, units and cases name it (before a merge)', params: idParams, querystring: langQuery, response: { 200: agencyOut.extend({ usage: z.object({ asn: z.number(), units: z.number(), cases: z.number() }) }), ...errors } },
    },
    async (request) => agencyDetail(ctx, staffContext(request), request.params.id),
  );

  app.put(
    '/register/agencies/:id',
    {
      preHandler: managers,
      schema: { tags: ['register'], summary: 'Rename an agency or move it to another region of your scope (audited)', params: idParams, querystring: langQuery, body: createAgencyBody.omit({ code: true }), response: { 200: agencyOut, ...errors } },
    },
    async (request) => updateAgency(ctx, staffContext(request), request.params.id, request.body),
  );

  app.post(
    '/register/agencies/:id/merge',
    {
      preHandler: managers,
      schema: {
        tags: ['register'],
        summary: 'Merge the agency into another: its civil servants, positions, units, cases and agency scopes move, then it is removed (audited)',
        params: idParams,
        querystring: langQuery,
        body: z.object({ intoId: z.number().int().positive(), reason: z.string().trim().min(10).max(500) }),
        response: { 200: z.object({ into: agencyOut, removed: z.object({ id: z.number(), code: z.string() }), asn: z.number(), cases: z.number(), unitsMerged: z.number() }), ...errors },
      },
    },
    async (request) => mergeAgency(ctx, staffContext(request), request.params.id, request.body),
  );

  app.post(
    '/register/agencies/:id/units',
    {
      preHandler: managers,
      schema: { tags: ['register'], summary: 'Add a unit (OPD) to an agency', params: idParams, querystring: langQuery, body: unitName, response: { 201: z.object({ id: z.number(), name: z.string() }), 409: errorResponseSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createUnit(ctx, staffContext(request), request.params.id, request.body.name)),
  );

  app.put(
    '/register/units/:id',
    {
      preHandler: managers,
      schema: { tags: ['register'], summary: 'Rename a unit (audited)', params: idParams, querystring: langQuery, body: unitName, response: { 200: z.object({ id: z.number(), name: z.string() }), 409: errorResponseSchema, ...errors } },
    },
    async (request) => renameUnit(ctx, staffContext(request), request.params.id, request.body.name),
  );

  app.post(
    '/register/units/:id/merge',
    {
      preHandler: managers,
      schema: {
        tags: ['register'],
        summary: 'Merge a unit into another unit of the same agency (civil servants re-pointed, audited)',
        params: idParams,
        querystring: langQuery,
        body: z.object({ intoId: z.number().int().positive() }),
        response: { 200: z.object({ into: z.object({ id: z.number(), name: z.string() }), asn: z.number() }), ...errors },
      },
    },
    async (request) => mergeUnit(ctx, staffContext(request), request.params.id, request.body.intoId),
  );

  app.post(
    '/register/agencies/import',
    {
      preHandler: managers,
      schema: {
        tags: ['register'],
        summary: 'Import agencies from CSV (kode_instansi, nama_instansi, kode_wilayah): new codes are registered, known ones renamed; every refused row comes back with its reasons',
        querystring: langQuery,
        response: { 200: importSummarySchema('agencyId'), 400: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      const part = await uploadedCsv(request);
      const rows = await csvImportRows(part.file, (headers) => resolveHeader(AGENCY_COLUMNS, headers, AGENCY_REQUIRED));
      return importAgencies(ctx, staffContext(request), rows);
    },
  );

  app.get(
    '/register/agencies/template.csv',
    { schema: { tags: ['register'], summary: 'Template for the agencies import (CSV)', querystring: langQuery } },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="templat-instansi.csv"')
        .send(`${AGENCY_COLUMNS.map((c) => c.key).join(',')}\n${AGENCY_COLUMNS.map((c) => c.example).join(',')}\n`),
  );
}
