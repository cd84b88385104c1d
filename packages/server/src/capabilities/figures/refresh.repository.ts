/**
 * Refreshing the dashboard aggregates in PostgreSQL. The materialised views (migration 0007) are
 * refreshed CONCURRENTLY, so readers keep the previous figures until the new ones are ready and
 * are never blocked. One refresh at a time across every server: a session advisory lock, held on
 * the refresh's own connection. When and why a refresh runs is refresh.ts's business.
 */
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { PUBLIC_DATA_CHANNEL } from '../../http/public-cache.ts';

/** In dependency order: each rollup is built from the one before it. */
export const AGGREGATES = [
  'dash_region_cube',
  'dash_province_cube',
  'dash_national_cube',
  'dash_agency_summary',
  'dash_asn_counts',
  'dash_prevention',
  'dash_prevention_regions',
] as const;

/**
 * The screening queue, once the screening capability's table exists: its posts awaiting human
 * triage, per election and region. Created on the first refresh that finds the table, so this
 * migration does not depend on one that is not written yet.
 */
export const SCREENING_QUEUE = {
  view: 'dash_screening_queue',
  table: 'screening_posts',
  definition: sql`
    SELECT q.election_id, left(q.region_code, 2) AS province_code, q.region_code, count(*)::int AS queued
    FROM (SELECT election_id, left(region_code, 5) AS region_code FROM screening_posts WHERE status = 'queued') q
    GROUP BY q.election_id, q.region_code`,
};

export const REFRESH_LOCK_KEY = 7_351_007;
/** For the refresh's own connection only: the aggregates group tens of millions of rows at national scale. */
const REFRESH_WORK_MEM = '256MB';
const REFRESHED_AT_KEY = 'dashboards.refreshed_at';
export interface RefreshResult {
  /** False when another refresh was already running (its figures will be as fresh). */
  refreshed: boolean;
  refreshedAt: Date | null;
  durationMs: number;
  /** Milliseconds per aggregate. */
  views: Record<string, number>;
  screeningQueue: boolean;
}

async function ensureScreeningQueue(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ source: boolean; view: boolean }>`
    SELECT to_regclass(${SCREENING_QUEUE.table}) IS NOT NULL AS source, to_regclass(${SCREENING_QUEUE.view}) IS NOT NULL AS view`.execute(db);
  if (!rows[0].source) return false;
  if (rows[0].view) return true;
  try {
    await sql`CREATE MATERIALIZED VIEW ${sql.raw(SCREENING_QUEUE.view)} AS ${SCREENING_QUEUE.definition}`.execute(db);
    await sql`CREATE UNIQUE INDEX ${sql.raw(`${SCREENING_QUEUE.view}_key`)} ON ${sql.raw(SCREENING_QUEUE.view)} (election_id, province_code, region_code)`.execute(db);
    return true;
  } catch (error) {
    // A screening table of another shape: the figure stays absent rather than breaking the refresh.
    console.error(`[netra] dashboards: screening queue figure unavailable: ${(error as Error).message}`);
    return false;
  }
}

/**
 * `waitForRunning`: when another refresh is running, wait for it and then refresh again (it may
 * have begun before the data the caller wants to see); otherwise that refresh stands for this one.
 */
export async function refreshDashboards(db: Db, options: { waitForRunning?: boolean } = {}): Promise<RefreshResult> {
  const started = performance.now();
  return db.connection().execute(async (conn) => {
    if (options.waitForRunning) await sql`SELECT pg_advisory_lock(${REFRESH_LOCK_KEY})`.execute(conn);
    else {
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${REFRESH_LOCK_KEY}) AS locked`.execute(conn);
      if (!rows[0].locked) return { refreshed: false, refreshedAt: await dashboardsRefreshedAt(db), durationMs: 0, views: {}, screeningQueue: false };
    }
    try {
      // The figures describe the data as it was when the refresh began.
      const { rows: clock } = await sql<{ now: Date }>`SELECT now() AS now`.execute(conn);
      const refreshedAt = clock[0].now;
      const screeningQueue = await ensureScreeningQueue(conn);
      const views = [...AGGREGATES, ...(screeningQueue ? [SCREENING_QUEUE.view] : [])];
      // Grouping millions of rows in memory rather than sorting them through temporary files.
      await sql`SET work_mem = ${sql.lit(REFRESH_WORK_MEM)}`.execute(conn);
      const timings: Record<string, number> = {};
      for (const view of views) {
        const viewStarted = performance.now();
        await sql`REFRESH MATERIALIZED VIEW CONCURRENTLY ${sql.raw(view)}`.execute(conn);
        timings[view] = performance.now() - viewStarted;
      }
      await sql`RESET work_mem`.execute(conn);
      await conn
        .insertInto('netra_meta')
        .values({ key: REFRESHED_AT_KEY, value: refreshedAt.toISOString(), updated_at: new Date() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: refreshedAt.toISOString(), updated_at: new Date() }))
        .execute();
      // Every server's public read cache moves to the new figures (http/public-cache-listener.ts).
      await sql`SELECT pg_notify(${PUBLIC_DATA_CHANNEL}, ${refreshedAt.toISOString()})`.execute(conn);
      return { refreshed: true, refreshedAt, durationMs: performance.now() - started, views: timings, screeningQueue };
    } finally {
      await sql`SELECT pg_advisory_unlock(${REFRESH_LOCK_KEY})`.execute(conn);
    }
  });
}

/** When the figures were taken (null: never refreshed since the views were created). */
export async function dashboardsRefreshedAt(db: Db): Promise<Date | null> {
  const row = await db.selectFrom('netra_meta').select('value').where('key', '=', REFRESHED_AT_KEY).executeTakeFirst();
  return row ? new Date(row.value) : null;
}
