/**
 * Screening for staff: ad hoc scoring, the triage queue, confirming a post (a report with the post
 * as evidence, through the reports capability) or dismissing it (with a reason kept for tuning),
 * and the lexicon with its edits.
 */
import { Readable } from 'node:stream';
import { can, dateInTimeZone, regionWithinScope, timeZoneOfRegion, type Localised, type Scope } from '@netra/core';
import { applyLexiconEdits, CUE_KINDS, MENTION_KINDS, type LexiconEdit, type LexiconEntryKind, type PostKind, type ScoreReason, type TextSpan } from '@netra/core/screening/index';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import { discardIncoming, receiveUpload } from '../../storage/evidence-store.ts';
import { appendAudit } from '../audit/repository.ts';
import type { RequestMeta, StaffUser } from '../auth/service.ts';
import type { RequestContext } from '../../http/request-context.ts';
import type { ReportInput, ReportSource } from '../reports/intake.service.ts';
import type { AcceptedUpload } from '../reports/uploads.ts';
import { compiledLexicon } from './lexicon.ts';
import * as repo from './repository.ts';
import { rescoreOpenPosts, screenWith } from './scoring.ts';

/** Why a post was dismissed: a fixed list, so the reasons can be counted when tuning the lexicon. */
export const DISMISSAL_REASONS = ['not_partisan', 'news_or_quote', 'satire', 'not_asn', 'wrong_candidate', 'duplicate', 'other'] as const;
export type DismissalReason = (typeof DISMISSAL_REASONS)[number];

const KIND_VERB: Record<PostKind, Localised> = {
  post: { id: 'mengunggah', en: 'posted' },
  comment: { id: 'mengomentari', en: 'commented' },
  share: { id: 'membagikan', en: 'shared' },
  like: { id: 'menyukai', en: 'liked' },
  follow: { id: 'mengikuti', en: 'followed' },
};

// ---------------------------------------------------------------- presenting

type StoredReason = ScoreReason;

export function postDto(row: repo.PostRow, language: Language) {
  const reasons = (row.reasons as StoredReason[]) ?? [];
  return {
    id: row.id,
    platform: row.platform,
    url: row.url,
    text: row.text,
    postedAt: new Date(row.posted_at).toISOString(),
    kind: row.kind,
    mediaUrls: row.media_urls,
    electionId: row.election_id,
    regionCode: row.region_code,
    regionName: row.region_name,
    score: row.score,
    category: row.category,
    candidate: row.candidate_pair_id ? { id: row.candidate_pair_id, label: repo.pairLabel({ head: row.pair_head, deputy: row.pair_deputy, ballot_number: row.pair_ballot_number }) } : null,
    otherCandidateCount: Math.max(0, row.candidate_pair_ids.length - 1),
    reasons: reasons.map((r) => ({ code: r.code, weight: r.weight, text: language === 'id' ? r.id : r.en, spans: r.spans.map((s) => ({ start: s.start, end: s.end })) })),
    highlights: (row.highlights as TextSpan[]).map((s) => ({ start: s.start, end: s.end })),
    lexiconVersion: row.lexicon_version,
    status: row.status,
    dismissalReason: row.dismissal_reason,
    dismissalNote: row.dismissal_note,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decidedBy: row.decided_by_name,
    report: row.report_id ? { id: row.report_id, receiptNumber: row.report_receipt_number!, caseId: row.case_id!, caseNumber: row.case_number! } : null,
    importedAt: new Date(row.imported_at).toISOString(),
    account: {
      id: row.account_id,
      handle: row.handle,
      displayName: row.display_name,
      linkStatus: row.link_status,
      linkSimilarity: row.link_similarity,
      asn: row.asn_id ? { id: row.asn_id, nip: row.asn_nip!, name: row.asn_name!, position: row.asn_position, agency: row.asn_agency } : null,
    },
  };
}

