/**
 * The scheduled purge (pg-boss, jobs/boss.ts): every night at 02:30 WIB it forgets what the
 * retention rules have expired, except what a legal hold covers (retention.service.ts runPurge).
 * pg-boss runs a scheduled queue once at a time however many servers schedule it.
 */
import { scheduledJob, type Job } from '../../job.ts';
import { scheduledPurge } from './retention.service.ts';

export const jobs: readonly Job[] = [scheduledJob({ name: 'retention-purge', cron: '30 2 * * *', tz: 'Asia/Jakarta', run: (ctx) => scheduledPurge(ctx) })];
