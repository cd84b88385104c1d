import { PILKADA_2024, stageOn, type CaseState } from '@netra/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, travelTo } from '../../testing/cases.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { dashboardsRefreshedAt, refreshDashboards, REFRESH_LOCK_KEY } from '../figures/refresh.ts';
import type { Dashboard } from './service.ts';
import { addReport, createAgency, createAsn, refreshDashboardsNow } from '../../testing/dashboards.ts';

let t: TestApp;
let national: StaffClient;
const ids: Record<string, number> = {};

/**
 * A seeded election: seven cases in four provinces at every stage of the process, one with two
 * reports. Expected figures are computed below straight from the base tables (and core's own
 * calendar), never from the aggregates under test.
 */
beforeAll(async () => {
  t = await createTestApp();
  ids.education = await createAgency(t, '35.10', 'Dinas Pendidikan Kabupaten Banyuwangi (uji)');
  ids.health = await createAgency(t, '35.10', 'Dinas Kesehatan Kabupaten Banyuwangi (uji)');
  ids.mojokerto = await createAgency(t, '35.76', 'Pemerintah Kota Mojokerto (uji)');
  ids.kaltim = await createAgency(t, '64', 'Badan Kepegawaian Daerah Kalimantan Timur (uji)');
  ids.banyuasin = await createAgency(t, '16.07', 'Dinas Sosial Kabupaten Banyuasin (uji)');
  const teacher1 = await createAsn(t, { agencyId: ids.education, regionCode: '35.10', positionType: 'functional' });
  const teacher2 = await createAsn(t, { agencyId: ids.education, regionCode: '35.10', positionType: 'functional' });
  const clerk = await createAsn(t, { agencyId: ids.health, regionCode: '35.10', positionType: 'executor' });
  const camat = await createAsn(t, { agencyId: ids.mojokerto, regionCode: '35.76', positionType: 'camat_lurah' });
  const head = await createAsn(t, { agencyId: ids.kaltim, regionCode: '64', positionType: 'jpt' });
  const social = await createAsn(t, { agencyId: ids.banyuasin, regionCode: '16.07', positionType: 'supervisor' });
  const seeded: Array<{ region: string; agency: number | null; asn: number | null; state: CaseState; on: string; acts: string[] }> = [
    { region: '35.10', agency: ids.education, asn: teacher1.id, state: 'sanction_decided', on: '2024-09-28', acts: ['A02', 'A07'] },
    { region: '35.10', agency: ids.education, asn: teacher2.id, state: 'recommended_to_ppk', on: '2024-08-28', acts: ['A06'] },
    { region: '35.10', agency: ids.health, asn: clerk.id, state: 'under_review', on: '2024-11-27', acts: [] },
    { region: '35.76', agency: ids.mojokerto, asn: camat.id, state: 'classified_not_violation', on: '2024-10-05', acts: ['A04'] },
    { region: '64', agency: ids.kaltim, asn: head.id, state: 'forwarded_to_bkn', on: '2024-09-24', acts: ['A11'] },
    { region: '16.07', agency: ids.banyuasin, asn: social.id, state: 'received', on: '2024-12-20', acts: [] },
    { region: '35.10', agency: null, asn: null, state: 'closed', on: '2024-10-02', acts: ['A01'] },
  ];
  for (const s of seeded) {
    const c = await createCase(t, { regionCode: s.region, agencyId: s.agency, asnId: s.asn, state: s.state, receivedOn: s.on, actCodes: s.acts });
    if (s.state === 'sanction_decided') await addReport(t, c, { receivedOn: '2024-09-30', source: 'public' });
  }
  national = await staffClient(t, 'bawaslu_national', null);
  await refreshDashboardsNow(t.ctx.db);
});
afterAll(async () => t?.close());

async function get(client: StaffClient, url: string): Promise<Dashboard> {
  const res = await client.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
}

