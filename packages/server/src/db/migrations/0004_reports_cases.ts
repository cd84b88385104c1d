import { sql, type Kysely } from 'kysely';

/**
 * Reports (public, Bawaslu findings, paper, screening) and the cases they open. A report always
 * belongs to one case; merging moves reports onto the surviving case and keeps every report, its
 * evidence and its reporter. The reporter's identity lives in its own table, encrypted with a key
 * outside the database, and is read only through a logged, reasoned request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SEQUENCE case_number_seq`.execute(db);

  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    // Where the case is handled: a regency/city or a province (Kemendagri code). Scope filters use it.
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('asn_id', 'bigint', (c) => c.references('asn.id'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('received'))
    .addColumn('act_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('other_class', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    // The clock dates the rulebook's deadlines start from (core: CaseClock).
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('review_restarted_on', 'date')
    .addColumn('information_requested_on', 'date')
    .addColumn('forwarded_to_bkn_on', 'date')
    .addColumn('recommended_to_ppk_on', 'date')
    // The next deadline, kept current on every change so queues ("overdue") are an index scan.
    .addColumn('next_deadline_code', 'text')
    .addColumn('next_deadline_due', 'date')
    .addColumn('assignee_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('locked_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('siasn_block_recommended', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('escalated_to', 'text')
    .addColumn('sanction', 'jsonb')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('cases_region_state_idx').on('cases').columns(['region_code', 'state']).execute();
  await db.schema.createIndex('cases_deadline_idx').on('cases').columns(['next_deadline_due']).where(sql.ref('next_deadline_due'), 'is not', null).execute();
  await db.schema.createIndex('cases_assignee_idx').on('cases').column('assignee_id').execute();
  await db.schema.createIndex('cases_election_idx').on('cases').columns(['election_id', 'region_code']).execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    // Argon2id hash of the tracking secret (public reports only).
    .addColumn('secret_hash', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('public', 'finding', 'paper', 'screening')`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('occurred_until', 'date')
    .addColumn('known_on', 'date', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('act_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('reported_name', 'text', (c) => c.notNull())
    .addColumn('reported_name_normalised', 'text', (c) => c.notNull())
    .addColumn('reported_nip', 'varchar(18)')
    .addColumn('reported_agency', 'text')
    .addColumn('reported_position', 'text')
    .addColumn('asn_id', 'bigint', (c) => c.references('asn.id'))
    .addColumn('anonymous', 'boolean', (c) => c.notNull())
    // Filed after the reporting window (the rulebook's 7 days): still accepted, as information.
    .addColumn('late_by_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    // Public reports rejected as spam or duplicates of themselves are never deleted, only marked.
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('reports_case_idx').on('reports').column('case_id').execute();
  await db.schema.createIndex('reports_nip_idx').on('reports').column('reported_nip').execute();
  await db.schema.createIndex('reports_name_idx').on('reports').columns(['reported_name_normalised', 'region_code']).execute();
  await sql`CREATE INDEX reports_description_trgm_idx ON reports USING gin (description gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('reporter_identities')
    .addColumn('report_id', 'uuid', (c) => c.primaryKey().references('reports.id'))
    // AES-256-GCM of {name, address, phone, email}; the key is not in the database.
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    // Sniffed from the content, never trusted from the file name or the browser.
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    // A copy without EXIF/metadata for anyone outside the case (null: none made, e.g. a PDF).
    .addColumn('public_copy_key', 'text')
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('evidence_report_idx').on('evidence').column('report_id').execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('transition', 'text')
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('note', 'text')
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'`))
    // Shown to the reporter on the tracking page (never names, never internal notes).
    .addColumn('public', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('case_events_case_idx').on('case_events').columns(['case_id', 'at']).execute();

  await db.schema
    .createTable('merge_proposals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id'))
    .addColumn('duplicate_of_report_id', 'uuid', (c) => c.notNull().references('reports.id'))
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('similarity', 'real')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addUniqueConstraint('merge_proposals_pair_key', ['report_id', 'duplicate_of_report_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id'))
    // When no person is named (escalation to a level), the role and region receive it.
    .addColumn('role', 'text')
    .addColumn('region_code', 'text')
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'jsonb', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notifications', 'merge_proposals', 'case_events', 'evidence', 'reporter_identities', 'reports', 'cases']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`DROP SEQUENCE IF EXISTS case_number_seq`.execute(db);
}
