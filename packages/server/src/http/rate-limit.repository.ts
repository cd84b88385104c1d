/**
 * The shared rate-limit counters (migration 0011): atomic upserts, one statement for every hit a
 * server gathered meanwhile (http/rate-limit-store.ts), all keys of one window length together.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Count a hit in `key`'s window of `windowMs`, starting a new window when the old one ended. */
export async function countHit(db: Db, key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    INSERT INTO rate_limit_hits AS r (key, window_start, hits) VALUES (${key}, clock_timestamp(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.window_start + make_interval(secs => ${windowMs / 1000}) <= clock_timestamp() THEN 1 ELSE r.hits + 1 END,
      window_start = CASE WHEN r.window_start + make_interval(secs => ${windowMs / 1000}) <= clock_timestamp() THEN clock_timestamp() ELSE r.window_start END
    RETURNING hits, greatest(0, ceil(extract(epoch FROM r.window_start + make_interval(secs => ${windowMs / 1000}) - clock_timestamp()) * 1000))::int AS ttl_ms`.execute(db);
  return { hits: rows[0].hits, ttlMs: rows[0].ttl_ms };
}

/**
 * Count `hits[i]` hits in `keys[i]`'s window of `windowMs` (keys distinct), each starting a new
 * window when its old one ended: one statement for them all. The totals afterwards, by key.
 */
export async function countHits(db: Db, keys: readonly string[], hits: readonly number[], windowMs: number): Promise<Map<string, { hits: number; ttlMs: number }>> {
  const { rows } = await sql<{ key: string; hits: number; ttl_ms: number }>`
    INSERT INTO rate_limit_hits AS r (key, window_start, hits)
    SELECT k, clock_timestamp(), n FROM unnest(${keys}::text[], ${hits}::int[]) AS t(k, n)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.window_start + make_interval(secs => ${windowMs / 1000}) <= clock_timestamp() THEN excluded.hits ELSE r.hits + excluded.hits END,
      window_start = CASE WHEN r.window_start + make_interval(secs => ${windowMs / 1000}) <= clock_timestamp() THEN clock_timestamp() ELSE r.window_start END
    RETURNING key, hits, greatest(0, ceil(extract(epoch FROM r.window_start + make_interval(secs => ${windowMs / 1000}) - clock_timestamp()) * 1000))::int AS ttl_ms`.execute(db);
  return new Map(rows.map((row) => [row.key, { hits: row.hits, ttlMs: row.ttl_ms }]));
}

/** The state of `key` without counting (for `increment: false`). */
export async function readHits(db: Db, key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    SELECT hits, greatest(0, ceil(extract(epoch FROM window_start + make_interval(secs => ${windowMs / 1000}) - clock_timestamp()) * 1000))::int AS ttl_ms
    FROM rate_limit_hits WHERE key = ${key} AND window_start + make_interval(secs => ${windowMs / 1000}) > clock_timestamp()`.execute(db);
  return rows[0] ? { hits: rows[0].hits, ttlMs: rows[0].ttl_ms } : { hits: 0, ttlMs: 0 };
}

/** Forget windows that ended long ago. */
export async function deleteOldHits(db: Db, olderThanMs: number): Promise<number> {
  const result = await sql`DELETE FROM rate_limit_hits WHERE window_start < clock_timestamp() - make_interval(secs => ${olderThanMs / 1000})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
