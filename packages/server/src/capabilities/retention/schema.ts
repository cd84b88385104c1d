import { RETENTION_KINDS } from '@netra/core';
import { z } from 'zod';
import { REGION_CODE, stringMatching } from '../../http/validation.ts';

const reason = stringMatching((v) => v.trim().length >= 10 && v.length <= 1000, { id: 'Tuliskan alasan (10–1000 karakter).', en: 'Give a reason (10–1000 characters).' }).transform((v) => v.trim());
const regionCode = stringMatching(REGION_CODE, { id: 'Kode wilayah tidak valid, misalnya 35.10', en: 'Invalid region code, e.g. 35.10' });
const electionId = z.string().trim().min(1).max(60);
const page = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) };

export const idParams = z.object({ id: z.uuid() });

// ---- Rules

export const ruleBody = z.object({
  kind: z.enum(RETENTION_KINDS),
  electionId: electionId.nullable().default(null),
  /** Days kept after the anchor date; null keeps for good. */
  keepDays: z.number().int().nullable(),
  legalBasis: z.string().trim().min(5).max(1000),
  unsure: z.boolean().default(false),
  reason,
});

export const reasonBody = z.object({ reason });

const ruleSchema = z.object({
  id: z.string(),
  kind: z.string(),
  electionId: z.string().nullable(),
  keepDays: z.number().nullable(),
  legalBasis: z.string(),
  unsure: z.boolean(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});

export const rulesSchema = z.object({
  kinds: z.array(
    z.object({
      kind: z.enum(RETENTION_KINDS),
      label: z.string(),
      anchor: z.string(),
      anchorLabel: z.string(),
      action: z.enum(['shred_key', 'delete_file', 'anonymise', 'delete_row', 'keep']),
      configurable: z.boolean(),
      perElection: z.boolean(),
    }),
  ),
  rules: z.array(ruleSchema),
});

export const savedSchema = z.object({ id: z.string() });

// ---- Holds

export const holdBody = z.discriminatedUnion('targetType', [
  z.object({ targetType: z.literal('case'), caseId: z.uuid(), reason }),
  z.object({ targetType: z.literal('report'), reportId: z.uuid(), reason }),
  z.object({ targetType: z.literal('person'), asnId: z.number().int().positive(), reason }),
  z.object({ targetType: z.literal('region'), regionCode, electionId: electionId.nullable().optional(), reason }),
  z.object({ targetType: z.literal('election'), electionId, reason }),
]);

export const holdSchema = z.object({
  id: z.string(),
  targetType: z.enum(['case', 'report', 'person', 'region', 'election']),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  reportId: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  asnId: z.number().nullable(),
  personName: z.string().nullable(),
  regionCode: z.string().nullable(),
  electionId: z.string().nullable(),
  reason: z.string(),
  placedAt: z.string(),
  placedByName: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftedByName: z.string().nullable(),
  liftReason: z.string().nullable(),
});

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const holdListQuery = z.object({
  active: bool.optional(),
  targetType: z.enum(['case', 'report', 'person', 'region', 'election']).optional(),
  ...page,
});

export const holdsOnQuery = z.object({
  caseId: z.uuid().optional(),
  reportId: z.uuid().optional(),
  asnId: z.coerce.number().int().positive().optional(),
});

export const holdListSchema = z.object({ total: z.number(), items: z.array(holdSchema) });
export const holdsOnSchema = z.object({ items: z.array(holdSchema) });

// ---- Forecast and purge

export const forecastQuery = z.object({ days: z.coerce.number().int().pipe(z.union([z.literal(30), z.literal(90)])).default(30) });

export const forecastSchema = z.object({
  today: z.string(),
  until: z.string(),
  zone: z.string(),
  days: z.number(),
  rows: z.array(
    z.object({
      kind: z.enum(RETENTION_KINDS),
      electionId: z.string().nullable(),
      regionCode: z.string().nullable(),
      expiring: z.number(),
      held: z.number(),
      overdue: z.number(),
      ruleElectionId: z.string().nullable(),
      keepDays: z.number().nullable(),
      legalBasis: z.string(),
      action: z.string(),
    }),
  ),
});

export const purgeBody = z.object({ dryRun: z.boolean(), confirm: z.string().max(40).optional() });

export const runListQuery = z.object(page);

const runSummary = {
  id: z.string(),
  dryRun: z.boolean(),
  trigger: z.string(),
  today: z.string(),
  status: z.string(),
  total: z.number(),
  held: z.number(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
};

export const runListSchema = z.object({ total: z.number(), items: z.array(z.object({ ...runSummary, actorName: z.string().nullable() })) });

export const runSchema = z.object({
  ...runSummary,
  log: z.array(
    z.object({
      kind: z.string(),
      action: z.string(),
      electionId: z.string().nullable(),
      regionCode: z.string().nullable(),
      ruleElectionId: z.string().nullable(),
      ruleKeepDays: z.number().nullable(),
      ruleLegalBasis: z.string(),
      count: z.number(),
      ids: z.array(z.string()),
      at: z.string(),
    }),
  ),
});
