import type { FastifyRequest } from 'fastify';

export type Language = 'id' | 'en';

/** Bahasa Indonesia unless the caller asks for English (`?lang=en` or Accept-Language). */
export function requestLanguage(request: FastifyRequest): Language {
  const query = (request.query ?? {}) as Record<string, unknown>;
  if (query.lang === 'en' || query.lang === 'id') return query.lang;
  const header = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(header.trim()) ? 'en' : 'id';
}
