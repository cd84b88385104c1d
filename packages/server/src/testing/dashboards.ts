import type { Db } from '../db/database.ts';
import { refreshDashboards, type RefreshResult } from '../capabilities/dashboards/refresh.ts';

/**
 * Refresh the dashboard views with the test's writes in them: a refresh already under way (e.g.
 * one a write requested) may have begun before them, so wait for it and refresh again.
 */
export async function refreshDashboardsNow(db: Db): Promise<RefreshResult> {
  return refreshDashboards(db, { waitForRunning: true });
}
