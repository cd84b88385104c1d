/**
 * What a report looks like on the wire. The same fields arrive as multipart form fields (with
 * evidence files) or as JSON; form fields are strings, so lists, booleans and empty optional
 * inputs are read here rather than in every handler. Messages are Zod's own (Indonesian or
 * English by the caller's language) or carry both texts (see http/validation.ts).
 */
import { isActCode, isIsoDate, MIN_DESCRIPTION_LENGTH, normaliseReceiptNumber, normaliseReportSecret } from '@netra/core';
import { z } from 'zod';
import { stringMatching } from '../../http/validation.ts';

type Localised = { id: string; en: string };

/** A refinement issue that names its field and carries both languages. */
function issue(ctx: z.RefinementCtx, path: string, message: Localised) {
  ctx.addIssue({ code: 'custom', path: [path], message: message.en, params: { messageId: message.id } });
}

const isoDate = () => stringMatching(isIsoDate, { id: 'Tanggal harus berformat TTTT-BB-HH, misalnya 2024-10-15', en: 'Date must be YYYY-MM-DD, e.g. 2024-10-15' });

/** An optional text input: a form sends "" for an empty field, which means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

const optionalDate = () =>
  optionalText(10).refine((v) => v === undefined || isIsoDate(v), {
    message: 'Date must be YYYY-MM-DD',
    params: { messageId: 'Tanggal harus berformat TTTT-BB-HH' },
  });

/** A checkbox or a JSON boolean. */
const flag = () =>
  z
    .union([z.boolean(), z.enum(['true', 'false', 'on', 'off', '1', '0', ''])])
    .optional()
    .transform((v) => v === true || v === 'true' || v === 'on' || v === '1');

/** Repeated form fields, a comma-separated string or a JSON array. */
const codeList = () =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim().toUpperCase()).filter(Boolean))],
    )
    .refine((codes) => codes.every(isActCode), {
      message: 'Unknown act: choose from the SKB 2022 list (A01–A12)',
      params: { messageId: 'Jenis pelanggaran tidak dikenal: pilih dari daftar SKB 2022 (A01–A12)' },
    });

const PHONE = /^\+?[0-9 ()\-.]{6,20}$/;

const reportShape = {
  electionId: z.string().trim().min(1).max(40),
  // Where the case is handled: a province (PP) or regency/city (PP.KK).
  regionCode: stringMatching(/^\d{2}(\.\d{2})?$/, {
    id: 'Pilih provinsi atau kabupaten/kota (kode PP atau PP.KK)',
    en: 'Choose a province or regency/city (code PP or PP.KK)',
  }),
  place: z.string().trim().min(3).max(300),
  occurredOn: isoDate(),
  occurredUntil: optionalDate(),
  knownOn: isoDate(),
  description: z.string().trim().min(MIN_DESCRIPTION_LENGTH).max(5000),
  actCodes: codeList(),
  reportedName: z.string().trim().min(2).max(200),
  reportedAgency: optionalText(200),
  reportedPosition: optionalText(200),
  reportedNip: optionalText(40),
  anonymous: flag(),
  reporterName: optionalText(200),
  reporterAddress: optionalText(500),
  reporterPhone: optionalText(30).refine((v) => v === undefined || PHONE.test(v), {
    message: 'Phone number: digits, optionally starting with +',
    params: { messageId: 'Nomor telepon: angka, boleh diawali +' },
  }),
  reporterEmail: optionalText(200).refine((v) => v === undefined || z.email().safeParse(v).success, {
    message: 'Not an e-mail address',
    params: { messageId: 'Bukan alamat email yang valid' },
  }),
};

interface CrossFieldInput {
  occurredOn: string;
  occurredUntil?: string;
  knownOn: string;
  anonymous: boolean;
  reporterName?: string;
}