export function accountDto(row: repo.AccountRow) {
  return {
    id: row.id,
    platform: row.platform,
    handle: row.handle,
    displayName: row.display_name,
    agencyHint: row.agency_hint,
    regionCode: row.region_code,
    regionName: row.region_name,
    linkStatus: row.link_status,
    linkSimilarity: row.link_similarity,
    linkDecidedAt: row.link_decided_at ? new Date(row.link_decided_at).toISOString() : null,
    asn: row.asn_id ? { id: row.asn_id, nip: row.asn_nip!, name: row.asn_name!, position: row.asn_position, agency: row.asn_agency } : null,
    postCount: Number(row.post_count ?? 0),
    maxScore: row.max_score === null ? null : Number(row.max_score),
  };
}

/**
 * Analysts read the queue to follow and tune screening, not to learn which civil servant is
 * behind an account (PRODUCT.md: analysts see no personal data): the ASN link shows as a status only.
 */
export function forViewer<T extends { account: { asn: unknown } } | { asn: unknown }>(staff: Pick<StaffUser, 'role'>, dto: T): T {
  if (can(staff.role, 'screening.asn-links.read')) return dto;
  return 'account' in dto ? { ...dto, account: { ...dto.account, asn: null } } : { ...dto, asn: null };
}

const postNotFound = (id: string) => notFound({ id: `Unggahan ${id}`, en: `Post ${id}` });

export async function postDetail(db: Db, staff: StaffUser, id: string, language: Language) {
  const row = await repo.findPost(db, staff.scope, id);
  if (!row) throw postNotFound(id);
  return forViewer(staff, postDto(row, language));
}

// ---------------------------------------------------------------- ad hoc scoring

/** The election ad hoc text is scored for when none is named: the next one to vote, else the latest. */
export async function defaultElectionId(db: Db, today: string): Promise<string | null> {
  const rows = await db.selectFrom('elections').select(['id', 'voting_day']).orderBy('voting_day').execute();
  return (rows.find((e) => e.voting_day >= today) ?? rows.at(-1))?.id ?? null;
}

export async function scoreText(
  ctx: AppContext,
  input: { text: string; kind: PostKind; electionId?: string; regionCode?: string; asnLinked: boolean },
  language: Language,
) {
  const electionId = input.electionId ?? (await defaultElectionId(ctx.db, dateInTimeZone(ctx.now(), 'Asia/Jakarta')));
  const fields: Array<{ field: string; message: Localised }> = [];
  if (!electionId || !(await ctx.db.selectFrom('elections').select('id').where('id', '=', electionId).executeTakeFirst())) {
    fields.push({ field: 'body.electionId', message: { id: `Pemilihan "${electionId ?? ''}" tidak dikenal.`, en: `Unknown election "${electionId ?? ''}".` } });
  }
  if (input.regionCode && (await repo.existingRegions(ctx.db, [input.regionCode])).size === 0) {
    fields.push({ field: 'body.regionCode', message: { id: `Wilayah ${input.regionCode} tidak ada.`, en: `Region ${input.regionCode} does not exist.` } });
  }
  if (fields.length > 0) throw new ApiError(400, 'validation_failed', { id: 'Ada isian yang tidak valid. Periksa kolom yang ditandai.', en: 'Some input is invalid. Check the marked fields.' }, fields);
  const compiled = await compiledLexicon(ctx.db, electionId!, input.regionCode ?? null);
  const result = screenWith(compiled, { text: input.text, kind: input.kind, asnLinked: input.asnLinked, regionCode: input.regionCode ?? null });
  const labels = new Map(compiled.screener.lexicon.candidates.map((c) => [c.id, c.label]));
  return {
    electionId: electionId!,
    regionCode: input.regionCode ?? null,
    lexiconVersion: compiled.version,
    threshold: compiled.screener.config.threshold,
    score: result.score,
    category: result.category,
    candidates: result.candidatePairIds.map((id) => ({ id, label: labels.get(id) ?? id })),
    candidateCount: result.candidatePairCount,
    reasons: result.reasons.map((r) => ({ code: r.code, weight: r.weight, text: language === 'id' ? r.id : r.en, spans: r.spans.map((s) => ({ start: s.start, end: s.end })) })),
    highlights: result.highlights.map((s) => ({ start: s.start, end: s.end })),
  };
}

// ---------------------------------------------------------------- confirm and dismiss

const alreadyDecided = (status: string) =>
  new ApiError(409, 'post_decided', {
    id: `Unggahan ini sudah diputuskan (${status === 'confirmed' ? 'dikonfirmasi' : 'ditolak'}).`,
    en: `This post has already been decided (${status}).`,
  });

