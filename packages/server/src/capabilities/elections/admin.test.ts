/**
 * Elections created and ruled from the console (issue 14): an election with its stages, regions
 * imported from CSV (rejected rows returned), and a rulebook whose change applies to new clocks
 * only — a case opened before the change keeps the version its clocks started with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalReport, submitReport } from '../../testing/reports.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { multipartBody } from '../../testing/reports.ts';

const ID = 'pilkada-2029-uji';
let t: TestApp;
let admin: StaffClient;
let officer: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2029-10-02T03:00:00Z');
  admin = await staffClient(t, 'administrator', null);
  officer = await staffClient(t, 'bawaslu_regency', '35.10');
});
afterAll(async () => t.close());

const STAGES = [
  { code: 'registration', nameId: 'Pendaftaran pasangan calon', nameEn: 'Candidate registration', start: '2029-08-27', end: '2029-08-29', critical: true, basis: 'PKPU uji 1/2029' },
  { code: 'determination', nameId: 'Penetapan pasangan calon', nameEn: 'Determination of candidates', start: '2029-09-22', end: '2029-09-22', critical: false, basis: 'PKPU uji 1/2029' },
  { code: 'campaign', nameId: 'Masa kampanye', nameEn: 'Campaign', start: '2029-09-25', end: '2029-11-24', critical: true, basis: 'PKPU uji 1/2029' },
  { code: 'voting', nameId: 'Pemungutan suara', nameEn: 'Voting', start: '2029-11-28', end: '2029-11-28', critical: true, basis: 'PKPU uji 1/2029' },
];

async function importRegions(client: StaffClient, csv: string) {
  const body = await multipartBody({}, [{ name: 'wilayah.csv', data: Buffer.from(csv), type: 'text/csv' }]);
  return client.request({ method: 'POST', url: `/api/v1/elections/${ID}/regions/import`, payload: body.payload, headers: body.headers });
}

async function fileReport(knownOn: string) {
  const res = await submitReport(t, fictionalReport({ electionId: ID, occurredOn: knownOn, knownOn }));
  expect(res.statusCode, res.body).toBe(201);
  const { caseNumber } = res.json() as { caseNumber: string };
  return t.ctx.db.selectFrom('cases').selectAll().where('number', '=', caseNumber).executeTakeFirstOrThrow();
}

describe('an election created in the console', () => {
  it('is created by an administrator only, with a valid identifier, once', async () => {
    const body = { id: ID, kind: 'pilkada', nameId: 'Pilkada Uji 2029', nameEn: 'Test Regional Elections 2029', votingDay: '2029-11-28', basis: 'PKPU uji 1/2029' };
    expect((await officer.post('/api/v1/elections', body)).statusCode).toBe(403);
    const bad = await admin.post('/api/v1/elections', { ...body, id: 'Pilkada 2029!', votingDay: '2029-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.id', 'body.votingDay']);
    const created = await admin.post('/api/v1/elections', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: ID, scope: 'regional', rulebookVersion: 1, regionCount: 0, stages: [{ code: 'voting', start: '2029-11-28' }] });
    expect(created.json().rulebook.sanctionMatrix.acts).toHaveLength(12);
    expect((await admin.post('/api/v1/elections', body)).statusCode).toBe(409);
  });

  it('takes its stages, refusing a stage that ends before it starts (field by field)', async () => {
    const wrong = await admin.request({ method: 'PUT', url: `/api/v1/elections/${ID}/stages?lang=en`, payload: { stages: [{ ...STAGES[2], end: '2029-09-01' }, STAGES[3]] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([{ field: 'body.stages.0.end', message: 'The stage ends before it starts.' }]);
    const res = await admin.request({ method: 'PUT', url: `/api/v1/elections/${ID}/stages`, payload: { stages: STAGES } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stages.map((s: { code: string }) => s.code)).toEqual(['registration', 'determination', 'campaign', 'voting']);
  });

  it('imports its regions from CSV and returns every rejected row with its reason', async () => {
    const res = await importRegions(admin, 'kode_wilayah\n35.10\n35.1\n35.10.01\n99.99\n35.10\n\n12.71\n');
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary).toMatchObject({ inserted: 2, unchanged: 1, rejected: 3 });
    expect(summary.rows.filter((r: { status: string }) => r.status === 'rejected').map((r: { line: number; reasons: Array<{ code: string }> }) => [r.line, r.reasons[0]!.code])).toEqual([
      [3, 'malformed_code'],
      [4, 'not_an_election_level'],
      [5, 'unknown_region'],
    ]);
    const calendar = await t.app.inject(`/api/v1/elections/${ID}/calendar?region=35.10&date=2029-10-01`);
    expect(calendar.json()).toMatchObject({ participates: true, stage: { code: 'campaign' }, critical: true });
    const header = await importRegions(admin, 'nama\nBanyuwangi\n');
    expect(header.statusCode).toBe(422);
    expect((await importRegions(officer, 'kode_wilayah\n35.10\n')).statusCode).toBe(403);
  });
});

describe('a rulebook change applies to new clocks only', () => {
  it('a case opened before keeps version 1; one opened after runs under version 2', async () => {
    t.setNow('2029-10-02T03:00:00Z');
    const before = await fileReport('2029-10-01');
    expect(before.rulebook_version).toBe(1);
    // Pilkada review: 3 calendar days (UU 1/2015 ps. 134 ayat (5) jo. UU 10/2016).
    expect(before.next_deadline_due).toBe('2029-10-05');

    const current = (await admin.get(`/api/v1/elections/${ID}`)).json().rulebook;
    const rulebook = { ...current, review: { ...current.review, days: 5, basis: 'Perubahan uji: 5 hari kalender (PKPU uji 2/2029)' } };

    const invalid = await admin.post(`/api/v1/elections/${ID}/rulebook?lang=en`, {
      rulebook: { ...rulebook, recommendationRecipients: [...rulebook.recommendationRecipients, { recipient: 'BKN', from: '2030-01-01', to: null, basis: 'UU 20/2023' }] },
      reason: 'Uji periode penerima yang tumpang tindih',
      regulation: 'PKPU uji 2/2029',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields[0]).toEqual({ field: 'body.rulebook.recommendationRecipients.2.from', message: 'This recipient period overlaps another.' });
    const unchanged = await admin.post(`/api/v1/elections/${ID}/rulebook`, { rulebook: current, reason: 'Tidak ada yang berubah sama sekali', regulation: 'PKPU uji 2/2029' });
    expect(unchanged.statusCode).toBe(400);
    expect((await officer.post(`/api/v1/elections/${ID}/rulebook`, { rulebook, reason: 'Bukan administrator mencoba', regulation: 'x y z' })).statusCode).toBe(403);

    const changed = await admin.post(`/api/v1/elections/${ID}/rulebook`, { rulebook, reason: 'Masa kajian diperpanjang oleh peraturan baru', regulation: 'PKPU uji 2/2029' });
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json()).toMatchObject({ version: 2, current: true, changed: ['review'], regulation: 'PKPU uji 2/2029', changedBy: { id: admin.userId } });

    const after = await fileReport('2029-10-01');
    expect(after.rulebook_version).toBe(2);
    expect(after.next_deadline_due).toBe('2029-10-07');

    // The running case still counts 3 days, and its page says which version its clocks use.
    const detail = (await officer.get(`/api/v1/cases/${before.id}`)).json();
    expect(detail.rulebook).toMatchObject({ version: 1, currentVersion: 2 });
    expect(detail.deadlines.find((d: { code: string }) => d.code === 'review')).toMatchObject({ due: '2029-10-05' });
    const detailAfter = (await officer.get(`/api/v1/cases/${after.id}`)).json();
    expect(detailAfter.rulebook).toMatchObject({ version: 2, currentVersion: 2 });
    expect(detailAfter.deadlines.find((d: { code: string }) => d.code === 'review')).toMatchObject({ due: '2029-10-07' });

    const history = (await admin.get(`/api/v1/elections/${ID}/rulebook/versions`)).json();
    expect(history).toMatchObject({ total: 2, currentVersion: 2 });
    expect(history.items.map((v: { version: number; cases: number; current: boolean }) => [v.version, v.cases, v.current])).toEqual([
      [2, 1, true],
      [1, 1, false],
    ]);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'data']).where('entity_type', '=', 'election').where('entity_id', '=', ID).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['election.created', 'election.stages_replaced', 'election.regions_imported', 'election.rulebook_changed']);
    expect(audit.at(-1)!.data).toMatchObject({ from: 1, to: 2, changed: ['review'], regulation: 'PKPU uji 2/2029' });
  });
});

// Issue 11, sixth pass: the intake keeps an election's placement (stages, participation, rulebook)
// for a few seconds per server; the administration's writes drop it on this server at once.
describe("the administration's changes reach the next filing on this server at once", () => {
  it('a stage added and a region removed and imported again apply to the very next report', async () => {
    t.setNow('2029-10-02T03:00:00Z');
    const file = () => submitReport(t, fictionalReport({ electionId: ID, occurredOn: '2029-08-01', knownOn: '2029-10-01' }));
    const outside = await file();
    expect(outside.statusCode, outside.body).toBe(201);
    expect(outside.json().outsideStages).toContain('di luar tahapan');

    const withStage = [{ code: 'registration_announcement', nameId: 'Pengumuman pendaftaran uji', nameEn: 'Test registration announcement', start: '2029-07-15', end: '2029-08-20', critical: false, basis: 'PKPU uji 3/2029' }, ...STAGES];
    const stages = await admin.request({ method: 'PUT', url: `/api/v1/elections/${ID}/stages`, payload: { stages: withStage } });
    expect(stages.statusCode, stages.body).toBe(200);
    const within = await file();
    expect(within.statusCode, within.body).toBe(201);
    expect(within.json().outsideStages ?? null).toBeNull();

    expect((await admin.request({ method: 'DELETE', url: `/api/v1/elections/${ID}/regions/35.10` })).statusCode).toBe(200);
    const refused = await file();
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['body.regionCode']);

    expect((await importRegions(admin, 'kode_wilayah\n35.10\n')).statusCode).toBe(200);
    const again = await file();
    expect(again.statusCode, again.body).toBe(201);
  });
});
