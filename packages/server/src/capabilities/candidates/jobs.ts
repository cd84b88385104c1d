/**
 * Scheduled work of the candidates capability, for jobs/boss.ts's SCHEDULES: the daily check of
 * every ASN candidate's obligations, so a missed resignation reaches Bawaslu the morning after the
 * deadline even when nobody opens the candidates page (notifications are deduplicated).
 */
import type { AppContext } from '../../context.ts';
import { sweepObligationAlerts } from './service.ts';

export const CANDIDATE_SCHEDULES = [
  { queue: 'candidate-obligations-sweep', cron: '10 0 * * *', tz: 'Asia/Jakarta', run: (ctx: AppContext) => sweepObligationAlerts(ctx.db, ctx.now()) },
] as const;
