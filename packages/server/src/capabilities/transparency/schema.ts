import { z } from 'zod';
import { stringMatching } from '../../http/validation.ts';

export const transparencyParams = z.object({
  electionId: z.string().min(1).max(40),
  regionCode: stringMatching(/^\d{2}(\.\d{2})?$/, {
    id: 'Kode wilayah harus kode provinsi (PP) atau kabupaten/kota (PP.KK), misalnya 35 atau 35.10.',
    en: 'The region code must be a province (PP) or regency/city (PP.KK) code, e.g. 35 or 35.10.',
  }),
});

export const nationalParams = transparencyParams.pick({ electionId: true });

export const langQuery = z.object({ lang: z.enum(['id', 'en']).optional() });

const publicCount = z
  .object({
    value: z.number().int().nullable(),
    display: z.string(),
    hidden: z.enum(['small', 'complementary']).nullable(),
  })
  .describe('A count; 1–4 is shown as "< 5" (value null), and a second cell may be hidden ("*") so the small one cannot be derived from the total');

export const transparencySchema = z.object({
  election: z.object({ id: z.string(), name: z.string(), year: z.number().int() }),
  region: z
    .object({ code: z.string(), name: z.string(), level: z.enum(['national', 'province', 'regency']), parentCode: z.string().nullable(), parentName: z.string().nullable() })
    .nullable(),
  name: z.string(),
  participates: z.boolean(),
  dataAsOf: z.string().nullable(),
  counts: z.object({ reports: publicCount, provenViolations: publicCount, sanctions: publicCount }),
  followUpRate: z
    .number()
    .nullable()
    .describe('Percent of cases recommended to the PPK with a sanction decided; null when fewer than 5 were recommended, or when the followed-up or the not-followed-up count is 1–4 (the rate would give it away)'),
  nihil: z.boolean().describe('"Nihil pelanggaran": the region holds the election, no violation was proven and no case is still under review'),
  stagesCountedBy: z.enum(['act_date']).describe('byStage places each report by the date of the act; reportsByReceipt is the day-of-receipt view'),
  receiptViewDiffers: z.boolean().describe('Whether counting by the day of receipt would place any report in another stage'),
  byStage: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      critical: z.boolean(),
      reports: publicCount.describe('Reports whose act fell in this stage'),
      reportsByReceipt: publicCount.describe('Reports received in this stage'),
    }),
  ),
  children: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      short: z.string().nullable(),
      tile: z.object({ col: z.number().int(), row: z.number().int() }).nullable().describe('Position on the tile-grid map'),
      participates: z.boolean(),
      reports: publicCount,
      provenViolations: publicCount,
      nihil: z.boolean(),
    }),
  ),
});
