import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../../jobs/boss.ts';
import { createCase } from '../../testing/cases.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { csvRows, exportOf, xlsxRows, type ExportJobView } from '../../testing/exports.ts';
import type { Dashboard } from '../dashboards/service.ts';
import { createAgency, createAsn, refreshDashboardsNow } from '../../testing/dashboards.ts';

let t: TestApp;
let officer: StaffClient;
const agencies: Record<string, number> = {};
const people: Record<string, Array<{ id: number; nip: string; name: string }>> = { education: [], health: [], banyuasin: [] };

type Job = ExportJobView;

beforeAll(async () => {
  t = await createTestApp();
  agencies.education = await createAgency(t, '35.10', 'Dinas Pendidikan (uji ekspor)');
  agencies.health = await createAgency(t, '35.10', 'Dinas Kesehatan (uji ekspor)');
  agencies.banyuasin = await createAgency(t, '16.07', 'Dinas Sosial Banyuasin (uji ekspor)');
  for (let i = 0; i < 5; i++) people.education.push(await createAsn(t, { agencyId: agencies.education, regionCode: '35.10', name: `=Guru Fiktif ${i}` }));
  for (let i = 0; i < 3; i++) people.health.push(await createAsn(t, { agencyId: agencies.health, regionCode: '35.10', name: `Perawat Fiktif ${i}` }));
  for (let i = 0; i < 2; i++) people.banyuasin.push(await createAsn(t, { agencyId: agencies.banyuasin, regionCode: '16.07', name: `Pekerja Sosial Fiktif ${i}` }));
  await createCase(t, { regionCode: '35.10', agencyId: agencies.education, asnId: people.education[0].id, state: 'recommended_to_ppk', receivedOn: '2024-09-28', actCodes: ['A02'] });
  await createCase(t, { regionCode: '35.76', state: 'under_review', receivedOn: '2024-10-01' });
  await createCase(t, { regionCode: '16.07', agencyId: agencies.banyuasin, state: 'received', receivedOn: '2024-10-01' });
  officer = await staffClient(t, 'bkpsdm_officer', '35.10');
  await officer.post('/api/v1/prevention/pilkada-2024/pledges', { nip: people.education[1].nip, signedOn: '2024-09-17' });
  await refreshDashboardsNow(t.ctx.db);
});
afterAll(async () => t?.close());
afterEach(() => {
  delete process.env.NETRA_EXPORT_SYNC_ROWS;
});

async function waitFor(client: StaffClient, id: string): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const job = (await client.get(`/api/v1/exports/${id}`)).json() as Job;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`export ${id} did not finish`);
}

describe('exports of lists', () => {
  it('writes exactly the filtered, in-scope rows of the non-signer list to XLSX, with a cover sheet', async () => {
    const { status, job, body } = await exportOf(officer, 'pledges-unsigned', 'xlsx', { electionId: 'pilkada-2024', agencyId: agencies.education });
    expect(status, body).toBe(200);
    expect(job).toMatchObject({ status: 'done', rowsTotal: 4, rowsWritten: 4 });
    const { rows, about } = await xlsxRows(officer, job);
    expect(rows[0]).toEqual(['NIP', 'Nama', 'Jenis ASN', 'Jabatan', 'Instansi', 'Unit kerja', 'Kode wilayah', 'Wilayah']);
    const expected = people.education.filter((_, i) => i !== 1);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(expected.map((p) => p.nip).sort());
    // A name that starts like a formula is a text cell, never a formula.
    expect(rows.slice(1).every((r) => typeof r[1] === 'string' && r[1].startsWith('=Guru Fiktif'))).toBe(true);
    expect(about.get('Jumlah baris')).toBe('4');
    // The filter as a person reads it, not JSON.
    expect(about.get('Filter')).toBe(`Pemilihan: pilkada-2024; Instansi (id): ${agencies.education}`);
    expect(about.get('Dibuat')).toMatch(/^\d{1,2} \w+ \d{4} pukul \d{2}\.\d{2}\.\d{2} WIB$/);
  });

  it('writes the whole scope to CSV when unfiltered, never a row from another region', async () => {
    const { job } = await exportOf(officer, 'pledges-unsigned', 'csv', { electionId: 'pilkada-2024' });
    const rows = await csvRows(officer, job);
    expect(rows[0][0]).toBe('NIP');
    const nips = rows.slice(1).map((r) => r[0]);
    expect(nips.sort()).toEqual([...people.education.filter((_, i) => i !== 1), ...people.health].map((p) => p.nip).sort());
    for (const p of people.banyuasin) expect(nips).not.toContain(p.nip);
    // In CSV such a name is defused with an apostrophe.
    expect(rows.find((r) => r[0] === people.education[0].nip)![1]).toBe("'=Guru Fiktif 0");
  });

  it('answers 404 for a region outside the scope, 403 for a role that may not see names, 400 for a bad filter', async () => {
    expect((await exportOf(officer, 'pledges-unsigned', 'csv', { electionId: 'pilkada-2024', region: '16.07' })).status).toBe(404);
    const analyst = await staffClient(t, 'analyst', null);
    expect((await exportOf(analyst, 'pledges-unsigned', 'csv', { electionId: 'pilkada-2024' })).status).toBe(403);
    expect((await exportOf(officer, 'pledges-unsigned', 'csv', { electionId: 'pilkada-2024', region: 'Jawa' })).status).toBe(400);
    expect((await exportOf(officer, 'no-such-list', 'csv', {})).status).toBe(404);
  });

  it("audits every export with its source, filter and row count, and keeps one person's files from another", async () => {
    const { job } = await exportOf(officer, 'pledges', 'csv', { electionId: 'pilkada-2024' });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_id', 'action', 'data']).where('entity_id', '=', job.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: officer.userId, action: 'export.created', data: { source: 'pledges', format: 'csv', rows: 1, filter: { electionId: 'pilkada-2024' } } });
    const other = await staffClient(t, 'bkpsdm_officer', '35.10');
    expect((await other.get(`/api/v1/exports/${job.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/exports/${job.id}/file`)).statusCode).toBe(404);
    const mine = (await officer.get('/api/v1/exports')).json() as { items: Job[] };
    expect(mine.items.map((j) => j.id)).toContain(job.id);
  });
});

