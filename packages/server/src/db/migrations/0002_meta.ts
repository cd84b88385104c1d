import { sql, type Kysely } from 'kysely';

/** Key/value facts about this installation (e.g. which reference data version is loaded). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('netra_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('netra_meta').execute();
}