/** The act a post most likely is (SKB 2022): its own campaigning, or engaging with a candidate's content. */
export function defaultActCodes(kind: PostKind): string[] {
  return kind === 'post' || kind === 'comment' ? ['A02'] : ['A06'];
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function localTime(instant: Date, regionCode: string): string {
  const timeZone = timeZoneOfRegion(regionCode);
  const formatted = new Intl.DateTimeFormat('id-ID', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(instant);
  return `${formatted} (${timeZone})`;
}

/** The post as a plain-text evidence file: what the officer saw, when, and why it was queued. */
export function evidenceText(post: ReturnType<typeof postDto>, staff: StaffUser, at: Date): string {
  const lines = [
    'BUKTI UNGGAHAN MEDIA SOSIAL — Netra, penapisan media sosial',
    '',
    `Platform      : ${post.platform}`,
    `Akun          : @${post.account.handle}${post.account.displayName ? ` (${post.account.displayName})` : ''}`,
    `ASN terkait   : ${post.account.asn && post.account.linkStatus === 'confirmed' ? `${post.account.asn.name}, NIP ${post.account.asn.nip}${post.account.asn.agency ? `, ${post.account.asn.agency}` : ''}` : '-'}`,
    `URL           : ${post.url}`,
    `Waktu unggah  : ${post.postedAt} — ${localTime(new Date(post.postedAt), post.regionCode)}`,
    `Jenis         : ${post.kind} (${KIND_VERB[post.kind].id})`,
    `Wilayah       : ${post.regionName} (${post.regionCode})`,
    `Pemilihan     : ${post.electionId}`,
    ...(post.mediaUrls.length > 0 ? ['Media         :', ...post.mediaUrls.map((m) => `  - ${m}`)] : []),
    '',
    'Teks:',
    post.text,
    '',
    `Skor penapisan: ${post.score}/100 (${post.category})${post.candidate ? `, calon: ${post.candidate.label}` : ''}`,
    ...post.reasons.map((r) => `  ${r.weight >= 0 ? '+' : ''}${r.weight}  ${r.text}`),
    '',
    `Diimpor        : ${post.importedAt}`,
    `Dikonfirmasi   : ${at.toISOString()} oleh ${staff.name}`,
    `Versi leksikon : ${post.lexiconVersion}`,
    '',
  ];
  return lines.join('\n');
}

/** The evidence text as an upload waiting in `incoming/`, as the reports capability takes files. */
async function evidenceUpload(ctx: AppContext, post: ReturnType<typeof postDto>, staff: StaffUser, at: Date): Promise<AcceptedUpload> {
  const bytes = Buffer.from(evidenceText(post, staff, at), 'utf8');
  const incoming = await receiveUpload(ctx.evidenceDir, Readable.from([bytes]), bytes.length, 'file');
  return { ...incoming, originalName: `unggahan-${post.platform}-${post.id.slice(0, 8)}.txt`, mimeType: 'text/plain' };
}

function reportDescription(post: ReturnType<typeof postDto>, note: string | undefined): string {
  const who = `@${post.account.handle} (${post.platform}${post.account.displayName ? `, ${post.account.displayName}` : ''})`;
  const reasons = post.reasons.map((r) => r.text).join('; ');
  const head = `Temuan penapisan media sosial: akun ${who} ${KIND_VERB[post.kind].id} pada ${localTime(new Date(post.postedAt), post.regionCode)}: "`;
  const tail = `". Tautan: ${post.url}. Skor ${post.score}/100${post.candidate ? `, menyebut ${post.candidate.label}` : ''}. Alasan: ${reasons}.${note ? ` Catatan petugas: ${note}` : ''}`;
  // The report's description holds at most 5000 characters: the post text gives way first.
  const room = 5000 - head.length - tail.length;
  return room >= 200 ? `${head}${clip(post.text, room)}${tail}` : clip(`${head}${clip(post.text, 200)}${tail}`, 5000);
}

/** What a confirmed post's finding is made of (commands/screened-post-finding.ts files it). */
export interface PostFindingDraft {
  input: ReportInput;
  /** The post's text rendering, waiting in `incoming/` as the reports capability takes files. */
  upload: AcceptedUpload;
  at: Date;
  post: ReturnType<typeof postDto>;
  asnId: number | null;
}

/**
 * Confirming a post, the post's part: the finding it becomes (report source `screening`; the
 * reports capability links the ASN by NIP when the account's link is confirmed, and stores the
 * post's text rendering as evidence). 404 outside scope, 409 when already decided.
 */
export async function postFindingDraft(ctx: AppContext, rc: RequestContext, id: string, body: { note?: string; actCodes?: string[] }): Promise<PostFindingDraft> {
  const staff = rc.actor;
  const row = await repo.findPost(ctx.db, staff.scope, id);
  if (!row) throw postNotFound(id);
  if (row.status !== 'queued') throw alreadyDecided(row.status);
  const post = postDto(row, 'id');
  const at = ctx.now();
  const timeZone = timeZoneOfRegion(post.regionCode);
  const today = dateInTimeZone(at, timeZone);
  const occurredOn = [dateInTimeZone(new Date(post.postedAt), timeZone), today].sort()[0];
  // Known to Bawaslu when the monitors' file came in, never before the post itself.
  const knownOn = [[dateInTimeZone(new Date(post.importedAt), timeZone), occurredOn].sort()[1], today].sort()[0];
  const linked = post.account.linkStatus === 'confirmed' ? post.account.asn : null;
  const upload = await evidenceUpload(ctx, post, staff, at);
  const input: ReportInput = {
    electionId: post.electionId,
    regionCode: post.regionCode,
    place: clip(`Media sosial ${post.platform}: ${post.url}`, 300),
    occurredOn,
    knownOn,
    description: reportDescription(post, body.note),
    actCodes: body.actCodes ?? defaultActCodes(post.kind),
    reportedName: clip(linked?.name ?? post.account.displayName ?? `@${post.account.handle}`, 200),
    ...(linked ? { reportedNip: linked.nip } : {}),
    ...(linked?.agency ? { reportedAgency: linked.agency } : {}),
    ...(linked?.position ? { reportedPosition: linked.position } : {}),
    anonymous: true,
  };
  return { input, upload, at, post, asnId: linked?.id ?? null };
}

/** The post records the report it became, with its audit entry. */
export async function recordPostConfirmed(ctx: AppContext, rc: RequestContext, id: string, draft: PostFindingDraft, report: { reportId: string; caseId: string }): Promise<void> {
  const { post, at } = draft;
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockPost(trx, rc.actor.scope, id);
    // A second officer confirming at the same moment got the same report (idempotency): done.
    if (locked?.status === 'queued') {
      await trx.updateTable('screening_posts').set({ status: 'confirmed', report_id: report.reportId, decided_by: rc.actor.id, decided_at: at }).where('id', '=', id).execute();
      await appendAudit(trx, {
        actorId: rc.actor.id,
        action: 'screening_post.confirmed',
        entityType: 'screening_post',
        entityId: id,
        data: { reportId: report.reportId, caseId: report.caseId, score: post.score, category: post.category, asnId: draft.asnId, url: post.url },
        ...rc.meta,
        at,
      });
    }
  });
}

