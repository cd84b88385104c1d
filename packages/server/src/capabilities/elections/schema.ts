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

// ---- Administration: creating an election, its stages, regions and rulebook versions (issue 14)

const isoDate = stringMatching(isIsoDate, { id: 'Tanggal harus YYYY-MM-DD yang benar.', en: 'The date must be a real YYYY-MM-DD date.' });
const basisText = z.string().trim().min(3).max(1000);
const localisedSchema = z.object({ id: z.string().max(1000), en: z.string().max(1000) });
const disciplineLevel = z.enum(['none', 'light', 'moderate', 'heavy', 'dismissal']);
const obligationRule = z.object({ basis: localisedSchema, unsure: z.boolean().optional() });

export const rulebookDeadlineSchema = z.object({
  days: z.number().int(),
  counting: z.enum(['calendar', 'working']),
  basis: basisText,
  unsure: z.boolean().optional(),
});

/** A whole rulebook: the deadlines, recipients by date, days off, four eyes, the sanction matrix and the candidacy rules. */
export const rulebookSchema = z.object({
  reportWindow: rulebookDeadlineSchema,
  initialReview: rulebookDeadlineSchema.optional(),
  review: rulebookDeadlineSchema,
  reviewExtension: rulebookDeadlineSchema,
  reviewExtensionIsTotal: z.boolean(),
  moreInformation: rulebookDeadlineSchema,
  bknVerification: rulebookDeadlineSchema,
  ppkFollowUp: rulebookDeadlineSchema,
  recommendationRecipients: z
    .array(z.object({ recipient: z.enum(['BKN', 'KASN']), from: isoDate.nullable(), to: isoDate.nullable(), basis: basisText }))
    .max(20),
  fourEyes: z.object({ findings: z.boolean(), basis: basisText }).optional(),
  receptionHours: z.object({ from: z.string().max(5), to: z.string().max(5) }).optional(),
  extraNonWorkingDays: z.array(z.object({ date: isoDate, reason: z.string().trim().max(200), basis: z.string().max(500).optional() })).max(200),
  sanctionMatrix: z
    .object({
      basis: basisText,
      acts: z
        .array(
          z.object({
            code: z.enum(['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10', 'A11', 'A12']),
            description: localisedSchema,
            ethics: z.boolean(),
            discipline: disciplineLevel,
            unsure: z.object({ alternative: disciplineLevel, note: localisedSchema }).optional(),
            basis: basisText,
          }),
        )
        .max(12),
    })
    .optional(),
  candidacy: z
    .object({
      notice: obligationRule,
      resignation: obligationRule.extend({ graceDays: z.number().int() }),
      dismissal: obligationRule,
      bknProcessing: obligationRule.extend({ days: z.number().int() }),
      dueSoonDays: z.number().int(),
    })
    .optional(),
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
  rulebookVersion: z.number(),
  rulebook: rulebookSchema,
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


const ELECTION_ID = /^[a-z0-9][a-z0-9-]{2,62}$/;

export const stageInputSchema = z.object({
  code: z.enum(['registration_announcement', 'registration', 'requirements_check', 'determination', 'ballot_number_draw', 'campaign', 'quiet_period', 'voting', 'counting', 'recap_district', 'recap_regency', 'recap_province']),
  nameId: z.string().trim().min(3).max(200),
  nameEn: z.string().trim().min(3).max(200),
  start: isoDate,
  end: isoDate,
  critical: z.boolean(),
  basis: basisText,
});

export const createElectionBody = z.object({
  id: stringMatching(ELECTION_ID, {
    id: 'Pengenal: huruf kecil, angka dan tanda hubung, 3–63 karakter, mis. pilkada-2029',
    en: 'Identifier: lower-case letters, digits and hyphens, 3–63 characters, e.g. pilkada-2029',
  }),
  kind: z.enum(['pilkada', 'pemilu']),
  nameId: z.string().trim().min(5).max(200),
  nameEn: z.string().trim().min(5).max(200),
  votingDay: isoDate,
  basis: basisText,
});

export const updateElectionBody = createElectionBody.omit({ id: true, kind: true });

export const stagesBody = z.object({ stages: z.array(stageInputSchema).min(1).max(30) });

export const rulebookChangeBody = z.object({
  rulebook: rulebookSchema,
  reason: z.string().trim().min(10).max(1000),
  regulation: z.string().trim().min(3).max(500),
});

export const rulebookVersionSchema = z.object({
  version: z.number(),
  current: z.boolean(),
  reason: z.string(),
  regulation: z.string(),
  changedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  changedAt: z.string(),
  /** The rulebook's parts that differ from the version before. */
  changed: z.array(z.string()),
  /** Cases whose clocks run under this version. */
  cases: z.number(),
  rulebook: rulebookSchema,
});

export const rulebookVersionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).default(0),
  lang: z.enum(['id', 'en']).optional(),
});

export const regionImportSchema = z.object({
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  rows: z.array(
    z.object({
      line: z.number(),
      status: z.enum(['accepted', 'duplicate', 'rejected']),
      value: z.string(),
      regionName: z.string().optional(),
      reasons: z.array(z.object({ column: z.string(), code: z.string(), message: z.string() })).optional(),
    }),
  ),
});

export const regionParams = electionIdParams.extend({ code: z.string().regex(/^\d{2}(\.\d{2})?$/) });
