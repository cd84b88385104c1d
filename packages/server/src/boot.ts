/**
 * Bringing the system up: database (embedded or external), migrations, reference data and demo
 * data. Shared by `npm start`, the CLI and the startup benchmark.
 */
import path from 'node:path';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { connectDatabase, migrateToLatest, type DatabaseHandle } from './db/database.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres.ts';
import { seedReference } from './db/seed/reference.ts';
import { seedDemoData } from './demo/seed.ts';
import { loadEncryptionKey } from './security/encryption.ts';
import { checkEncryptionKey, keyFingerprint } from './security/keys.ts';
import { fileStoreFromEnv } from './storage/config.ts';

export interface Booted {
  database: DatabaseHandle;
  /** The primary's connection string (the public cache listens for refreshes on it). */
  databaseUrl: string;
  ctx: AppContext;
  embedded: EmbeddedDatabase | null;
  shutdown(): Promise<void>;
}

/**
 * The database and nothing else: the embedded PostgreSQL started (its `netra` database created
 * when missing) or DATABASE_URL connected; no migration, no key check, no seeding.
 */
export async function openBareDatabase(
  config: Config,
  progress: (message: string) => void,
): Promise<{ database: DatabaseHandle; databaseUrl: string; embedded: EmbeddedDatabase | null; shutdown(): Promise<void> }> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, onProgress: progress });
    const admin = connectDatabase(embedded.connectionString('postgres'), 1);
    try {
      const exists = await admin.pool.query(`SELECT 1 FROM pg_database WHERE datname = 'netra'`);
      if (exists.rowCount === 0) await admin.pool.query('CREATE DATABASE netra');
    } finally {
      await admin.close();
    }
    url = embedded.connectionString('netra');
  } else {
    progress('Memakai PostgreSQL dari DATABASE_URL');
  }
  const database = connectDatabase(url);
  return {
    database,
    databaseUrl: url,
    embedded,
    shutdown: async () => {
      await database.close();
      await embedded?.stop();
    },
  };
}

export async function bootDatabase(config: Config, progress: (message: string) => void): Promise<Booted> {
  const { database, databaseUrl: url, embedded } = await openBareDatabase(config, progress);
  // Dashboards, public pages and large exports may read from a replica (DATABASE_READ_URL).
  const reader = config.readDatabaseUrl ? connectDatabase(config.readDatabaseUrl) : null;
  if (reader) progress('Bacaan dasbor, halaman publik dan ekspor besar memakai replika dari DATABASE_READ_URL');
  const encryptionKey = loadEncryptionKey(path.join(config.dataDir, 'keys'));
  const files = fileStoreFromEnv(path.join(config.dataDir, 'evidence'));
  const shutdown = async () => {
    await reader?.close();
    await database.close();
    await files.close();
    await embedded?.stop();
  };
  let ctx: AppContext;
  try {
    const ran = await migrateToLatest(database.db);
    progress(ran.length > 0 ? `Migrasi dijalankan: ${ran.join(', ')}` : 'Skema basis data sudah terbaru');
    // A server with another key than the data's refuses to start (security/keys.ts).
    const keys = await checkEncryptionKey(database.db, encryptionKey);
    if (keys.recorded) progress(`Sidik kunci enkripsi dicatat di basis data: ${keyFingerprint(encryptionKey)}`);
    ctx = {
      db: database.db,
      readDb: reader?.db ?? database.db,
      now: () => new Date(),
      encryptionKey,
      hmacKey: keys.hmacKey,
      evidenceDir: path.join(config.dataDir, 'evidence'),
      files,
    };
    await seedReference(database.db, progress);
    if (config.demoData) await seedDemoData(ctx, progress);
  } catch (error) {
    await shutdown();
    throw error;
  }
  return { database, databaseUrl: url, ctx, embedded, shutdown };
}
