import { sql, type Kysely } from 'kysely';

/**
 * What case handling needs beyond 0004: per-person read state for notifications addressed to a
 * role and region (one officer reading one must not mark it read for the whole office), and the
 * indexes the case queues use at national scale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_reads')
    .addColumn('notification_id', 'bigint', (c) => c.notNull().references('notifications.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_reads_pkey', ['notification_id', 'user_id'])
    .execute();
  // Role-and-region notifications (reminders for unassigned cases, escalations) are found by address.
  await db.schema.createIndex('notifications_address_idx').on('notifications').columns(['role', 'region_code', 'created_at']).execute();
  // Scope filters are `region_code = '35.10' OR region_code LIKE '35.10.%'`: a pattern index serves
  // the prefix whatever the database's collation.
  await sql`CREATE INDEX cases_region_pattern_idx ON cases (region_code text_pattern_ops)`.execute(db);
  // Queue search on the summary ("q").
  await sql`CREATE INDEX cases_summary_trgm_idx ON cases USING gin (summary gin_trgm_ops)`.execute(db);
  // The deadline sweep walks open cases only.
  await db.schema.createIndex('cases_open_idx').on('cases').column('id').where(sql.ref('closed_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_open_idx').ifExists().execute();
  await db.schema.dropIndex('cases_summary_trgm_idx').ifExists().execute();
  await db.schema.dropIndex('cases_region_pattern_idx').ifExists().execute();
  await db.schema.dropIndex('notifications_address_idx').ifExists().execute();
  await db.schema.dropTable('notification_reads').ifExists().execute();
}
