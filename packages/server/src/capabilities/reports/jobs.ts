/**
 * The background work of reports (jobs/boss.ts): after a report committed, its duplicate proposals
 * and the metadata-free copies of its photos (public-copies.ts), and a sweep for copies a crash left
 * missing.
 */
import { queuedJob, scheduledJob, type Job } from '../../job.ts';
import { intakeQuiet } from './intake-pressure.ts';
import { afterReceived, sweepPublicCopies, usePublicCopyQueue } from './public-copies.ts';

/** How long a follow-up job waits at most for a busy intake (NETRA_FOLLOW_UP_MAX_WAIT_MS; 0 never waits). */
const FOLLOW_UP_MAX_WAIT_MS = Number(process.env.NETRA_FOLLOW_UP_MAX_WAIT_MS ?? 500);

export const RECEIVED_QUEUE = 'report-received';

export const jobs: readonly Job[] = [
  queuedJob<{ reportId: string }>({
    name: RECEIVED_QUEUE,
    // Idempotent: only copies and proposals still missing are made.
    queue: { policy: 'standard', retryLimit: 3, retryDelay: 10, expireInSeconds: 10 * 60 },
    // Every report sends one: up to 20 a second per server, one at a time (a surge's intake keeps
    // most of the processor; the queue catches up after it), not pg-boss's one every two seconds.
    work: { batchSize: 20, pollingIntervalSeconds: 1 },
    // Lower priority than the intake: each job waits while filings arrive (up to half a second,
    // so a long surge still sees the queue move), and runs at full speed once they stop.
    run: async (ctx, data) => {
      await intakeQuiet(FOLLOW_UP_MAX_WAIT_MS);
      return afterReceived(ctx, data.reportId);
    },
    connect: (send) => {
      usePublicCopyQueue(send);
      return () => usePublicCopyQueue(null);
    },
  }),
  scheduledJob({ name: 'evidence-public-copy-sweep', cron: '*/10 * * * *', tz: 'Asia/Jakarta', run: (ctx) => sweepPublicCopies(ctx) }),
];
