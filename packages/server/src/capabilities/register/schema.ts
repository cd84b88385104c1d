import { POSITION_TYPES } from '@netra/core';
import { z } from 'zod';
import { stringMatching } from '../../http/validation.ts';

const REGENCY_CODE = /^\d{2}\.\d{2}$/;

export const langQuery = { lang: z.enum(['id', 'en']).optional() };

/**
 * A block on a civil servant's SIASN record (BKN's personnel system) that a case requested, imposed
 * or lifted: the case page lists its own, the person's page all of theirs.
 */
export const blockSchema = z.object({
  id: z.string(),
  status: z.enum(['requested', 'imposed', 'lifted']),
  statusLabel: z.string(),
  requestedAt: z.string(),
  basis: z.unknown(),
  imposedOn: z.string().nullable(),
  imposedReference: z.string().nullable(),
  imposedByName: z.string().nullable(),
  liftedOn: z.string().nullable(),
  liftCause: z.enum(['sanction', 'bkn']).nullable(),
  liftReason: z.string().nullable(),
  liftedByName: z.string().nullable(),
});

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).default(0),
};

export const columnDocSchema = z.object({
  key: z.string(),
  aliases: z.array(z.string()),
  required: z.enum(['yes', 'no', 'conditional']),
  requirementNote: z.string().nullable(),
  format: z.string(),
  example: z.string(),
  description: z.string(),
  maxLength: z.number().nullable(),
});

export const agencyListQuery = z.object({
  ...langQuery,
  ...pageQuery,
  regionCode: z.string().trim().max(13).optional(),
  q: z.string().trim().max(100).optional(),
});

export const agencySchema = z.object({ id: z.number(), code: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string() });

export const createAgencyBody = z.object({
  code: stringMatching(/^[A-Za-z0-9][A-Za-z0-9.\-_]{1,49}$/, {
    id: 'Kode instansi 2–50 huruf, angka, titik, garis hubung atau garis bawah, mis. PEMKAB-35.10',
    en: 'Agency code: 2–50 letters, digits, dots, dashes or underscores, e.g. PEMKAB-35.10',
  }),
  name: z.string().trim().min(3).max(200),
  regionCode: stringMatching(/^\d{2}(\.\d{2})?$/, { id: 'Kode provinsi (PP) atau kabupaten/kota (PP.KK)', en: 'A province (PP) or regency/city (PP.KK) code' }),
});

export const importFields = z.object({
  regionCode: stringMatching((v) => v === '' || REGENCY_CODE.test(v), {
    id: 'Kode kabupaten/kota PP.KK, mis. 35.10',
    en: 'A regency/city code PP.KK, e.g. 35.10',
  })
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const importSchema = z.object({
  id: z.string(),
  source: z.string(),
  fileName: z.string(),
  fileFormat: z.enum(['csv', 'xlsx']),
  fileBytes: z.number(),
  status: z.enum(['queued', 'reading', 'merging', 'done', 'failed']),
  /** A running import whose process stopped reporting (server restarted): it was rolled back. */
  interrupted: z.boolean(),
  bytesRead: z.number(),
  rowsRead: z.number(),
  inserted: z.number().nullable(),
  updated: z.number().nullable(),
  unchanged: z.number().nullable(),
  rejected: z.number().nullable(),
  error: z.string().nullable(),
  defaultRegionCode: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  searchIndexed: z.boolean(),
  createdByName: z.string().nullable(),
});

export const importListQuery = z.object({ ...langQuery, ...pageQuery });

export const idParams = z.object({ id: z.uuid() });
export const asnIdParams = z.object({ id: z.coerce.number().int().positive() });

const positionTypeCodes = POSITION_TYPES.map((p) => p.code) as [string, ...string[]];

export const asnSearchQuery = z.object({
  ...langQuery,
  ...pageQuery,
  nip: z.string().trim().max(40).optional(),
  q: z.string().trim().max(150).optional(),
  agencyId: z.coerce.number().int().positive().optional(),
  position: z.string().trim().max(150).optional(),
  /** Part of the work unit's name (OPD, school, kecamatan). */
  unit: z.string().trim().max(150).optional(),
  positionType: z.enum(positionTypeCodes).optional(),
  regionCode: z.string().trim().max(13).optional(),
  active: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
});

export const asnSummarySchema = z.object({
  id: z.number(),
  nip: z.string(),
  name: z.string(),
  kind: z.string(),
  positionTitle: z.string(),
  positionType: z.string(),
  positionTypeLabel: z.string(),
  grade: z.string().nullable(),
  active: z.boolean(),
  regionCode: z.string(),
  regionName: z.string(),
  agencyId: z.number(),
  agencyName: z.string(),
  unitName: z.string().nullable(),
});

export const asnSearchResponse = z.object({ total: z.number(), totalCapped: z.boolean(), items: z.array(asnSummarySchema) });

export const asnDetailSchema = asnSummarySchema.extend({
  nipFormatted: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  positionStart: z.string().nullable(),
  agencyCode: z.string(),
  updatedAt: z.string(),
  positions: z.array(
    z.object({
      positionTitle: z.string(),
      positionType: z.string(),
      positionTypeLabel: z.string(),
      grade: z.string().nullable(),
      agencyName: z.string(),
      unitName: z.string().nullable(),
      regionCode: z.string(),
      startedOn: z.string().nullable(),
      endedOn: z.string().nullable(),
      endedAt: z.string(),
    }),
  ),
  reports: z.array(
    z.object({ id: z.string(), receiptNumber: z.string(), source: z.string(), occurredOn: z.string(), receivedAt: z.string(), caseId: z.string(), caseNumber: z.string() }),
  ),
  cases: z.array(
    z.object({ id: z.string(), number: z.string(), state: z.string(), stateLabel: z.string(), electionId: z.string(), receivedOn: z.string(), closedAt: z.string().nullable(), sanctioned: z.boolean() }),
  ),
  pledges: z.array(z.object({ electionId: z.string(), electionName: z.string(), signedOn: z.string(), method: z.string() })),
  siasnBlocks: z.array(blockSchema.extend({ caseId: z.string(), caseNumber: z.string() })),
});

/** What a civil servant's page shows from the cases side: their cases, neutrality pledges and SIASN blocks. */
export type PersonCaseRecord = Pick<z.infer<typeof asnDetailSchema>, 'cases' | 'pledges' | 'siasnBlocks'>;
