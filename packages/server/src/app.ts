/**
 * The Fastify application: plugins in the order every request meets them (security headers →
 * rate limit → validation → handler), each capability mounted under /api/v1, and the built web
 * app served for every other path.
 */
import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authRoutes } from './capabilities/auth/routes.ts';
import { resolveSession } from './capabilities/auth/service.ts';
import { candidateRoutes } from './capabilities/candidates/routes.ts';
import { registerRoutes } from './capabilities/register/routes.ts';
import { personCaseRecord } from './capabilities/cases/person-record.service.ts';
import { rotationRoutes } from './capabilities/rotations/routes.ts';
import { caseLedger } from './capabilities/cases/ledger.ts';
import { caseRoutes } from './capabilities/cases/routes.ts';
import { notificationRoutes } from './capabilities/notifications/routes.ts';
import { electionRoutes } from './capabilities/elections/routes.ts';
import { healthRoutes } from './capabilities/health/routes.ts';
import { nipRoutes } from './capabilities/nip/routes.ts';
import { regionRoutes } from './capabilities/regions/routes.ts';
import { commandRoutes } from './commands/routes.ts';
import { inboxRoutes } from './capabilities/inbox/routes.ts';
import { messageRoutes } from './capabilities/messages/routes.ts';
import { notificationSettingsRoutes } from './capabilities/notice-mail/routes.ts';
import { electionsOfRegion } from './capabilities/election-catalog/service.ts';
import { reportRoutes, type ReportRoutesOptions } from './capabilities/reports/routes.ts';
import { userRoutes } from './capabilities/users/routes.ts';
import { auditRoutes } from './capabilities/audit-viewer/routes.ts';
import { retentionRoutes } from './capabilities/retention/routes.ts';
import { dashboardRoutes } from './capabilities/dashboards/routes.ts';
import { documentRoutes } from './capabilities/documents/routes.ts';
import { exportRoutes } from './capabilities/exports/routes.ts';
import { preventionRoutes } from './capabilities/prevention/routes.ts';
import { transparencyRoutes } from './capabilities/transparency/routes.ts';
import { screeningRoutes } from './capabilities/screening/routes.ts';
import type { TrustProxy } from './config.ts';
import type { AppContext } from './context.ts';
import { frameworkErrorHandler, registerErrorHandling } from './http/errors.ts';
import { sharedRateLimitStore } from './http/rate-limit-store.ts';
import { addressKeyGenerator } from './http/address-key.ts';
import { loggerOptions, requestIdOptions, type LogLevel } from './http/logging.ts';

export const API_PREFIX = '/api/v1';

/** Where Vite puts the content-hashed files of the built web app. */
const HASHED_ASSETS = (webDist: string) => `${path.join(webDist, 'assets')}${path.sep}`;

export interface AppOptions {
  /** Directory of the built web app; omitted in API-only tests. */
  webDist?: string;
  /** Structured JSON logs (http/logging.ts) at this level; off when omitted or false (tests). */
  logger?: boolean | LogLevel;
  /** Where the log lines go (stdout when omitted); tests read them to prove what is never logged. */
  logStream?: NodeJS.WritableStream;
  /** Requests per minute per address for the whole API. */
  rateLimitPerMinute?: number;
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's trustProxy: an address list, a hop
   * count, or true). Off by default: trusting any client's header would let it dodge the
   * per-address rate limits on public reporting and sign-in.
   */
  trustProxy?: TrustProxy;
  /** Per-address limits of the public report routes (tests and the intake benchmark set them). */
  reports?: Omit<ReportRoutesOptions, 'ctx' | 'cases'>;
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const serverOptions: FastifyHttpOptions<Server> = {
    logger: options.logger ? { ...(loggerOptions(options.logger === true ? 'info' : options.logger) as object), ...(options.logStream ? { stream: options.logStream } : {}) } : false,
    ...requestIdOptions,
    frameworkErrors: frameworkErrorHandler,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1_048_576,
  };
  const app = Fastify(serverOptions);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // The API docs page (Swagger UI) uses inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  // br/gzip for answers of 1 kB and more (the JS bundle, JSON lists); nginx in front may do it instead.
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(cookie);
  app.decorateRequest('staff', null);
  // The staff guard (http/guard.ts) asks the app for the signed-in staff member behind a session;
  // the sessions are the auth capability's, read with this app's context.
  app.decorate('staffSession', (token: string) => resolveSession(ctx, token));
  // Route limits (sign-in, public reports, tracking) are counted in PostgreSQL, shared by every
  // server; the coarse limit on every request stays in this process (http/rate-limit-store.ts).
  await app.register(rateLimit, { max: options.rateLimitPerMinute ?? 1200, timeWindow: '1 minute', store: sharedRateLimitStore(ctx.db), skipOnError: true, keyGenerator: addressKeyGenerator(ctx) });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Netra API',
        description: "Supervising the political neutrality of Indonesia's civil servants (ASN) through elections.",
        version: '1.0.0',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(healthRoutes, { ctx });
      await api.register(regionRoutes, { ctx, electionsOfRegion });
      await api.register(electionRoutes, { ctx });
      await api.register(nipRoutes, { ctx });
      await api.register(authRoutes, { ctx });
      await api.register(userRoutes, { ctx });
      await api.register(auditRoutes, { ctx });
      await api.register(retentionRoutes, { ctx });
      await api.register(reportRoutes, { ctx, cases: caseLedger, apiPrefix: API_PREFIX, ...options.reports });
      await api.register(caseRoutes, { ctx });
      await api.register(notificationRoutes, { ctx });
      await api.register(registerRoutes, { ctx, personCaseRecord });
      await api.register(candidateRoutes, { ctx });
      await api.register(rotationRoutes, { ctx });
      await api.register(dashboardRoutes, { ctx });
      await api.register(transparencyRoutes, { ctx });
      await api.register(preventionRoutes, { ctx });
      await api.register(exportRoutes, { ctx });
      await api.register(documentRoutes, { ctx });
      await api.register(screeningRoutes, { ctx });
      await api.register(commandRoutes, { ctx });
      await api.register(messageRoutes, { ctx, apiPrefix: API_PREFIX, perHour: options.reports?.trackingPerHour });
      await api.register(notificationSettingsRoutes, { ctx });
      await api.register(inboxRoutes, { ctx, apiPrefix: API_PREFIX });
    },
    { prefix: API_PREFIX },
  );

  if (options.webDist && fs.existsSync(path.join(options.webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: options.webDist,
      wildcard: false,
      cacheControl: false,
      // The build writes .br and .gz beside every text file: sent as they are, no work per request.
      preCompressed: true,
      // Vite names every asset by its content hash: a year, immutable. index.html and the rest
      // are revalidated, so a release is picked up at once.
      setHeaders: (reply, filePath) => {
        const hashed = filePath.startsWith(HASHED_ASSETS(options.webDist!));
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The public report form is a light page of its own (issue 16: ≤ 50 KB on a weak signal).
    if (fs.existsSync(path.join(options.webDist, 'lapor.html'))) {
      app.get('/lapor', { schema: { hide: true } }, (_request, reply) => reply.header('cache-control', 'no-cache').type('text/html').sendFile('lapor.html'));
    }
    // Client-side routes (/nip, /wilayah/35.10 …) all load the single-page app.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith(`${API_PREFIX}/`)) return reply.callNotFound();
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
