/**
 * Scheduled work of the candidates capability (listed in jobs/registry.ts): the daily check of
 * every ASN candidate's obligations, so a missed resignation reaches Bawaslu the morning after the
 * deadline even when nobody opens the candidates page (notifications are deduplicated).
 */
import { scheduledJob, type Job } from '../../job.ts';
import { sweepObligationAlerts } from './service.ts';

export const CANDIDATE_OBLIGATIONS_SWEEP = 'candidate-obligations-sweep';

export const jobs: readonly Job[] = [scheduledJob({ name: CANDIDATE_OBLIGATIONS_SWEEP, cron: '10 0 * * *', tz: 'Asia/Jakarta', run: (ctx) => sweepObligationAlerts(ctx.db, ctx.now()) })];
