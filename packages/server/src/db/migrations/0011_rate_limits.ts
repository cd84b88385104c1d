import { sql, type Kysely } from 'kysely';

/**
 * Per-address counters of the route rate limits (sign-in, public reports, tracking), shared by
 * every app server (http/rate-limit-store.ts). UNLOGGED: a counter lost in a crash only resets a
 * window, and writes skip the WAL (replicas do not need them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE rate_limit_hits (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      hits integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX rate_limit_hits_window ON rate_limit_hits (window_start)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE rate_limit_hits`.execute(db);
}
