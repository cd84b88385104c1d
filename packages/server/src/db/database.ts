import { Kysely, Migrator, PostgresDialect, type MigrationProvider, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { migrations } from './migrations/index.ts';

// `date` columns stay ISO strings: legal dates are calendar days, never instants (see core).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint ids and counts fit comfortably in a JS number at Netra's scale (7M ASN).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = Kysely<Database>;
/** A transaction a service opens and hands to its repository functions. */
export type Trx = Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connectDatabase(connectionString: string, maxConnections = 20): DatabaseHandle {
  // A bounded wait for a connection: while PostgreSQL is away requests fail fast (503) instead of queueing.
  const pool = new pg.Pool({ connectionString, max: maxConnections, application_name: 'netra', connectionTimeoutMillis: 10_000 });
  // An idle client loses its connection when PostgreSQL restarts; the pool replaces it on the
  // next query. Without a listener that error would crash the whole server.
  pool.on('error', () => {});
  // A client checked out when PostgreSQL goes away (inside a transaction, between two queries)
  // has no pool listener: its 'error' event would be unhandled and end the process (57P01,
  // "Connection terminated unexpectedly"). The failed query rejects on its own and the pool drops
  // the broken client on release; this listener only keeps the event from being fatal.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Bring the schema up to date; returns the names of the migrations that ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Unordered: migrations written side by side get numbers out of commit order; a database that already
  // ran a later number must still accept an earlier one that arrives afterwards.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
