/**
 * The mail queue (listed in jobs/registry.ts): retried five times with back-off, as an SMTP server may be away for a while.
 * It lives here, beside the list, so that mail/ (a floor under the capabilities that send mail) needs nothing of job.ts.
 */
import { queuedJob, type Job } from '../job.ts';
import { deliverQueuedMail, MAIL_QUEUE, useMailQueue, type MailJobData } from '../mail/queue.ts';

export const jobs: readonly Job[] = [
  queuedJob<MailJobData>({
    name: MAIL_QUEUE,
    queue: { policy: 'standard', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
    // One message per job: ten a second per server rather than pg-boss's one every two seconds.
    work: { batchSize: 10, pollingIntervalSeconds: 1 },
    run: (ctx, data) => deliverQueuedMail(ctx, data),
    connect: (send) => {
      useMailQueue(send);
      return () => useMailQueue(null);
    },
  }),
];
