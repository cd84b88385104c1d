/**
 * One error shape for the whole API: `{ error: { code, message, fields? } }`, with messages in
 * the caller's language, so the web app can show a field-level message next to each input.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLanguage, type Language } from './language.ts';

export interface FieldError {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: FieldError[]; details?: unknown };
}

/** An error a handler throws on purpose: status, stable code, message in both languages. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messages: { id: string; en: string },
    readonly fields?: Array<{ field: string; message: { id: string; en: string } }>,
    readonly details?: unknown,
  ) {
    super(messages.en);
  }
}

export const notFound = (what: { id: string; en: string }) =>
  new ApiError(404, 'not_found', { id: `${what.id} tidak ditemukan.`, en: `${what.en} not found.` });

const localeErrors = { id: z.locales.id().localeError, en: z.locales.en().localeError };

/**
 * Zod issues arrive flattened by fastify-type-provider-zod ({keyword, instancePath, params});
 * rebuild the issue and let Zod's own locale render it. Custom refinements carry their
 * Indonesian text in params.messageId and their English text as the message.
 */
function zodFieldErrors(validation: unknown[], part: string | undefined, language: Language): FieldError[] {
  return validation.map((raw) => {
    const v = raw as { keyword: string; instancePath: string; message: string; params: Record<string, unknown> };
    const field = [part === 'querystring' ? 'query' : part, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');
    const localised = (v.params.params as { messageId?: unknown } | undefined)?.messageId;
    if (v.keyword === 'custom' && typeof localised === 'string') {
      return { field, message: language === 'id' ? localised : v.message };
    }
    const issue = { code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message, ...v.params };
    const rendered = localeErrors[language](issue as never);
    const message = typeof rendered === 'string' ? rendered : rendered?.message ?? v.message;
    return { field, message };
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const language = requestLanguage(request);
    if (error instanceof ApiError) {
      const body: ApiErrorBody = {
        error: {
          code: error.code,
          message: error.messages[language],
          ...(error.fields ? { fields: error.fields.map((f) => ({ field: f.field, message: f.message[language] })) } : {}),
          ...(error.details !== undefined ? { details: error.details } : {}),
        },
      };
      return reply.status(error.statusCode).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: language === 'id' ? 'Ada isian yang tidak valid. Periksa kolom yang ditandai.' : 'Some input is invalid. Check the marked fields.',
          fields: zodFieldErrors(error.validation, error.validationContext, language),
        },
      } satisfies ApiErrorBody);
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    return reply.status(status).send({
      error: {
        code: status === 429 ? 'rate_limited' : status === 500 ? 'internal_error' : error.code ?? 'bad_request',
        message:
          status === 500
            ? language === 'id'
              ? 'Terjadi kesalahan di server. Silakan coba lagi; bila berulang, hubungi admin.'
              : 'Something went wrong on the server. Please try again; if it persists, contact the administrator.'
            : error.message,
      },
    } satisfies ApiErrorBody);
  });

  app.setNotFoundHandler((request, reply) => {
    const language = requestLanguage(request);
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: language === 'id' ? `Alamat ${request.url} tidak ada di API.` : `There is no API route ${request.url}.`,
      },
    } satisfies ApiErrorBody);
  });
}

/** The error response schema every route documents in OpenAPI. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    details: z.unknown().optional(),
  }),
});
