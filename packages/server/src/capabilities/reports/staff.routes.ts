/**
 * Staff routes: reports and evidence in scope, opening a reporter's identity with a reason, and
 * merge proposals (merging itself is a command: it also closes a case).
 */
import { z } from 'zod';
import { errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { dismissProposal, mergeProposalList } from './merge-proposals.service.ts';
import { binary, fileHeaders } from '../../http/files.ts';
import type { ReportRouteDeps, ReportsApp } from './route-helpers.ts';
import {
  dismissBody,
  evidenceQuery,
  identityBody,
  identityResponse,
  idParams,
  languageQuery,
  listProposalsQuery,
  listReportsQuery,
  proposalListResponse,
  reportDetailResponse,
  reportListResponse,
} from './schema.ts';
import { reportDetail, reportList, revealIdentity, staffEvidenceFile } from './staff.service.ts';

export function staffRoutes(app: ReportsApp, { ctx, cases, readers, officers }: ReportRouteDeps): void {
  app.get(
    '/reports',
    {
      preHandler: readers,
      schema: {
        tags: ['reports'],
        summary: 'Reports in your scope, newest first (search by name, NIP, receipt or case number, text)',
        querystring: listReportsQuery,
        response: { 200: reportListResponse, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => reportList(ctx, staffContext(request), request.query),
  );

  app.get(
    '/reports/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['reports'],
        summary: 'One report in your scope with its evidence and the formal/material checklist',
        params: idParams,
        querystring: languageQuery,
        response: { 200: reportDetailResponse, 404: errorResponseSchema },
      },
    },
    async (request) => reportDetail(ctx, staffContext(request), request.params.id),
  );

  app.get(
    '/evidence/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['reports'],
        summary: 'An evidence file in your scope: the original (default) or the metadata-free copy (?copy=public)',
        params: idParams,
        querystring: evidenceQuery,
        response: { 200: binary('The file, with its sniffed Content-Type, as an attachment'), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const file = await staffEvidenceFile(ctx, staffContext(request), request.params.id, request.query.copy);
      fileHeaders(reply, file.mimeType, 'attachment', file.originalName);
      return reply.send(file.stream);
    },
  );

  app.post(
    '/reports/:id/identity',
    {
      preHandler: officers,
      schema: {
        tags: ['reports'],
        summary: "Open a reporter's identity: Bawaslu in scope, with a reason; always audited before it is returned",
        params: idParams,
        querystring: languageQuery,
        body: identityBody,
        response: { 200: identityResponse, 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 410: errorResponseSchema },
      },
    },
    async (request) => revealIdentity(ctx, cases, staffContext(request), request.params.id, request.body.reason),
  );

  app.get(
    '/merge-proposals',
    {
      preHandler: officers,
      schema: {
        tags: ['reports'],
        summary: 'Proposed duplicates in your scope, both reports side by side',
        querystring: listProposalsQuery,
        response: { 200: proposalListResponse, 403: errorResponseSchema },
      },
    },
    async (request) => mergeProposalList(ctx, staffContext(request), request.query),
  );

  app.post(
    '/merge-proposals/:id/dismiss',
    {
      preHandler: officers,
      schema: {
        tags: ['reports'],
        summary: 'Dismiss a proposal (not the same event), with a reason',
        params: idParams,
        querystring: languageQuery,
        body: dismissBody,
        response: { 200: z.object({ id: z.string(), status: z.literal('dismissed'), decidedAt: z.string() }), 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => dismissProposal(ctx, staffContext(request), request.params.id, request.body.reason),
  );
}
