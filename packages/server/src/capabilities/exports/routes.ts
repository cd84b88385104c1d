import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireStaff } from '../../http/guard.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { exportBody, exportJobSchema, exportListSchema, exportParams, langQuery } from './schema.ts';
import { exportFile, exportStatus, myExports, startExport } from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** Each source checks its own roles (sources.ts); every staff role can reach the routes. */
export const exportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const staff = requireStaff({ action: 'exports.run' });

  app.post(
    '/exports',
    {
      preHandler: staff,
      schema: {
        tags: ['exports'],
        summary: 'Export a list or dashboard table (CSV/XLSX) with its filter and my scope: written at once (200) or, when large, as a job (202)',
        querystring: langQuery,
        body: exportBody,
        response: { 200: exportJobSchema, 202: exportJobSchema, ...errors },
      },
    },
    async (request, reply) => {
      const job = await startExport(ctx, staffContext(request), request.body);
      return reply.status(job.status === 'done' ? 200 : 202).send(job);
    },
  );

  app.get(
    '/exports',
    { preHandler: staff, schema: { tags: ['exports'], summary: 'My recent exports (files are kept for a day)', querystring: langQuery, response: { 200: exportListSchema, 401: errorResponseSchema, 403: errorResponseSchema } } },
    async (request) => myExports(ctx, staffContext(request)),
  );

  app.get(
    '/exports/:id',
    { preHandler: staff, schema: { tags: ['exports'], summary: 'Progress of one of my exports (rows written out of the total)', params: exportParams, querystring: langQuery, response: { 200: exportJobSchema, ...errors } } },
    async (request) => exportStatus(ctx, staffContext(request), request.params.id),
  );

  app.get(
    '/exports/:id/file',
    { preHandler: staff, schema: { tags: ['exports'], summary: 'Download the file of one of my finished exports', params: exportParams, querystring: langQuery, response: { 200: z.unknown().describe('The CSV or XLSX file'), 409: errorResponseSchema, ...errors } } },
    async (request, reply) => {
      const file = await exportFile(ctx, staffContext(request), request.params.id);
      return reply
        .header('content-type', CONTENT_TYPES[file.format])
        .header('content-length', file.sizeBytes)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
};
