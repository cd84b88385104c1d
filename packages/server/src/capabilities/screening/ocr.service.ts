/**
 * The OCR job (issue 18): reads the text in the pictures of screened posts (their media URLs) and
 * in reports' image evidence, scores it like a post with the lexicon of the post's (or report's)
 * election and region, stores the text with its score and the terms found, and lets a picture
 * that scores higher than its caption put the post in the triage queue. Each run records its
 * progress (pictures total, read, failed, posts flagged) in `screening_ocr_runs`.
 */
import { screenImageText } from '@netra/core/screening/index';
import type { AppContext } from '../../context.ts';
import { compiledLexicon, type CompiledLexicon } from './lexicon.ts';
import { MAX_IMAGE_BYTES, recognise, type Recognised } from './ocr-engine.ts';
import * as repo from './ocr.repository.ts';

/** Pictures read per run at most: a run of the schedule stays within a few minutes. */
export const OCR_BATCH = 50;
const FETCH_TIMEOUT_MS = 20_000;

export interface OcrRunOptions {
  limit?: number;
  /** Reads the picture's bytes for a post's media URL (tests; default: data: URLs and HTTP(S)). */
  fetchImage?: (url: string) => Promise<Buffer>;
  /** Hears the run's progress after each picture. */
  onProgress?: (run: { total: number; done: number; failed: number; flagged: number }) => void;
}

/** A media URL's bytes: a `data:` URL, or an image fetched over HTTP(S) with a time and size limit. */
export async function fetchMedia(url: string): Promise<Buffer> {
  if (url.startsWith('data:')) {
    const match = /^data:(image\/[\w.+-]+)?(;base64)?,(.*)$/s.exec(url);
    if (!match) throw new Error('unreadable data: URL');
    return match[2] ? Buffer.from(match[3], 'base64') : Buffer.from(decodeURIComponent(match[3]), 'latin1');
  }
  if (!/^https?:\/\//i.test(url)) throw new Error('not an HTTP(S) or data: URL');
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (type && !type.startsWith('image/') && !type.startsWith('application/octet-stream')) throw new Error(`not a picture (${type.split(';')[0]})`);
  if (Number(res.headers.get('content-length') ?? 0) > MAX_IMAGE_BYTES) throw new Error('picture too large');
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > MAX_IMAGE_BYTES) throw new Error('picture too large');
  return bytes;
}

