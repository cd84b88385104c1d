import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ApiError, errorResponseSchema } from '../../http/errors.ts';
import { requestLanguage } from '../../http/language.ts';
import { staffContext } from '../../http/request-context.ts';
import { uploadedCsv } from '../../http/csv-upload.ts';
import { requireStaff } from '../../http/guard.ts';
import {
  calendarQuery,
  calendarSchema,
  createElectionBody,
  electionDetailSchema,
  electionIdParams,
  electionSummarySchema,
  regionImportSchema,
  regionParams,
  rulebookChangeBody,
  rulebookVersionSchema,
  rulebookVersionsQuery,
  stagesBody,
  updateElectionBody,
} from './schema.ts';
import {
  calendarFor,
  changeRulebook,
  createElection,
  electionDetail,
  importElectionRegions,
  removeElectionRegion,
  replaceElectionStages,
  rulebookHistory,
  updateElection,
} from './service.ts';
import { electionList } from '../election-catalog/service.ts';

/** A list of participating regions: a few hundred lines. */
const MAX_REGION_CSV_BYTES = 1024 * 1024;
const langQuery = z.object({ lang: z.enum(['id', 'en']).optional() });
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export const electionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/elections',
    {
      schema: {
        tags: ['elections'],
        summary: 'Elections Netra supervises',
        querystring: z.object({ lang: z.enum(['id', 'en']).optional() }),
        response: { 200: z.object({ items: z.array(electionSummarySchema) }) },
      },
    },
    async (request) => electionList(ctx, requestLanguage(request)),
  );

  app.get(
    '/elections/:id',
    {
      schema: {
        tags: ['elections'],
        summary: 'One election: stages, rulebook and participating regions',
        params: electionIdParams,
        querystring: z.object({ lang: z.enum(['id', 'en']).optional() }),
        response: { 200: electionDetailSchema, 404: errorResponseSchema },
      },
    },
    async (request) => electionDetail(ctx, request.params.id, requestLanguage(request)),
  );

  app.get(
    '/elections/:id/calendar',
    {
      schema: {
        tags: ['elections'],
        summary: 'The stage of an election for a region on a date, whether it is critical, and the next stage',
        params: electionIdParams,
        querystring: calendarQuery,
        response: { 200: calendarSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => calendarFor(ctx, request.params.id, request.query, requestLanguage(request)),
  );

  // ---- Administration (issue 14): elections, stages, regions and rulebook versions
  const managers = requireStaff({ action: 'elections.manage' });
  await app.register(multipart, { limits: { fileSize: MAX_REGION_CSV_BYTES, files: 1, fields: 2 }, throwFileSizeLimit: true });

  app.post(
    '/elections',
    {
      preHandler: managers,
      schema: { tags: ['elections'], summary: 'Create an election; its rulebook starts from the template of its kind (version 1)', querystring: langQuery, body: createElectionBody, response: { 201: electionDetailSchema, 409: errorResponseSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createElection(ctx, staffContext(request), request.body)),
  );

  app.put(
    '/elections/:id',
    {
      preHandler: managers,
      schema: { tags: ['elections'], summary: "Change an election's names, voting day and basis", params: electionIdParams, querystring: langQuery, body: updateElectionBody, response: { 200: electionDetailSchema, ...errors } },
    },
    async (request) => updateElection(ctx, staffContext(request), request.params.id, request.body),
  );

  app.put(
    '/elections/:id/stages',
    {
      preHandler: managers,
      schema: { tags: ['elections'], summary: "Replace an election's stages and dates", params: electionIdParams, querystring: langQuery, body: stagesBody, response: { 200: electionDetailSchema, ...errors } },
    },
    async (request) => replaceElectionStages(ctx, staffContext(request), request.params.id, request.body.stages),
  );

  app.post(
    '/elections/:id/regions/import',
    {
      preHandler: managers,
      schema: {
        tags: ['elections'],
        summary: 'Add participating regions from a CSV list (column kode_wilayah); every row comes back accepted, duplicate or rejected with its reason',
        params: electionIdParams,
        querystring: langQuery,
        response: { 200: regionImportSchema, 413: errorResponseSchema, 422: errorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const part = await uploadedCsv(request);
      let text: string;
      try {
        text = (await part.toBuffer()).toString('utf8');
      } catch {
        const message = { id: 'Berkas lebih dari 1 MB.', en: 'The file exceeds 1 MB.' };
        throw new ApiError(413, 'file_too_large', message, [{ field: 'file', message }]);
      }
      return importElectionRegions(ctx, staffContext(request), request.params.id, text);
    },
  );

  app.delete(
    '/elections/:id/regions/:code',
    {
      preHandler: managers,
      schema: { tags: ['elections'], summary: 'Remove a participating region', params: regionParams, querystring: langQuery, response: { 200: z.object({ removed: z.string() }), ...errors } },
    },
    async (request) => removeElectionRegion(ctx, staffContext(request), request.params.id, request.params.code),
  );

  app.get(
    '/elections/:id/rulebook/versions',
    {
      preHandler: managers,
      schema: {
        tags: ['elections'],
        summary: "The rulebook's versions, newest first: who, when, why, from which regulation, what changed and how many cases run under each",
        params: electionIdParams,
        querystring: rulebookVersionsQuery,
        response: { 200: z.object({ total: z.number(), limit: z.number(), offset: z.number(), currentVersion: z.number(), items: z.array(rulebookVersionSchema) }), ...errors },
      },
    },
    async (request) => rulebookHistory(ctx, request.params.id, request.query),
  );

  app.post(
    '/elections/:id/rulebook',
    {
      preHandler: managers,
      schema: {
        tags: ['elections'],
        summary: 'Change the rulebook: a new version with its reason and regulation; it applies to cases opened from now on, running cases keep theirs',
        params: electionIdParams,
        querystring: langQuery,
        body: rulebookChangeBody,
        response: { 201: rulebookVersionSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await changeRulebook(ctx, staffContext(request), request.params.id, request.body)),
  );
};
