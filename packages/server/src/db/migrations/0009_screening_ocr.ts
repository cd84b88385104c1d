import { sql, type Kysely } from 'kysely';

/**
 * Text in pictures (issue 18): what OCR read in the images of screened posts and in the image
 * evidence of reports, scored like a post, and the runs of the OCR job with their progress.
 *
 * One row of `screening_image_texts` per picture read (or that could not be read): a post's media
 * URL, or a report's evidence file. A post whose picture scores higher than its caption takes the
 * picture's score (`screening_posts.flagged_by = 'image_text'`), so a flyer shared without a word
 * reaches the triage queue.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('screening_image_texts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('post_id', 'uuid', (c) => c.references('screening_posts.id').onDelete('cascade'))
    .addColumn('evidence_id', 'uuid', (c) => c.references('evidence.id').onDelete('cascade'))
    // The media URL of the post, or the evidence file's storage key.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('read', 'failed')`))
    .addColumn('error', 'text')
    // The recognised text, tidied (core tidyRecognisedText): the spans below refer to it.
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    // Tesseract's mean word confidence, 0–100.
    .addColumn('confidence', 'real')
    .addColumn('score', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo('irrelevant'))
    .addColumn('candidate_pair_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('highlights', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'`))
    // Lexicon terms found: [{start, end, kind, term, mention}].
    .addColumn('matches', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('lexicon_version', 'text')
    .addColumn('run_id', 'uuid')
    .addColumn('read_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('screening_image_texts_owner_ck', sql`(post_id IS NULL) <> (evidence_id IS NULL)`)
    .execute();
  await sql`CREATE UNIQUE INDEX screening_image_texts_post_key ON screening_image_texts (post_id, source) WHERE post_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX screening_image_texts_evidence_key ON screening_image_texts (evidence_id) WHERE evidence_id IS NOT NULL`.execute(db);

  // Which reading put the post's score where it is: its caption (null) or a picture in it.
  await sql`ALTER TABLE screening_posts ADD COLUMN flagged_by text CHECK (flagged_by IN ('image_text'))`.execute(db);

  await db.schema
    .createTable('screening_ocr_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('running').check(sql`status IN ('running', 'done', 'failed')`))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('screening_ocr_runs').ifExists().execute();
  await sql`ALTER TABLE screening_posts DROP COLUMN IF EXISTS flagged_by`.execute(db);
  await db.schema.dropTable('screening_image_texts').ifExists().execute();
}
