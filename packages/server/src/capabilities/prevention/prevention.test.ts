import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import type { Dashboard } from '../dashboards/service.ts';
import { createAgency, createAsn, createUnit, refreshDashboardsNow } from '../../testing/dashboards.ts';

let t: TestApp;
let bkpsdm: StaffClient;
let bawaslu: StaffClient;
const agencies: Record<string, number> = {};
const people: Record<string, Array<{ id: number; nip: string; name: string }>> = {};
const E = '/api/v1/prevention/pilkada-2024';

/** Banyuwangi: an education office (6 active, 1 inactive, a school unit of 2) and a health office of 3; Banyuasin: 2. */
beforeAll(async () => {
  t = await createTestApp();
  agencies.education = await createAgency(t, '35.10', 'Dinas Pendidikan (uji pencegahan)');
  agencies.health = await createAgency(t, '35.10', 'Dinas Kesehatan (uji pencegahan)');
  agencies.banyuasin = await createAgency(t, '16.07', 'Dinas Sosial Banyuasin (uji pencegahan)');
  const school = await createUnit(t, agencies.education, 'SD Negeri 2 Sukamaju (fiktif)');
  people.education = [];
  for (let i = 0; i < 6; i++) people.education.push(await createAsn(t, { agencyId: agencies.education, regionCode: '35.10', unitId: i < 2 ? school : null }));
  people.inactive = [await createAsn(t, { agencyId: agencies.education, regionCode: '35.10', active: false })];
  people.health = [];
  for (let i = 0; i < 3; i++) people.health.push(await createAsn(t, { agencyId: agencies.health, regionCode: '35.10', positionType: 'executor' }));
  people.banyuasin = [await createAsn(t, { agencyId: agencies.banyuasin, regionCode: '16.07' }), await createAsn(t, { agencyId: agencies.banyuasin, regionCode: '16.07' })];
  agencies.school = school;
  bkpsdm = await staffClient(t, 'bkpsdm_officer', '35.10');
  bawaslu = await staffClient(t, 'bawaslu_regency', '35.10');
});
afterAll(async () => t?.close());

