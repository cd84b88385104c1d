import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-database.ts';
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
});
