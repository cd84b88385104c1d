/**
 * What the reports routes share: the answer to a rate-limited request, and the headers and schema
 * of a stored file sent back.
 */
import type { FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import type { CaseLedger } from '../../ports/case-ledger.ts';

/** The Fastify instance the reports plugin registers its routes on (one context: uploads and limits apply to all). */
export type ReportsApp = Parameters<FastifyPluginAsyncZod>[0];

/** What each group of report routes is given by the plugin (routes.ts). */
export interface ReportRouteDeps {
  ctx: AppContext;
  /** The cases capability's ledger, handed in by app.ts (ports/case-ledger.ts). */
  cases: CaseLedger;
  apiPrefix: string;
  readers: NonNullable<RouteShorthandOptions['preHandler']>;
  officers: NonNullable<RouteShorthandOptions['preHandler']>;
  officersFirst: NonNullable<RouteShorthandOptions['onRequest']>;
  submitLimit: RateLimit;
  trackLimit: RateLimit;
}

export interface RateLimit {
  max: number;
  timeWindow: string;
  errorResponseBuilder: (request: FastifyRequest, context: { ttl: number }) => ApiError;
}

export const tooMany = (what: 'submit' | 'track') => (_request: FastifyRequest, context: { ttl: number }) => {
  const minutes = Math.max(1, Math.ceil(context.ttl / 60_000));
  return new ApiError(
    429,
    'rate_limited',
    what === 'submit'
      ? {
          id: `Terlalu banyak laporan dikirim dari jaringan Anda dalam satu jam terakhir. Isian Anda tetap tersimpan di formulir; silakan kirim lagi dalam ${minutes} menit.`,
          en: `Too many reports were sent from your network in the last hour. What you typed is kept in the form; please send it again in ${minutes} minute(s).`,
        }
      : {
          id: `Terlalu banyak percobaan dari jaringan Anda. Silakan coba lagi dalam ${minutes} menit.`,
          en: `Too many attempts from your network. Please try again in ${minutes} minute(s).`,
        },
  );
};
