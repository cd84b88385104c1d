import { CASE_STATES } from '@netra/core';
import { z } from 'zod';
import { REGION_CODE, stringMatching } from '../../http/validation.ts';

export const QUEUES = ['mine', 'needs_action', 'overdue', 'unassigned', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

export const SORTS = ['deadline', '-deadline', 'received', '-received', 'updated'] as const;

const langQuery = { lang: z.enum(['id', 'en']).optional() };

/** `?state=a,b` or `?state=a&state=b`. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item).max(20)).optional();

export const listCasesQuery = z.object({
  ...langQuery,
  queue: z.enum(QUEUES).default('all'),
  electionId: z.string().max(64).optional(),
  region: stringMatching(REGION_CODE, { id: 'Kode wilayah tidak valid, misalnya 35.10', en: 'Invalid region code, e.g. 35.10' }).optional(),
  state: listOf(z.enum(CASE_STATES)),
  act: z.string().regex(/^A\d{2}$/).optional(),
  /** `me`, `none` or a user id. */
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  /** The next clock by the region's own today: due today, in the next 3 days, or overdue. */
  due: z.enum(['today', 'soon', 'overdue']).optional(),
  sort: z.enum(SORTS).default('deadline'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const caseIdParams = z.object({ id: z.uuid() });
export const langOnlyQuery = z.object(langQuery);

const person = z.object({ id: z.string(), name: z.string() }).nullable();
const localisedText = z.string();

export const deadlineSchema = z.object({
  code: z.string(),
  label: localisedText,
  startedOn: z.string(),
  due: z.string(),
  /** Days left in the rule's own counting: 0 = due today, negative = overdue. */
  remaining: z.number(),
  overdue: z.boolean(),
  counting: z.enum(['calendar', 'working']),
  basis: z.array(z.string()),
  unsure: z.boolean(),
  party: z.string(),
  roles: z.array(z.string()),
});

export const lockSchema = z.object({ holderId: z.string(), holderName: z.string(), until: z.string(), mine: z.boolean() }).nullable();

export const caseSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  election: z.object({ id: z.string(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  agencyId: z.number().nullable(),
  summary: z.string(),
  actCodes: z.array(z.string()),
  receivedOn: z.string(),
  nextDeadline: deadlineSchema.nullable(),
  assignee: person,
  lock: lockSchema,
  siasnBlockRecommended: z.boolean(),
  escalatedTo: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});

export const caseListSchema = z.object({
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  items: z.array(caseSummarySchema),
  /** Transitions the caller's role may apply to many cases at once (those needing only a note). */
  bulkTransitions: z.array(z.object({ code: z.string(), label: z.string() })),
});

const fieldSpecSchema = z.object({
  code: z.string(),
  label: z.string(),
  expected: z.string(),
  kind: z.enum(['codes', 'choice', 'text', 'date']),
  options: z.array(z.object({ code: z.string(), label: z.string(), group: z.string().optional() })).optional(),
});

export const transitionOptionSchema = z.object({
  code: z.string(),
  label: z.string(),
  to: z.string(),
  toLabel: z.string(),
  noteRequired: z.boolean(),
  public: z.boolean(),
  fields: z.array(fieldSpecSchema),
});

export const sanctionWarningSchema = z.object({ code: z.string(), message: z.string() });

export const recordedSanctionSchema = z.object({
  types: z.array(z.object({ code: z.string(), label: z.string(), basis: z.string() })),
  decreeNumber: z.string(),
  decreeDate: z.string(),
  recordedOn: z.string(),
  recordedBy: person,
  warnings: z.array(sanctionWarningSchema),
});

export const sanctionSuggestionSchema = z.object({
  acts: z.array(z.object({ code: z.string(), description: z.string() })),
  ethics: z.object({ applies: z.boolean(), acts: z.array(z.string()), sanctionTypes: z.array(z.object({ code: z.string(), label: z.string() })) }),
  discipline: z.object({
    level: z.string(),
    levelLabel: z.string(),
    alternativeLevel: z.string().nullable(),
    determinedBy: z.array(z.string()),
    sanctionTypes: z.array(z.object({ code: z.string(), label: z.string() })),
  }),
  unsure: z.array(z.object({ act: z.string(), alternative: z.string(), note: z.string() })),
  notes: z.array(z.string()),
  basis: z.array(z.string()),
});

export const caseDetailSchema = caseSummarySchema.extend({
  otherClass: z.string().nullable(),
  /** The rulebook version the case's clocks run under, and the election's current one (issue 14). */
  rulebook: z.object({ version: z.number(), currentVersion: z.number(), changedAt: z.string().nullable(), regulation: z.string().nullable() }),
  clocks: z.object({
    receivedOn: z.string(),
    reviewRestartedOn: z.string().nullable(),
    informationRequestedOn: z.string().nullable(),
    forwardedToBknOn: z.string().nullable(),
    recommendedToPpkOn: z.string().nullable(),
  }),
  today: z.string(),
  deadlines: z.array(deadlineSchema),
  transitions: z.array(transitionOptionSchema),
  canHandle: z.boolean(),
  /** Four eyes (issue 14): transitions withheld from this viewer because they recorded the finding. */
  fourEyes: z.object({ required: z.boolean(), withheld: z.array(z.object({ code: z.string(), label: z.string() })) }),
  sanctionSuggestion: sanctionSuggestionSchema.nullable(),
  sanction: recordedSanctionSchema.nullable(),
  reports: z.array(
    z.object({
      id: z.string(),
      receiptNumber: z.string(),
      source: z.string(),
      receivedAt: z.string(),
      place: z.string(),
      occurredOn: z.string(),
      knownOn: z.string(),
      reportedName: z.string(),
      reportedPosition: z.string().nullable(),
      reportedAgency: z.string().nullable(),
      anonymous: z.boolean(),
      lateByDays: z.number(),
      actCodes: z.array(z.string()),
      excerpt: z.string(),
      evidenceCount: z.number(),
      /** The act lies outside every stage of the election (the reporter was warned before sending). */
      outsideStages: z.string().nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      kind: z.string(),
      transition: z.string().nullable(),
      transitionLabel: z.string().nullable(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      toStateLabel: z.string().nullable(),
      note: z.string().nullable(),
      data: z.unknown(),
      public: z.boolean(),
      actor: person,
    }),
  ),
  auditTrail: z.array(z.object({ seq: z.number(), at: z.string(), action: z.string(), data: z.unknown(), actor: person, actorRole: z.string().nullable() })),
});

/** Fields a transition may carry; which are required, and what is valid, is core's checkTransition. */
export const transitionFields = {
  note: z.string().max(4000).optional(),
  actCodes: z.array(z.string().max(8)).max(12).optional(),
  otherClass: z.string().max(40).optional(),
  failedRequirements: z.array(z.string().max(40)).max(12).optional(),
  letterNumber: z.string().trim().max(120).optional(),
  sanctionTypes: z.array(z.string().max(60)).max(12).optional(),
  decreeNumber: z.string().trim().max(120).optional(),
  decreeDate: z.string().max(10).optional(),
  /** A message for the reporter on the tracking page (e.g. what information is missing). */
  publicMessage: z.string().trim().max(1000).optional(),
};

export const transitionBody = z.object({
  transition: z.string().min(1).max(64),
  ...transitionFields,
  /** The version the person saw; a newer one in the database means someone else changed the case. */
  expectedVersion: z.number().int().positive().optional(),
  /** Taking a report that fails the formal requirements (anonymous, late) into review: the officer's reason. */
  formalOverride: z.string().trim().min(10).max(2000).optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const transitionResultSchema = z.object({
  caseId: z.string(),
  from: z.string(),
  to: z.string(),
  toLabel: z.string(),
  version: z.number(),
  nextDeadline: z.object({ code: z.string(), due: z.string() }).nullable(),
  warnings: z.array(sanctionWarningSchema),
});

export const assignBody = z.object({ userId: z.uuid().nullable(), expectedVersion: z.number().int().positive().optional() });
export const assignResultSchema = z.object({ caseId: z.string(), assignee: person, version: z.number() });

export const lockResultSchema = z.object({ caseId: z.string(), lock: lockSchema });

export const bulkBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), caseIds: z.array(z.uuid()).min(1).max(100), userId: z.uuid().nullable() }),
  z.object({ action: z.literal('transition'), caseIds: z.array(z.uuid()).min(1).max(100), transition: z.string().min(1).max(64), ...transitionFields }),
]);
export type BulkBody = z.infer<typeof bulkBody>;

export const bulkResultSchema = z.object({
  succeeded: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      caseId: z.string(),
      ok: z.boolean(),
      status: z.number(),
      code: z.string().nullable(),
      message: z.string().nullable(),
      version: z.number().nullable(),
    }),
  ),
});

export const suggestionQuery = z.object({
  ...langQuery,
  /** Preview the suggestion for acts not yet recorded on the case (the classification dialog). */
  acts: listOf(z.string().regex(/^A\d{2}$/)),
});

export const assignableStaffSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), regionCode: z.string().nullable() })),
});