/** A CSV uploaded as the browser's file input sends it. */
async function upload(client: StaffClient, url: string, csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'pakta.csv');
  const encoded = new Response(form);
  return client.request({ method: 'POST', url, payload: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type')! } });
}

describe('pledges (pakta integritas)', () => {
  it('records one signature by NIP, keeps the first one, refuses a future date and someone outside the scope', async () => {
    const [first] = people.education;
    const spaced = `${first.nip.slice(0, 8)} ${first.nip.slice(8, 14)} ${first.nip.slice(14, 15)} ${first.nip.slice(15)}`;
    const res = await bkpsdm.post(`${E}/pledges`, { nip: spaced, signedOn: '2024-09-17' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ status: 'recorded', nip: first.nip, signedOn: '2024-09-17' });
    const again = await bkpsdm.post(`${E}/pledges`, { nip: first.nip, signedOn: '2024-09-20' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'already_signed', signedOn: '2024-09-17' });
    expect((await bkpsdm.post(`${E}/pledges`, { nip: people.education[1].nip, signedOn: '2024-10-02' })).statusCode).toBe(422);
    expect((await bkpsdm.post(`${E}/pledges`, { nip: people.banyuasin[0].nip, signedOn: '2024-09-17' })).statusCode).toBe(404);
    expect((await bkpsdm.post(`${E}/pledges`, { nip: people.inactive[0].nip, signedOn: '2024-09-17' })).statusCode).toBe(422);
    expect((await bkpsdm.post(`${E}/pledges`, { nip: '123', signedOn: '2024-09-17' })).statusCode).toBe(400);
    expect((await bawaslu.post(`${E}/pledges`, { nip: first.nip, signedOn: '2024-09-17' })).statusCode).toBe(403);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'data']).where('action', '=', 'prevention.pledge_recorded').execute();
    expect(audit).toHaveLength(1);
  });

  it('records a whole unit, then a whole agency, on one day: only active staff, existing pledges kept', async () => {
    const unit = await bkpsdm.post(`${E}/pledges/agency`, { agencyId: agencies.education, unitId: agencies.school, signedOn: '2024-09-18' });
    expect(unit.statusCode, unit.body).toBe(200);
    // The school's two: the first already signed on the 17th.
    expect(unit.json()).toMatchObject({ staff: 2, recorded: 1, alreadySigned: 1 });
    const agency = await bkpsdm.post(`${E}/pledges/agency`, { agencyId: agencies.education, signedOn: '2024-09-19' });
    expect(agency.json()).toMatchObject({ staff: 6, recorded: 4, alreadySigned: 2 });
    expect((await bkpsdm.post(`${E}/pledges/agency`, { agencyId: agencies.banyuasin, signedOn: '2024-09-19' })).statusCode).toBe(404);
    const first = await t.ctx.db.selectFrom('pledges').select('signed_on').where('asn_id', '=', people.education[0].id).executeTakeFirstOrThrow();
    expect(first.signed_on).toBe('2024-09-17');
  });

  it('imports a CSV of NIP and date, reporting every line it cannot use with its reason', async () => {
    const [h1, h2, h3] = people.health;
    const csv = [
      'nip;tanggal',
      `${h1.nip};17/09/2024`,
      `${h2.nip};2024-09-18`,
      `${h1.nip};2024-09-19`,
      '12345;2024-09-18',
      `${people.banyuasin[0].nip};2024-09-18`,
      `${people.inactive[0].nip};2024-09-18`,
      `${h3.nip};31/02/2024`,
      `${h3.nip.slice(0, 17)}9;2024-09-18`,
      `${people.education[0].nip};2024-09-18`,
    ].join('\n');
    const res = await upload(bkpsdm, `${E}/pledges/import`, csv);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ lines: 9, recorded: 2, alreadyRecorded: 1, rejectedTotal: 6 });
    expect(result.rejected.map((r: { line: number; reason: string }) => [r.line, r.reason])).toEqual([
      [4, 'duplicate'],
      [5, 'invalid_nip'],
      [6, 'not_in_register'],
      [7, 'inactive'],
      [8, 'invalid_date'],
      [9, 'not_in_register'],
    ]);
    expect(result.rejected[0].message).toContain('baris 2');
    const signed = await t.ctx.db.selectFrom('pledges').select(['asn_id', 'signed_on', 'method']).where('asn_id', 'in', [h1.id, h2.id]).orderBy('asn_id').execute();
    expect(signed.map((p) => [p.signed_on, p.method])).toEqual([
      ['2024-09-17', 'import'],
      ['2024-09-18', 'import'],
    ]);
  });

  it('lists who has not signed, in scope, with pages', async () => {
    const res = await bkpsdm.get(`${E}/unsigned?limit=1`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { total: number; nextOffset: number | null; items: Array<{ nip: string }> };
    // Only the third health officer is left (the inactive one does not count, Banyuasin is outside).
    expect(body.total).toBe(1);
    expect(body.items.map((i) => i.nip)).toEqual([people.health[2].nip]);
    expect(body.nextOffset).toBeNull();
    const national = await staffClient(t, 'bawaslu_national', null);
    const all = (await national.get(`${E}/unsigned?limit=50`)).json() as { total: number };
    expect(all.total).toBe(3);
    expect((await (await staffClient(t, 'analyst', null)).get(`${E}/unsigned`)).statusCode).toBe(403);
    expect((await bkpsdm.get(`${E}/unsigned?region=16.07`)).statusCode).toBe(404);
  });

  it('removes a pledge recorded by mistake, with an audit entry', async () => {
    const res = await bkpsdm.request({ method: 'DELETE', url: `${E}/pledges/${people.health[1].nip}` });
    expect(res.statusCode, res.body).toBe(200);
    expect((await bkpsdm.request({ method: 'DELETE', url: `${E}/pledges/${people.health[1].nip}` })).statusCode).toBe(404);
    await bkpsdm.post(`${E}/pledges`, { nip: people.health[1].nip, signedOn: '2024-09-18' });
  });
});

