/**
 * Multipart forms with evidence files. Text fields become the request body (validated by the
 * route's zod schema like any JSON body, so errors have the same shape); each file under the
 * `evidence` field streams to disk while it is counted, hashed and then type-sniffed, so a 25 MB
 * submission never sits in memory and a bad file is refused before the next one is read.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { ApiError } from '../../http/errors.ts';
import { discardIncoming, receiveUpload, UploadTooLargeError, type IncomingFile } from '../../storage/evidence-store.ts';
import { EVIDENCE_FIELD, EVIDENCE_LIMITS, evidenceErrors, sniffEvidenceType } from './evidence.ts';

export interface AcceptedUpload extends IncomingFile {
  originalName: string;
  /** Sniffed from the content. */
  mimeType: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    evidenceUploads: AcceptedUpload[] | null;
    /** What was wrong with the files, kept so that every field's problem is answered at once. */
    evidenceProblems: ApiError[] | null;
  }
  interface FastifyContextConfig {
    /** The route takes evidence files in a multipart body (others read past them). */
    acceptsEvidence?: boolean;
  }
}

/** A file name as a label only: no path, no control characters, bounded. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned || 'berkas';
}

export function uploadsOf(request: FastifyRequest): AcceptedUpload[] {
  return request.evidenceUploads ?? [];
}

export function evidenceProblemsOf(request: FastifyRequest): ApiError[] {
  return request.evidenceProblems ?? [];
}

/** A file refused: remembered (the rest of the form is still read and checked), its bytes skipped. */
function refuse(request: FastifyRequest, part: MultipartFile, problem: ApiError): void {
  part.file.resume();
  const problems = (request.evidenceProblems ??= []);
  // "Too many files" once, however many extra files came.
  if (!problems.some((p) => p.code === problem.code && p.code === 'too_many_evidence_files')) problems.push(problem);
}

async function onFile(this: FastifyRequest, ctx: AppContext, part: MultipartFile): Promise<void> {
  const name = cleanFileName(part.filename);
  if (part.fieldname !== EVIDENCE_FIELD || !this.routeOptions.config.acceptsEvidence) {
    // Not a file this route takes: read past it rather than store it.
    part.file.resume();
    return;
  }
  const uploads = (this.evidenceUploads ??= []);
  if (uploads.length >= EVIDENCE_LIMITS.maxFiles) return refuse(this, part, evidenceErrors.tooMany());
  const used = uploads.reduce((sum, u) => sum + u.sizeBytes, 0);
  const leftInTotal = EVIDENCE_LIMITS.maxTotalBytes - used;
  const fileLimitApplies = EVIDENCE_LIMITS.maxFileBytes <= leftInTotal;
  let incoming: IncomingFile;
  try {
    incoming = await receiveUpload(ctx.evidenceDir, part.file, Math.min(EVIDENCE_LIMITS.maxFileBytes, leftInTotal), fileLimitApplies ? 'file' : 'total', {
      // A local store adopts the temp file: fsync'd on its own descriptor as it arrives (issue 11, fifth pass).
      durable: Boolean(ctx.files.adoptFile),
    });
  } catch (error) {
    if (error instanceof UploadTooLargeError) return refuse(this, part, error.limit === 'file' ? evidenceErrors.tooLarge(name) : evidenceErrors.totalTooLarge());
    throw error;
  }
  const mimeType = await sniffEvidenceType(incoming.tempPath, incoming.head);
  if (!mimeType || incoming.sizeBytes === 0) {
    await discardIncoming(incoming);
    return refuse(this, part, evidenceErrors.wrongType(name));
  }
  uploads.push({ ...incoming, originalName: name, mimeType });
}

/**
 * Register multipart parsing for the routes of this (encapsulated) plugin. Temp files still in
 * `incoming/` when the response is sent belong to a refused request and are deleted.
 */
export async function registerEvidenceUploads(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.decorateRequest('evidenceUploads', null);
  app.decorateRequest('evidenceProblems', null);
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile(part) {
      return onFile.call(this, ctx, part);
    },
    // Our own counters give field-level messages; busboy's limits are the backstop against a
    // flood (one byte over the file limit so our meter sees it first).
    throwFileSizeLimit: false,
    limits: {
      fileSize: EVIDENCE_LIMITS.maxFileBytes + 1,
      files: EVIDENCE_LIMITS.maxFiles + 1,
      fields: 60,
      fieldSize: 64 * 1024,
      parts: 80,
    },
  });
  app.addHook('onResponse', async (request) => {
    for (const upload of request.evidenceUploads ?? []) await discardIncoming(upload);
  });
}