/** Checks between fields (dates in order; a named report names its reporter). */
function crossFieldChecks(value: CrossFieldInput, ctx: z.RefinementCtx, identityRequired: boolean) {
  if (value.occurredUntil && isIsoDate(value.occurredOn) && value.occurredUntil < value.occurredOn) {
    issue(ctx, 'occurredUntil', { id: 'Tanggal selesai tidak boleh sebelum tanggal mulai kejadian.', en: 'The end date cannot be before the start date.' });
  }
  if (isIsoDate(value.knownOn) && isIsoDate(value.occurredOn) && value.knownOn < value.occurredOn) {
    issue(ctx, 'knownOn', {
      id: 'Tanggal Anda mengetahui kejadian tidak boleh sebelum kejadian itu terjadi.',
      en: 'The date you learned of it cannot be before it happened.',
    });
  }
  if (identityRequired && !value.anonymous && !value.reporterName) {
    issue(ctx, 'reporterName', {
      id: 'Isi nama Anda, atau pilih "kirim tanpa nama (anonim)".',
      en: 'Enter your name, or choose "send anonymously".',
    });
  }
  if (identityRequired && !value.anonymous && value.reporterName && value.reporterName.length < 3) {
    issue(ctx, 'reporterName', { id: 'Nama minimal 3 huruf.', en: 'A name of at least 3 letters.' });
  }
}

export const publicReportBody = z.object(reportShape).superRefine((value, ctx) => crossFieldChecks(value, ctx, true));
export type PublicReportBody = z.infer<typeof publicReportBody>;

export const intakeReportBody = z
  .object({
    ...reportShape,
    source: z.enum(['finding', 'paper']),
    /** A paper report's date of receipt at the office (default: today, by reception hours). */
    receivedOn: optionalDate(),
  })
  .superRefine((value, ctx) => crossFieldChecks(value, ctx, value.source === 'paper'));
export type IntakeReportBody = z.infer<typeof intakeReportBody>;

export const languageQuery = z.object({ lang: z.enum(['id', 'en']).optional() });

// Loose: Fastify replaces request.headers with the validated value, and the other headers
// (cookies, content type) must survive.
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .trim()
    .min(8)
    .max(200)
    .optional()
    .describe('Any unique string per submission (e.g. a UUID the form made); a retry with the same key returns the same receipt'),
});

export const receiptSchema = z.object({
  receiptNumber: z.string(),
  secret: z.string().nullable().describe('Shown once; needed with the receipt number to follow the report. Null for findings.'),
  caseNumber: z.string(),
  receivedOn: z.string().describe('The day the report counts as received (after closing hours: the next day)'),
  lateByDays: z.number().describe('Days after the reporting window (0 = in time)'),
  warning: z.string().optional(),
});

export const staffReceiptSchema = receiptSchema.extend({ reportId: z.string(), caseId: z.string() });

const receiptField = stringMatching((v) => normaliseReceiptNumber(v) !== null, {
  id: 'Nomor tanda terima berbentuk NTR-2024-XXXX-XXXX',
  en: 'A receipt number looks like NTR-2024-XXXX-XXXX',
});
const secretField = stringMatching((v) => normaliseReportSecret(v) !== null, {
  id: 'Kode rahasia terdiri atas 16 huruf/angka, misalnya ABCD-EFGH-JKMN-PQRS',
  en: 'The secret has 16 letters/digits, e.g. ABCD-EFGH-JKMN-PQRS',
});

export const trackBody = z.object({ receiptNumber: receiptField, secret: secretField });

export const addInformationBody = z.object({
  receiptNumber: receiptField,
  secret: secretField,
  text: z.string().trim().min(10).max(5000),
});

const timelineEntry = z.object({ at: z.string(), kind: z.string(), label: z.string() });

export const publicEvidenceSchema = z.object({
  id: z.string(),
  kind: z.string().describe('JPEG, PNG, PDF …'),
  sizeBytes: z.number(),
  addedAt: z.string(),
  thumbnailUrl: z.string().nullable().describe('A short-lived link to the metadata-free copy; null when there is none (PDF, HEIC)'),
});

export const trackResponse = z.object({
  receiptNumber: z.string(),
  caseNumber: z.string(),
  receivedAt: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  lateByDays: z.number(),
  timeline: z.array(timelineEntry),
  informationRequest: z
    .object({
      requestedOn: z.string(),
      dueOn: z.string(),
      overdue: z.boolean(),
      message: z.string().nullable(),
      missing: z.array(z.string()),
    })
    .nullable(),
  canAddInformation: z.boolean(),
  evidence: z.array(publicEvidenceSchema),
});

