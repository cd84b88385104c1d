/**
 * The audit-log viewer: filters by actor, action (or family), record, region and time, pages, the
 * chain's status, and the export of what the filters match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { recordAudit } from '../audit/service.ts';

describe('audit viewer', () => {
  let t: TestApp;
  let admin: StaffClient;
  let national: StaffClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffClient(t, 'administrator', null);
    national = await staffClient(t, 'bawaslu_national', null);
    for (let i = 0; i < 12; i++) {
      await recordAudit(t.ctx.db, { actorId: admin.userId, action: 'viewer.test', entityType: 'election', entityId: `E-${i}`, data: { regionCode: i % 2 ? '35.10' : '16.07', i }, at: new Date(Date.UTC(2024, 8, 1 + i)) });
    }
  });
  afterAll(async () => t?.close());

  type Page = { total: number; items: Array<{ seq: number; action: string; entityId: string; regionCode: string | null; actorName: string | null; at: string }> };
  const list = async (client: StaffClient, query: string) => {
    const res = await client.get(`/api/v1/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('filters by action, region, time and actor, newest first, in pages', async () => {
    const all = await list(admin, 'action=viewer.test&limit=5');
    expect(all.total).toBe(12);
    expect(all.items).toHaveLength(5);
    expect(all.items[0].entityId).toBe('E-11');
    expect(all.items[0].actorName).toMatch(/Petugas Uji/);
    const second = await list(admin, 'action=viewer.test&limit=5&offset=5');
    expect(second.items[0].entityId).toBe('E-6');
    const inRegion = await list(admin, 'action=viewer.test&region=35&limit=50');
    expect(inRegion.total).toBe(6);
    expect(inRegion.items.every((i) => i.regionCode === '35.10')).toBe(true);
    const window = await list(admin, `action=viewer.test&from=${encodeURIComponent('2024-09-03T00:00:00+00:00')}&to=${encodeURIComponent('2024-09-05T00:00:00+00:00')}`);
    expect(window.items.map((i) => i.entityId).sort()).toEqual(['E-2', 'E-3']);
    const byActor = await list(admin, `actorId=${national.userId}&action=viewer.test`);
    expect(byActor.total).toBe(0);
    // A family of actions: everything the sign-ins of this test wrote.
    const auth = await list(national, 'action=auth.&limit=200');
    expect(auth.items.every((i) => i.action.startsWith('auth.'))).toBe(true);
    expect(auth.total).toBeGreaterThan(0);
    const record = await list(admin, 'entityType=election&entityId=E-4');
    expect(record.items.map((i) => i.entityId)).toEqual(['E-4']);
  });

  it('answers bad filters with field messages, and other roles with 403', async () => {
    const bad = await admin.get('/api/v1/audit?region=35.1x&from=kemarin&actorId=bukan-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['query.actorId', 'query.from', 'query.region']);
    const regency = await staffClient(t, 'bawaslu_regency', '35.10');
    expect((await regency.get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('shows the chain status and the vocabulary of the filters', async () => {
    const status = await admin.get('/api/v1/audit/verification');
    expect(status.json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(status.json().count).toBeGreaterThanOrEqual(12);
    const vocabulary = (await admin.get('/api/v1/audit/vocabulary')).json();
    expect(vocabulary.actions).toContain('viewer.test');
    expect(vocabulary.entityTypes).toContain('election');
  });

  it('exports what the filters match as CSV', async () => {
    const res = await national.post('/api/v1/exports', { source: 'audit-log', format: 'csv', filter: { action: 'viewer.test', region: '35.10' } });
    expect([200, 201, 202], res.body).toContain(res.statusCode);
    let job = res.json() as { id: string; status: string; downloadUrl: string | null };
    for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await national.get(`/api/v1/exports/${job.id}`)).json();
    }
    expect(job.status).toBe('done');
    const file = await national.get(job.downloadUrl!);
    const lines = file.body.trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 6);
    expect(lines[0]).toMatch(/Tindakan/);
    expect(lines.slice(1).every((l) => l.includes('viewer.test') && l.includes('35.10'))).toBe(true);
    // The regency office cannot export the log either.
    const regency = await staffClient(t, 'bawaslu_regency', '35.10');
    expect((await regency.post('/api/v1/exports', { source: 'audit-log', format: 'csv', filter: {} })).statusCode).toBe(403);
  });
});
