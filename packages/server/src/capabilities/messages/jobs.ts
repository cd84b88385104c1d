/** The reporter notices, every minute (a pass over subscriptions; each notice is sent once). */
import { scheduledJob, type Job } from '../../job.ts';
import { runReporterNotices } from './notices.ts';

export const jobs: readonly Job[] = [scheduledJob({ name: 'reporter-notices', cron: '* * * * *', run: (ctx) => runReporterNotices(ctx) })];
