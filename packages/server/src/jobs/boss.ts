/**
 * Background jobs on PostgreSQL (pg-boss 10, its own schema `pgboss` in Netra's database): no
 * other queue to run. Every server starts it; pg-boss hands each scheduled job to one worker, and
 * the work itself is idempotent, so several servers are safe.
 */
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { AppContext } from '../context.ts';
import { runDeadlineSweep } from '../capabilities/cases/sweep.ts';
import { DASHBOARD_SCHEDULES, startDashboardWorkers } from '../capabilities/dashboards/jobs.ts';

export const JOB_SCHEMA = 'pgboss';

/**
 * The deadline sweep runs every 15 minutes (assignments and new cases get their reminders the
 * same morning), and once more at 00:05 WIB so a new day's overdue cases escalate as soon as the
 * day begins. pg-boss keys a schedule by queue name, hence two queues for one piece of work.
 */
export const SCHEDULES = [
  { queue: 'case-deadline-sweep', cron: '*/15 * * * *', tz: 'Asia/Jakarta', run: runDeadlineSweep },
  { queue: 'case-deadline-sweep-daily', cron: '5 0 * * *', tz: 'Asia/Jakarta', run: runDeadlineSweep },
  ...DASHBOARD_SCHEDULES,
] as const;

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobOptions {
  /** Where job failures are reported (pg-boss retries them). */
  onError?: (error: Error) => void;
  /** Register the workers (default true); false only schedules, e.g. to inspect. */
  work?: boolean;
}

/** pg-boss on the application's own connection pool, so jobs need no second set of connections settings. */
export async function startJobs(ctx: AppContext, pool: pg.Pool, options: JobOptions = {}): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: JOB_SCHEMA,
  });
  boss.on('error', options.onError ?? ((error) => console.error(`[netra] job error: ${error.message}`)));
  await boss.start();
  for (const { queue, cron, tz, run } of SCHEDULES) {
    // Retrying a sweep is safe: it only adds what is missing.
    await boss.createQueue(queue, { name: queue, policy: 'singleton', retryLimit: 3, retryDelay: 60 });
    await boss.schedule(queue, cron, {}, { tz, singletonKey: queue });
    if (options.work !== false) {
      await boss.work(queue, async () => {
        await run(ctx);
      });
    }
  }
  await startDashboardWorkers(boss, ctx, options.work !== false);
  return {
    boss,
    // Let a running sweep finish (each case is its own transaction) before the pool closes.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}
