/**
 * The background work of dashboards on pg-boss (jobs/boss.ts): the aggregates (figures/) are
 * refreshed every five minutes and on request.
 */
import { queuedJob, scheduledJob, type Job } from '../../job.ts';
import { refreshDashboards, useRefreshQueue } from '../figures/refresh.ts';

export const DASHBOARD_REFRESH_QUEUE = 'dashboard-refresh';

/**
 * Refreshes asked for (a button, a bulk pledge): "stately", so at most one waits while one runs.
 * A request while one is already waiting is that one (it has not begun, so it will see the new
 * data); a request while one runs waits for it and then runs, because the running one may have
 * begun before the data the person wants to see. Throttling by time instead dropped exactly those.
 */
export const DASHBOARD_REFRESH_REQUEST_QUEUE = 'dashboard-refresh-request';

/**
 * This capability's jobs (listed in jobs/registry.ts): the five-minute schedule and the
 * refresh-request queue, whose sender the services use to ask for a refresh.
 */
export const jobs: readonly Job[] = [
  scheduledJob({ name: DASHBOARD_REFRESH_QUEUE, cron: '*/5 * * * *', tz: 'Asia/Jakarta', run: (ctx) => refreshDashboards(ctx.db) }),
  queuedJob({
    name: DASHBOARD_REFRESH_REQUEST_QUEUE,
    queue: { policy: 'stately', retryLimit: 2, retryDelay: 10 },
    run: (ctx) => refreshDashboards(ctx.db, { waitForRunning: true }),
    connect: async (send) => {
      const requestRefresh = () => send({});
      useRefreshQueue(requestRefresh);
      // A server that starts has figures at once, not at the next five-minute mark.
      await requestRefresh();
      return () => useRefreshQueue(null);
    },
  }),
];