export const formInfoResponse = z.object({
  today: z.string(),
  elections: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      votingDay: z.string(),
      reportWindow: z.object({ days: z.number(), counting: z.enum(['calendar', 'working']), basis: z.string() }),
      receptionHours: z.object({ from: z.string(), to: z.string() }).nullable(),
    }),
  ),
  acts: z.array(z.object({ code: z.string(), description: z.string() })),
  evidence: z.object({ maxFiles: z.number(), maxFileBytes: z.number(), maxTotalBytes: z.number(), acceptedTypes: z.array(z.string()) }),
});

export const windowQuery = z.object({
  electionId: z.string().trim().min(1).max(40),
  regionCode: reportShape.regionCode,
  knownOn: isoDate(),
  lang: z.enum(['id', 'en']).optional(),
});

export const windowResponse = z.object({
  receivedOn: z.string(),
  withinWindow: z.boolean(),
  lastDay: z.string(),
  daysLate: z.number(),
  counting: z.enum(['calendar', 'working']),
  basis: z.string(),
  warning: z.string().optional(),
});

// ----- staff -----

export const listReportsQuery = z.object({
  caseId: z.uuid().optional(),
  q: z.string().trim().min(2).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  lang: z.enum(['id', 'en']).optional(),
});

const reportSummary = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  source: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseState: z.string(),
  caseStateLabel: z.string(),
  electionId: z.string(),
  regionCode: z.string(),
  place: z.string(),
  occurredOn: z.string(),
  occurredUntil: z.string().nullable(),
  knownOn: z.string(),
  receivedAt: z.string(),
  receivedOn: z.string(),
  description: z.string(),
  actCodes: z.array(z.string()),
  reportedName: z.string(),
  reportedNip: z.string().nullable(),
  reportedAgency: z.string().nullable(),
  reportedPosition: z.string().nullable(),
  asnId: z.number().nullable(),
  anonymous: z.boolean(),
  lateByDays: z.number(),
  evidenceCount: z.number(),
});

export const reportListResponse = z.object({ total: z.number(), items: z.array(reportSummary) });

export const staffEvidenceSchema = z.object({
  id: z.string(),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  hasPublicCopy: z.boolean(),
  addedBy: z.string(),
  createdAt: z.string(),
});

export const reportDetailResponse = reportSummary.extend({
  regionName: z.string(),
  createdBy: z.string().nullable(),
  hasReporterIdentity: z.boolean(),
  evidence: z.array(staffEvidenceSchema),
  checklist: z.object({
    formalMet: z.boolean(),
    materialMet: z.boolean(),
    basis: z.string(),
    items: z.array(z.object({ code: z.string(), kind: z.string(), label: z.string(), met: z.boolean(), detail: z.string().nullable() })),
  }),
});

export const idParams = z.object({ id: z.uuid() });

export const evidenceQuery = z.object({ copy: z.enum(['original', 'public']).default('original') });

export const identityBody = z.object({ reason: z.string().trim().min(15).max(1000) });

export const identityResponse = z.object({
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openedAt: z.string(),
});

export const listProposalsQuery = z.object({
  status: z.enum(['open', 'merged', 'dismissed']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  lang: z.enum(['id', 'en']).optional(),
});

export const proposalSchema = z.object({
  id: z.string(),
  status: z.string(),
  similarity: z.number().nullable(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  decidedAt: z.string().nullable(),
  report: reportSummary,
  duplicateOf: reportSummary,
});

export const proposalListResponse = z.object({ total: z.number(), items: z.array(proposalSchema) });

export const mergeBody = z.object({ note: z.string().trim().max(1000).optional() }).default({});
export const dismissBody = z.object({ reason: z.string().trim().min(10).max(1000) });

export const mergeResponse = z.object({
  survivingCaseId: z.string(),
  survivingCaseNumber: z.string(),
  absorbedCaseId: z.string().nullable(),
  absorbedCaseNumber: z.string().nullable(),
  movedReportIds: z.array(z.string()),
});
