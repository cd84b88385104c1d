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
  const pool = new pg.Pool({ connectionString, max: maxConnections, application_name: 'netra' });
  // An idle client loses its connection when PostgreSQL restarts; the pool replaces it on the
  // next query. Without a listener that error would crash the whole server.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Bring the schema up to date; returns the names of the migrations that ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
