/**
 * /api/v1/screening: ad hoc scoring, importing collected posts, the triage queue (confirm turns a
 * post into a report, dismiss keeps the reason), the lexicon per election and region, and the
 * accounts with their ASN links. Readers: Bawaslu and analysts; everything that changes data:
 * Bawaslu. Territory is enforced in the repository's queries.
 */
import multipart from '@fastify/multipart';
import type { LexiconEntryKind, PostKind } from '@netra/core/screening/index';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { staffContext } from '../../http/request-context.ts';
import { requireStaff } from '../../http/guard.ts';
import { ApiError, errorResponseSchema } from '../../http/errors.ts';
import { editLexicon, lexiconView } from './lexicon.service.ts';
import { confirmProposal, linkAccount, listAccounts, proposeLinksInScope, rejectProposal, unlinkAccount } from './links.ts';
import * as s from './schema.ts';
import { dismissPost, importPostFile, listPosts, postDetail, scoreText, type DismissalReason } from './service.ts';

/** A monitors' export of a few hundred thousand posts; larger files go through `netra screen --import`. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const tags = ['screening'];
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export const screeningRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const readers = requireStaff({ action: 'screening.read' });
  const officers = requireStaff({ action: 'screening.triage' });
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });

  app.post(
    '/screening/score',
    {
      preHandler: readers,
      schema: {
        tags,
        summary: 'Score a text ad hoc. Without electionId: the next election to vote (else the latest); without regionCode: every pair of that election',
        querystring: z.object(s.langQuery),
        body: s.scoreBody,
        response: { 200: s.scoreResult, 400: errorResponseSchema },
      },
    },
    async (request) => {
      const body = request.body;
      return scoreText(ctx, staffContext(request), { text: body.text, kind: body.kind as PostKind, electionId: body.electionId, regionCode: body.regionCode, asnLinked: body.asnLinked });
    },
  );

  app.post(
    '/screening/posts/import',
    {
      preHandler: officers,
      schema: {
        tags,
        summary: 'Import posts from a JSONL or CSV file (multipart: electionId, regionCode, then file); each rejected line comes back with its number and reasons',
        querystring: z.object(s.langQuery),
        response: { 200: s.importSummary, ...errors },
      },
    },
    async (request) => {
      const rc = staffContext(request);
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part) {
        throw new ApiError(400, 'file_missing', { id: 'Pilih berkas JSONL atau CSV.', en: 'Choose a JSONL or CSV file.' }, [
          { field: 'file', message: { id: 'Pilih berkas JSONL atau CSV.', en: 'Choose a JSONL or CSV file.' } },
        ]);
      }
      const field = (name: string) => {
        const value = (part.fields[name] as { value?: unknown } | undefined)?.value;
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
      };
      return importPostFile(ctx, rc, { file: part.file, fileName: part.filename, mimeType: part.mimetype, electionId: field('electionId'), regionCode: field('regionCode') });
    },
  );

  app.get(
    '/screening/posts',
    { preHandler: readers, schema: { tags, summary: 'The triage queue in scope: highest score first, filtered', querystring: s.postListQuery, response: { 200: s.postList } } },
    async (request) => {
      const { lang: _lang, ...filter } = request.query;
      return listPosts(ctx, staffContext(request), filter);
    },
  );

  app.get(
    '/screening/posts/:id',
    { preHandler: readers, schema: { tags, summary: 'One post with its reasons and highlighted spans', params: s.idParams, querystring: z.object(s.langQuery), response: { 200: s.postSchema, 404: errorResponseSchema } } },
    async (request) => postDetail(ctx, staffContext(request), request.params.id),
  );

  app.post(
    '/screening/posts/:id/dismiss',
    {
      preHandler: officers,
      schema: { tags, summary: 'Dismiss a post with a reason (kept for tuning the lexicon)', params: s.idParams, querystring: z.object(s.langQuery), body: s.dismissBody, response: { 200: s.postSchema, 409: errorResponseSchema, ...errors } },
    },
    async (request) =>
      dismissPost(ctx, staffContext(request), request.params.id, { reason: request.body.reason as DismissalReason, note: request.body.note }),
  );

  app.get(
    '/screening/lexicon',
    { preHandler: readers, schema: { tags, summary: 'The lexicon of an election and region: entries by kind with the pairs they name, and the edits', querystring: s.lexiconQuery, response: { 200: s.lexiconView, ...errors } } },
    async (request) => {
      const { lang: _lang, ...query } = request.query;
      return lexiconView(ctx, staffContext(request), { ...query, kind: query.kind as LexiconEntryKind | undefined });
    },
  );

  app.post(
    '/screening/lexicon/edits',
    {
      preHandler: officers,
      schema: {
        tags,
        summary: 'Add or remove a lexicon term for a region (null: election-wide, national only); open posts there are scored again',
        querystring: z.object(s.langQuery),
        body: s.lexiconEditBody,
        response: { 201: z.object({ id: z.number(), rescored: z.number() }), ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const saved = await editLexicon(ctx, staffContext(request), { ...body, kind: body.kind as LexiconEntryKind | undefined });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/screening/accounts',
    {
      preHandler: readers,
      schema: { tags, summary: 'Watched accounts in scope with their ASN link (proposals first)', querystring: s.accountListQuery, response: { 200: z.object({ total: z.number(), items: z.array(s.accountSchema) }) } },
    },
    async (request) => {
      const { lang: _lang, ...filter } = request.query;
      return listAccounts(ctx, staffContext(request), filter);
    },
  );

  const linkSchema = (summary: string, body?: z.ZodType) => ({
    preHandler: officers,
    schema: { tags, summary, params: s.idParams, querystring: z.object(s.langQuery), ...(body ? { body } : {}), response: { 200: s.linkResult, 409: errorResponseSchema, ...errors } },
  });

  app.post('/screening/accounts/:id/link', linkSchema('Link the account to the civil servant with this NIP (confirmed)', z.object({ asnNip: z.string().trim().min(18).max(30) })), async (request) => linkAccount(ctx, staffContext(request), request.params.id, (request.body as { asnNip: string }).asnNip));
  app.post('/screening/accounts/:id/unlink', linkSchema('Remove the account\'s ASN link'), async (request) => unlinkAccount(ctx, staffContext(request), request.params.id));
  app.post('/screening/accounts/:id/link/confirm', linkSchema('Confirm the proposed ASN link'), async (request) => confirmProposal(ctx, staffContext(request), request.params.id));
  app.post('/screening/accounts/:id/link/reject', linkSchema('Reject the proposed ASN link (not proposed again)'), async (request) => rejectProposal(ctx, staffContext(request), request.params.id));

  app.post(
    '/screening/accounts/propose-links',
    {
      preHandler: officers,
      schema: {
        tags,
        summary: 'Propose ASN links for unlinked accounts in scope by name (and agency) similarity, for a person to confirm',
        querystring: z.object(s.langQuery),
        body: z.object({ regionCode: s.postListQuery.shape.regionCode }),
        response: { 200: z.object({ proposed: z.number() }), ...errors },
      },
    },
    async (request) => proposeLinksInScope(ctx, staffContext(request), request.body.regionCode),
  );
};
