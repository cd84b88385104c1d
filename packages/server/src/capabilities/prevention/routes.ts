import multipart from '@fastify/multipart';
import type { FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import type { z } from 'zod';
import { requireStaff } from '../../http/guard.ts';
import { ApiError, errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import {
  agencyAttendanceBody,
  agencyAttendanceSchema,
  agencyPledgeBody,
  agencyPledgeResultSchema,
  coverageQuery,
  coverageSchema,
  createdSchema,
  electionParams,
  eventBody,
  eventDetailQuery,
  eventDetailSchema,
  eventListQuery,
  eventListSchema,
  eventParams,
  langQuery,
  lineImportSchema,
  personListQuery,
  pledgeBody,
  pledgeListQuery,
  pledgeListSchema,
  pledgeParams,
  pledgeResultSchema,
  removedSchema,
  unsignedSchema,
} from './schema.ts';
import {
  addAgencyAttendance,
  coverage,
  createEvent,
  eventDetail,
  eventList,
  importAttendance,
  importPledges,
  pledgeForAgency,
  pledgeList,
  recordPledge,
  removePledge,
  unsignedList,
} from './service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const writeErrors = { ...errors, 413: errorResponseSchema, 422: errorResponseSchema };
/** A national register is 7 million lines of ~30 bytes. */
const MAX_CSV_BYTES = 512 * 1024 * 1024;
const FILE_DESCRIPTION = 'multipart/form-data with the CSV under "file": one civil servant per line, NIP first';

async function csvFile(request: FastifyRequest) {
  const file = await request.file();
  if (!file) {
    const message = { id: 'Pilih berkas CSV.', en: 'Choose a CSV file.' };
    throw new ApiError(400, 'validation_failed', message, [{ field: 'body.file', message }]);
  }
  return { stream: file.file, name: file.filename };
}

interface PreventionSchema {
  summary: string;
  description?: string;
  params: z.ZodType;
  querystring: z.ZodType;
  body?: z.ZodType;
  response: Record<number, z.ZodType>;
}

/**
 * A prevention route's options: its guard, the "prevention" tag, its own schema and the error
 * answers a read (400/401/403/404) or a write (also 413/422) may give.
 */
function routeOptions<S extends PreventionSchema, E extends typeof errors>(preHandler: preHandlerHookHandler, errorAnswers: E, { response, ...schema }: S) {
  return { preHandler, schema: { tags: ['prevention'], ...schema, response: { ...response, ...errorAnswers } } };
}
const read = <S extends PreventionSchema>(preHandler: preHandlerHookHandler, schema: S) => routeOptions(preHandler, errors, schema);
const write = <S extends PreventionSchema>(preHandler: preHandlerHookHandler, schema: S) => routeOptions(preHandler, writeErrors, schema);

export const preventionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(multipart, { limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 2 }, throwFileSizeLimit: true });
  const anyStaff = requireStaff({ action: 'prevention.coverage.read' });
  const readers = requireStaff({ action: 'prevention.read' });
  const pledgeRecorders = requireStaff({ action: 'prevention.pledge.record' });
  const eventRecorders = requireStaff({ action: 'prevention.event.record' });

  app.get(
    '/prevention/:electionId/coverage',
    read(anyStaff, { summary: 'Pledge and socialisation coverage in my territory, per agency (lowest pledge coverage first)', params: electionParams, querystring: coverageQuery, response: { 200: coverageSchema } }),
    async (request) => coverage(ctx, staffContext(request), request.params.electionId, request.query),
  );

  app.get(
    '/prevention/:electionId/unsigned',
    read(readers, { summary: 'Active civil servants in my scope who have not signed the pledge', params: electionParams, querystring: personListQuery, response: { 200: unsignedSchema } }),
    async (request) => unsignedList(ctx, staffContext(request), request.params.electionId, request.query),
  );

  app.get(
    '/prevention/:electionId/pledges',
    read(readers, { summary: 'Pledges signed in my scope, newest first', params: electionParams, querystring: pledgeListQuery, response: { 200: pledgeListSchema } }),
    async (request) => pledgeList(ctx, staffContext(request), request.params.electionId, request.query),
  );

  app.post(
    '/prevention/:electionId/pledges',
    write(pledgeRecorders, { summary: "Record one civil servant's signed pledge (an existing one is kept)", params: electionParams, querystring: langQuery, body: pledgeBody, response: { 200: pledgeResultSchema, 201: pledgeResultSchema } }),
    async (request, reply) => {
      const result = await recordPledge(ctx, staffContext(request), request.params.electionId, request.body);
      return reply.status(result.status === 'recorded' ? 201 : 200).send(result);
    },
  );

  app.post(
    '/prevention/:electionId/pledges/agency',
    write(pledgeRecorders, { summary: 'Every active civil servant of an agency (or unit) signed on one date', params: electionParams, querystring: langQuery, body: agencyPledgeBody, response: { 200: agencyPledgeResultSchema } }),
    async (request) => pledgeForAgency(ctx, staffContext(request), request.params.electionId, request.body),
  );

  app.post(
    '/prevention/:electionId/pledges/import',
    write(pledgeRecorders, { summary: 'Import signed pledges from a CSV of NIP and date; every unusable line is reported with its reason', description: FILE_DESCRIPTION, params: electionParams, querystring: langQuery, response: { 200: lineImportSchema } }),
    async (request) => importPledges(ctx, staffContext(request), request.params.electionId, await csvFile(request)),
  );

  app.delete(
    '/prevention/:electionId/pledges/:nip',
    read(pledgeRecorders, { summary: 'Remove a pledge recorded by mistake', params: pledgeParams, querystring: langQuery, response: { 200: removedSchema } }),
    async (request) => removePledge(ctx, staffContext(request), request.params.electionId, request.params.nip),
  );

  app.get(
    '/prevention/:electionId/events',
    read(anyStaff, { summary: 'Socialisation events (apel siaga, sosialisasi, banners) in my territory', params: electionParams, querystring: eventListQuery, response: { 200: eventListSchema } }),
    async (request) => eventList(ctx, staffContext(request), request.params.electionId, request.query),
  );

  app.post(
    '/prevention/:electionId/events',
    write(eventRecorders, { summary: 'Record a socialisation event in my territory', params: electionParams, querystring: langQuery, body: eventBody, response: { 201: createdSchema } }),
    async (request, reply) => reply.status(201).send(await createEvent(ctx, staffContext(request), request.params.electionId, request.body)),
  );

  app.get(
    '/prevention/events/:eventId',
    read(readers, { summary: 'One socialisation event and a page of who attended', params: eventParams, querystring: eventDetailQuery, response: { 200: eventDetailSchema } }),
    async (request) => eventDetail(ctx, staffContext(request), request.params.eventId, request.query),
  );

  app.post(
    '/prevention/events/:eventId/attendance',
    write(eventRecorders, { summary: 'Mark every active civil servant of an agency (or unit) as present', params: eventParams, querystring: langQuery, body: agencyAttendanceBody, response: { 200: agencyAttendanceSchema } }),
    async (request) => addAgencyAttendance(ctx, staffContext(request), request.params.eventId, request.body),
  );

  app.post(
    '/prevention/events/:eventId/attendance/import',
    write(eventRecorders, { summary: 'Add attendees from a CSV of NIPs; every unusable line is reported with its reason', description: FILE_DESCRIPTION, params: eventParams, querystring: langQuery, response: { 200: lineImportSchema } }),
    async (request) => importAttendance(ctx, staffContext(request), request.params.eventId, await csvFile(request)),
  );
};
