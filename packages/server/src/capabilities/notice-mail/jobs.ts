/** Officers' notice e-mails, every minute (each notification mailed once per person). */
import { scheduledJob, type Job } from '../../job.ts';
import { runOfficerMail } from './service.ts';

export const jobs: readonly Job[] = [scheduledJob({ name: 'officer-notice-mail', cron: '* * * * *', run: (ctx) => runOfficerMail(ctx) })];
