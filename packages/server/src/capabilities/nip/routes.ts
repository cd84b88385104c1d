import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponseSchema } from '../../http/errors.ts';
import { decodeIdentifier } from './service.ts';

const decodedSchema = z.object({
  kind: z.enum(['pns', 'pppk']),
  nip: z.string(),
  formatted: z.string(),
  birthDate: z.string(),
  gender: z.enum(['male', 'female']),
  sequence: z.number(),
  appointment: z.string().optional().describe('PNS: CPNS appointment month YYYY-MM'),
  appointmentYear: z.number().optional().describe('PPPK: appointment year'),
  code: z.string().optional().describe('PPPK: 2-digit code (meaning unconfirmed, not validated)'),
});

export const nipRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/nip/:nip',
    {
      schema: {
        tags: ['nip'],
        summary: 'Decode and validate a NIP (PNS) or NI PPPK',
        description: 'Returns the decoded fields, or 422 listing every reason the number is invalid.',
        params: z.object({ nip: z.string().max(40) }),
        querystring: z.object({ kind: z.enum(['pns', 'pppk']).default('pns'), lang: z.enum(['id', 'en']).optional() }),
        response: { 200: decodedSchema, 422: errorResponseSchema },
      },
    },
    async (request) => decodeIdentifier(ctx, request.params.nip, request.query.kind),
  );
};