describe('exports of dashboard tables', () => {
  it('match the dashboard the person sees, in their scope', async () => {
    const province = await staffClient(t, 'bawaslu_province', '35');
    const dashboard = (await province.get('/api/v1/dashboards/pilkada-2024')).json() as Dashboard;
    const { job } = await exportOf(province, 'dashboard', 'xlsx', { electionId: 'pilkada-2024', table: 'regions' });
    const { rows, about } = await xlsxRows(province, job);
    expect(rows).toHaveLength(dashboard.children.length + 1);
    const byCode = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const child of dashboard.children) expect(byCode.get(child.code)!.slice(2, 6)).toEqual([child.reports, child.cases, child.proven, child.sanctioned]);
    expect([...byCode.keys()].every((code) => String(code).startsWith('35'))).toBe(true);
    expect(about.get('Data per')).toBe(dashboard.dataAsOf);

    const states = await exportOf(province, 'dashboard', 'csv', { electionId: 'pilkada-2024', table: 'state' });
    const csv = await csvRows(province, states.job);
    expect(Object.fromEntries(csv.slice(1).map((r) => [r[0], Number(r[2])]))).toEqual(Object.fromEntries(dashboard.byState.map((s) => [s.key, s.cases])));
    expect((await exportOf(province, 'dashboard', 'csv', { electionId: 'pilkada-2024', table: 'regions', region: '64' })).status).toBe(404);
  });
});

describe('large exports', () => {
  it('run in the background with progress when no job runner is up, then download', async () => {
    process.env.NETRA_EXPORT_SYNC_ROWS = '2';
    const national = await staffClient(t, 'bawaslu_national', null);
    const { status, job } = await exportOf(national, 'pledges-unsigned', 'csv', { electionId: 'pilkada-2024' });
    expect(status).toBe(202);
    expect(job.rowsTotal).toBe(9);
    const done = await waitFor(national, job.id);
    expect(done).toMatchObject({ status: 'done', rowsWritten: 9, rowsTotal: 9 });
    expect(await csvRows(national, done)).toHaveLength(10);
  });

  it('run as a pg-boss job when the job runner is up', async () => {
    process.env.NETRA_EXPORT_SYNC_ROWS = '2';
    const jobs = await startJobs(t.ctx, t.database.pool);
    try {
      const { status, job } = await exportOf(officer, 'pledges-unsigned', 'xlsx', { electionId: 'pilkada-2024' });
      expect(status).toBe(202);
      const done = await waitFor(officer, job.id);
      expect(done.status).toBe('done');
      const { rows } = await xlsxRows(officer, done);
      expect(rows).toHaveLength(8);
      const queued = await t.database.pool.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'export-run' AND data->>'jobId' = $1`, [job.id]);
      expect(queued.rows[0].n).toBe(1);
    } finally {
      await jobs.stop();
    }
  });

  it('delete their files after a day', async () => {
    const { job } = await exportOf(officer, 'events', 'csv', { electionId: 'pilkada-2024' });
    await t.ctx.db.updateTable('export_jobs').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', job.id).execute();
    const { purgeExpiredExports } = await import('./service.ts');
    expect(await purgeExpiredExports(t.ctx)).toBeGreaterThanOrEqual(1);
    expect((await officer.get(`/api/v1/exports/${job.id}/file`)).statusCode).toBe(404);
  });
});
