import { sql, type Kysely } from 'kysely';

/**
 * Rulebooks versioned (issue 14): every change of an election's rulebook is a new row with who,
 * when, why and from which regulation; `elections.rulebook` stays the current version (readers of
 * today's rules keep one query) and `elections.rulebook_version` names it. A case records the
 * version its clocks started with, so a change applies to clocks started after it only.
 * Elections created in the console say who created them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('election_rulebooks')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rulebook', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('regulation', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('election_rulebooks_pk', ['election_id', 'version'])
    .execute();
  await db.schema.alterTable('elections').addColumn('rulebook_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('elections').addColumn('created_by', 'uuid', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('elections').addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)).execute();
  // Existing elections: what is stored now is version 1.
  await sql`
    INSERT INTO election_rulebooks (election_id, version, rulebook, reason, regulation)
    SELECT id, 1, rulebook, 'Buku aturan awal (sebelum versi dicatat)', basis FROM elections`.execute(db);
  // Existing cases started their clocks under version 1.
  await db.schema.alterTable('cases').addColumn('rulebook_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema
    .alterTable('cases')
    .addForeignKeyConstraint('cases_rulebook_fk', ['election_id', 'rulebook_version'], 'election_rulebooks', ['election_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').dropConstraint('cases_rulebook_fk').execute();
  await db.schema.alterTable('cases').dropColumn('rulebook_version').execute();
  await db.schema.alterTable('elections').dropColumn('created_at').execute();
  await db.schema.alterTable('elections').dropColumn('created_by').execute();
  await db.schema.alterTable('elections').dropColumn('rulebook_version').execute();
  await db.schema.dropTable('election_rulebooks').execute();
}
