/**
 * The shape of a capability's background work. A capability with such work exports `jobs` (a list
 * of these) from its own `jobs.ts`; `jobs/registry.ts` lists every capability's, and `jobs/boss.ts`
 * creates, schedules and works exactly that list, so a job that is defined is a job that runs.
 */
import type PgBoss from 'pg-boss';
import type { AppContext } from './context.ts';
import type { Trx } from './db/database.ts';

/**
 * Work pg-boss runs on a schedule. pg-boss keys a schedule by its queue name, so `name` is the
 * queue and one piece of work on two schedules is two jobs.
 */
export interface ScheduledJob {
  name: string;
  cron: string;
  tz?: string;
  run(ctx: AppContext): Promise<unknown>;
}

/**
 * What a capability sends to its queue; resolves to the job id (null when pg-boss keeps none).
 * `within` a transaction, the job is inserted on its connection: it commits (or not) with the
 * change that asked for it, and costs no commit of its own.
 */
export type JobSender<Data extends object> = ((data: Data, options?: { within?: Trx }) => Promise<string | null>) & {
  /** Several jobs in one statement (a group commit's follow-up jobs), when the runner offers it. */
  many?: (data: readonly Data[], options?: { within?: Trx }) => Promise<void>;
};

/** Work a capability asks for on demand (an export, a refresh); whichever server's worker is free runs it. */
export interface QueuedJob<Data extends object = object> {
  name: string;
  /** The queue's policy and retries (pg-boss `createQueue` options). */
  queue: Omit<PgBoss.Queue, 'name'>;
  run(ctx: AppContext, data: Data): Promise<unknown>;
  /**
   * How a worker takes this queue's jobs: up to `batchSize` per fetch, run one after another, and
   * a fetch every `pollingIntervalSeconds` (sooner when a batch took longer). pg-boss's default is
   * ONE job every two seconds per server, which a queue fed by every report cannot keep up with.
   */
  work?: { batchSize: number; pollingIntervalSeconds?: number };
  /**
   * Hands the capability its sender once the queue exists, whether or not this process works the
   * queue; the returned function takes it back when the runner stops.
   */
  connect?(send: JobSender<Data>): Promise<() => void> | (() => void);
}

// Methods, not function properties: a queue's own data type still fits the list's `QueuedJob`.
export type Job = ScheduledJob | QueuedJob;

export const isScheduled = (job: Job): job is ScheduledJob => 'cron' in job;

/** Options of every scheduled queue: one run at a time, retried (each job's work is idempotent). */
export const SCHEDULED_QUEUE: Omit<PgBoss.Queue, 'name'> = { policy: 'singleton', retryLimit: 3, retryDelay: 60 };

/** A scheduled job, typed where it is written (a plain object in a `Job[]` would lose `ctx`'s type). */
export const scheduledJob = (job: ScheduledJob): ScheduledJob => job;

/** A queued job with its data's type. */
export const queuedJob = <Data extends object>(job: QueuedJob<Data>): QueuedJob<Data> => job;
