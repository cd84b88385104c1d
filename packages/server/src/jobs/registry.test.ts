/**
 * Every capability's background work is in the one list the job runner starts from: a
 * `capabilities/<name>/jobs.ts` whose jobs are missing from jobs/registry.ts fails here, and the
 * candidates' daily obligations sweep (once defined but never scheduled) runs from pg-boss.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATE_OBLIGATIONS_SWEEP } from '../capabilities/candidates/jobs.ts';
import { staffClient } from '../testing/staff.ts';
import { csvOf, generatedRows, importThroughConsole, seedTestAgencies } from '../testing/register.ts';
import { createTestApp, type TestApp } from '../testing/test-database.ts';
import { SCHEDULES, startJobs } from './boss.ts';
import { isScheduled } from '../job.ts';
import { JOBS, JOBS_BY_CAPABILITY } from './registry.ts';

const capabilitiesDir = fileURLToPath(new URL('../capabilities/', import.meta.url));
const jobFiles = fs
  .readdirSync(capabilitiesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(capabilitiesDir, entry.name, 'jobs.ts')))
  .map((entry) => entry.name);

/** Anything a module exports that looks like a job: an object with a name and a `run` function. */
const looksLikeJob = (value: unknown): value is { name: string } =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' && typeof (value as { run?: unknown }).run === 'function';

describe('job registry', () => {
  it('finds the capabilities that have background work', () => {
    expect(jobFiles).toEqual(expect.arrayContaining(['candidates', 'cases', 'dashboards']));
  });

  it.each(jobFiles)('lists every job of capabilities/%s/jobs.ts', async (capability) => {
    const module = (await import(pathToFileURL(path.join(capabilitiesDir, capability, 'jobs.ts')).href)) as Record<string, unknown>;
    expect(Array.isArray(module.jobs), `capabilities/${capability}/jobs.ts must export its jobs as \`jobs\``).toBe(true);
    const exported = Object.values(module).flatMap((value) => (Array.isArray(value) ? value : [value])).filter(looksLikeJob);
    const missing = exported.filter((job) => !JOBS.includes(job as (typeof JOBS)[number])).map((job) => job.name);
    expect(missing, `jobs of capabilities/${capability}/jobs.ts that jobs/registry.ts does not list`).toEqual([]);
    expect(JOBS_BY_CAPABILITY[capability]).toBe(module.jobs);
  });

  it('gives every job its own queue name', () => {
    const names = JOBS.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('schedules the candidates daily obligations sweep', () => {
    const sweep = JOBS.find((job) => job.name === CANDIDATE_OBLIGATIONS_SWEEP);
    expect(sweep && isScheduled(sweep) ? [sweep.cron, sweep.tz] : null).toEqual(['10 0 * * *', 'Asia/Jakarta']);
    expect(SCHEDULES).toContain(sweep);
  });
});

describe('the candidates obligations sweep on the job runner', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedTestAgencies(t.ctx.db);
  });
  afterAll(async () => t?.close());

  it('notifies Bawaslu of an ASN candidate who has not resigned, when pg-boss runs the queue', async () => {
    t.setNow('2024-08-20T03:00:00Z');
    const [candidate] = generatedRows(1, '35.10', 700);
    const bkpsdm = await staffClient(t, 'bkpsdm_officer', '35.10');
    await importThroughConsole(bkpsdm, 'register.csv', csvOf([candidate]));
    const created = await bkpsdm.post('/api/v1/candidates', {
      electionId: 'pilkada-2024',
      regionCode: '35.10',
      ballotNumber: 1,
      head: { name: 'Calon Fiktif' },
      deputy: { name: candidate.nama, asnNip: candidate.nip },
      independent: true,
      parties: [],
      incumbent: null,
      slogans: [],
      hashtags: [],
    });
    expect(created.statusCode).toBe(201);
    const alerts = () => t.ctx.db.selectFrom('notifications').select('id').where('kind', '=', 'candidate_obligation').execute();
    expect(await alerts()).toEqual([]);

    // After the resignation and dismissal deadlines, with nobody opening the candidates page.
    t.setNow('2024-10-01T03:00:00Z');
    const jobs = await startJobs(t.ctx, t.database.pool);
    try {
      const id = await jobs.boss.send(CANDIDATE_OBLIGATIONS_SWEEP, {});
      let state: string | undefined;
      for (let i = 0; i < 150 && state !== 'completed' && state !== 'failed'; i++) {
        state = (await jobs.boss.getJobById(CANDIDATE_OBLIGATIONS_SWEEP, id!))?.state;
        if (state !== 'completed') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(state).toBe('completed');
    } finally {
      await jobs.stop();
    }
    const stored = await t.ctx.db.selectFrom('notifications').select(['role', 'region_code']).where('kind', '=', 'candidate_obligation').execute();
    expect(stored.filter((n) => n.role === 'bawaslu_regency' && n.region_code === '35.10').length).toBeGreaterThan(0);
  });
});
