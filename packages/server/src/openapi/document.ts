/**
 * The OpenAPI document the server publishes at /api/v1/openapi.json, built without a database.
 *
 * The web app's request and response types are generated from this document
 * (packages/api-contract), so it must be printable anywhere — in CI before PostgreSQL exists, on a
 * laptop without a data directory. Building the routes must therefore never query: the context's
 * database is a Kysely whose driver refuses every connection, so a route that queried while being
 * registered would fail here loudly instead of silently needing a database.
 */
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Driver } from 'kysely';
import { buildApp } from '../app.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { localFileStore } from '../storage/local-store.ts';

class NoDatabaseDriver implements Driver {
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    throw new Error('The OpenAPI document is built without a database: registering the routes must not query.');
  }
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** A context whose database answers no query (see above). */
export function documentOnlyContext(): AppContext {
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new NoDatabaseDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  // Never created: the start-up sweep of interrupted uploads finds nothing there.
  const evidenceDir = path.join(os.tmpdir(), `netra-openapi-${process.pid}-no-evidence`);
  return {
    db,
    readDb: db,
    now: () => new Date(),
    encryptionKey: Buffer.alloc(32),
    hmacKey: Buffer.alloc(32),
    evidenceDir,
    files: localFileStore(evidenceDir),
  };
}

/** The published OpenAPI document, as JSON-ready data. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const ctx = documentOnlyContext();
  const app = await buildApp(ctx);
  try {
    await app.ready();
    return JSON.parse(JSON.stringify(app.swagger())) as Record<string, unknown>;
  } finally {
    await app.close();
    await ctx.db.destroy();
  }
}

/** The document as committed in packages/api-contract/openapi.json (stable, newline-terminated). */
export function formatOpenApiDocument(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
