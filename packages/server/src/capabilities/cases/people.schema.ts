import { PERSON_UNKNOWN_REASONS } from '@netra/core';
import { z } from 'zod';
import { stringMatching } from '../../http/validation.ts';
import { blockSchema } from '../register/schema.ts';

const reasonCodes = Object.keys(PERSON_UNKNOWN_REASONS) as [keyof typeof PERSON_UNKNOWN_REASONS, ...Array<keyof typeof PERSON_UNKNOWN_REASONS>];

export const personParams = z.object({ id: z.uuid(), asnId: z.coerce.number().int().positive() });

export const linkPersonBody = z.object({
  asnId: z.number().int().positive(),
  /** The report that named this person, when the case has several. */
  reportId: z.uuid().optional(),
});
export type LinkPersonBody = z.infer<typeof linkPersonBody>;

export const personUnknownBody = z.object({
  /** null clears the note. */
  reason: z.enum(reasonCodes).nullable(),
  note: z.string().trim().max(500).optional(),
});
export type PersonUnknownBody = z.infer<typeof personUnknownBody>;

const personSchema = z.object({
  id: z.number(),
  nip: z.string(),
  nipFormatted: z.string(),
  kind: z.string(),
  name: z.string(),
  grade: z.string().nullable(),
  positionTitle: z.string(),
  positionTypeLabel: z.string(),
  active: z.boolean(),
  regionCode: z.string(),
  regionName: z.string(),
  agencyId: z.number(),
  agencyName: z.string(),
  unitName: z.string().nullable(),
  reportId: z.string().nullable(),
  reportReceipt: z.string().nullable(),
  linkedAt: z.string(),
  linkedByName: z.string().nullable(),
  otherCases: z.array(z.object({ id: z.string(), number: z.string(), state: z.string(), stateLabel: z.string(), electionId: z.string(), receivedOn: z.string(), sanctioned: z.boolean() })),
  pledges: z.array(z.object({ electionId: z.string(), electionName: z.string(), signedOn: z.string(), method: z.string() })),
});

export const casePeopleSchema = z.object({
  caseId: z.string(),
  people: z.array(personSchema),
  unknown: z.object({ reason: z.string(), label: z.string(), note: z.string().nullable(), at: z.string().nullable(), byName: z.string().nullable() }).nullable(),
  required: z.object({ transitions: z.array(z.string()), message: z.string() }),
  canEdit: z.boolean(),
});

export const personChangeSchema = z.object({ caseId: z.string(), asnId: z.number().optional(), linked: z.boolean().optional(), reason: z.string().nullable().optional() });

// ---- SIASN block

const isoDate = stringMatching(/^\d{4}-\d{2}-\d{2}$/, { id: 'Tanggal harus berformat TTTT-BB-HH.', en: 'The date must be YYYY-MM-DD.' });

export const imposeBlockBody = z.object({
  reference: z.string().trim().min(3).max(120),
  imposedOn: isoDate,
  expectedVersion: z.number().int().optional(),
});
export type ImposeBlockBody = z.infer<typeof imposeBlockBody>;

export const liftBlockBody = z.object({
  reason: z.string().trim().min(10).max(1000),
  liftedOn: isoDate,
});
export type LiftBlockBody = z.infer<typeof liftBlockBody>;


export const caseBlocksSchema = z.object({ caseId: z.string(), current: blockSchema.nullable(), history: z.array(blockSchema), canAct: z.boolean() });

export const blockSummaryQuery = z.object({
  lang: z.enum(['id', 'en']).optional(),
  region: z.string().regex(/^\d{2}(\.\d{2})?$/).optional(),
});

export const blockSummarySchema = z.object({
  requested: z.number(),
  imposed: z.number(),
  byRegion: z.array(z.object({ code: z.string(), name: z.string(), requested: z.number(), imposed: z.number() })),
  byAgency: z.array(z.object({ id: z.number().nullable(), name: z.string(), regionCode: z.string(), requested: z.number(), imposed: z.number() })),
});
