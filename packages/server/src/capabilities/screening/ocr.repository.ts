/**
 * SQL of the OCR job: the pictures still to read (posts' media, reports' image evidence), what
 * was read in them, the runs with their progress, and a post flagged through a picture.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface PendingPostImage {
  post_id: string;
  source: string;
  kind: 'post' | 'comment' | 'share' | 'like' | 'follow';
  election_id: string;
  region_code: string;
  asn_linked: boolean;
}

export interface PendingEvidenceImage {
  evidence_id: string;
  source: string;
  election_id: string;
  region_code: string;
  asn_linked: boolean;
}

/** Media of posts not yet read, oldest import first (at most `limit`). */
export async function pendingPostImages(db: Db, limit: number): Promise<PendingPostImage[]> {
  const { rows } = await sql<PendingPostImage>`
    SELECT p.id AS post_id, m.url AS source, p.kind, p.election_id, p.region_code, coalesce(a.link_status = 'confirmed', false) AS asn_linked
    FROM screening_posts p
    JOIN screening_accounts a ON a.id = p.account_id
    CROSS JOIN LATERAL unnest(p.media_urls) AS m(url)
    WHERE cardinality(p.media_urls) > 0
      AND NOT EXISTS (SELECT 1 FROM screening_image_texts t WHERE t.post_id = p.id AND t.source = m.url)
    ORDER BY p.imported_at, p.id
    LIMIT ${limit}`.execute(db);
  return rows;
}

/** Image evidence of reports not yet read (at most `limit`). */
export async function pendingEvidenceImages(db: Db, limit: number): Promise<PendingEvidenceImage[]> {
  const { rows } = await sql<PendingEvidenceImage>`
    SELECT e.id AS evidence_id, e.storage_key AS source, r.election_id, r.region_code, r.asn_id IS NOT NULL AS asn_linked
    FROM evidence e
    JOIN reports r ON r.id = e.report_id
    WHERE e.mime_type LIKE 'image/%'
      AND NOT EXISTS (SELECT 1 FROM screening_image_texts t WHERE t.evidence_id = e.id)
    ORDER BY e.created_at, e.id
    LIMIT ${limit}`.execute(db);
  return rows;
}

export interface ImageTextRow {
  postId: string | null;
  evidenceId: string | null;
  source: string;
  status: 'read' | 'failed';
  error: string | null;
  text: string;
  confidence: number | null;
  score: number;
  category: string;
  candidatePairIds: readonly string[];
  reasons: unknown;
  highlights: unknown;
  matches: unknown;
  lexiconVersion: string | null;
  runId: string;
  readAt: Date;
}

/** Stores what was read in one picture (reading it again replaces it). */
export async function saveImageText(db: Db, row: ImageTextRow): Promise<void> {
  const conflict = row.postId ? sql`(post_id, source) WHERE post_id IS NOT NULL` : sql`(evidence_id) WHERE evidence_id IS NOT NULL`;
  await sql`
    INSERT INTO screening_image_texts (post_id, evidence_id, source, status, error, text, confidence, score, category,
      candidate_pair_ids, reasons, highlights, matches, lexicon_version, run_id, read_at)
    VALUES (${row.postId}, ${row.evidenceId}, ${row.source}, ${row.status}, ${row.error}, ${row.text}, ${row.confidence}, ${row.score},
      ${row.category}, ${[...row.candidatePairIds]}::uuid[], ${JSON.stringify(row.reasons)}::jsonb, ${JSON.stringify(row.highlights)}::jsonb,
      ${JSON.stringify(row.matches)}::jsonb, ${row.lexiconVersion}, ${row.runId}, ${row.readAt})
    ON CONFLICT ${conflict} DO UPDATE SET status = excluded.status, error = excluded.error, text = excluded.text,
      confidence = excluded.confidence, score = excluded.score, category = excluded.category,
      candidate_pair_ids = excluded.candidate_pair_ids, reasons = excluded.reasons, highlights = excluded.highlights,
      matches = excluded.matches, lexicon_version = excluded.lexicon_version, run_id = excluded.run_id, read_at = excluded.read_at`.execute(db);
}

/**
 * Open posts whose best picture scores higher than the post does take the picture's score,
 * category, pairs and reasons (the reasons' spans refer to the picture's text, so they are kept
 * with it, not on the post). Run after each reading and at each sweep, so that rescoring the
 * caption (a lexicon edit) does not lose a flag a picture raised. Returns the posts changed.
 */
