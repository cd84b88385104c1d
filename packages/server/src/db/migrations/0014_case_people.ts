import { sql, type Kysely } from 'kysely';

/**
 * Issue 15: the right person, the letters and the SIASN block as records.
 *
 * - `case_people`: the civil servants (one or more) a case is about, each linked by an officer
 *   from the register (or by the report's own NIP), optionally through the report that named
 *   them. `cases.asn_id` stays as the case's first person (letters, dashboards, sanction matrix);
 *   a trigger keeps every `cases.asn_id` written anywhere in `case_people` too, so the two never
 *   disagree. `cases.person_unknown_*` records that the person is still unknown, and why.
 * - `siasn_blocks`: BKN's block of a person's personnel data in SIASN, requested by the deadline
 *   sweep when the PPK misses the follow-up, imposed by BKN (reference and date), lifted when the
 *   sanction is recorded or by BKN with a reason. At most one open (not lifted) block per case.
 * - `case_documents`: every letter generated from a case and the PPK's signed decree, stored
 *   through the file store with their SHA-256.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_people')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('asn_id', 'integer', (c) => c.notNull().references('asn.id'))
    .addColumn('report_id', 'uuid', (c) => c.references('reports.id').onDelete('set null'))
    .addColumn('linked_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('linked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_people_pkey', ['case_id', 'asn_id'])
    .execute();
  await db.schema.createIndex('case_people_asn_idx').on('case_people').column('asn_id').execute();

  await db.schema
    .alterTable('cases')
    .addColumn('person_unknown_reason', 'text')
    .addColumn('person_unknown_at', 'timestamptz')
    .addColumn('person_unknown_by', 'uuid', (c) => c.references('users.id'))
    .execute();

  await sql`
    INSERT INTO case_people (case_id, asn_id, linked_at)
    SELECT id, asn_id, created_at FROM cases WHERE asn_id IS NOT NULL
    UNION
    SELECT case_id, asn_id, received_at FROM reports WHERE asn_id IS NOT NULL
    ON CONFLICT DO NOTHING`.execute(db);

  await sql`
    CREATE FUNCTION netra_case_person_from_asn_id() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.asn_id IS NOT NULL THEN
        INSERT INTO case_people (case_id, asn_id) VALUES (NEW.id, NEW.asn_id) ON CONFLICT DO NOTHING;
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER cases_asn_id_in_case_people AFTER INSERT OR UPDATE OF asn_id ON cases
    FOR EACH ROW EXECUTE FUNCTION netra_case_person_from_asn_id()`.execute(db);

  await db.schema
    .createTable('siasn_blocks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('requested', 'imposed', 'lifted')`))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    // The missed deadline behind the request: { deadline, due, basis }.
    .addColumn('requested_basis', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('imposed_at', 'timestamptz')
    .addColumn('imposed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('imposed_on', 'date')
    .addColumn('imposed_reference', 'text')
    .addColumn('lifted_at', 'timestamptz')
    .addColumn('lifted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('lifted_on', 'date')
    .addColumn('lift_cause', 'text', (c) => c.check(sql`lift_cause IN ('sanction', 'bkn')`))
    .addColumn('lift_reason', 'text')
    .execute();
  await sql`CREATE UNIQUE INDEX siasn_blocks_one_open ON siasn_blocks (case_id) WHERE status <> 'lifted'`.execute(db);
  await db.schema.createIndex('siasn_blocks_status_idx').on('siasn_blocks').columns(['status', 'case_id']).execute();
  // Cases flagged before the block was a record: their request, dated when the flag was set.
  await sql`
    INSERT INTO siasn_blocks (case_id, status, requested_at, requested_basis)
    SELECT c.id, 'requested', coalesce((SELECT max(at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'siasn_block_recommended'), c.updated_at), '{}'::jsonb
    FROM cases c WHERE c.siasn_block_recommended`.execute(db);

  await db.schema
    .createTable('case_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('recommendation_bkn', 'recommendation_ppk', 'bkn_recommendation', 'status_notice', 'review_result', 'sanction_decree')`),
    )
    .addColumn('report_id', 'uuid', (c) => c.references('reports.id').onDelete('set null'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('case_documents_case_idx').on('case_documents').columns(['case_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_documents').execute();
  await db.schema.dropTable('siasn_blocks').execute();
  await sql`DROP TRIGGER cases_asn_id_in_case_people ON cases`.execute(db);
  await sql`DROP FUNCTION netra_case_person_from_asn_id()`.execute(db);
  await db.schema.alterTable('cases').dropColumn('person_unknown_reason').dropColumn('person_unknown_at').dropColumn('person_unknown_by').execute();
  await db.schema.dropTable('case_people').execute();
}
