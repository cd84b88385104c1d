import { z } from 'zod';
import { EXPORT_SOURCE_IDS } from './sources.ts';

export const exportBody = z.object({
  source: z.string().min(1).max(40).describe(`One of: ${EXPORT_SOURCE_IDS.join(', ')}`),
  format: z.enum(['csv', 'xlsx']),
  filter: z.record(z.string(), z.unknown()).default({}).describe("The list's or dashboard table's filter, as its screen sends it"),
});

export const exportParams = z.object({ id: z.uuid() });
export const langQuery = z.object({ lang: z.enum(['id', 'en']).optional() });

export const exportJobSchema = z.object({
  id: z.string(),
  source: z.string(),
  format: z.enum(['csv', 'xlsx']),
  filter: z.record(z.string(), z.unknown()),
  status: z.enum(['queued', 'running', 'done', 'failed', 'expired', 'interrupted']),
  rowsTotal: z.number().int().nullable(),
  rowsWritten: z.number().int(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  downloadUrl: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
});

export const exportListSchema = z.object({ items: z.array(exportJobSchema) });
