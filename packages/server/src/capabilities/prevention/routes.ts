import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requestMeta } from '../../http/request-context.ts';
import { requireStaff } from '../auth/guard.ts';
import { ApiError, errorResponseSchema } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
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

export const preventionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(multipart, { limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 2 }, throwFileSizeLimit: true });
  const anyStaff = requireStaff(ctx, { action: 'prevention.coverage.read' });
  const readers = requireStaff(ctx, { action: 'prevention.read' });
  const pledgeRecorders = requireStaff(ctx, { action: 'prevention.pledge.record' });
  const eventRecorders = requireStaff(ctx, { action: 'prevention.event.record' });
  const tags = ['prevention'];

  app.get(
    '/prevention/:electionId/coverage',
    {
      preHandler: anyStaff,
      schema: { tags, summary: 'Pledge and socialisation coverage in my territory, per agency (lowest pledge coverage first)', params: electionParams, querystring: coverageQuery, response: { 200: coverageSchema, ...errors } },
    },
    async (request) => coverage(ctx, request.staff!, request.params.electionId, request.query, requestLanguage(request)),
  );

  app.get(
    '/prevention/:electionId/unsigned',
    {
      preHandler: readers,
      schema: { tags, summary: 'Active civil servants in my scope who have not signed the pledge', params: electionParams, querystring: personListQuery, response: { 200: unsignedSchema, ...errors } },
    },
    async (request) => unsignedList(ctx, request.staff!, request.params.electionId, request.query, requestLanguage(request)),
  );

  app.get(
    '/prevention/:electionId/pledges',
    {
      preHandler: readers,
      schema: { tags, summary: 'Pledges signed in my scope, newest first', params: electionParams, querystring: pledgeListQuery, response: { 200: pledgeListSchema, ...errors } },
    },
    async (request) => pledgeList(ctx, request.staff!, request.params.electionId, request.query, requestLanguage(request)),
  );

  app.post(
    '/prevention/:electionId/pledges',
    {
      preHandler: pledgeRecorders,
      schema: { tags, summary: "Record one civil servant's signed pledge (an existing one is kept)", params: electionParams, querystring: langQuery, body: pledgeBody, response: { 200: pledgeResultSchema, 201: pledgeResultSchema, ...writeErrors } },
    },
    async (request, reply) => {
      const result = await recordPledge(ctx, request.staff!, request.params.electionId, request.body, requestMeta(request));
      return reply.status(result.status === 'recorded' ? 201 : 200).send(result);
    },
  );

  app.post(
    '/prevention/:electionId/pledges/agency',
    {
      preHandler: pledgeRecorders,
      schema: { tags, summary: 'Every active civil servant of an agency (or unit) signed on one date', params: electionParams, querystring: langQuery, body: agencyPledgeBody, response: { 200: agencyPledgeResultSchema, ...writeErrors } },
    },
    async (request) => pledgeForAgency(ctx, request.staff!, request.params.electionId, request.body, requestMeta(request)),
  );

  app.post(
    '/prevention/:electionId/pledges/import',
    {
      preHandler: pledgeRecorders,
      schema: { tags, summary: 'Import signed pledges from a CSV of NIP and date; every unusable line is reported with its reason', description: FILE_DESCRIPTION, params: electionParams, querystring: langQuery, response: { 200: lineImportSchema, ...writeErrors } },
    },
    async (request) => importPledges(ctx, request.staff!, request.params.electionId, await csvFile(request), requestMeta(request), requestLanguage(request)),
  );

  app.delete(
    '/prevention/:electionId/pledges/:nip',
    {
      preHandler: pledgeRecorders,
      schema: { tags, summary: 'Remove a pledge recorded by mistake', params: pledgeParams, querystring: langQuery, response: { 200: removedSchema, ...errors } },
    },
    async (request) => removePledge(ctx, request.staff!, request.params.electionId, request.params.nip, requestMeta(request)),
  );

  app.get(
    '/prevention/:electionId/events',
    {
      preHandler: anyStaff,
      schema: { tags, summary: 'Socialisation events (apel siaga, sosialisasi, banners) in my territory', params: electionParams, querystring: eventListQuery, response: { 200: eventListSchema, ...errors } },
    },
    async (request) => eventList(ctx, request.staff!, request.params.electionId, request.query, requestLanguage(request)),
  );

  app.post(
    '/prevention/:electionId/events',
    {
      preHandler: eventRecorders,
      schema: { tags, summary: 'Record a socialisation event in my territory', params: electionParams, querystring: langQuery, body: eventBody, response: { 201: createdSchema, ...writeErrors } },
    },
    async (request, reply) => reply.status(201).send(await createEvent(ctx, request.staff!, request.params.electionId, request.body, requestMeta(request))),
  );

  app.get(
    '/prevention/events/:eventId',
    {
      preHandler: readers,
      schema: { tags, summary: 'One socialisation event and a page of who attended', params: eventParams, querystring: eventDetailQuery, response: { 200: eventDetailSchema, ...errors } },
    },
    async (request) => eventDetail(ctx, request.staff!, request.params.eventId, request.query, requestLanguage(request)),
  );

  app.post(
    '/prevention/events/:eventId/attendance',
    {
      preHandler: eventRecorders,
      schema: { tags, summary: 'Mark every active civil servant of an agency (or unit) as present', params: eventParams, querystring: langQuery, body: agencyAttendanceBody, response: { 200: agencyAttendanceSchema, ...writeErrors } },
    },
    async (request) => addAgencyAttendance(ctx, request.staff!, request.params.eventId, request.body, requestMeta(request)),
  );

  app.post(
    '/prevention/events/:eventId/attendance/import',
    {
      preHandler: eventRecorders,
      schema: { tags, summary: 'Add attendees from a CSV of NIPs; every unusable line is reported with its reason', description: FILE_DESCRIPTION, params: eventParams, querystring: langQuery, response: { 200: lineImportSchema, ...writeErrors } },
    },
    async (request) => importAttendance(ctx, request.staff!, request.params.eventId, await csvFile(request), requestMeta(request), requestLanguage(request)),
  );
};