/** The figures straight from the base tables, for the cases a region prefix selects. */
async function expected(prefix: string | null, minReach = 0) {
  const cases = await t.ctx.db
    .selectFrom('cases as c')
    .leftJoin('asn as a', 'a.id', 'c.asn_id')
    .select(['c.id', 'c.region_code', 'c.state', 'c.act_codes', 'c.received_on', 'c.sanction', 'c.forwarded_to_bkn_on', 'c.recommended_to_ppk_on', 'a.position_type'])
    .execute();
  const reach = (c: (typeof cases)[number]) => (c.recommended_to_ppk_on ? 2 : c.forwarded_to_bkn_on ? 1 : 0);
  const mine = cases.filter((c) => (prefix === null || c.region_code === prefix || c.region_code.startsWith(`${prefix}.`)) && reach(c) >= minReach);
  const reports = await t.ctx.db.selectFrom('reports').select(['case_id', 'source', 'received_on']).execute();
  const myReports = reports.filter((r) => mine.some((c) => c.id === r.case_id));
  const count = <T>(items: T[], key: (item: T) => string | string[]) => {
    const out: Record<string, number> = {};
    for (const item of items) for (const k of [key(item)].flat()) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const provenStates = ['classified_other_law', 'forwarded_to_bkn', 'verified_by_bkn', 'recommended_to_ppk', 'sanction_decided'];
  const sanctioned = (c: (typeof cases)[number]) => c.state === 'sanction_decided' || (c.state === 'closed' && c.sanction !== null);
  const stage = (regionCode: string, date: string) => {
    const s = stageOn(PILKADA_2024, regionCode, date);
    return s.current?.code ?? (s.phase === 'during' ? 'between' : s.phase);
  };
  return {
    cases: mine.length,
    reports: myReports.length,
    byState: count(mine, (c) => c.state),
    byAct: count(mine, (c) => (c.act_codes.length ? c.act_codes : ['none'])),
    byPosition: count(mine, (c) => c.position_type ?? 'unknown'),
    byStage: count(mine, (c) => stage(c.region_code, c.received_on)),
    byReportSource: count(myReports, (r) => r.source),
    proven: mine.filter((c) => provenStates.includes(c.state) || (c.state === 'closed' && c.sanction !== null)).length,
    sanctioned: mine.filter(sanctioned).length,
    ppkRecommended: mine.filter((c) => c.recommended_to_ppk_on).length,
    ppkFollowedUp: mine.filter((c) => c.recommended_to_ppk_on && sanctioned(c)).length,
    byChild: count(mine, (c) => c.region_code.slice(0, prefix === null ? 2 : 5)),
  };
}

const nonZero = (rows: Array<{ key: string; cases?: number; reports?: number }>, field: 'cases' | 'reports') =>
  Object.fromEntries(rows.filter((r) => (r[field] ?? 0) > 0).map((r) => [r.key, r[field]]));

describe('staff dashboard figures', () => {
  it('equal the counts computed directly from the cases and reports, nationally', async () => {
    const d = await get(national, '/api/v1/dashboards/pilkada-2024');
    const e = await expected(null);
    expect(d.territory).toEqual({ level: 'national', code: null, name: 'Nasional' });
    expect(d.dataAsOf).not.toBeNull();
    expect(d.live).toBe(false);
    expect(d.totals).toMatchObject({ cases: e.cases, reports: e.reports, proven: e.proven, sanctioned: e.sanctioned, ppkRecommended: e.ppkRecommended, ppkFollowedUp: e.ppkFollowedUp });
    expect(d.totals.ppkFollowUpRate).toBe(e.ppkFollowedUp / e.ppkRecommended);
    expect(nonZero(d.byState, 'cases')).toEqual(e.byState);
    expect(nonZero(d.byAct, 'cases')).toEqual(e.byAct);
    expect(nonZero(d.byPosition, 'cases')).toEqual(e.byPosition);
    expect(nonZero(d.byStage, 'cases')).toEqual(e.byStage);
    expect(Object.fromEntries(d.bySource.filter((s) => s.reports > 0).map((s) => [s.key, s.reports]))).toEqual(e.byReportSource);
    expect(d.totals.duringCampaign).toBe(e.byStage.campaign ?? 0);
    // 38 provinces on the tile map, each placed once.
    expect(d.children).toHaveLength(38);
    expect(new Set(d.children.map((c) => `${c.tile!.col},${c.tile!.row}`)).size).toBe(38);
    expect(Object.fromEntries(d.children.filter((c) => c.cases > 0).map((c) => [c.code, c.cases]))).toEqual(e.byChild);
    // Every case received in a week of the time series.
    expect(d.weekly.reduce((n, w) => n + w.cases, 0)).toBe(e.cases);
    expect(d.weekly.map((w) => w.week)).toEqual([...d.weekly.map((w) => w.week)].sort());
  });

  it('put each case in the stage of the day it was received, as core decides it', async () => {
    const d = await get(national, '/api/v1/dashboards/pilkada-2024');
    const count = (key: string) => d.byStage.find((s) => s.key === key)?.cases ?? 0;
    // 28 Aug: registration (27–29 Aug) inside the requirements check; 27 Nov: voting, not counting.
    expect(count('registration')).toBe(1);
    expect(count('voting')).toBe(1);
    expect(count('campaign')).toBe(3);
    // 24 Sep falls between the ballot-number draw and the campaign; 20 Dec after the schedule.
    expect(count('between')).toBe(1);
    expect(count('after')).toBe(1);
    expect(d.byStage.find((s) => s.key === 'campaign')).toMatchObject({ critical: true, start: '2024-09-25', end: '2024-11-23' });
  });

  it('drill down national → Jawa Timur → Kabupaten Banyuwangi, with a tile per regency', async () => {
    const province = await get(national, '/api/v1/dashboards/pilkada-2024?region=35');
    const e35 = await expected('35');
    expect(province.territory).toMatchObject({ level: 'province', code: '35', name: 'Jawa Timur' });
    expect(province.breadcrumb.map((b) => b.code)).toEqual([null, '35']);
    expect(province.totals.cases).toBe(e35.cases);
    expect(province.children.filter((c) => !c.ownLevel)).toHaveLength(38);
    expect(new Set(province.children.filter((c) => c.tile).map((c) => `${c.tile!.col},${c.tile!.row}`)).size).toBe(38);
    expect(Object.fromEntries(province.children.filter((c) => c.cases > 0).map((c) => [c.code, c.cases]))).toEqual(e35.byChild);

    const regency = await get(national, '/api/v1/dashboards/pilkada-2024?region=35.10');
    const e3510 = await expected('35.10');
    expect(regency.territory).toMatchObject({ level: 'regency', code: '35.10', name: 'Kabupaten Banyuwangi' });
    expect(regency.breadcrumb.map((b) => b.name)).toEqual(['Nasional', 'Jawa Timur', 'Kabupaten Banyuwangi']);
    expect(regency.totals).toMatchObject({ cases: e3510.cases, reports: e3510.reports, proven: e3510.proven });
    expect(nonZero(regency.byState, 'cases')).toEqual(e3510.byState);
  });

  it('count the case of a province-level agency at the province, beside its regencies', async () => {
    const kaltim = await get(national, '/api/v1/dashboards/pilkada-2024?region=64');
    const own = kaltim.children.find((c) => c.ownLevel)!;
    expect(own).toMatchObject({ code: '64', cases: 1, name: 'Tingkat provinsi' });
    expect(kaltim.totals.cases).toBe(1);
  });

  it('list deadlines, PPK follow-up and cases per agency', async () => {
    const res = await national.get('/api/v1/dashboards/pilkada-2024/agencies?sort=cases');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: Array<{ agencyId: number; cases: number; ppkRecommended: number; ppkFollowedUp: number; ppkFollowUpRate: number | null; reports: number }> };
    expect(body.total).toBe(5);
    expect(body.items[0]).toMatchObject({ agencyId: ids.education, cases: 2, reports: 3, ppkRecommended: 2, ppkFollowedUp: 1, ppkFollowUpRate: 0.5 });
    const page = (await national.get('/api/v1/dashboards/pilkada-2024/agencies?limit=2&offset=2')).json() as { items: unknown[]; nextOffset: number | null };
    expect(page.items).toHaveLength(2);
    expect(page.nextOffset).toBe(4);
  });
});

