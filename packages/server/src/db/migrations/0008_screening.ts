import { sql, type Kysely } from 'kysely';

/**
 * Social-media screening: the accounts monitors watch (and their link to the ASN register), the
 * posts they collect, scored by the core screening engine, and the per-election, per-region edits
 * officers make to the lexicon that is otherwise built from the candidate registry.
 *
 * `screening_posts.status` uses 'queued' for "awaiting triage": the dashboards' figures count
 * that value in their `dash_screening_queue` view (capabilities/figures/refresh.repository.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('screening_accounts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('platform', 'text', (c) => c.notNull())
    // Lower case, without the leading "@": the same account however a monitor typed it.
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    // What the profile says about where the person works, when a monitor noted it.
    .addColumn('agency_hint', 'text')
    // Where the account was observed; link proposals look for ASN there.
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('asn_id', 'bigint', (c) => c.references('asn.id').onDelete('set null'))
    // proposed: found by name/agency matching, not yet checked; confirmed: a person decided.
    .addColumn('link_status', 'text', (c) => c.check(sql`link_status IN ('proposed', 'confirmed')`))
    .addColumn('link_similarity', 'real')
    .addColumn('link_decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('link_decided_at', 'timestamptz')
    // Proposals a person rejected, so matching does not offer them again.
    .addColumn('rejected_asn_ids', sql`bigint[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('screening_accounts_key', ['platform', 'handle'])
    .addCheckConstraint('screening_accounts_link_ck', sql`(asn_id IS NULL) = (link_status IS NULL)`)
    .execute();
  await sql`CREATE INDEX screening_accounts_region_idx ON screening_accounts (region_code text_pattern_ops, link_status)`.execute(db);
  await db.schema.createIndex('screening_accounts_asn_idx').on('screening_accounts').column('asn_id').where(sql.ref('asn_id'), 'is not', null).execute();

  await db.schema
    .createTable('screening_posts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('screening_accounts.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('post', 'comment', 'share', 'like', 'follow')`))
    .addColumn('media_urls', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('score', 'smallint', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category IN ('likely_support', 'likely_opposition', 'mention_only', 'irrelevant')`))
    .addColumn('candidate_pair_id', 'uuid', (c) => c.references('candidate_pairs.id').onDelete('set null'))
    .addColumn('candidate_pair_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // The scorer's reasons (weights, Indonesian and English text, spans) and merged highlights.
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('highlights', 'jsonb', (c) => c.notNull())
    .addColumn('lexicon_version', 'text', (c) => c.notNull())
    .addColumn('scored_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(sql`status IN ('queued', 'confirmed', 'dismissed')`))
    .addColumn('dismissal_reason', 'text')
    .addColumn('dismissal_note', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('report_id', 'uuid', (c) => c.references('reports.id'))
    .addColumn('imported_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Re-importing the same file adds nothing: a post is its URL on its platform.
    .addUniqueConstraint('screening_posts_url_key', ['platform', 'url'])
    .execute();
  // The triage queue: open posts in a territory, highest score first.
  await sql`CREATE INDEX screening_posts_queue_idx ON screening_posts (status, score DESC, region_code text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX screening_posts_region_idx ON screening_posts (region_code text_pattern_ops, election_id)`.execute(db);
  await db.schema.createIndex('screening_posts_account_idx').on('screening_posts').column('account_id').execute();

  await db.schema
    .createTable('screening_lexicon_edits')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    // Null: an election-wide edit (the general campaign vocabulary); national scope only.
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action IN ('add', 'remove')`))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('candidate_pair_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('ambiguous', 'boolean')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('screening_lexicon_edits_election_idx').on('screening_lexicon_edits').columns(['election_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Created over screening_posts by the dashboards refresh once this table exists.
  await sql`DROP MATERIALIZED VIEW IF EXISTS dash_screening_queue`.execute(db);
  for (const table of ['screening_lexicon_edits', 'screening_posts', 'screening_accounts']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
