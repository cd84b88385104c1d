/**
 * The background work of dashboards and exports on pg-boss (jobs/boss.ts): the aggregates are
 * refreshed every five minutes and on request, export files older than a day are deleted every
 * hour, and large exports run on whichever server's worker picks them up.
 */
import type PgBoss from 'pg-boss';
import type { AppContext } from '../../context.ts';
import { purgeExpiredExports, runExportJob, useExportQueue } from '../exports/service.ts';
import { refreshDashboards, useRefreshQueue } from './refresh.ts';

export const DASHBOARD_REFRESH_QUEUE = 'dashboard-refresh';
export const EXPORT_QUEUE = 'export-run';

/** Scheduled like the deadline sweep (same shape as jobs/boss.ts SCHEDULES). */
export const DASHBOARD_SCHEDULES = [
  { queue: DASHBOARD_REFRESH_QUEUE, cron: '*/5 * * * *', tz: 'Asia/Jakarta', run: (ctx: AppContext) => refreshDashboards(ctx.db) },
  { queue: 'export-purge', cron: '17 * * * *', tz: 'Asia/Jakarta', run: (ctx: AppContext) => purgeExpiredExports(ctx) },
] as const;

/**
 * Refreshes asked for (a button, a bulk pledge): "stately", so at most one waits while one runs.
 * A request while one is already waiting is that one (it has not begun, so it will see the new
 * data); a request while one runs waits for it and then runs, because the running one may have
 * begun before the data the person wants to see. Throttling by time instead dropped exactly those.
 */
export const DASHBOARD_REFRESH_REQUEST_QUEUE = 'dashboard-refresh-request';

/**
 * The export queue and its worker, and the senders the services use to ask for a refresh or an
 * export (the scheduled queues themselves are created with the other schedules).
 */
export async function startDashboardWorkers(boss: PgBoss, ctx: AppContext, work: boolean): Promise<void> {
  // An export that fails is retried once (runExportJob restarts it from the first row).
  await boss.createQueue(EXPORT_QUEUE, { name: EXPORT_QUEUE, policy: 'standard', retryLimit: 1, retryDelay: 30, expireInSeconds: 2 * 60 * 60 });
  if (work) {
    await boss.work<{ jobId: string }>(EXPORT_QUEUE, async ([job]) => {
      await runExportJob(ctx, job.data.jobId);
    });
  }
  await boss.createQueue(DASHBOARD_REFRESH_REQUEST_QUEUE, { name: DASHBOARD_REFRESH_REQUEST_QUEUE, policy: 'stately', retryLimit: 2, retryDelay: 10 });
  if (work) {
    await boss.work(DASHBOARD_REFRESH_REQUEST_QUEUE, async () => {
      await refreshDashboards(ctx.db, { waitForRunning: true });
    });
  }
  const requestRefresh = () => boss.send(DASHBOARD_REFRESH_REQUEST_QUEUE, {});
  useRefreshQueue(requestRefresh);
  useExportQueue((jobId) => boss.send(EXPORT_QUEUE, { jobId }));
  // A server that starts has figures at once, not at the next five-minute mark.
  await requestRefresh();
  boss.once('stopped', () => {
    useRefreshQueue(null);
    useExportQueue(null);
  });
}
