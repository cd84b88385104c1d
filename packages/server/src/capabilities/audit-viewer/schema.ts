import { z } from 'zod';
import { REGION_CODE, stringMatching } from '../../http/validation.ts';

const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

/** The viewer's filters; the same object is the export's filter. */
export const auditFilterSchema = z.object({
  actorId: z.uuid().optional(),
  action: z.string().trim().min(1).max(80).optional(),
  entityType: z.string().trim().min(1).max(60).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  region: stringMatching(REGION_CODE, { id: 'Kode wilayah tidak valid, misalnya 35.10', en: 'Invalid region code, e.g. 35.10' }).optional(),
  /** ISO 8601 with its zone, e.g. 2024-09-01T00:00:00+07:00. */
  from: instant.optional(),
  to: instant.optional(),
});

export const auditListQuery = auditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  data: z.unknown(),
  ip: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  regionCode: z.string().nullable(),
});

export const auditListSchema = z.object({ total: z.number(), items: z.array(auditEntrySchema) });

export const verificationSchema = z.object({
  ok: z.boolean(),
  count: z.number(),
  checkedAt: z.string(),
  lastSeq: z.number().nullable(),
  firstBrokenSeq: z.number().nullable(),
  reason: z.string().nullable(),
  message: z.string().nullable(),
});

export const vocabularySchema = z.object({ actions: z.array(z.string()), entityTypes: z.array(z.string()) });