describe('scope', () => {
  it("holds only the province for a province officer, whose own territory is the default view", async () => {
    const officer = await staffClient(t, 'bawaslu_province', '35');
    const d = await get(officer, '/api/v1/dashboards/pilkada-2024');
    const e35 = await expected('35');
    expect(d.territory.code).toBe('35');
    expect(d.totals.cases).toBe(e35.cases);
    expect(d.children.every((c) => c.code === '35' || c.code.startsWith('35.'))).toBe(true);
    expect(d.breadcrumb[0]).toMatchObject({ code: null, reachable: false });
    expect(JSON.stringify(d)).not.toContain('Kalimantan');
    const agencies = (await officer.get('/api/v1/dashboards/pilkada-2024/agencies')).json() as { items: Array<{ regionCode: string }> };
    expect(agencies.items.map((a) => a.regionCode).sort()).toEqual(['35.10', '35.10', '35.76']);
  });

  it('answers 404 for a drill-down outside the scope, up or sideways', async () => {
    const province = await staffClient(t, 'bawaslu_province', '35');
    for (const region of ['64', '16.07', '16']) expect((await province.get(`/api/v1/dashboards/pilkada-2024?region=${region}`)).statusCode, region).toBe(404);
    const regency = await staffClient(t, 'bawaslu_regency', '35.10');
    expect((await regency.get('/api/v1/dashboards/pilkada-2024?region=35')).statusCode).toBe(404);
    expect((await regency.get('/api/v1/dashboards/pilkada-2024/agencies?region=35.76')).statusCode).toBe(404);
    expect((await regency.get('/api/v1/dashboards/pilkada-2024?region=35.10')).statusCode).toBe(200);
    expect((await national.get('/api/v1/dashboards/no-such-election')).statusCode).toBe(404);
    expect((await national.get('/api/v1/dashboards/pilkada-2024?region=35.10.01')).statusCode).toBe(400);
    expect((await t.app.inject('/api/v1/dashboards/pilkada-2024')).statusCode).toBe(401);
  });

  it('counts for BKN only the cases forwarded to it, for personnel officers only those recommended to the PPK', async () => {
    const bkn = await get(await staffClient(t, 'bkn_verifier', null), '/api/v1/dashboards/pilkada-2024');
    expect(bkn.minReach).toBe(1);
    expect(bkn.totals.cases).toBe((await expected(null, 1)).cases);
    const ppk = await get(await staffClient(t, 'ppk_delegate', '35.10'), '/api/v1/dashboards/pilkada-2024');
    expect(ppk.totals.cases).toBe((await expected('35.10', 2)).cases);
  });

  it('counts live, by agency, for a personnel officer narrowed to agencies', async () => {
    const officer = await staffClient(t, 'bkpsdm_officer', '35.10', { agencyIds: [ids.health, ids.education] });
    const narrowed = await staffClient(t, 'bkpsdm_officer', '35.10', { agencyIds: [ids.health] });
    const both = await get(officer, '/api/v1/dashboards/pilkada-2024');
    expect(both.live).toBe(true);
    expect(both.totals).toMatchObject({ cases: 2, ppkRecommended: 2, ppkFollowedUp: 1 });
    const health = await get(narrowed, '/api/v1/dashboards/pilkada-2024');
    expect(health.totals.cases).toBe(0);
    const agencies = (await narrowed.get('/api/v1/dashboards/pilkada-2024/agencies')).json() as { total: number };
    expect(agencies.total).toBe(0);
  });
});

