/**
 * The background work of exports on pg-boss (jobs/boss.ts): export files older than a day are
 * deleted every hour, and large exports run on whichever server's worker picks them up.
 */
import { queuedJob, scheduledJob, type Job } from '../../job.ts';
import { purgeExpiredExports, runExportJob, useExportQueue } from './service.ts';

export const EXPORT_QUEUE = 'export-run';

/** This capability's jobs (listed in jobs/registry.ts); the services send exports through the queue's sender. */
export const jobs: readonly Job[] = [
  scheduledJob({ name: 'export-purge', cron: '17 * * * *', tz: 'Asia/Jakarta', run: (ctx) => purgeExpiredExports(ctx) }),
  queuedJob<{ jobId: string }>({
    name: EXPORT_QUEUE,
    // An export that fails is retried once (runExportJob restarts it from the first row).
    queue: { policy: 'standard', retryLimit: 1, retryDelay: 30, expireInSeconds: 2 * 60 * 60 },
    run: (ctx, data) => runExportJob(ctx, data.jobId),
    connect: (send) => {
      useExportQueue((jobId) => send({ jobId }));
      return () => useExportQueue(null);
    },
  }),
];
