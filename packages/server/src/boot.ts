/**
 * Bringing the system up: database (embedded or external), migrations, reference data and demo
 * data. Shared by `npm start`, the CLI and the startup benchmark.
 */
import path from 'node:path';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { connectDatabase, migrateToLatest, type DatabaseHandle } from './db/database.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres.ts';
import { ensureRuntimeRole, RUNTIME_ROLE, runtimeRoleUrl } from './db/runtime-role.ts';
import { seedReference } from './db/seed/reference.ts';
import { seedDemoData } from './demo/seed.ts';
import { loadEncryptionKey } from './security/encryption.ts';
import { upgradeLegacyIdentities } from './security/vault.ts';
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
export interface BootOptions {
  /** `share` (the CLI): use the embedded PostgreSQL a running server already has; see embedded-postgres.ts. */
  mode?: 'own' | 'share';
  /**
   * Serve as the least-privilege role (db/runtime-role.ts) once migrations and seeding ran as the
   * owner: `npm start` does; the CLI stays the owner. NETRA_DB_ROLE=owner turns it off.
   */
  runtimeRole?: boolean;
}

export async function openBareDatabase(
  config: Config,
  progress: (message: string) => void,
  options: BootOptions = {},
): Promise<{ database: DatabaseHandle; databaseUrl: string; embedded: EmbeddedDatabase | null; shutdown(): Promise<void> }> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, onProgress: progress, mode: options.mode });
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

export async function bootDatabase(config: Config, progress: (message: string) => void, options: BootOptions = {}): Promise<Booted> {
  const { database, databaseUrl: url, embedded } = await openBareDatabase(config, progress, options);
  // Dashboards, public pages and large exports may read from a replica (DATABASE_READ_URL).
  const reader = config.readDatabaseUrl ? connectDatabase(config.readDatabaseUrl) : null;
  if (reader) progress('Bacaan dasbor, halaman publik dan ekspor besar memakai replika dari DATABASE_READ_URL');
  const encryptionKey = loadEncryptionKey(path.join(config.dataDir, 'keys'));
  const files = fileStoreFromEnv(path.join(config.dataDir, 'evidence'));
  // The pool requests are served from: the owner's, or the runtime role's once it is set up.
  let serving: DatabaseHandle = database;
  let servingUrl = url;
  const shutdown = async () => {
    await reader?.close();
    // Serving as the runtime role, the owner's pool was closed already.
    await serving.close();
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
    // Identities sealed before per-identity keys get keys of their own (crypto-shredding, security/vault.ts).
    const upgraded = await upgradeLegacyIdentities(database.db, encryptionKey);
    if (upgraded > 0) progress(`Identitas pelapor dipindah ke kunci masing-masing: ${upgraded}`);
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
    if (options.runtimeRole && process.env.NETRA_DB_ROLE !== 'owner') {
      const role = process.env.NETRA_DB_ROLE || RUNTIME_ROLE;
      const ready = await ensureRuntimeRole(database.db, keys.hmacKey, role).then(
        () => true,
        (error: unknown) => {
          progress(`PERINGATAN: peran basis data ${role} tidak dapat disiapkan (${error instanceof Error ? error.message : String(error)}); server memakai peran pemilik.`);
          return false;
        },
      );
      if (ready) {
        servingUrl = runtimeRoleUrl(url, keys.hmacKey, role);
        serving = connectDatabase(servingUrl);
        ctx = { ...ctx, db: serving.db, readDb: reader?.db ?? serving.db };
        // The owner's pool is not needed while serving.
        await database.close();
        progress(`Server memakai peran basis data ${role} (hanya SELECT/INSERT pada log audit); migrasi memakai pemilik.`);
      }
    }
  } catch (error) {
    await shutdown();
    throw error;
  }
  return { database: serving, databaseUrl: servingUrl, ctx, embedded, shutdown };
}
