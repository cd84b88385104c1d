/**
 * Once per test run: a real PostgreSQL (embedded, durability off for speed) with a template
 * database that is migrated and holds the real reference data. Each test file clones it
 * (CREATE DATABASE … TEMPLATE, a file copy) so files run in parallel without sharing rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase, migrateToLatest } from '../db/database.ts';
import { startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { seedReference } from '../db/seed/reference.ts';
import { freePort } from './free-port.ts';

export const TEMPLATE_DATABASE = 'netra_template';

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-test-'));
  fs.chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), fast: true });
  const admin = connectDatabase(server.connectionString('postgres'), 1);
  await admin.pool.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.close();
  const template = connectDatabase(server.connectionString(TEMPLATE_DATABASE), 2);
  await migrateToLatest(template.db);
  await seedReference(template.db);
  await template.close();
  project.provide('postgresUrl', server.connectionString('postgres'));
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
