/**
 * Screening for staff: ad hoc scoring, the triage queue, confirming a post (a report with the post
 * as evidence, through commands/screened-post-finding.ts) or dismissing it (with a reason kept for
 * tuning). The lexicon and its edits are lexicon.service.ts; accounts and their links, links.ts.
 */
import { Readable } from 'node:stream';
import { dateInTimeZone, regionWithinScope, timeZoneOfRegion, type Localised, type ReportInput, type ReportSource } from '@netra/core';
import { DEFAULT_SCORING_CONFIG, type PostKind } from '@netra/core/screening/index';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import { REGION_CODE } from '../../http/validation.ts';
import { receiveUpload } from '../../storage/evidence-store.ts';
import type { RequestContext, StaffUser } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import type { AcceptedUpload } from '../evidence/uploads.ts';
import { importPosts } from './importer.ts';
import { compiledLexicon } from './lexicon.ts';
import { formatOf } from './posts-file.ts';
import { requestOcrRun } from './jobs.ts';
import { withImageTexts } from './ocr.service.ts';
import { forViewer, postDto } from './present.ts';
import * as repo from './repository.ts';
import { screenWith } from './scoring.ts';

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

const postNotFound = (id: string) => notFound({ id: `Unggahan ${id}`, en: `Post ${id}` });

export async function postDetail(ctx: AppContext, rc: RequestContext, id: string) {
  const row = await repo.findPost(ctx.db, rc.actor.scope, id);
  if (!row) throw postNotFound(id);
  const [post] = await withImageTexts(ctx, [forViewer(rc.actor, postDto(row, rc.language))]);
  return post;
}

/** The triage queue in scope, highest score first. */
export async function listPosts(ctx: AppContext, rc: RequestContext, filter: repo.QueueFilter) {
  const { total, items } = await repo.listPosts(ctx.db, rc.actor.scope, filter);
  return { total, threshold: DEFAULT_SCORING_CONFIG.threshold, items: await withImageTexts(ctx, items.map((row) => forViewer(rc.actor, postDto(row, rc.language)))) };
}

// ---------------------------------------------------------------- importing

/**
 * Import a posts file uploaded by an officer, for a region of their scope (their own when none is
 * named). A file cut at the size limit says so (`truncated`): lines past it were not read.
 */
export async function importPostFile(
  ctx: AppContext,
  rc: RequestContext,
  upload: { file: Readable & { truncated?: boolean }; fileName: string; mimeType: string; electionId: string | null; regionCode: string | null },
) {
  const { actor: staff, language } = rc;
  const regionCode = upload.regionCode ?? (staff.scope.kind === 'region' ? staff.scope.regionCode : null);
  if (regionCode !== null && (!REGION_CODE.test(regionCode) || !regionWithinScope(staff.scope, regionCode))) {
    upload.file.resume();
    throw new ApiError(403, 'out_of_scope', { id: `Wilayah ${regionCode} di luar wilayah tugas Anda.`, en: `Region ${regionCode} is outside your scope.` }, [
      { field: 'regionCode', message: { id: `Wilayah ${regionCode} di luar wilayah tugas Anda.`, en: `Region ${regionCode} is outside your scope.` } },
    ]);
  }
  const format = /json/.test(upload.mimeType) && !/\.csv$/i.test(upload.fileName) ? 'jsonl' : formatOf(upload.fileName);
  const summary = await importPosts(ctx.db, upload.file, format, { electionId: upload.electionId, regionCode, actor: { userId: staff.id, scope: staff.scope }, now: ctx.now() });
  // Pictures among the new posts are read by the OCR job now rather than at the next sweep.
  if (summary.imported > 0) await requestOcrRun().catch(() => undefined);
  const localise = (lines: typeof summary.rejectedLines) => lines.map((l) => ({ line: l.line, reasons: l.reasons.map((r) => ({ code: r.code, message: r.message[language] })) }));
  return {
    fileName: upload.fileName,
    format,
    lines: summary.lines,
    imported: summary.imported,
    duplicates: summary.duplicates,
    rejected: summary.rejected,
    accountsCreated: summary.accountsCreated,
    linkProposals: summary.linkProposals,
    // Lines past the size limit were not read: said here, never dropped silently.
    truncated: upload.file.truncated ?? false,
    rejectedLines: localise(summary.rejectedLines),
    warnings: localise(summary.warnings),
  };
}

// ---------------------------------------------------------------- ad hoc scoring

/** The election ad hoc text is scored for when none is named: the next one to vote, else the latest. */
export async function defaultElectionId(db: Db, today: string): Promise<string | null> {
  const rows = await repo.electionsByVotingDay(db);
  return (rows.find((e) => e.voting_day >= today) ?? rows.at(-1))?.id ?? null;
}

export async function scoreText(ctx: AppContext, rc: RequestContext, input: { text: string; kind: PostKind; electionId?: string; regionCode?: string; asnLinked: boolean }) {
  const { language } = rc;
  const electionId = input.electionId ?? (await defaultElectionId(ctx.db, dateInTimeZone(ctx.now(), 'Asia/Jakarta')));
  const fields: Array<{ field: string; message: Localised }> = [];
  if (!electionId || !(await repo.electionExists(ctx.db, electionId))) {
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
      await repo.markPostConfirmed(trx, id, { reportId: report.reportId, decidedBy: rc.actor.id, at });
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

export async function dismissPost(ctx: AppContext, rc: RequestContext, id: string, body: { reason: DismissalReason; note?: string }) {
  const { actor: staff, meta } = rc;
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
    await repo.markPostDismissed(trx, id, { reason: body.reason, note: body.note ?? null, decidedBy: staff.id, at });
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
  return postDetail(ctx, rc, id);
}