describe('deadlines met and missed', () => {
  it('record a deadline as met when the case moves on by its due date, missed after it', async () => {
    const officer = await staffClient(t, 'bawaslu_regency', '35.16');
    const note = 'Catatan pemeriksaan perkara uji dasbor.';
    const agency = await createAgency(t, '35.16', 'Dinas Perhubungan Kabupaten Mojokerto (uji)');
    const classify = async (caseId: string) => {
      for (const body of [{ transition: 'start_check', note }, { transition: 'accept_for_review', note }, { transition: 'classify_violation', note, actCodes: ['A02'] }]) {
        const res = await officer.post(`/api/v1/cases/${caseId}/transitions`, body);
        expect(res.statusCode, res.body).toBe(200);
      }
    };
    await travelTo(t, '2024-10-01T03:00:00Z');
    // Received 28 Sep: the 3-day review is due 1 Oct (Pilkada counts calendar days).
    const onTime = await createCase(t, { regionCode: '35.16', agencyId: agency, receivedOn: '2024-09-28' });
    const late = await createCase(t, { regionCode: '35.16', agencyId: agency, receivedOn: '2024-09-20' });
    await classify(onTime.id);
    await classify(late.id);
    const outcomes = await t.ctx.db.selectFrom('case_deadline_outcomes').selectAll().where('case_id', 'in', [onTime.id, late.id]).orderBy('due').execute();
    expect(outcomes.map((o) => [o.deadline_code, o.due, o.stopped_on])).toEqual([
      ['review', '2024-09-23', '2024-10-01'],
      ['review', '2024-10-01', '2024-10-01'],
    ]);
    await refreshDashboardsNow(t.ctx.db);
    const d = await get(national, '/api/v1/dashboards/pilkada-2024?region=35.16');
    expect(d.deadlines.find((x) => x.party === 'bawaslu')).toMatchObject({ met: 1, missed: 1, running: 0, overdue: 0 });
    const agencies = (await national.get('/api/v1/dashboards/pilkada-2024/agencies?region=35.16')).json() as { items: Array<{ deadlinesMet: number; deadlinesMissed: number }> };
    expect(agencies.items[0]).toMatchObject({ deadlinesMet: 1, deadlinesMissed: 1 });
    // Nationally too: the review deadlines of the other seeded cases stopped when they were set up.
    const all = await get(national, '/api/v1/dashboards/pilkada-2024');
    const { rows } = await sql<{ met: number; missed: number }>`
      SELECT count(*) FILTER (WHERE stopped_on <= due)::int AS met, count(*) FILTER (WHERE stopped_on > due)::int AS missed
      FROM case_deadline_outcomes WHERE deadline_code IN ('review', 'review_extended')`.execute(t.ctx.db);
    expect(all.deadlines.find((x) => x.party === 'bawaslu')).toMatchObject(rows[0]);
  });
});