export async function dismissPost(ctx: AppContext, staff: StaffUser, id: string, body: { reason: DismissalReason; note?: string }, meta: RequestMeta, language: Language) {
  if (body.reason === 'other' && !body.note) {
    throw new ApiError(400, 'validation_failed', { id: 'Jelaskan alasannya.', en: 'Explain the reason.' }, [
      { field: 'body.note', message: { id: 'Wajib diisi bila alasannya "lainnya".', en: 'Required when the reason is "other".' } },
    ]);
  }
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockPost(trx, staff.scope, id);
    if (!locked) throw postNotFound(id);
    if (locked.status !== 'queued') throw alreadyDecided(locked.status);
    await trx
      .updateTable('screening_posts')
      .set({ status: 'dismissed', dismissal_reason: body.reason, dismissal_note: body.note ?? null, decided_by: staff.id, decided_at: at })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId: staff.id,
      action: 'screening_post.dismissed',
      entityType: 'screening_post',
      entityId: id,
      data: { reason: body.reason, note: body.note ?? null },
      ...meta,
      at,
    });
  });
  return postDetail(ctx.db, staff, id, language);
}

// ---------------------------------------------------------------- lexicon

const outOfScope = (regionCode: string | null) =>
  new ApiError(
    403,
    'out_of_scope',
    regionCode === null
      ? { id: 'Leksikon seluruh pemilihan hanya dapat diubah oleh Bawaslu RI.', en: 'Only national Bawaslu may change the election-wide lexicon.' }
      : { id: `Wilayah ${regionCode} di luar wilayah tugas Anda.`, en: `Region ${regionCode} is outside your scope.` },
  );

