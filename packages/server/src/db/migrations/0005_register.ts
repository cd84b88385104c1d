import { sql, type Kysely } from 'kysely';

/**
 * The ASN register at national scale (imports, position history, name search), candidate pairs
 * with the ASN candidates' obligations, and the art. 71(2) rotation watch.
 *
 * Name search moves out of `asn` into `asn_name_search`: a GIN trigram index maintained row by
 * row costs more than the rest of a 7-million-row import together, so large imports refresh the
 * search table in one pass after they commit (small ones update it in their own transaction).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE asn ADD COLUMN position_start date`.execute(db);
  await sql`DROP INDEX IF EXISTS asn_name_trgm_idx`.execute(db);
  // Scope filters are `region_code = '35.10' OR region_code LIKE '35.%'`: a pattern index serves
  // the prefix whatever the collation (the same choice as cases_region_pattern_idx).
  await sql`DROP INDEX IF EXISTS asn_region_idx`.execute(db);
  await sql`CREATE INDEX asn_region_idx ON asn (region_code text_pattern_ops, agency_id)`.execute(db);

  await db.schema
    .createTable('asn_name_search')
    .addColumn('asn_id', 'bigint', (c) => c.primaryKey().references('asn.id').onDelete('cascade'))
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO asn_name_search (asn_id, name_folded) SELECT id, netra_fold(name) FROM asn`.execute(db);
  await sql`CREATE INDEX asn_name_search_trgm_idx ON asn_name_search USING gin (name_folded gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('asn_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('web', 'cli', 'demo')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_format', 'text', (c) => c.notNull().check(sql`file_format IN ('csv', 'xlsx')`))
    .addColumn('file_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    // The file's own header row and CSV delimiter: the rejected-rows file is written back in them.
    .addColumn('header', 'jsonb')
    .addColumn('delimiter', 'text')
    .addColumn('default_region_code', 'text', (c) => c.references('regions.code'))
    // The importer's scope when it ran (null: national).
    .addColumn('scope_region_code', 'text')
    .addColumn('scope_agency_ids', sql`integer[]`)
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(sql`status IN ('queued', 'reading', 'merging', 'done', 'failed')`))
    .addColumn('bytes_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'integer')
    .addColumn('updated', 'integer')
    .addColumn('unchanged', 'integer')
    .addColumn('rejected', 'integer')
    .addColumn('error', 'jsonb')
    // When the name search table caught up with this import (large imports refresh it afterwards).
    .addColumn('search_indexed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('heartbeat_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await sql`CREATE INDEX asn_imports_scope_idx ON asn_imports (scope_region_code text_pattern_ops, created_at DESC)`.execute(db);

  await db.schema
    .createTable('asn_import_rejects')
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('asn_imports.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    // The row's cells as the file had them; rows refused by the register check keep their
    // normalised values by column key instead (`record`).
    .addColumn('cells', 'jsonb')
    .addColumn('record', 'jsonb')
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('asn_import_rejects_pk', ['import_id', 'line'])
    .execute();

  // Past positions; the current one is the `asn` row itself, so a first load writes no history.
  await db.schema
    .createTable('asn_positions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('asn_id', 'bigint', (c) => c.notNull().references('asn.id').onDelete('cascade'))
    .addColumn('position_title', 'text', (c) => c.notNull())
    .addColumn('position_type', 'text', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('started_on', 'date')
    .addColumn('ended_on', 'date')
    .addColumn('ended_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('import_id', 'uuid', (c) => c.references('asn_imports.id'))
    .execute();
  await db.schema.createIndex('asn_positions_asn_idx').on('asn_positions').columns(['asn_id', 'ended_at']).execute();

  await db.schema
    .createTable('candidate_pairs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('ballot_number', 'integer', (c) => c.check(sql`ballot_number BETWEEN 1 AND 99`))
    // head and deputy: { name, nickname?, variants?, asnNip? } as the core's CandidatePerson.
    .addColumn('head', 'jsonb', (c) => c.notNull())
    .addColumn('deputy', 'jsonb', (c) => c.notNull())
    .addColumn('head_asn_id', 'bigint', (c) => c.references('asn.id'))
    .addColumn('deputy_asn_id', 'bigint', (c) => c.references('asn.id'))
    .addColumn('independent', 'boolean', (c) => c.notNull())
    .addColumn('parties', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('incumbent_member', 'text', (c) => c.check(sql`incumbent_member IN ('head', 'deputy')`))
    .addColumn('incumbent_office', 'text', (c) => c.check(sql`incumbent_office IN ('regional_head', 'deputy_regional_head')`))
    .addColumn('slogans', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('hashtags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // The pair's identity for re-imports: folded names of both members.
    .addColumn('pair_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('candidate_pairs_key', ['election_id', 'region_code', 'pair_key'])
    .execute();
  await sql`CREATE INDEX candidate_pairs_region_idx ON candidate_pairs (region_code text_pattern_ops, election_id)`.execute(db);

  await db.schema
    .createTable('candidate_obligation_events')
    .addColumn('pair_id', 'uuid', (c) => c.notNull().references('candidate_pairs.id').onDelete('cascade'))
    .addColumn('member', 'text', (c) => c.notNull().check(sql`member IN ('head', 'deputy')`))
    .addColumn('obligation', 'text', (c) => c.notNull().check(sql`obligation IN ('notice', 'resignation', 'dismissal', 'bkn_processing')`))
    .addColumn('done_on', 'date', (c) => c.notNull())
    .addColumn('letter_number', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('candidate_obligation_events_pk', ['pair_id', 'member', 'obligation'])
    .execute();

  await db.schema
    .createTable('rotations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('asn_id', 'bigint', (c) => c.references('asn.id'))
    .addColumn('person_nip', 'varchar(18)', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('from_position', 'text', (c) => c.notNull())
    .addColumn('to_position', 'text', (c) => c.notNull())
    .addColumn('decree_number', 'text', (c) => c.notNull())
    .addColumn('decree_date', 'date', (c) => c.notNull())
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_role', 'text', (c) =>
      c.notNull().check(sql`signer_role IN ('regional_head', 'deputy_regional_head', 'acting_head', 'regional_secretary', 'other')`),
    )
    .addColumn('approval_letter_number', 'text')
    .addColumn('approval_date', 'date')
    // Set once "jadikan temuan" turned the rotation into a Bawaslu finding.
    .addColumn('finding_report_id', 'uuid', (c) => c.references('reports.id'))
    .addColumn('finding_case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('rotations_decree_person_key', ['region_code', 'decree_number', 'person_nip'])
    .addCheckConstraint('rotations_approval_pair', sql`(approval_letter_number IS NULL) = (approval_date IS NULL)`)
    .execute();
  await sql`CREATE INDEX rotations_region_idx ON rotations (region_code text_pattern_ops, election_id, decree_date)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rotations', 'candidate_obligation_events', 'candidate_pairs', 'asn_positions', 'asn_import_rejects', 'asn_imports', 'asn_name_search']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`DROP INDEX IF EXISTS asn_region_idx`.execute(db);
  await sql`CREATE INDEX asn_region_idx ON asn (region_code, agency_id)`.execute(db);
  await sql`CREATE INDEX asn_name_trgm_idx ON asn USING gin (netra_fold(name) gin_trgm_ops)`.execute(db);
  await sql`ALTER TABLE asn DROP COLUMN position_start`.execute(db);
}
