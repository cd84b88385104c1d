import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, travelTo } from '../../testing/cases.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

let t: TestApp;
let officer: StaffClient;
let colleague: StaffClient;
let mojokerto: StaffClient;
let bkn: StaffClient;
let ppk: StaffClient;
let analyst: StaffClient;
const ids: Record<string, string> = {};

type Workload = { cases: boolean; items: Array<{ code: string; count: number; href: string }>; notificationsUnread: number };
const counts = async (client: StaffClient) => {
  const res = await client.get('/api/v1/workload');
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as Workload;
  return { ...Object.fromEntries(body.items.map((i) => [i.code, i.count])), notifications: body.notificationsUnread };
};
const queue = async (client: StaffClient, query: string) => {
  const res = await client.get(`/api/v1/cases?${query}&limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Array<{ id: string }> }).items.map((i) => i.id).sort();
};
const named = (...keys: string[]) => keys.map((k) => ids[k]).sort();

/** A case in a state with its next clock due on a given day (a seeded clock). */
async function caseDue(key: string, due: string, fixture: Parameters<typeof createCase>[1] = {}) {
  ids[key] = (await createCase(t, { receivedOn: '2024-11-20', state: 'under_review', ...fixture })).id;
  await t.ctx.db.updateTable('cases').set({ next_deadline_due: due }).where('id', '=', ids[key]).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  [officer, colleague, mojokerto, bkn, ppk, analyst] = await Promise.all([
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_regency', '35.16'),
    staffClient(t, 'bkn_verifier', null),
    staffClient(t, 'ppk_delegate', '35.10'),
    staffClient(t, 'analyst', null),
  ]);
  // Friday 29 November 2024, 10:00 WIB.
  await travelTo(t, '2024-11-29T03:00:00Z');
  await caseDue('fresh', '2024-12-05', { state: 'received', receivedOn: '2024-11-29' });
  await caseDue('today', '2024-11-29');
  await caseDue('soon', '2024-12-01');
  await caseDue('later', '2024-12-10');
  await caseDue('overdue', '2024-11-25');
  await caseDue('atBkn', '2024-11-29', { state: 'forwarded_to_bkn', forwardedToBknOn: '2024-11-25', actCodes: ['A02'] });
  await caseDue('atPpk', '2024-11-27', { state: 'recommended_to_ppk', recommendedToPpkOn: '2024-11-01', actCodes: ['A04'] });
  // Outside the Banyuwangi officer's scope, due today: never counted for them.
  await caseDue('mojokerto', '2024-11-29', { regionCode: '35.16' });
  await caseDue('closed', '2024-11-29', { state: 'closed' });
  await t.ctx.db.updateTable('cases').set({ closed_at: new Date('2024-11-28T00:00:00Z') }).where('id', '=', ids.closed).execute();
  // A colleague assigns one case to the officer: an assignment (with its notification), not a lock.
  const assigned = await colleague.post(`/api/v1/cases/${ids.later}/assign`, { userId: officer.userId });
  expect(assigned.statusCode, assigned.body).toBe(200);
});
afterAll(async () => t.close());

describe("GET /workload: the day's work", () => {
  it('counts for a Bawaslu officer in their scope, by the region’s own today', async () => {
    expect(await counts(officer)).toEqual({ new: 1, due_today: 1, due_soon: 1, overdue: 2, mine: 1, waiting: 5, notifications: 1 });
    // The colleague does not see the case assigned to the officer among the work waiting for them.
    expect(await counts(colleague)).toMatchObject({ mine: 0, waiting: 4, notifications: 0 });
    expect(await counts(mojokerto)).toEqual({ new: 0, due_today: 1, due_soon: 0, overdue: 0, mine: 0, waiting: 1, notifications: 0 });
  });

  it('counts for BKN and the PPK what waits for them, and nothing before it reached them', async () => {
    expect(await counts(bkn)).toEqual({ due_today: 1, due_soon: 0, overdue: 1, mine: 0, waiting: 1, notifications: 0 });
    expect(await counts(ppk)).toEqual({ due_today: 0, due_soon: 0, overdue: 1, mine: 0, waiting: 1, notifications: 0 });
  });

  it('links each count to the queue that lists exactly those cases', async () => {
    const res = await officer.get('/api/v1/workload');
    const hrefs = Object.fromEntries((res.json() as Workload).items.map((i) => [i.code, i.href]));
    expect(hrefs).toMatchObject({ due_today: '/konsol/perkara?antrian=needs_action&tenggat=today', overdue: '/konsol/perkara?antrian=overdue' });
    expect(await queue(officer, 'queue=needs_action&due=today')).toEqual(named('today'));
    expect(await queue(officer, 'queue=needs_action&due=soon')).toEqual(named('soon'));
    expect(await queue(officer, 'queue=all&due=overdue')).toEqual(named('overdue', 'atPpk'));
    expect(await queue(officer, 'queue=mine')).toEqual(named('later'));
    expect(await queue(bkn, 'queue=needs_action&due=today')).toEqual(named('atBkn'));
    // Never a case outside the scope, whatever the filter.
    expect(await queue(officer, 'queue=all&due=today')).not.toContain(ids.mojokerto);
  });

  it('a role without case files sees notifications only; bad filters are a 400', async () => {
    const res = await analyst.get('/api/v1/workload');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cases: false, items: [] });
    expect((await officer.get('/api/v1/cases?due=kemarin')).statusCode).toBe(400);
    expect((await t.app.inject('/api/v1/workload')).statusCode).toBe(401);
  });

  it('reads "today" in the region’s zone: at 23:30 WIB it is already tomorrow in Kalimantan Timur (WITA)', async () => {
    const national = await staffClient(t, 'bawaslu_national', null);
    await caseDue('kaltim', '2024-11-30', { regionCode: '64' });
    await caseDue('jatimLate', '2024-11-30');
    await travelTo(t, '2024-11-29T16:30:00Z');
    // Kalimantan Timur's 30 November has begun; Java's 30 November (jatimLate) has not, its 29th still runs.
    expect(await queue(national, 'queue=all&due=today')).toEqual(named('kaltim', 'today', 'atBkn', 'mojokerto'));
    await travelTo(t, '2024-11-29T03:00:00Z');
  });
});
