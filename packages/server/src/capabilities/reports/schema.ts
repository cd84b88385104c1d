/**
 * What a report looks like on the wire. The same fields arrive as multipart form fields (with
 * evidence files) or as JSON; form fields are strings, so lists, booleans and empty optional
 * inputs are read here rather than in every handler.
 *
 * The schema only reads the shapes: every RULE of a report's fields (lengths, dates, NIP, e-mail,
 * phone, the reporter's particulars, witnesses) is core's `reportFieldProblems`, run by the
 * service together with the checks that need the database and the evidence files' own problems,
 * so a report with every field wrong gets every error in ONE answer, in plain words (the public
 * form runs the same core rules as the citizen types).
 */
import { isIsoDate, normaliseReceiptNumber, normaliseReportSecret } from '@netra/core';
import { z } from 'zod';
import { stringMatching } from '../../http/validation.ts';

const isoDate = () => stringMatching(isIsoDate, { id: 'Tanggal harus berformat TTTT-BB-HH, misalnya 2024-10-15', en: 'Date must be YYYY-MM-DD, e.g. 2024-10-15' });

/** Text as typed: checked by core's rules in the service; a form sends "" for an empty field. */
const text = (description?: string) => {
  const field = z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined);
  return description ? field.describe(description) : field;
};

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
    .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim().toUpperCase()).filter(Boolean))]);

const witness = z.object({ name: z.string().optional(), address: z.string().optional(), phone: z.string().optional() });

/** Witnesses: a JSON array, or (multipart) one field holding that array as JSON text. */
const witnessList = () =>
  z
    .preprocess((v) => {
      if (typeof v !== 'string') return v;
      if (!v.trim()) return [];
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return v;
      }
    }, z.array(witness).max(50).optional())
    .describe('Witnesses (name, address, phone), at most 5; in a multipart form one field "witnesses" holding the JSON array');

const reportShape = {
  electionId: text(),
  // Where the case is handled: a province (PP) or regency/city (PP.KK).
  regionCode: text('Province (PP) or regency/city (PP.KK)'),
  place: text(),
  occurredOn: text('YYYY-MM-DD'),
  occurredUntil: text('YYYY-MM-DD, when it lasted several days'),
  knownOn: text('YYYY-MM-DD: the day the reporter learned of it'),
  description: text(),
  actCodes: codeList(),
  reportedName: text(),
  reportedAgency: text(),
  reportedPosition: text(),
  reportedNip: text('PNS NIP or NI PPPK, 18 digits'),
  anonymous: flag(),
  reporterName: text(),
  reporterAddress: text(),
  reporterPhone: text(),
  reporterEmail: text(),
  reporterBirthPlace: text('Official form: place of birth (kept sealed with the identity)'),
  reporterBirthDate: text('Official form: date of birth, YYYY-MM-DD (sealed)'),
  reporterGender: text('Official form: L (laki-laki) or P (perempuan) (sealed)'),
  reporterOccupation: text('Official form: occupation (sealed)'),
  reporterNationality: text('Official form: nationality (sealed)'),
  witnesses: witnessList(),
};

export const publicReportBody = z.object(reportShape);
export type PublicReportBody = z.infer<typeof publicReportBody>;

export const intakeReportBody = z.object({
  ...reportShape,
  source: z.enum(['finding', 'paper']),
  /** A paper report's date of receipt at the office (default: today, by reception hours). */
  receivedOn: text('A paper report: the day it arrived at the office, YYYY-MM-DD'),
});
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
  receivedNote: z.string().optional().describe('Why it counts as received on that day: the local time it was sent (with WIB/WITA/WIT) against the reception hours'),
  lateByDays: z.number().describe('Days after the reporting window (0 = in time)'),
  outsideStages: z.string().optional().describe('The act lies outside every stage of the election'),
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
  thumbnailUrl: z.string().nullable().describe('A short-lived link to the metadata-free copy; null when there is none (PDF, HEIC) or it is still being made'),
  previewPending: z.boolean().describe('True while the metadata-free copy of a photo is still being made (a job after filing): ask again in a few seconds'),
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
  regionCode: stringMatching(/^\d{2}(\.\d{2})?$/, { id: 'Pilih provinsi atau kabupaten/kota (kode PP atau PP.KK)', en: 'Choose a province or regency/city (code PP or PP.KK)' }),
  knownOn: isoDate(),
  /** When given, the answer says whether the act lies outside every stage of the election. */
  occurredOn: isoDate().optional(),
  lang: z.enum(['id', 'en']).optional(),
});

export const windowResponse = z.object({
  receivedOn: z.string(),
  receivedNote: z.string().describe('Why a report sent now counts as received on that day (the after-hours rule)'),
  outsideStages: z.string().optional().describe('The act (occurredOn) lies outside every stage of the election: said before sending'),
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
  witnessCount: z.number().describe('Witnesses named in the sealed vault (opened with the identity)'),
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
  name: z.string().nullable().describe('Null for an anonymous report whose vault holds only its witnesses'),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  birthPlace: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.enum(['L', 'P']).nullable(),
  occupation: z.string().nullable(),
  nationality: z.string().nullable(),
  witnesses: z.array(z.object({ name: z.string(), address: z.string().nullable(), phone: z.string().nullable() })),
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