async function storedEvidence(ctx: AppContext, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await ctx.files.open(key)) {
    size += (chunk as Buffer).length;
    if (size > MAX_IMAGE_BYTES) throw new Error('picture too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * One run: the pictures not yet read (posts' media first, then evidence), at most `limit`.
 * Returns the run as recorded. A picture that cannot be fetched or read is stored as failed
 * with the reason, and not tried again.
 */
export async function runOcr(ctx: AppContext, options: OcrRunOptions = {}): Promise<repo.OcrRun> {
  const limit = options.limit ?? OCR_BATCH;
  const posts = await repo.pendingPostImages(ctx.db, limit);
  const evidence = posts.length < limit ? await repo.pendingEvidenceImages(ctx.db, limit - posts.length) : [];
  if (posts.length + evidence.length === 0) {
    // Nothing to read: no run is recorded (the sweep comes every few minutes), but a caption
    // rescored since must still not lose the flag its picture raised.
    const flagged = (await repo.applyImageScores(ctx.db)).length;
    const at = ctx.now();
    return { id: '', status: 'done', total: 0, done: 0, failed: 0, flagged, error: null, started_at: at, updated_at: at, finished_at: at };
  }
  const run = await repo.startRun(ctx.db, posts.length + evidence.length, ctx.now());
  const progress = { total: run.total, done: 0, failed: 0, flagged: 0 };
  const lexicons = new Map<string, Promise<CompiledLexicon>>();
  const lexiconOf = (electionId: string, regionCode: string) => {
    const key = `${electionId}|${regionCode}`;
    let found = lexicons.get(key);
    if (!found) lexicons.set(key, (found = compiledLexicon(ctx.db, electionId, regionCode)));
    return found;
  };
  const fetchImage = options.fetchImage ?? fetchMedia;

  const readOne = async (
    item: { election_id: string; region_code: string; asn_linked: boolean; source: string; kind?: repo.PendingPostImage['kind'] },
    owner: { postId: string | null; evidenceId: string | null },
    bytes: () => Promise<Buffer>,
  ) => {
    const base = { ...owner, source: item.source, runId: run.id };
    let recognised: Recognised;
    try {
      recognised = await recognise(await bytes());
    } catch (error) {
      await repo.saveImageText(ctx.db, { ...base, status: 'failed', error: message(error), text: '', confidence: null, score: 0, category: 'irrelevant', candidatePairIds: [], reasons: [], highlights: [], matches: [], lexiconVersion: null, readAt: ctx.now() });
      progress.failed++;
      return;
    }
    const compiled = await lexiconOf(item.election_id, item.region_code);
    const screened = screenImageText(compiled.screener, recognised.text, { kind: item.kind ?? 'post', asnLinked: item.asn_linked, regionCode: item.region_code });
    const { result } = screened;
    await repo.saveImageText(ctx.db, {
      ...base,
      status: 'read',
      error: null,
      text: screened.text,
      confidence: recognised.confidence,
      score: result.score,
      category: result.category,
      candidatePairIds: result.candidatePairIds,
      reasons: result.reasons,
      highlights: result.highlights,
      matches: screened.matches,
      lexiconVersion: compiled.version,
      readAt: ctx.now(),
    });
    if (owner.postId) progress.flagged += (await repo.applyImageScores(ctx.db, [owner.postId])).length;
  };

  try {
    for (const item of posts) {
      await readOne(item, { postId: item.post_id, evidenceId: null }, () => fetchImage(item.source));
      progress.done++;
      await repo.recordProgress(ctx.db, run.id, progress, ctx.now());
      options.onProgress?.({ ...progress });
    }
    for (const item of evidence) {
      await readOne(item, { postId: null, evidenceId: item.evidence_id }, () => storedEvidence(ctx, item.source));
      progress.done++;
      await repo.recordProgress(ctx.db, run.id, progress, ctx.now());
      options.onProgress?.({ ...progress });
    }
    // A caption rescored since (a lexicon edit) must not lose the flag its picture raised.
    progress.flagged += (await repo.applyImageScores(ctx.db)).length;
    await repo.recordProgress(ctx.db, run.id, progress, ctx.now());
    await repo.finishRun(ctx.db, run.id, 'done', null, ctx.now());
  } catch (error) {
    await repo.finishRun(ctx.db, run.id, 'failed', message(error), ctx.now());
    throw error;
  }
  return (await repo.findRun(ctx.db, run.id))!;
}

/**
 * Adds to posts of the triage view (already in the viewer's scope) the text read in their
 * pictures, with the score, highlights and lexicon terms found, and whether a picture raised the
 * post's score (`flaggedBy: 'image_text'`).
 */
export async function withImageTexts<T extends { id: string }>(ctx: AppContext, posts: readonly T[]) {
  const ids = posts.map((p) => p.id);
  const [rows, flagged] = await Promise.all([repo.imageTextsOfPosts(ctx.db, ids), repo.postsFlaggedByImage(ctx.db, ids)]);
  const byPost = new Map<string, Array<ReturnType<typeof imageTextDto>>>();
  for (const row of rows) {
    const list = byPost.get(row.post_id) ?? [];
    list.push(imageTextDto(row));
    byPost.set(row.post_id, list);
  }
  return posts.map((post) => ({ ...post, flaggedBy: flagged.has(post.id) ? ('image_text' as const) : null, imageTexts: byPost.get(post.id) ?? [] }));
}

type Span = { start: number; end: number };

export function imageTextDto(row: repo.ImageTextView) {
  return {
    source: row.source.startsWith('data:') ? 'data:' : row.source,
    status: row.status,
    error: row.error,
    text: row.text,
    confidence: row.confidence === null ? null : Math.round(row.confidence),
    score: row.score,
    category: row.category,
    highlights: ((row.highlights as Span[]) ?? []).map((s) => ({ start: s.start, end: s.end })),
    matches: ((row.matches as Array<Span & { kind: string; term: string; mention: boolean }>) ?? []).map((m) => ({ start: m.start, end: m.end, kind: m.kind, term: m.term, mention: m.mention })),
    readAt: new Date(row.read_at).toISOString(),
  };
}