/** The region a lexicon view is for: the one asked, else the officer's own (national: the whole election). */
function lexiconRegion(scope: Scope, regionCode: string | undefined): string | null {
  if (regionCode) return regionCode;
  return scope.kind === 'region' ? scope.regionCode : null;
}

async function requireElection(db: Db, electionId: string) {
  const found = await db.selectFrom('elections').select('id').where('id', '=', electionId).executeTakeFirst();
  if (!found) {
    throw new ApiError(400, 'validation_failed', { id: `Pemilihan "${electionId}" tidak dikenal.`, en: `Unknown election "${electionId}".` }, [
      { field: 'electionId', message: { id: `Pemilihan "${electionId}" tidak dikenal.`, en: `Unknown election "${electionId}".` } },
    ]);
  }
}

export interface LexiconQuery {
  electionId: string;
  regionCode?: string;
  kind?: LexiconEntryKind;
  q?: string;
  limit: number;
  offset: number;
}

export async function lexiconView(db: Db, staff: StaffUser, query: LexiconQuery) {
  await requireElection(db, query.electionId);
  const regionCode = lexiconRegion(staff.scope, query.regionCode);
  if (regionCode !== null ? !regionWithinScope(staff.scope, regionCode) : staff.scope.kind !== 'national') throw notFound({ id: 'Leksikon wilayah ini', en: "This region's lexicon" });
  const [compiled, edits] = await Promise.all([compiledLexicon(db, query.electionId, regionCode), repo.lexiconEdits(db, query.electionId, regionCode)]);
  const { lexicon } = compiled.screener;
  const labels = new Map(lexicon.candidates.map((c) => [c.id, c.label]));
  const counts: Partial<Record<LexiconEntryKind, number>> = {};
  for (const entry of lexicon.entries) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  const needle = query.q?.trim().toLowerCase();
  const matching = lexicon.entries.filter(
    (e) => (!query.kind || e.kind === query.kind) && (!needle || e.term.toLowerCase().includes(needle) || e.tokens.join(' ').includes(needle)),
  );
  const editable = (entryRegion: string | null) => (entryRegion === null ? staff.scope.kind === 'national' : regionWithinScope(staff.scope, entryRegion));
  return {
    electionId: query.electionId,
    regionCode,
    version: compiled.version,
    threshold: compiled.screener.config.threshold,
    candidates: lexicon.candidates.map((c) => ({ id: c.id, label: c.label, regionCode: c.regionCode })),
    counts,
    total: matching.length,
    entries: matching.slice(query.offset, query.offset + query.limit).map((e) => ({
      term: e.term,
      /** What a removal must name: the entry's normalised words. */
      matchText: e.tokens.join(' '),
      kind: e.kind,
      ambiguous: e.ambiguous,
      source: e.source,
      regionCode: e.regionCode,
      candidates: e.candidatePairIds.slice(0, 10).map((id) => ({ id, label: labels.get(id) ?? id })),
      candidateCount: e.candidatePairIds.length,
      removable: can(staff.role, 'screening.triage') && editable(e.regionCode),
    })),
    edits: edits.map((e) => ({
      id: e.id,
      action: e.action,
      term: e.term,
      kind: e.kind,
      regionCode: e.region_code,
      candidates: e.candidate_pair_ids.map((id) => ({ id, label: labels.get(id) ?? id })),
      createdBy: e.created_by_name,
      createdAt: new Date(e.created_at).toISOString(),
    })),
  };
}

