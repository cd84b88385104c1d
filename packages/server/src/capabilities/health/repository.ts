import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export async function databaseStatus(db: Db): Promise<{ version: string; latencyMs: number }> {
  const started = performance.now();
  const row = await sql<{ version: string }>`SELECT current_setting('server_version') AS version`.execute(db);
  return { version: row.rows[0].version, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}
