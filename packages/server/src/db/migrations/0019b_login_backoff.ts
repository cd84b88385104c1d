import { sql, type Kysely } from 'kysely';

/**
 * Sign-in back-off per account AND network address (capabilities/auth): wrong passwords from one
 * address slow that address down for that account only, so nobody can lock a named official out
 * from elsewhere. The key is an HMAC of account and address under the server's key (no address
 * is stored); rows are dropped a day after their last failure.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE login_backoff (
      key text PRIMARY KEY,
      failures integer NOT NULL,
      blocked_until timestamptz,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX login_backoff_updated ON login_backoff (updated_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE login_backoff`.execute(db);
}