export interface LexiconEditInput {
  electionId: string;
  regionCode: string | null;
  action: 'add' | 'remove';
  term: string;
  kind?: LexiconEntryKind;
  candidatePairIds?: string[];
  ambiguous?: boolean;
}

/**
 * Records an edit to the lexicon of a region (null: election-wide, national officers only), after
 * checking it against the current lexicon (a removal must remove something, an addition must name
 * pairs the region's lexicon holds), then scores that region's open posts again.
 */
export async function editLexicon(ctx: AppContext, staff: StaffUser, input: LexiconEditInput, meta: RequestMeta) {
  await requireElection(ctx.db, input.electionId);
  if (input.regionCode === null ? staff.scope.kind !== 'national' : !regionWithinScope(staff.scope, input.regionCode)) throw outOfScope(input.regionCode);
  if (input.regionCode !== null && (await repo.existingRegions(ctx.db, [input.regionCode])).size === 0) {
    throw new ApiError(400, 'validation_failed', { id: `Wilayah ${input.regionCode} tidak ada.`, en: `Region ${input.regionCode} does not exist.` }, [
      { field: 'body.regionCode', message: { id: `Wilayah ${input.regionCode} tidak ada.`, en: `Region ${input.regionCode} does not exist.` } },
    ]);
  }
  const refuse = (id: string, en: string, field = 'body.term') => new ApiError(400, 'validation_failed', { id, en }, [{ field, message: { id, en } }]);
  if (input.action === 'add') {
    if (!input.kind) throw refuse('Pilih jenis entri.', 'Choose the kind of entry.', 'body.kind');
    if (MENTION_KINDS.has(input.kind) && !input.candidatePairIds?.length) throw refuse('Pilih pasangan calon yang dimaksud istilah ini.', 'Choose the candidate pair this term names.', 'body.candidatePairIds');
    if (CUE_KINDS.has(input.kind) && input.candidatePairIds?.length) throw refuse('Kata ajakan/penanda tidak menunjuk pasangan calon.', 'A cue names no candidate pair.', 'body.candidatePairIds');
  }
  const compiled = await compiledLexicon(ctx.db, input.electionId, input.regionCode);
  const edit: LexiconEdit = {
    electionId: input.electionId,
    regionCode: input.regionCode,
    action: input.action,
    term: input.term,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.candidatePairIds ? { candidatePairIds: input.candidatePairIds } : {}),
    ...(input.ambiguous !== undefined ? { ambiguous: input.ambiguous } : {}),
  };
  let changed;
  try {
    changed = applyLexiconEdits(compiled.screener.lexicon, [edit]);
  } catch (error) {
    throw refuse(`Perubahan tidak dapat diterapkan: ${(error as Error).message}`, `The edit cannot be applied: ${(error as Error).message}`);
  }
  if (input.action === 'remove' && changed.entries.length === compiled.screener.lexicon.entries.length) {
    throw refuse(
      `"${input.term}" tidak ada di leksikon pada cakupan ${input.regionCode ?? 'seluruh pemilihan'}.`,
      `"${input.term}" is not in the lexicon at the scope ${input.regionCode ?? 'of the whole election'}.`,
    );
  }
  const at = ctx.now();
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertLexiconEdit(trx, {
      electionId: input.electionId,
      regionCode: input.regionCode,
      action: input.action,
      term: input.term,
      kind: input.kind ?? null,
      candidatePairIds: input.candidatePairIds ?? [],
      ambiguous: input.ambiguous ?? null,
      actorId: staff.id,
    });
    await appendAudit(trx, {
      actorId: staff.id,
      action: `screening_lexicon.${input.action === 'add' ? 'term_added' : 'term_removed'}`,
      entityType: 'screening_lexicon_edit',
      entityId: String(row.id),
      data: { electionId: input.electionId, regionCode: input.regionCode, term: input.term, kind: input.kind ?? null, candidatePairIds: input.candidatePairIds ?? [] },
      ...meta,
      at,
    });
    return row;
  });
  // Open posts of the region (the whole election for an election-wide edit) follow the new lexicon.
  const rescored = await rescoreOpenPosts(ctx.db, { electionId: input.electionId, regionCode: input.regionCode ?? undefined }, at);
  return { id: saved.id, rescored };
}
