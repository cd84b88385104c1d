/**
 * Structured logs: Fastify's own logger (pino), one JSON line per event, each with the request
 * id (also sent back as `x-request-id` so a reporter's "something went wrong" can be found).
 *
 * What a line never carries: the client's address or user agent (a public reporter must not be
 * traceable through the logs), cookies, CSRF tokens, idempotency keys, the query string (a
 * tracking link could carry a receipt), or any body. Requests are described by method, route
 * pattern and status only.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyRequest, FastifyServerOptions } from 'fastify';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The path without its query string: `/api/v1/reports/track?x=…` → `/api/v1/reports/track`. */
const pathOnly = (url: string | undefined) => (url ?? '').split('?')[0].slice(0, 300);

export function loggerOptions(level: LogLevel = 'info'): FastifyServerOptions['logger'] {
  return {
    level,
    // Headers, addresses and bodies never reach a serializer, so they cannot be logged by accident.
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: pathOnly(request.url), route: request.routeOptions?.url }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: (error: Error & { code?: unknown; statusCode?: unknown }) => ({
        type: error.name,
        message: error.message,
        code: error.code,
        statusCode: error.statusCode,
        stack: error.stack ?? '',
      }),
    },
    redact: { paths: ['req.headers', 'req.remoteAddress', 'req.remotePort', 'headers', 'cookie', 'ip'], remove: true },
  };
}

/** Request ids: random, never taken from the client (a client-chosen id could link requests). */
export const requestIdOptions = {
  genReqId: () => randomUUID(),
  requestIdHeader: false as const,
};

/** The logger for code outside a request (startup, jobs) when the app has none. */
export type Logger = FastifyBaseLogger;
