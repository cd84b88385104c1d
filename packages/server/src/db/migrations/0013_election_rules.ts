import { sql, type Kysely } from 'kysely';

/**
 * Election rules as data (issue 14):
 * - `regional_head_terms`: the end of the sitting regional head's term per region, which closes
 *   the UU 10/2016 art. 71(2) window (until recorded, the window stays open);
 * - the Pemilu initial review (kajian awal) is a deadline of its own: Bawaslu must act on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regional_head_terms')
    .addColumn('region_code', 'text', (c) => c.primaryKey().references('regions.code'))
    .addColumn('head_name', 'text')
    .addColumn('term_end', 'date', (c) => c.notNull())
    // Where the date comes from (e.g. the inauguration decree and UU 10/2016 art. 162).
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await sql`
    CREATE OR REPLACE FUNCTION netra_deadline_party(code text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE code
        WHEN 'initial_review' THEN 'bawaslu'
        WHEN 'review' THEN 'bawaslu' WHEN 'review_extended' THEN 'bawaslu'
        WHEN 'more_information' THEN 'reporter'
        WHEN 'bkn_verification' THEN 'bkn'
        WHEN 'ppk_follow_up' THEN 'ppk'
        ELSE 'other' END $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION netra_deadline_party(code text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE code
        WHEN 'review' THEN 'bawaslu' WHEN 'review_extended' THEN 'bawaslu'
        WHEN 'more_information' THEN 'reporter'
        WHEN 'bkn_verification' THEN 'bkn'
        WHEN 'ppk_follow_up' THEN 'ppk'
        ELSE 'other' END $$`.execute(db);
  await db.schema.dropTable('regional_head_terms').execute();
}
