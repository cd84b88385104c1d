/** Request and response shapes of /api/v1/screening (validated, and published in OpenAPI). */
import { ACT_CODES } from '@netra/core';
import { z } from 'zod';
import { REGION_CODE, stringMatching } from '../../http/validation.ts';
import { POST_KINDS } from './posts-file.ts';
import { DISMISSAL_REASONS } from './service.ts';

const LEXICON_KINDS = ['candidate_name', 'pair_name', 'ballot_number', 'party', 'slogan', 'hashtag', 'support_cue', 'opposition_cue', 'neutral_cue'] as const;

export const langQuery = { lang: z.enum(['id', 'en']).optional() };
const regionCode = stringMatching(REGION_CODE, { id: 'Kode wilayah Kemendagri tidak sah (mis. 35.10).', en: 'Not a Kemendagri region code (e.g. 35.10).' });
const electionId = z.string().trim().min(1).max(40);

const span = z.object({ start: z.number().int(), end: z.number().int() });
const reason = z.object({ code: z.string(), weight: z.number(), text: z.string(), spans: z.array(span) });
const asn = z.object({ id: z.number(), nip: z.string(), name: z.string(), position: z.string().nullable(), agency: z.string().nullable() });

export const scoreBody = z.object({
  text: z.string().trim().min(1).max(20_000),
  kind: z.enum(POST_KINDS as [string, ...string[]]).default('post'),
  electionId: electionId.optional(),
  regionCode: regionCode.optional(),
  asnLinked: z.boolean().default(false),
});

export const scoreResult = z.object({
  electionId: z.string(),
  regionCode: z.string().nullable(),
  lexiconVersion: z.string(),
  threshold: z.number(),
  score: z.number(),
  category: z.string(),
  candidates: z.array(z.object({ id: z.string(), label: z.string() })),
  candidateCount: z.number(),
  reasons: z.array(reason),
  highlights: z.array(span),
});

const imageText = z.object({
  source: z.string(),
  status: z.enum(['read', 'failed']),
  error: z.string().nullable(),
  text: z.string(),
  confidence: z.number().nullable(),
  score: z.number(),
  category: z.string(),
  highlights: z.array(span),
  matches: z.array(z.object({ start: z.number().int(), end: z.number().int(), kind: z.string(), term: z.string(), mention: z.boolean() })),
  readAt: z.string(),
});

export const postSchema = z.object({
  id: z.string(),
  platform: z.string(),
  url: z.string(),
  text: z.string(),
  postedAt: z.string(),
  kind: z.string(),
  mediaUrls: z.array(z.string()),
  electionId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  score: z.number(),
  category: z.string(),
  candidate: z.object({ id: z.string(), label: z.string() }).nullable(),
  otherCandidateCount: z.number(),
  /** A flagged post supports or attacks `candidate` (an attack counts against the attacked pair); null below the threshold. */
  stance: z.enum(['support', 'attack']).nullable(),
  reasons: z.array(reason),
  highlights: z.array(span),
  lexiconVersion: z.string(),
  status: z.string(),
  dismissalReason: z.string().nullable(),
  dismissalNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  report: z.object({ id: z.string(), receiptNumber: z.string(), caseId: z.string(), caseNumber: z.string() }).nullable(),
  importedAt: z.string(),
  account: z.object({
    id: z.string(),
    handle: z.string(),
    displayName: z.string().nullable(),
    linkStatus: z.string().nullable(),
    linkSimilarity: z.number().nullable(),
    asn: asn.nullable(),
  }),
  /** 'image_text' when the text read in a picture of the post raised its score (issue 18). */
  flaggedBy: z.enum(['image_text']).nullable().optional(),
  /** The text OCR read in the post's pictures, scored like a post, with the lexicon terms found in it. */
  imageTexts: z.array(imageText).optional(),
});

export const postListQuery = z.object({
  ...langQuery,
  status: z.enum(['queued', 'confirmed', 'dismissed', 'all']).default('queued'),
  electionId: electionId.optional(),
  regionCode: regionCode.optional(),
  accountId: z.uuid().optional(),
  handle: z.string().trim().min(1).max(100).optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  category: z.enum(['likely_support', 'likely_opposition', 'mention_only', 'irrelevant']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const postList = z.object({ total: z.number(), threshold: z.number(), items: z.array(postSchema) });

export const idParams = z.object({ id: z.uuid() });

export const confirmBody = z.object({
  note: z.string().trim().min(1).max(2000).optional(),
  actCodes: z.array(z.enum(ACT_CODES as [string, ...string[]])).min(1).max(12).optional(),
});

export const confirmResult = z.object({
  post: postSchema,
  report: z.object({ id: z.string(), receiptNumber: z.string(), caseId: z.string(), caseNumber: z.string() }),
});

export const dismissBody = z.object({
  reason: z.enum(DISMISSAL_REASONS),
  note: z.string().trim().min(1).max(2000).optional(),
});

const lineReport = z.object({ line: z.number(), reasons: z.array(z.object({ code: z.string(), message: z.string() })) });
export const importSummary = z.object({
  fileName: z.string(),
  format: z.enum(['jsonl', 'csv']),
  lines: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  accountsCreated: z.number(),
  linkProposals: z.number(),
  truncated: z.boolean(),
  rejectedLines: z.array(lineReport),
  warnings: z.array(lineReport),
});

export const lexiconQuery = z.object({
  ...langQuery,
  electionId,
  regionCode: regionCode.optional(),
  kind: z.enum(LEXICON_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const lexiconView = z.object({
  electionId: z.string(),
  regionCode: z.string().nullable(),
  version: z.string(),
  threshold: z.number(),
  candidates: z.array(z.object({ id: z.string(), label: z.string(), regionCode: z.string() })),
  counts: z.record(z.string(), z.number()),
  total: z.number(),
  entries: z.array(
    z.object({
      term: z.string(),
      matchText: z.string(),
      kind: z.string(),
      ambiguous: z.boolean(),
      source: z.string(),
      regionCode: z.string().nullable(),
      candidates: z.array(z.object({ id: z.string(), label: z.string() })),
      candidateCount: z.number(),
      removable: z.boolean(),
    }),
  ),
  edits: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      term: z.string(),
      kind: z.string().nullable(),
      regionCode: z.string().nullable(),
      candidates: z.array(z.object({ id: z.string(), label: z.string() })),
      createdBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const lexiconEditBody = z.object({
  electionId,
  regionCode: regionCode.nullable(),
  action: z.enum(['add', 'remove']),
  term: z.string().trim().min(1).max(200),
  kind: z.enum(LEXICON_KINDS).optional(),
  candidatePairIds: z.array(z.uuid()).max(50).optional(),
  ambiguous: z.boolean().optional(),
});

export const accountSchema = z.object({
  id: z.string(),
  platform: z.string(),
  handle: z.string(),
  displayName: z.string().nullable(),
  agencyHint: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  linkStatus: z.string().nullable(),
  linkSimilarity: z.number().nullable(),
  linkDecidedAt: z.string().nullable(),
  asn: asn.nullable(),
  postCount: z.number(),
  maxScore: z.number().nullable(),
});

export const accountListQuery = z.object({
  ...langQuery,
  regionCode: regionCode.optional(),
  linkStatus: z.enum(['proposed', 'confirmed', 'none']).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});

export const linkResult = z.object({ account: accountSchema, rescored: z.number() });
