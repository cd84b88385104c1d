import { sql, type Kysely } from 'kysely';

/**
 * Whether a flagged screened post supports or attacks its first candidate pair (issue 18). An
 * attack counts against the attacked pair, which scoring stores first in `candidate_pair_ids`
 * (and in `candidate_pair_id`); posts below the threshold have no stance (NULL). Posts scored
 * before this column are filled from their category, which already told support from opposition.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('screening_posts')
    .addColumn('stance', 'text', (c) => c.check(sql`stance IN ('support', 'attack')`))
    .execute();
  await sql`UPDATE screening_posts SET stance = CASE category WHEN 'likely_support' THEN 'support' WHEN 'likely_opposition' THEN 'attack' END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('screening_posts').dropColumn('stance').execute();
}
