/**
 * The Fastify application: plugins in the order every request meets them (security headers →
 * rate limit → validation → handler), each capability mounted under /api/v1, and the built web
 * app served for every other path.
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authRoutes } from './capabilities/auth/routes.ts';
import { electionRoutes } from './capabilities/elections/routes.ts';
import { healthRoutes } from './capabilities/health/routes.ts';
import { nipRoutes } from './capabilities/nip/routes.ts';
import { regionRoutes } from './capabilities/regions/routes.ts';
import { userRoutes } from './capabilities/users/routes.ts';
import type { AppContext } from './context.ts';
import { registerErrorHandling } from './http/errors.ts';

export const API_PREFIX = '/api/v1';

export interface AppOptions {
  /** Directory of the built web app; omitted in API-only tests. */
  webDist?: string;
  logger?: boolean;
  /** Requests per minute per address for the whole API. */
  rateLimitPerMinute?: number;
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    trustProxy: true,
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

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
  await app.register(cookie);
  app.decorateRequest('staff', null);
  await app.register(rateLimit, { max: options.rateLimitPerMinute ?? 1200, timeWindow: '1 minute' });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Netra API',
        description: "Supervising the political neutrality of Indonesia's civil servants (ASN) through elections.",
        version: '1.0.0',
        license: { name: 'AGPL-3.0-or-later' },
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
      await api.register(regionRoutes, { ctx });
      await api.register(electionRoutes, { ctx });
      await api.register(nipRoutes, { ctx });
      await api.register(authRoutes, { ctx });
      await api.register(userRoutes, { ctx });
    },
    { prefix: API_PREFIX },
  );

  if (options.webDist && fs.existsSync(path.join(options.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.webDist, wildcard: false });
    // Client-side routes (/nip, /wilayah/35.10 …) all load the single-page app.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith(`${API_PREFIX}/`)) return reply.callNotFound();
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
