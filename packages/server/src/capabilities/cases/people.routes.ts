/**
 * The person of a case and the SIASN block (issue 15): who the case is about (link from the
 * register, unlink, still unknown and why), and BKN's block as a record. Registered by routes.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { requireStaff } from '../../http/guard.ts';
import { caseIdParams, langOnlyQuery } from './schema.ts';
import {
  blockSummaryQuery,
  blockSummarySchema,
  caseBlocksSchema,
  casePeopleSchema,
  imposeBlockBody,
  liftBlockBody,
  linkPersonBody,
  personChangeSchema,
  personParams,
  personUnknownBody,
} from './people.schema.ts';
import { casePeople, linkPerson, markPersonUnknown, unlinkPerson } from './people.service.ts';
import { caseBlocks, imposeSiasnBlock, liftSiasnBlock, openBlockSummary } from './siasn-block.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const changeErrors = { ...errors, 409: errorResponseSchema, 422: errorResponseSchema, 423: errorResponseSchema };

export const casePeopleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const readers = requireStaff({ action: 'cases.read' });
  const identifiers = requireStaff({ action: 'cases.people' });
  const blockers = requireStaff({ action: 'cases.siasn-block' });
  const tags = ['cases'];

  app.get(
    '/cases/:id/people',
    {
      preHandler: readers,
      schema: { tags, summary: 'The civil servants the case is about (NIP, rank, position, unit, agency), their earlier cases and pledges, or why the person is still unknown', params: caseIdParams, querystring: langOnlyQuery, response: { 200: casePeopleSchema, ...errors } },
    },
    async (request) => casePeople(ctx, staffContext(request), request.params.id),
  );

  app.post(
    '/cases/:id/people',
    {
      preHandler: identifiers,
      schema: { tags, summary: 'Link a civil servant from the register (within my scope) to the case, optionally naming the report that named them', params: caseIdParams, querystring: langOnlyQuery, body: linkPersonBody, response: { 200: personChangeSchema, 201: personChangeSchema, ...changeErrors } },
    },
    async (request, reply) => {
      const result = await linkPerson(ctx, staffContext(request), request.params.id, request.body);
      return reply.status(result.linked ? 201 : 200).send(result);
    },
  );

  app.delete(
    '/cases/:id/people/:asnId',
    {
      preHandler: identifiers,
      schema: { tags, summary: 'Unlink a civil servant linked by mistake', params: personParams, querystring: langOnlyQuery, response: { 200: personChangeSchema, ...changeErrors } },
    },
    async (request) => unlinkPerson(ctx, staffContext(request), request.params.id, request.params.asnId),
  );

  app.put(
    '/cases/:id/person-unknown',
    {
      preHandler: identifiers,
      schema: { tags, summary: 'Record that the person is still unknown and why (reason null clears it)', params: caseIdParams, querystring: langOnlyQuery, body: personUnknownBody, response: { 200: personChangeSchema, ...changeErrors } },
    },
    async (request) => markPersonUnknown(ctx, staffContext(request), request.params.id, request.body),
  );

  app.get(
    '/cases/:id/siasn-blocks',
    {
      preHandler: readers,
      schema: { tags, summary: "The case's SIASN block: requested, imposed by BKN, lifted; with its history", params: caseIdParams, querystring: langOnlyQuery, response: { 200: caseBlocksSchema, ...errors } },
    },
    async (request) => caseBlocks(ctx, staffContext(request), request.params.id),
  );

  app.post(
    '/cases/:id/siasn-blocks/impose',
    {
      preHandler: blockers,
      schema: { tags, summary: 'BKN records the block it imposed in SIASN (reference and date)', params: caseIdParams, querystring: langOnlyQuery, body: imposeBlockBody, response: { 200: caseBlocksSchema, ...changeErrors } },
    },
    async (request) => imposeSiasnBlock(ctx, staffContext(request), request.params.id, request.body),
  );

  app.post(
    '/cases/:id/siasn-blocks/lift',
    {
      preHandler: blockers,
      schema: { tags, summary: 'BKN lifts the block (or withdraws the request) with a reason', params: caseIdParams, querystring: langOnlyQuery, body: liftBlockBody, response: { 200: caseBlocksSchema, ...changeErrors } },
    },
    async (request) => liftSiasnBlock(ctx, staffContext(request), request.params.id, request.body),
  );

  app.get(
    '/siasn-blocks/summary',
    {
      preHandler: requireStaff({ action: 'dashboards.read' }),
      schema: { tags: ['dashboards'], summary: 'Open SIASN blocks (requested, imposed) in my territory per regency/city and per agency', querystring: blockSummaryQuery, response: { 200: blockSummarySchema, ...errors } },
    },
    async (request) => openBlockSummary(ctx, staffContext(request), request.query.region),
  );
};
