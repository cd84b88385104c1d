import { z } from 'zod';
import { isIsoDate } from '@netra/core';
import { REGION_CODE, stringMatching } from '../../http/validation.ts';

export const electionIdParams = z.object({ id: z.string().min(1).max(64) });

export const stageSchema = z.object({
  code: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
  critical: z.boolean(),
  basis: z.string(),
});

export const electionSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['pilkada', 'pemilu']),
  name: z.string(),
  year: z.number(),
  votingDay: z.string(),
  scope: z.enum(['regional', 'national']),
  regionCount: z.number(),
});

export const deadlineRuleSchema = z.object({
  days: z.number(),
  counting: z.enum(['calendar', 'working']),
  basis: z.string(),
  unsure: z.boolean().optional(),
});

export const electionDetailSchema = electionSummarySchema.extend({
  basis: z.string(),
  stages: z.array(stageSchema),
  participation: z.object({
    provinces: z.number(),
    regencies: z.number(),
    cities: z.number(),
    incomplete: z.string().nullable(),
    /** Placements resting on inference, and regions whose code changed since the election. */
    placementNotes: z.array(z.object({ code: z.string(), kind: z.enum(['uncertain', 'code_changed']), note: z.string() })),
  }),
  regions: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), isCity: z.boolean(), source: z.string() })),
  rulebook: z.object({
    reportWindow: deadlineRuleSchema,
    initialReview: deadlineRuleSchema.optional(),
    review: deadlineRuleSchema,
    reviewExtension: deadlineRuleSchema,
    reviewExtensionIsTotal: z.boolean(),
    moreInformation: deadlineRuleSchema,
    bknVerification: deadlineRuleSchema,
    ppkFollowUp: deadlineRuleSchema,
    recommendationRecipients: z.array(
      z.object({ recipient: z.enum(['BKN', 'KASN']), from: z.string().nullable(), to: z.string().nullable(), basis: z.string() }),
    ),
    fourEyes: z.object({ findings: z.boolean(), basis: z.string() }).optional(),
    receptionHours: z.object({ from: z.string(), to: z.string() }).optional(),
    extraNonWorkingDays: z.array(z.object({ date: z.string(), reason: z.string(), basis: z.string().optional() })),
  }),
});

export const calendarQuery = z.object({
  region: stringMatching(REGION_CODE, {
    id: 'region harus kode wilayah Kemendagri, misalnya 35.10',
    en: 'region must be a Kemendagri code such as 35.10',
  })
    .optional()
    .describe('Kemendagri region code; required for regional elections'),
  date: stringMatching(isIsoDate, {
    id: 'date harus tanggal yang benar dengan format YYYY-MM-DD',
    en: 'date must be a calendar date written YYYY-MM-DD',
  })
    .optional()
    .describe("Defaults to today in the region's time zone"),
  lang: z.enum(['id', 'en']).optional(),
});

const stageWithStatus = stageSchema.extend({ status: z.enum(['past', 'current', 'upcoming']) });

export const calendarSchema = z.object({
  election: z.object({ id: z.string(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  participates: z.boolean(),
  date: z.string(),
  phase: z.enum(['before', 'during', 'after']),
  stage: stageSchema.nullable(),
  activeStages: z.array(stageSchema),
  critical: z.boolean(),
  nextStage: stageSchema.nullable(),
  daysUntilNextStage: z.number().nullable(),
  stages: z.array(stageWithStatus),
});
