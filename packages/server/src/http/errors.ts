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

/** What busboy (through @fastify/multipart) throws on a broken multipart body: the client's fault. */
const BROKEN_MULTIPART = /^(Multipart: |Unexpected end of (form|file|multipart data)|Malformed (part header|urlencoded form|content type)|Part terminated early|Unsupported content type)/i;

/**
 * PostgreSQL errors caused by the data a client sent (class 22 "data exception": a NUL byte,
 * invalid UTF-8, a malformed number or date, a value too long; 54000 a value too large for an
 * index) when it slipped past validation. They are the caller's fault, answered 400 and logged
 * as a warning so the missing validation can be added.
 */
const DATA_EXCEPTION = /^(22...|54000)$/;

function clientFaultOf(error: FastifyError): { code: string; messages: { id: string; en: string } } | null {
  const code = (error as { code?: unknown }).code;
  if (BROKEN_MULTIPART.test(error.message) || (typeof code === 'string' && /^FST_(INVALID_MULTIPART|MULTIPART)/.test(code) && !error.statusCode)) {
    return {
      code: 'bad_multipart',
      messages: {
        id: 'Isi formulir (multipart) rusak atau terpotong. Kirim ulang formulir; bila berulang, periksa koneksi Anda.',
        en: 'The form data (multipart) is broken or cut off. Send the form again; if it repeats, check your connection.',
      },
    };
  }
  if (typeof code === 'string' && DATA_EXCEPTION.test(code) && !error.statusCode) {
    return {
      code: 'invalid_input',
      messages: {
        id: 'Isian berisi karakter atau nilai yang tidak dapat diterima (misalnya karakter NUL atau teks terlalu panjang).',
        en: 'The input contains a character or value that cannot be accepted (for example a NUL character or text that is too long).',
      },
    };
  }
  return null;
}

/**
 * The database is away (restarting, killed, unreachable, out of connections): not the caller's
 * fault and not a bug. Answered 503 with Retry-After so clients and the proxy retry; the pool
 * reconnects by itself when PostgreSQL is back. Class 08 (connection exception), 57P01-57P03
 * (admin/crash shutdown, cannot connect now), 53300 (too many connections) and socket errors.
 */
const DB_UNAVAILABLE_CODES = /^(08...|57P0[1-3]|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/;
const DB_UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; statusCode?: unknown } | null;
  if (!e || typeof e !== 'object' || e.statusCode) return false;
  return (typeof e.code === 'string' && DB_UNAVAILABLE_CODES.test(e.code)) || (typeof e.message === 'string' && DB_UNAVAILABLE_MESSAGE.test(e.message));
}

/** Seconds a client is asked to wait while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** Paths (body.x, query.y, params.z) of strings holding a NUL character, which PostgreSQL cannot store. */
export function nulFields(part: string, value: unknown, found: string[] = [], depth = 0): string[] {
  if (found.length >= 10 || depth > 20) return found;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(part);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulFields(`${part}.${i}`, item, found, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) nulFields(`${part}.${key}`, item, found, depth + 1);
  }
  return found;
}

/**
 * Fastify's own refusals before routing (a malformed percent-encoding in the path, a path
 * parameter over the length limit), in the one error shape and the caller's language
 * (the `frameworkErrors` server option).
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const language = requestLanguage(request);
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply.status(tooLong ? 414 : 400).header('x-request-id', request.id).send({
    error: {
      code: tooLong ? 'path_too_long' : 'bad_url',
      message: tooLong
        ? language === 'id' ? 'Alamat terlalu panjang.' : 'The address is too long.'
        : language === 'id' ? 'Alamat tidak valid (pengodean persen rusak).' : 'The address is invalid (broken percent-encoding).',
    },
  } satisfies ApiErrorBody);
}

export function registerErrorHandling(app: FastifyInstance): void {
  // A NUL character anywhere in what reached the handler is refused with the fields named
  // (PostgreSQL text cannot hold it; before this check a public report with one was lost).
  app.addHook('preHandler', async (request) => {
    const fields = [...nulFields('params', request.params), ...nulFields('query', request.query), ...nulFields('body', request.body)];
    if (fields.length === 0) return;
    const message = { id: 'Teks tidak boleh berisi karakter NUL (\\0).', en: 'Text cannot contain a NUL character (\\0).' };
    throw new ApiError(400, 'validation_failed', { id: 'Ada isian yang tidak valid. Periksa kolom yang ditandai.', en: 'Some input is invalid. Check the marked fields.' }, fields.map((field) => ({ field, message })));
  });

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
    const clientFault = clientFaultOf(error);
    if (clientFault) {
      request.log.warn({ err: { type: error.name, code: (error as { code?: unknown }).code, message: error.message } }, `refused as ${clientFault.code}`);
      return reply.status(400).send({ error: { code: clientFault.code, message: clientFault.messages[language] } } satisfies ApiErrorBody);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: { type: error.name, code: (error as { code?: unknown }).code, message: error.message } }, 'database unavailable: 503');
      return reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({
          error: {
            code: 'database_unavailable',
            message:
              language === 'id'
                ? `Basis data sedang tidak tersedia dan sedang dipulihkan. Coba lagi dalam ${RETRY_AFTER_SECONDS} detik.`
                : `The database is unavailable and is being recovered. Try again in ${RETRY_AFTER_SECONDS} seconds.`,
          },
        } satisfies ApiErrorBody);
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
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
