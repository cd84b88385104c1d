/**
 * A private database for one test file, cloned from the migrated template, and the app built
 * on it. `clock` moves "today" so a test can stand on any day of an election.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp, type AppOptions } from '../app.ts';
import type { AppContext } from '../context.ts';
import { connectDatabase, type DatabaseHandle } from '../db/database.ts';
import { localFileStore } from '../storage/local-store.ts';

export interface TestDatabase extends DatabaseHandle {
  name: string;
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = connectDatabase(urlFor('postgres'), 1);
  try {
    await admin.pool.query(`CREATE DATABASE ${name} TEMPLATE netra_template`);
  } finally {
    await admin.close();
  }
  const handle = connectDatabase(urlFor(name), 10);
  return {
    ...handle,
    name,
    async drop() {
      await handle.close();
      const cleanup = connectDatabase(urlFor('postgres'), 1);
      try {
        await cleanup.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.close();
      }
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  ctx: AppContext;
  /** Set "now" for the app (default: a day in the Pilkada 2024 campaign). */
  setNow(instant: string | Date): void;
  close(): Promise<void>;
}

export async function createTestApp(options: AppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  let now = new Date('2024-10-01T03:00:00Z');
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-evidence-'));
  const encryptionKey = randomBytes(32);
  const ctx: AppContext = { db: database.db, readDb: database.db, now: () => now, encryptionKey, hmacKey: encryptionKey, evidenceDir, files: localFileStore(evidenceDir) };
  // Tests stand behind a pretend proxy: X-Forwarded-For simulates different client addresses.
  const app = await buildApp(ctx, { trustProxy: true, ...options });
  await app.ready();
  return {
    app,
    database,
    ctx,
    setNow: (instant) => {
      now = new Date(instant);
    },
    close: async () => {
      await app.close();
      await database.drop();
      fs.rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}