describe('refresh', () => {
  it('is asked for by any staff member, and a request right after a refresh still gets newer figures', async () => {
    const before = (await refreshDashboardsNow(t.ctx.db)).refreshedAt!;
    // Asked for twice at once, right after the last refresh: the figures still move on.
    const [a, b] = await Promise.all([national.post('/api/v1/dashboards/refresh'), national.post('/api/v1/dashboards/refresh')]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toMatchObject({ requested: true });
    for (let i = 0; i < 100; i++) {
      const now = await dashboardsRefreshedAt(t.ctx.db);
      if (now && now > before) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await dashboardsRefreshedAt(t.ctx.db))!.getTime()).toBeGreaterThan(before.getTime());
  });

  it('never runs twice at once: a second refresh stands aside, or waits its turn when asked to', async () => {
    // Another refresh holds the lock: a plain refresh stands aside at once.
    await t.ctx.db.connection().execute(async (conn) => {
      await sql`SELECT pg_advisory_lock(${REFRESH_LOCK_KEY})`.execute(conn);
      try {
        expect((await refreshDashboards(t.ctx.db)).refreshed).toBe(false);
      } finally {
        await sql`SELECT pg_advisory_unlock(${REFRESH_LOCK_KEY})`.execute(conn);
      }
    });
    // Two that wait run one after the other, each with its own moment.
    const [a, b] = await Promise.all([refreshDashboards(t.ctx.db, { waitForRunning: true }), refreshDashboards(t.ctx.db, { waitForRunning: true })]);
    expect([a.refreshed, b.refreshed]).toEqual([true, true]);
    expect(a.refreshedAt!.getTime()).not.toBe(b.refreshedAt!.getTime());
  });
});
