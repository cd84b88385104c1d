import { dateInTimeZone, decodeNip } from '@netra/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ApiError, errorResponseSchema } from '../../http/errors.ts';

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
    async (request) => {
      const today = dateInTimeZone(ctx.now(), 'Asia/Jakarta');
      const result = decodeNip(request.params.nip, { kind: request.query.kind, today });
      if (result.valid) return result.value;
      throw new ApiError(
        422,
        'invalid_nip',
        {
          id: `${result.kind === 'pns' ? 'NIP' : 'NI PPPK'} tidak valid: ${result.problems.length} masalah.`,
          en: `Invalid ${result.kind === 'pns' ? 'NIP' : 'NI PPPK'}: ${result.problems.length} problem(s).`,
        },
        result.problems.map((p) => ({ field: 'nip', message: p.message })),
        { problems: result.problems.map((p) => ({ code: p.code, digits: p.digits ?? null, message: p.message })) },
      );
    },
  );
};