describe('socialisation events', () => {
  let eventId: string;

  it('records an apel siaga in the scope, refusing a region outside it', async () => {
    const body = { regionCode: '35.10', kind: 'apel_siaga', title: 'Apel Siaga Netralitas ASN', heldOn: '2024-09-16', place: 'Halaman Kantor Bupati (fiktif)', organiser: 'BKPSDM Banyuwangi' };
    const res = await bawaslu.post(`${E}/events`, body);
    expect(res.statusCode, res.body).toBe(201);
    eventId = res.json().id;
    const outside = await bawaslu.post(`${E}/events`, { ...body, regionCode: '16.07' });
    expect(outside.statusCode).toBe(403);
    expect((await bawaslu.post(`${E}/events`, { ...body, kind: 'pesta' })).statusCode).toBe(400);
  });

  it('takes attendance from the register by agency, and from a CSV of NIPs', async () => {
    const byAgency = await bkpsdm.post(`/api/v1/prevention/events/${eventId}/attendance`, { agencyId: agencies.health });
    expect(byAgency.statusCode, byAgency.body).toBe(200);
    expect(byAgency.json()).toEqual({ staff: 3, added: 3, alreadyPresent: 0 });
    const csv = [people.education[0].nip, people.education[1].nip, people.health[0].nip, people.banyuasin[1].nip].join('\n');
    const res = await upload(bkpsdm, `/api/v1/prevention/events/${eventId}/attendance/import`, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ lines: 4, recorded: 2, alreadyRecorded: 1, rejectedTotal: 1 });
    const detail = await bawaslu.get(`/api/v1/prevention/events/${eventId}?limit=10`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().attendees.total).toBe(5);
    const list = (await bawaslu.get(`${E}/events`)).json() as { items: Array<{ attendance: number; kindLabel: string }> };
    expect(list.items[0]).toMatchObject({ attendance: 5, kindLabel: 'Apel siaga netralitas' });
    expect((await (await staffClient(t, 'bawaslu_regency', '16.07')).get(`/api/v1/prevention/events/${eventId}`)).statusCode).toBe(404);
  });

  it('shows pledge and socialisation coverage per agency and on the dashboard', async () => {
    await refreshDashboardsNow(t.ctx.db);
    const coverage = await bkpsdm.get(`${E}/coverage`);
    expect(coverage.statusCode, coverage.body).toBe(200);
    const body = coverage.json();
    // 9 active in Banyuwangi: 8 signed, 5 reached.
    expect(body.totals).toMatchObject({ asnTotal: 9, pledged: 8, reached: 5, events: 1 });
    expect(body.totals.pledgeCoverage).toBeCloseTo(8 / 9);
    const health = body.items.find((a: { agencyId: number }) => a.agencyId === agencies.health);
    expect(health).toMatchObject({ asnTotal: 3, pledged: 2, reached: 3, reachCoverage: 1 });
    // Lowest pledge coverage first.
    expect(body.items[0].agencyId).toBe(agencies.health);
    const dashboard = (await bkpsdm.get('/api/v1/dashboards/pilkada-2024')).json() as Dashboard;
    expect(dashboard.prevention).toMatchObject({ asnTotal: 9, pledged: 8, reached: 5, events: 1 });
    const national = (await (await staffClient(t, 'analyst', null)).get('/api/v1/dashboards/pilkada-2024')).json() as Dashboard;
    expect(national.children.find((c) => c.code === '35')).toMatchObject({ asnTotal: 9, pledged: 8, reached: 5, events: 1 });
    expect(national.children.find((c) => c.code === '16')).toMatchObject({ asnTotal: 2, pledged: 0 });
  });
});
