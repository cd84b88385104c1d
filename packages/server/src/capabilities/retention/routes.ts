import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { requireStaff } from '../../http/guard.ts';
import {
  forecastQuery,
  forecastSchema,
  holdBody,
  holdListQuery,
  holdListSchema,
  holdSchema,
  holdsOnQuery,
  holdsOnSchema,
  idParams,
  purgeBody,
  reasonBody,
  ruleBody,
  rulesSchema,
  runListQuery,
  runListSchema,
  runSchema,
  savedSchema,
} from './schema.ts';
import { expiryForecast, holdList, holdsOn, liftHold, placeHold, purgeFromConsole, purgeRun, purgeRuns, removeRule, rulesView, saveRule } from './retention.service.ts';

const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

/** Retention rules, legal holds, what expires, and the purge (issue 13). */
export const retentionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['retention'];
  const reader = requireStaff({ action: 'retention.read' });
  const holdReader = requireStaff({ action: 'retention.holds.read' });
  const holdManager = requireStaff({ action: 'retention.holds.manage' });
  const ruleEditor = requireStaff({ action: 'retention.rules' });
  const purger = requireStaff({ action: 'retention.purge' });

  app.get('/retention/rules', { preHandler: reader, schema: { tags, summary: 'The kinds of data, and how long each is kept per election with its legal basis', response: { 200: rulesSchema } } }, async (request) =>
    rulesView(ctx, staffContext(request)),
  );

  app.put(
    '/retention/rules',
    { preHandler: ruleEditor, schema: { tags, summary: "Set a kind's keeping period (default, or one election's own), with its legal basis and a reason (audited)", body: ruleBody, response: { 200: savedSchema, ...errors } } },
    async (request) => saveRule(ctx, staffContext(request), request.body),
  );

  app.delete(
    '/retention/rules/:id',
    { preHandler: ruleEditor, schema: { tags, summary: "Remove an election's own rule (the default applies again), with a reason", params: idParams, body: reasonBody, response: { 200: savedSchema, ...errors } } },
    async (request) => {
      await removeRule(ctx, staffContext(request), request.params.id, request.body.reason);
      return { id: request.params.id };
    },
  );

  app.get('/retention/holds', { preHandler: reader, schema: { tags, summary: 'Legal holds in scope, newest first', querystring: holdListQuery, response: { 200: holdListSchema, ...errors } } }, async (request) => {
    const { limit, offset, ...filter } = request.query;
    return holdList(ctx, staffContext(request), filter, { limit, offset });
  });

  app.get(
    '/retention/holds/on',
    { preHandler: holdReader, schema: { tags, summary: 'The active holds that cover a case, a report or a person (their own and those on its case, people, region or election)', querystring: holdsOnQuery, response: { 200: holdsOnSchema, ...errors } } },
    async (request) => holdsOn(ctx, staffContext(request), request.query),
  );

  app.post('/retention/holds', { preHandler: holdManager, schema: { tags, summary: 'Place a legal hold with a reason (audited)', body: holdBody, response: { 201: holdSchema, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await placeHold(ctx, staffContext(request), request.body)),
  );

  app.post(
    '/retention/holds/:id/lift',
    { preHandler: holdManager, schema: { tags, summary: 'Lift a legal hold with a reason (audited)', params: idParams, body: reasonBody, response: { 200: holdSchema, 409: errorResponseSchema, ...errors } } },
    async (request) => liftHold(ctx, staffContext(request), request.params.id, request.body.reason),
  );

  app.get(
    '/retention/forecast',
    { preHandler: reader, schema: { tags, summary: 'What expires in the next 30 or 90 days per kind, election and region, with what holds keep back', querystring: forecastQuery, response: { 200: forecastSchema, ...errors } } },
    async (request) => expiryForecast(ctx, staffContext(request), request.query.days),
  );

  app.get('/retention/purges', { preHandler: reader, schema: { tags, summary: 'Purge runs (dry runs too), newest first', querystring: runListQuery, response: { 200: runListSchema, ...errors } } }, async (request) =>
    purgeRuns(ctx, request.query),
  );

  app.get('/retention/purges/:id', { preHandler: reader, schema: { tags, summary: 'One purge run and its log: kind, rule, region, count and ids (never content)', params: idParams, response: { 200: runSchema, ...errors } } }, async (request) =>
    purgeRun(ctx, staffContext(request), request.params.id),
  );

  app.post(
    '/retention/purges',
    { preHandler: purger, schema: { tags, summary: 'Run the purge now: a dry run, or the real one with the typed confirmation', body: purgeBody, response: { 201: runSchema, 409: errorResponseSchema, ...errors } } },
    async (request, reply) => reply.code(201).send(await purgeFromConsole(ctx, staffContext(request), request.body)),
  );
};
