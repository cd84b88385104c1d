/** The inbox outbox (listed in jobs/registry.ts): each text retried five times with back-off. */
import { queuedJob, type Job } from '../../job.ts';
import { deliver, OUTBOX_QUEUE, useOutboxQueue, type OutboxJobData } from './outbox.ts';

export const jobs: readonly Job[] = [
  queuedJob<OutboxJobData>({
    name: OUTBOX_QUEUE,
    queue: { policy: 'standard', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
    // One message per job: ten a second per server rather than pg-boss's one every two seconds.
    work: { batchSize: 10, pollingIntervalSeconds: 1 },
    run: (ctx, data) => deliver(ctx, data.outboxId),
    connect: (send) => {
      useOutboxQueue(send);
      return () => useOutboxQueue(null);
    },
  }),
];
