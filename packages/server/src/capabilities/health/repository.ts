import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FileStore } from '../../storage/file-store.ts';

export async function databaseStatus(db: Db): Promise<{ latencyMs: number }> {
  const started = performance.now();
  await sql`SELECT 1`.execute(db);
  return { latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}

/** The file store answers (a lookup of a key that need not exist). */
export async function storageStatus(files: FileStore): Promise<void> {
  await files.exists('health/probe');
}