export async function applyImageScores(db: Db, postIds?: readonly string[]): Promise<string[]> {
  const only = postIds ? sql`AND t.post_id = ANY(${[...postIds]}::uuid[])` : sql``;
  const { rows } = await sql<{ id: string }>`
    UPDATE screening_posts p SET
      score = best.score, category = best.category, candidate_pair_ids = best.candidate_pair_ids,
      candidate_pair_id = best.candidate_pair_ids[1],
      stance = CASE best.category WHEN 'likely_support' THEN 'support' WHEN 'likely_opposition' THEN 'attack' END,
      reasons = (SELECT coalesce(jsonb_agg(jsonb_build_object('code', r->>'code', 'weight', (r->>'weight')::int,
                  'id', 'Dalam gambar: ' || (r->>'id'), 'en', 'In the picture: ' || (r->>'en'), 'spans', '[]'::jsonb)), '[]'::jsonb)
                 FROM jsonb_array_elements(best.reasons) AS r),
      flagged_by = 'image_text'
    FROM (
      SELECT DISTINCT ON (t.post_id) t.post_id, t.score, t.category, t.candidate_pair_ids, t.reasons
      FROM screening_image_texts t
      WHERE t.post_id IS NOT NULL AND t.status = 'read' ${only}
      ORDER BY t.post_id, t.score DESC, t.read_at DESC
    ) best
    WHERE p.id = best.post_id AND p.status = 'queued' AND best.score > p.score
    RETURNING p.id`.execute(db);
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- runs

export interface OcrRun {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  flagged: number;
  error: string | null;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

export async function startRun(db: Db, total: number, at: Date): Promise<OcrRun> {
  const { rows } = await sql<OcrRun>`
    INSERT INTO screening_ocr_runs (total, started_at, updated_at) VALUES (${total}, ${at}, ${at}) RETURNING *`.execute(db);
  return rows[0];
}

export async function recordProgress(db: Db, id: string, progress: { done: number; failed: number; flagged: number }, at: Date): Promise<void> {
  await sql`UPDATE screening_ocr_runs SET done = ${progress.done}, failed = ${progress.failed}, flagged = ${progress.flagged}, updated_at = ${at}
    WHERE id = ${id}`.execute(db);
}

export async function finishRun(db: Db, id: string, status: 'done' | 'failed', error: string | null, at: Date): Promise<void> {
  await sql`UPDATE screening_ocr_runs SET status = ${status}, error = ${error}, updated_at = ${at}, finished_at = ${at} WHERE id = ${id}`.execute(db);
}

export async function findRun(db: Db, id: string): Promise<OcrRun | undefined> {
  const { rows } = await sql<OcrRun>`SELECT * FROM screening_ocr_runs WHERE id = ${id}`.execute(db);
  return rows[0];
}

export async function latestRuns(db: Db, limit: number): Promise<OcrRun[]> {
  const { rows } = await sql<OcrRun>`SELECT * FROM screening_ocr_runs ORDER BY started_at DESC LIMIT ${limit}`.execute(db);
  return rows;
}

// ---------------------------------------------------------------- the triage view

export interface ImageTextView {
  post_id: string;
  source: string;
  status: 'read' | 'failed';
  error: string | null;
  text: string;
  confidence: number | null;
  score: number;
  category: string;
  reasons: unknown;
  highlights: unknown;
  matches: unknown;
  read_at: Date;
}

/** Of these posts, those whose score a picture raised. */
export async function postsFlaggedByImage(db: Db, postIds: readonly string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM screening_posts WHERE id = ANY(${[...postIds]}::uuid[]) AND flagged_by = 'image_text'`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/** What was read in the pictures of these posts (the caller has already checked they are in scope). */
export async function imageTextsOfPosts(db: Db, postIds: readonly string[]): Promise<ImageTextView[]> {
  if (postIds.length === 0) return [];
  const { rows } = await sql<ImageTextView>`
    SELECT post_id, source, status, error, text, confidence, score, category, reasons, highlights, matches, read_at
    FROM screening_image_texts WHERE post_id = ANY(${[...postIds]}::uuid[]) ORDER BY post_id, score DESC, source`.execute(db);
  return rows;
}
