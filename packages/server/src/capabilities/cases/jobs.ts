/**
 * Scheduled work of the cases capability (listed in jobs/registry.ts). The deadline sweep runs
 * every 15 minutes (assignments and new cases get their reminders the same morning), and once
 * more at 00:05 WIB so a new day's overdue cases escalate as soon as the day begins. pg-boss keys
 * a schedule by queue name, hence two jobs for one piece of work.
 */
import { scheduledJob, type Job } from '../../job.ts';
import { runDeadlineSweep } from './sweep.ts';

export const jobs: readonly Job[] = [
  scheduledJob({ name: 'case-deadline-sweep', cron: '*/15 * * * *', tz: 'Asia/Jakarta', run: (ctx) => runDeadlineSweep(ctx) }),
  scheduledJob({ name: 'case-deadline-sweep-daily', cron: '5 0 * * *', tz: 'Asia/Jakarta', run: (ctx) => runDeadlineSweep(ctx) }),
];
