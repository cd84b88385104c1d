import { z } from 'zod';
import { territoryCode } from '../../http/validation.ts';

export const electionParams = z.object({ electionId: z.string().min(1).max(40) });

export const dashboardQuery = z.object({
  region: territoryCode.optional(),
  lang: z.enum(['id', 'en']).optional(),
});

export const agencyQuery = dashboardQuery.extend({
  sort: z.enum(['cases', 'missed', 'follow_up', 'name']).default('cases'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});

const tile = z.object({ col: z.number().int(), row: z.number().int() });
const headline = {
  reports: z.number().int(),
  cases: z.number().int(),
  proven: z.number().int(),
  sanctioned: z.number().int(),
  ppkRecommended: z.number().int(),
  ppkFollowedUp: z.number().int(),
  siasnBlocks: z.number().int(),
};

export const dashboardSchema = z.object({
  election: z.object({ id: z.string(), name: z.string() }),
  territory: z.object({ level: z.enum(['national', 'province', 'regency']), code: z.string().nullable(), name: z.string() }),
  breadcrumb: z.array(z.object({ code: z.string().nullable(), name: z.string(), reachable: z.boolean() })),
  dataAsOf: z.string().nullable().describe('When the figures were taken (the last refresh of the aggregates); now for live figures'),
  live: z.boolean().describe('Counted live from the base tables (viewers narrowed to agencies)'),
  refreshing: z.boolean(),
  minReach: z.number().int().describe('0: every case; 1: cases forwarded to BKN; 2: cases recommended to the PPK'),
  totals: z.object({
    ...headline,
    ppkFollowUpRate: z.number().nullable(),
    duringCampaign: z.number().int(),
    duringCriticalStages: z.number().int(),
  }),
  byState: z.array(z.object({ key: z.string(), label: z.string(), cases: z.number().int(), reports: z.number().int() })),
  byStage: z.array(
    z.object({ key: z.string(), label: z.string(), start: z.string().nullable(), end: z.string().nullable(), critical: z.boolean(), cases: z.number().int(), reports: z.number().int() }),
  ),
  byAct: z.array(z.object({ key: z.string(), label: z.string(), cases: z.number().int() })),
  byPosition: z.array(z.object({ key: z.string(), label: z.string(), cases: z.number().int() })),
  bySource: z.array(z.object({ key: z.string(), label: z.string(), reports: z.number().int() })),
  deadlines: z.array(
    z.object({ party: z.string(), label: z.string(), met: z.number().int(), missed: z.number().int(), running: z.number().int(), overdue: z.number().int() }),
  ),
  weekly: z.array(z.object({ week: z.string(), cases: z.number().int(), reports: z.number().int() })),
  stages: z.array(z.object({ code: z.string(), name: z.string(), start: z.string(), end: z.string(), critical: z.boolean() })),
  children: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.enum(['province', 'regency']),
      ownLevel: z.boolean(),
      short: z.string().nullable(),
      tile: tile.nullable(),
      ...headline,
      asnTotal: z.number().int(),
      pledged: z.number().int(),
      reached: z.number().int(),
      events: z.number().int(),
    }),
  ),
  prevention: z.object({
    asnTotal: z.number().int(),
    pledged: z.number().int(),
    reached: z.number().int(),
    events: z.number().int(),
    pledgeCoverage: z.number().nullable(),
    reachCoverage: z.number().nullable(),
  }),
  candidates: z
    .object({ asnCandidates: z.number().int(), noticeRecorded: z.number().int(), resignationRecorded: z.number().int(), dismissalRecorded: z.number().int() })
    .nullable()
    .describe('Null until the candidates capability has its tables'),
  rotations: z
    .object({ inWindow: z.number().int(), withoutApproval: z.number().int(), windowFrom: z.string(), windowTo: z.string().nullable() })
    .nullable()
    .describe('Rotations decreed in the UU 10/2016 art. 71(2) window; null without a rotations table or for an election without candidates'),
  screening: z.object({ queued: z.number().int() }).nullable().describe('Posts awaiting triage; null until the screening capability has its table'),
});

export const agencyTableSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  nextOffset: z.number().int().nullable(),
  dataAsOf: z.string().nullable(),
  items: z.array(
    z.object({
      agencyId: z.number().int(),
      code: z.string(),
      name: z.string(),
      regionCode: z.string(),
      cases: z.number().int(),
      reports: z.number().int(),
      proven: z.number().int(),
      sanctioned: z.number().int(),
      ppkRecommended: z.number().int(),
      ppkFollowedUp: z.number().int(),
      ppkFollowUpRate: z.number().nullable(),
      deadlinesMet: z.number().int(),
      deadlinesMissed: z.number().int(),
      deadlinesOverdue: z.number().int(),
    }),
  ),
});

export const refreshResultSchema = z.object({
  requested: z.boolean(),
  dataAsOf: z.string().nullable(),
});
