/**
 * Keeping the dashboard aggregates current. A scheduled job refreshes them every few minutes
 * (dashboards/jobs.ts); changes that move many figures at once (a pledge import, an agency
 * signing in bulk) ask for a refresh straight away. The refresh itself, and its lock, are in
 * refresh.repository.ts.
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { publicCache } from '../../http/public-cache.ts';
import { dashboardsRefreshedAt, refreshDashboards as refreshAggregates, type RefreshResult } from './refresh.repository.ts';

export { AGGREGATES, dashboardsRefreshedAt, REFRESH_LOCK_KEY, SCREENING_QUEUE, type RefreshResult } from './refresh.repository.ts';

/**
 * Refresh the aggregates (refresh.repository.ts). The public read cache of this process moves to
 * the new figures at once; other servers learn of it through the NOTIFY the refresh sends.
 */
export async function refreshDashboards(db: Db, options: { waitForRunning?: boolean } = {}): Promise<RefreshResult> {
  const result = await refreshAggregates(db, options);
  if (result.refreshed && result.refreshedAt) publicCache.invalidate(result.refreshedAt.toISOString());
  return result;
}

/** Without a job runner in this process, a dashboard read older than this starts a refresh. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

/** Set by the job runner of this process (jobs/boss.ts); null when it runs none (tests, CLI). */
let enqueueRefresh: (() => Promise<unknown>) | null = null;
let runningHere: Promise<unknown> | null = null;

export function useRefreshQueue(enqueue: (() => Promise<unknown>) | null): void {
  enqueueRefresh = enqueue;
}

export function hasRefreshQueue(): boolean {
  return enqueueRefresh !== null;
}

/** Whether this process is refreshing right now (for the "refreshing…" hint). */
export function refreshingHere(): boolean {
  return runningHere !== null;
}

/** Asked for while a refresh was running here: run once more after it, for the newer data. */
let askedAgain = false;

function refreshInBackground(ctx: AppContext): void {
  if (runningHere) {
    askedAgain = true;
    return;
  }
  runningHere = refreshDashboards(ctx.db, { waitForRunning: true })
    .catch((error: Error) => console.error(`[netra] dashboards refresh failed: ${error.message}`))
    .finally(() => {
      runningHere = null;
      if (askedAgain) {
        askedAgain = false;
        refreshInBackground(ctx);
      }
    });
}

/**
 * Ask for fresh figures without waiting for them: through the job queue when this process runs
 * one (any server's worker takes it), otherwise in the background of this process.
 */
export function requestDashboardRefresh(ctx: AppContext): void {
  if (!enqueueRefresh) return refreshInBackground(ctx);
  enqueueRefresh().catch(() => refreshInBackground(ctx));
}

/** A server without a job runner still keeps its figures within STALE_AFTER_MS of the data. */
export function refreshIfStale(ctx: AppContext, refreshedAt: Date | null): void {
  if (enqueueRefresh) return;
  if (!refreshedAt || Date.now() - refreshedAt.getTime() > STALE_AFTER_MS) refreshInBackground(ctx);
}

/**
 * The refresh button: ask for fresh figures and say how old the ones shown are. Double clicks and
 * several tabs cost nothing: requests while one waits are that one (dashboards/jobs.ts).
 */
export async function askForRefresh(ctx: AppContext) {
  const refreshedAt = await dashboardsRefreshedAt(ctx.db);
  requestDashboardRefresh(ctx);
  return { requested: true, dataAsOf: refreshedAt?.toISOString() ?? null };
}
