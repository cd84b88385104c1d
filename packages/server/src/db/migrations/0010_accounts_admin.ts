import { sql, type Kysely } from 'kysely';

/**
 * Administration of accounts (issue 14): officers are invited, never given a password.
 *
 * - An invited account has no password until its officer opens the one-time link, sets one and
 *   enrols TOTP (`account_invitations`, the link's token kept as its SHA-256 only).
 * - A second-factor reset is asked for by one administrator and carried out only when a second one
 *   approves it (`totp_reset_requests`).
 * - The audit viewer filters by actor, action and entity over the whole log: indexes for those.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`.execute(db);

  await db.schema
    .createTable('account_invitations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // 'email' when a message was queued, 'manual' when the administrator hands the link over.
    .addColumn('delivery', 'text', (c) => c.notNull().check(sql`delivery IN ('email', 'manual')`))
    // The secret the officer is enrolling, sealed like every TOTP secret, until the code confirms it.
    .addColumn('pending_totp_encrypted', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    // A newer invitation of the same account replaces this one.
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('account_invitations_user').on('account_invitations').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('totp_reset_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('approved', 'boolean')
    // Approval by the requester is refused in the service; the check keeps it out of the data too.
    .addCheckConstraint('totp_reset_two_people', sql`decided_by IS NULL OR decided_by <> requested_by`)
    .execute();
  // At most one open request per account.
  await sql`CREATE UNIQUE INDEX totp_reset_open ON totp_reset_requests (user_id) WHERE decided_at IS NULL`.execute(db);

  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'seq']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['audit_log_actor', 'audit_log_action', 'audit_log_at']) await db.schema.dropIndex(index).ifExists().execute();
  await db.schema.dropTable('totp_reset_requests').ifExists().execute();
  await db.schema.dropTable('account_invitations').ifExists().execute();
}
