import { DEFAULT_RETENTION_RULES } from '@netra/core';
import { sql, type Kysely } from 'kysely';

/**
 * Issue 13: keep and forget.
 *
 * - `identity_keys`: one data key per reporter identity, wrapped (AES-256-GCM) by the master
 *   encryption key. Destroying a key (wrapped = NULL) makes its identity unreadable for good,
 *   wherever the ciphertext still lies (replicas, WAL archives, later backups): crypto-shredding.
 *   Identities sealed before this migration are moved to their own keys at the next start
 *   (security/vault.ts upgradeLegacyIdentities), which needs the master key a migration lacks.
 * - `retention_rules`: how long each kind of data is kept, per election (null = the default),
 *   with its legal basis; seeded from the core's defaults.
 * - `legal_holds`: a hold on a case, a report, a person, a region (optionally one election's) or an
 *   election, with a reason; lifted with a reason, never deleted.
 * - `purge_runs` and `purge_log`: every purge (and dry run) and what it did, per rule and region:
 *   kind, count and ids, never the content.
 * - columns that record what a purge did to a row it keeps (so public figures stay right):
 *   evidence files removed, a case's and report's personal fields blanked, an account unlinked;
 *   `cases.position_type_retained` keeps the position type of a person unlinked from a case, and
 *   the dashboards read it (dash_case_facts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('identity_keys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('wrapped', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('destroyed_at', 'timestamptz')
    .addCheckConstraint('identity_keys_destroyed', sql`(wrapped IS NULL) = (destroyed_at IS NOT NULL)`)
    .execute();

  await db.schema
    .createTable('retention_rules')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('election_id', 'text', (c) => c.references('elections.id').onDelete('cascade'))
    .addColumn('keep_days', 'integer', (c) => c.check(sql`keep_days BETWEEN 0 AND 36500`))
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('unsure', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE UNIQUE INDEX retention_rules_kind_election ON retention_rules (kind, coalesce(election_id, ''))`.execute(db);
  for (const rule of DEFAULT_RETENTION_RULES) {
    await sql`INSERT INTO retention_rules (kind, election_id, keep_days, legal_basis, unsure)
              VALUES (${rule.kind}, ${rule.electionId}, ${rule.keepDays}, ${rule.legalBasis}, ${rule.unsure})`.execute(db);
  }

  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('target_type', 'text', (c) => c.notNull().check(sql`target_type IN ('case', 'report', 'person', 'region', 'election')`))
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('report_id', 'uuid', (c) => c.references('reports.id'))
    .addColumn('asn_id', 'bigint', (c) => c.references('asn.id'))
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('election_id', 'text', (c) => c.references('elections.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('placed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('placed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lifted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('lifted_at', 'timestamptz')
    .addColumn('lift_reason', 'text')
    .addCheckConstraint(
      'legal_holds_target',
      sql`CASE target_type
            WHEN 'case' THEN case_id IS NOT NULL AND report_id IS NULL AND asn_id IS NULL AND region_code IS NULL AND election_id IS NULL
            WHEN 'report' THEN report_id IS NOT NULL AND case_id IS NULL AND asn_id IS NULL AND region_code IS NULL AND election_id IS NULL
            WHEN 'person' THEN asn_id IS NOT NULL AND case_id IS NULL AND report_id IS NULL AND region_code IS NULL AND election_id IS NULL
            WHEN 'region' THEN region_code IS NOT NULL AND case_id IS NULL AND report_id IS NULL AND asn_id IS NULL
            ELSE election_id IS NOT NULL AND case_id IS NULL AND report_id IS NULL AND asn_id IS NULL AND region_code IS NULL END`,
    )
    .execute();
  for (const column of ['case_id', 'report_id', 'asn_id']) {
    await sql`CREATE INDEX ${sql.raw(`legal_holds_${column}`)} ON legal_holds (${sql.ref(column)}) WHERE lifted_at IS NULL`.execute(db);
  }

  await db.schema
    .createTable('purge_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dry_run', 'boolean', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull().check(sql`trigger IN ('schedule', 'console', 'cli', 'restore')`))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('today', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('running').check(sql`status IN ('running', 'done', 'failed')`))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('purge_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('purge_runs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('election_id', 'text')
    .addColumn('region_code', 'text')
    // The rule as it stood when it was applied (a later edit does not rewrite history).
    .addColumn('rule_election_id', 'text')
    .addColumn('rule_keep_days', 'integer')
    .addColumn('rule_legal_basis', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('ids', sql`text[]`, (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('purge_log_run_idx').on('purge_log').column('run_id').execute();

  await sql`ALTER TABLE evidence ALTER COLUMN storage_key DROP NOT NULL`.execute(db);
  await db.schema.alterTable('evidence').addColumn('original_purged_at', 'timestamptz').addColumn('copy_purged_at', 'timestamptz').execute();
  await db.schema.alterTable('cases').addColumn('personal_purged_at', 'timestamptz').addColumn('position_type_retained', 'text').execute();
  await db.schema.alterTable('reports').addColumn('personal_purged_at', 'timestamptz').execute();
  await db.schema.alterTable('screening_accounts').addColumn('link_purged_at', 'timestamptz').execute();
  await positionTypeOfFacts(db, true);
}

/** dash_case_facts reads a purged case's retained position type (the view is edited in place: other migrations may have changed it). */
async function positionTypeOfFacts(db: Kysely<unknown>, retained: boolean): Promise<void> {
  const { rows } = await sql<{ definition: string }>`SELECT pg_get_viewdef('dash_case_facts'::regclass, true) AS definition`.execute(db);
  const definition = rows[0]!.definition;
  const plain = /COALESCE\(a\.position_type, 'unknown'::text\)/;
  const kept = /COALESCE\(a\.position_type, c\.position_type_retained, 'unknown'::text\)/;
  const next = retained ? definition.replace(plain, "COALESCE(a.position_type, c.position_type_retained, 'unknown'::text)") : definition.replace(kept, "COALESCE(a.position_type, 'unknown'::text)");
  if (next === definition) throw new Error('dash_case_facts: the position type expression was not found');
  await sql`CREATE OR REPLACE VIEW dash_case_facts AS ${sql.raw(next.replace(/;\s*$/, ''))}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await positionTypeOfFacts(db, false);
  await db.schema.alterTable('screening_accounts').dropColumn('link_purged_at').execute();
  await db.schema.alterTable('reports').dropColumn('personal_purged_at').execute();
  await db.schema.alterTable('cases').dropColumn('personal_purged_at').dropColumn('position_type_retained').execute();
  await db.schema.alterTable('evidence').dropColumn('original_purged_at').dropColumn('copy_purged_at').execute();
  for (const table of ['purge_log', 'purge_runs', 'legal_holds', 'retention_rules', 'identity_keys']) await db.schema.dropTable(table).execute();
}
