/**
 * Background jobs on PostgreSQL (pg-boss 10, its own schema `pgboss` in Netra's database): no
 * other queue to run. Every server starts it; pg-boss hands each scheduled job to one worker, and
 * the work itself is idempotent, so several servers are safe. What runs is jobs/registry.ts's list.
 */
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { AppContext } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { isScheduled, SCHEDULED_QUEUE, type Job, type JobSender, type ScheduledJob } from '../job.ts';
import { JOBS } from './registry.ts';

export const JOB_SCHEMA = 'pgboss';

/** The scheduled jobs of every capability (the rest of the list are queues sent to on demand). */
export const SCHEDULES: readonly ScheduledJob[] = JOBS.filter(isScheduled);

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobOptions {
  /** Where job failures are reported (pg-boss retries them). */
  onError?: (error: Error) => void;
  /** Register the workers (default true); false only schedules, e.g. to inspect. */
  work?: boolean;
  /** The jobs to run (default: the registry's); tests pass a part of it. */
  jobs?: readonly Job[];
}

/**
 * NETRA_JOB_SCHEDULES overrides schedules by queue name (`dashboard-refresh=* * * * *;export-purge=5 * * * *`):
 * operators tune them without a release, and the cluster test sees a schedule run within a minute.
 */
export function scheduleOverrides(value: string | undefined = process.env.NETRA_JOB_SCHEDULES): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const part of (value ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) overrides.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return overrides;
}

/** pg-boss's statements on a transaction's connection (a job sent within it). */
const on = (trx: Trx) => ({ executeSql: (text: string, values?: unknown[]) => trx.executeQuery(CompiledQuery.raw(text, values ?? [])) });

/** pg-boss on the application's own connection pool, so jobs need no second set of connections settings. */
export async function startJobs(ctx: AppContext, pool: pg.Pool, options: JobOptions = {}): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: JOB_SCHEMA,
  });
  boss.on('error', options.onError ?? ((error) => console.error(`[netra] job error: ${error.message}`)));
  await boss.start();
  const jobs = options.jobs ?? JOBS;
  const work = options.work !== false;
  const overrides = scheduleOverrides();
  for (const job of jobs) {
    if (isScheduled(job)) {
      // Retrying a sweep is safe: it only adds what is missing.
      await boss.createQueue(job.name, { name: job.name, ...SCHEDULED_QUEUE });
      await boss.schedule(job.name, overrides.get(job.name) ?? job.cron, {}, { tz: job.tz, singletonKey: job.name });
      if (work) {
        await boss.work(job.name, async () => {
          await job.run(ctx);
        });
      }
    } else {
      await boss.createQueue(job.name, { name: job.name, ...job.queue });
      if (work) {
        let workerId: string | null = null;
        workerId = await boss.work<object>(job.name, job.work ?? {}, async (batch) => {
          // One after another; a job that fails is failed alone (retried by its queue's policy),
          // and pg-boss completes the others of the batch when this returns.
          for (const sent of batch) {
            try {
              await job.run(ctx, sent.data);
            } catch (error) {
              await boss.fail(job.name, sent.id, { message: (error as Error).message });
            }
          }
          // A full batch: more are likely waiting, so fetch again at once instead of sleeping out
          // the polling interval (which capped a backlog at batchSize jobs a second: issue 11).
          if (workerId && job.work && batch.length >= job.work.batchSize) boss.notifyWorker(workerId);
        });
      }
    }
  }
  // Senders last: a capability may ask for work at once (the first dashboard refresh).
  const disconnects: Array<() => void> = [];
  for (const job of jobs) {
    if (!isScheduled(job) && job.connect) {
      const send: JobSender<object> = (data, options) => boss.send(job.name, data, options?.within ? { db: on(options.within) } : {});
      // One multi-row INSERT (pg-boss `insert`, with the queue's policy and retries as `send` has them).
      send.many = async (list, options) => {
        await boss.insert(
          list.map((data) => ({ name: job.name, data })),
          options?.within ? { db: on(options.within) } : {},
        );
      };
      disconnects.push(await job.connect(send));
    }
  }
  boss.once('stopped', () => {
    for (const disconnect of disconnects) disconnect();
  });
  return {
    boss,
    // Let a running sweep finish (each case is its own transaction) before the pool closes.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}
