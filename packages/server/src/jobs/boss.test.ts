import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-database.ts';
import { queuedJob } from '../job.ts';
import { JOB_SCHEMA, SCHEDULES, startJobs } from './boss.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('pg-boss', () => {
  it('installs in its own schema, registers every scheduled job of the registry, and stops cleanly', async () => {
    const jobs = await startJobs(t.ctx, t.database.pool);
    try {
      const schedules = await jobs.boss.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron, s.options?.tz ?? (s as { timezone?: string }).timezone]).sort()).toEqual(
        SCHEDULES.map((s) => [s.name, s.cron, s.tz ?? 'UTC']).sort(),
      );
      const schema = await t.database.pool.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [JOB_SCHEMA]);
      expect(schema.rowCount).toBe(1);
      // A sweep sent by hand is picked up by the worker and completes.
      const id = await jobs.boss.send(SCHEDULES[0].name, {});
      expect(id).toBeTruthy();
      let state: string | undefined;
      for (let i = 0; i < 100 && state !== 'completed'; i++) {
        state = (await jobs.boss.getJobById(SCHEDULES[0].name, id!))?.state;
        if (state !== 'completed') await new Promise((r) => setTimeout(r, 100));
      }
      expect(state).toBe('completed');
    } finally {
      await jobs.stop();
    }
    // The application's pool is still usable after pg-boss stopped.
    expect((await t.database.pool.query('SELECT 1 AS ok')).rows[0].ok).toBe(1);
  });

  it('works every job of a fetched batch, one after another, and fails only the one that threw', async () => {
    const ran: number[] = [];
    const queue = queuedJob<{ n: number }>({
      name: 'test-batch',
      queue: { policy: 'standard', retryLimit: 0 },
      work: { batchSize: 10, pollingIntervalSeconds: 0.5 },
      run: async (_ctx, { n }) => {
        if (n === 3) throw new Error('job 3 fails on purpose');
        ran.push(n);
      },
    });
    // Queued before the worker starts, so its first fetch takes all six.
    const sender = await startJobs(t.ctx, t.database.pool, { jobs: [queue], work: false });
    const ids = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => sender.boss.send('test-batch', { n })));
    await sender.stop();
    const jobs = await startJobs(t.ctx, t.database.pool, { jobs: [queue] });
    try {
      const states = async () => Promise.all(ids.map(async (id) => (await jobs.boss.getJobById('test-batch', id!))?.state));
      let seen = await states();
      for (let i = 0; i < 100 && seen.some((s) => s === 'created' || s === 'active'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        seen = await states();
      }
      expect(seen).toEqual(['completed', 'completed', 'failed', 'completed', 'completed', 'completed']);
      expect(ran.sort()).toEqual([1, 2, 4, 5, 6]);
    } finally {
      await jobs.stop();
    }
  });
});
