import { z } from 'zod';
import { REGION_CODE, stringMatching } from '../../http/validation.ts';

export const regionLevelSchema = z.enum(['province', 'regency', 'district']);
type RegionLevel = z.infer<typeof regionLevelSchema>;

const splitLevels = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: regionLevelSchema,
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  provinceCode: z.string(),
  isCity: z.boolean(),
  timeZone: z.string(),
});
export type RegionDto = z.infer<typeof regionSchema>;

export const listRegionsQuery = z.object({
  // Checked as one string (not as the array it becomes) so a bad value is reported on
  // `query.level` itself, the field the form shows, rather than on `query.level.0`.
  level: stringMatching(
    (v) => splitLevels(v).every((level) => regionLevelSchema.safeParse(level).success),
    {
      id: 'level harus province, regency atau district (beberapa dipisah koma)',
      en: 'level must be province, regency or district (several separated by commas)',
    },
  )
    .optional()
    .transform((v) => {
      const levels = splitLevels(v ?? '') as RegionLevel[];
      return levels.length > 0 ? levels : undefined;
    })
    .describe('Comma-separated levels: province, regency, district'),
  parent: stringMatching(/^\d{2}(\.\d{2})?$/, {
    id: 'parent harus kode provinsi (PP) atau kabupaten/kota (PP.KK)',
    en: 'parent must be a province (PP) or regency/city (PP.KK) code',
  }).optional(),
  q: z.string().trim().min(2).max(100).optional().describe('Search by name (accent- and case-insensitive) or code prefix'),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
  lang: z.enum(['id', 'en']).optional(),
});
export type ListRegionsQuery = z.infer<typeof listRegionsQuery>;

export const regionListSchema = z.object({
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  nextOffset: z.number().nullable(),
  items: z.array(regionSchema),
});

export const regionCodeParams = z.object({
  code: stringMatching(REGION_CODE, {
    id: 'Bukan kode wilayah Kemendagri (PP, PP.KK atau PP.KK.CC)',
    en: 'Not a Kemendagri region code (PP, PP.KK or PP.KK.CC)',
  }),
});

export const regionDetailSchema = regionSchema.extend({
  elections: z.array(z.object({ id: z.string(), name: z.string(), year: z.number(), kind: z.string(), participates: z.boolean() })),
});
export type RegionDetail = z.infer<typeof regionDetailSchema>;
