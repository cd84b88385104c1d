import type { Db } from '../db/database.ts';
import { refreshDashboards } from '../capabilities/dashboards/refresh.ts';

/**
 * Refresh the dashboard views and wait until it was this call that refreshed them: a refresh
 * already under way (e.g. one a write requested) makes `refreshDashboards` return at once with
 * `refreshed: false`, and a test would then read figures from before its own writes.
 */
export async function refreshDashboardsNow(db: Db): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await refreshDashboards(db)).refreshed) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The dashboard views could not be refreshed within 20 s');
}
