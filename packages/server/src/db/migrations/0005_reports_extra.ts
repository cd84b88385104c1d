import { sql, type Kysely } from 'kysely';

/**
 * The day each report counts as received (after closing hours: the next day; for a paper report,
 * the day the office received it). The case keeps its own `received_on`, which after a merge is
 * the surviving case's, so the report needs its own for the reporting window and the checklist.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('received_on', 'date').execute();
  await sql`UPDATE reports r SET received_on = c.received_on FROM cases c WHERE c.id = r.case_id`.execute(db);
  // For rows written without going through the reports service (fixtures): today in WIB.
  await db.schema.alterTable('reports').alterColumn('received_on', (c) => c.setDefault(sql`(now() AT TIME ZONE 'Asia/Jakarta')::date`)).execute();
  await db.schema.alterTable('reports').alterColumn('received_on', (c) => c.setNotNull()).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('received_on').execute();
}
