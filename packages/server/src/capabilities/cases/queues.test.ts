import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, travelTo } from '../../testing/cases.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

let t: TestApp;
let banyuwangi: StaffClient;
let mojokerto: StaffClient;
let jatim: StaffClient;
let bkn: StaffClient;
let national: StaffClient;
let ppk: StaffClient;
let bkpsdm: StaffClient;
let agencyPpk: StaffClient;
let agencyId: number;
const ids: Record<string, string> = {};

type Item = { id: string; number: string; state: string; nextDeadline: { due: string; remaining: number; overdue: boolean } | null };
const list = async (client: StaffClient, query = '') => {
  const res = await client.get(`/api/v1/cases${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; limit: number; offset: number; items: Item[] };
};
const idsOf = (page: { items: Item[] }) => page.items.map((i) => i.id).sort();
const named = (...keys: string[]) => keys.map((k) => ids[k]).sort();

beforeAll(async () => {
  t = await createTestApp();
  const agency = await t.ctx.db.insertInto('agencies').values({ code: 'UJI-35.10', name: 'Pemerintah Kabupaten Banyuwangi (uji)', region_code: '35.10' }).returning('id').executeTakeFirstOrThrow();
  agencyId = agency.id;
  [banyuwangi, mojokerto, jatim, bkn, ppk, bkpsdm, agencyPpk, national] = await Promise.all([
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_regency', '35.16'),
    staffClient(t, 'bawaslu_province', '35'),
    staffClient(t, 'bkn_verifier', null),
    staffClient(t, 'ppk_delegate', '35.10'),
    staffClient(t, 'bkpsdm_officer', '35.10'),
    staffClient(t, 'ppk_delegate', '35.10', { agencyIds: [agency.id] }),
    staffClient(t, 'bawaslu_national', null),
  ]);
  // Standing on Friday 29 November 2024 (Pilkada 2024, two days after the vote).
  await travelTo(t, '2024-11-29T03:00:00Z');
  ids.fresh = (await createCase(t, { receivedOn: '2024-11-29', summary: 'Camat fiktif hadir di deklarasi pasangan calon' })).id;
  ids.overdue = (await createCase(t, { receivedOn: '2024-11-20', state: 'under_review', summary: 'Guru fiktif mengunggah foto bersama calon' })).id;
  ids.dueToday = (await createCase(t, { receivedOn: '2024-11-26', state: 'formal_check' })).id;
  ids.mine = (await createCase(t, { receivedOn: '2024-11-28', state: 'under_review', assigneeId: banyuwangi.userId })).id;
  ids.forwarded = (await createCase(t, { receivedOn: '2024-11-15', state: 'forwarded_to_bkn', forwardedToBknOn: '2024-11-25', actCodes: ['A02'] })).id;
  ids.atPpk = (await createCase(t, { receivedOn: '2024-11-01', state: 'recommended_to_ppk', recommendedToPpkOn: '2024-11-27', actCodes: ['A04', 'A07'], agencyId })).id;
  ids.closed = (await createCase(t, { receivedOn: '2024-10-01', state: 'closed' })).id;
  await t.ctx.db.updateTable('cases').set({ closed_at: new Date('2024-10-10T00:00:00Z') }).where('id', '=', ids.closed).execute();
  ids.mojokerto = (await createCase(t, { regionCode: '35.16', receivedOn: '2024-11-20', state: 'under_review' })).id;
  ids.kaltim = (await createCase(t, { regionCode: '64', receivedOn: '2024-11-20', state: 'under_review' })).id;
  ids.pemilu = (await createCase(t, { electionId: 'pemilu-2024', receivedOn: '2024-02-07' })).id;
});
afterAll(async () => t.close());

const BANYUWANGI = ['fresh', 'overdue', 'dueToday', 'mine', 'forwarded', 'atPpk', 'closed', 'pemilu'];

describe('GET /cases scope', () => {
  it('shows a regency officer only their regency, a province officer its regencies, Bawaslu RI everything', async () => {
    expect(idsOf(await list(banyuwangi, '?limit=100'))).toEqual(named(...BANYUWANGI));
    expect(idsOf(await list(mojokerto, '?limit=100'))).toEqual(named('mojokerto'));
    expect(idsOf(await list(jatim, '?limit=100'))).toEqual(named(...BANYUWANGI, 'mojokerto'));
    expect(idsOf(await list(national, '?limit=100'))).toEqual(named(...BANYUWANGI, 'mojokerto', 'kaltim'));
  });

  it('shows BKN a case once it is forwarded, the PPK and BKPSDM once it is recommended', async () => {
    expect(idsOf(await list(bkn, '?limit=100'))).toEqual(named('forwarded', 'atPpk'));
    expect(idsOf(await list(ppk, '?limit=100'))).toEqual(named('atPpk'));
    expect(idsOf(await list(bkpsdm, '?limit=100'))).toEqual(named('atPpk'));
    // Not yet theirs: 404, as for a case outside their region.
    expect((await ppk.get(`/api/v1/cases/${ids.forwarded}`)).statusCode).toBe(404);
    expect((await bkn.get(`/api/v1/cases/${ids.fresh}`)).statusCode).toBe(404);
  });

  it('narrows an agency-scoped PPK to its agencies, leaving out cases whose agency is not known', async () => {
    expect(idsOf(await list(agencyPpk, '?limit=100'))).toEqual(named('atPpk'));
  });

  it('refuses the analyst and the administrator (no case files for them) and anyone not signed in', async () => {
    for (const role of ['analyst', 'administrator'] as const) {
      const res = await (await staffClient(t, role, null)).get('/api/v1/cases');
      expect(res.statusCode, role).toBe(403);
    }
    expect((await t.app.inject('/api/v1/cases')).statusCode).toBe(401);
  });

  it('a region filter outside the scope finds nothing rather than widening it', async () => {
    expect((await list(banyuwangi, '?region=35.16')).total).toBe(0);
    expect(idsOf(await list(jatim, '?region=35.16'))).toEqual(named('mojokerto'));
  });
});

describe('GET /cases queues', () => {
  it('needs_action: the states my role acts in, unassigned or mine, per role', async () => {
    expect(idsOf(await list(banyuwangi, '?queue=needs_action&limit=100'))).toEqual(named('fresh', 'overdue', 'dueToday', 'mine', 'pemilu'));
    expect(idsOf(await list(bkn, '?queue=needs_action&limit=100'))).toEqual(named('forwarded'));
    expect(idsOf(await list(ppk, '?queue=needs_action'))).toEqual(named('atPpk'));
    // The personnel office prepares sanctions but takes no transition.
    expect((await list(bkpsdm, '?queue=needs_action')).total).toBe(0);
    // Given to a colleague: no longer in the province officer's "needs my action".
    expect(idsOf(await list(jatim, '?queue=needs_action&limit=100'))).toEqual(named('fresh', 'overdue', 'dueToday', 'pemilu', 'mojokerto'));
  });

  it('overdue: past the due date in the region’s own calendar', async () => {
    const page = await list(banyuwangi, '?queue=overdue');
    expect(idsOf(page)).toEqual(named('overdue', 'pemilu'));
    const overdue = page.items.find((i) => i.id === ids.overdue)!;
    expect(overdue.nextDeadline).toMatchObject({ due: '2024-11-23', remaining: -6, overdue: true });
    // Due today is not overdue.
    const today = (await list(banyuwangi, '?queue=all&limit=100')).items.find((i) => i.id === ids.dueToday)!;
    expect(today.nextDeadline).toMatchObject({ due: '2024-11-29', remaining: 0, overdue: false });
  });

  it('overdue uses the WITA date in Kalimantan Timur', async () => {
    // 16:30 UTC on 23 Nov is already 24 Nov in WITA (UTC+8) but still 23 Nov in WIB (UTC+7).
    await travelTo(t, '2024-11-23T16:30:00Z');
    const c = await createCase(t, { regionCode: '64', receivedOn: '2024-11-20', state: 'formal_check' });
    const w = await createCase(t, { regionCode: '35.16', receivedOn: '2024-11-20', state: 'formal_check' });
    const overdue = idsOf(await list(national, '?queue=overdue&limit=100'));
    expect(overdue).toContain(c.id);
    expect(overdue).not.toContain(w.id);
    await travelTo(t, '2024-11-29T03:00:00Z');
  });

  it('mine and unassigned; closed cases leave both', async () => {
    expect(idsOf(await list(banyuwangi, '?queue=mine'))).toEqual(named('mine'));
    const unassigned = idsOf(await list(banyuwangi, '?queue=unassigned&limit=100'));
    expect(unassigned).not.toContain(ids.mine);
    expect(unassigned).not.toContain(ids.closed);
    expect(unassigned).toContain(ids.fresh);
  });
});

describe('GET /cases filters, sorting and paging', () => {
  it('filters by election, state, act, assignee and text on number or summary', async () => {
    expect(idsOf(await list(banyuwangi, '?electionId=pemilu-2024'))).toEqual(named('pemilu'));
    expect(idsOf(await list(banyuwangi, '?state=under_review,formal_check'))).toEqual(named('overdue', 'dueToday', 'mine'));
    expect(idsOf(await list(banyuwangi, '?state=under_review&state=forwarded_to_bkn'))).toEqual(named('overdue', 'mine', 'forwarded'));
    expect(idsOf(await list(banyuwangi, '?act=A07'))).toEqual(named('atPpk'));
    expect(idsOf(await list(banyuwangi, '?assignee=me'))).toEqual(named('mine'));
    expect(idsOf(await list(banyuwangi, `?assignee=${banyuwangi.userId}`))).toEqual(named('mine'));
    expect(idsOf(await list(banyuwangi, '?q=deklarasi'))).toEqual(named('fresh'));
    const number = (await list(banyuwangi, '?q=deklarasi')).items[0].number;
    expect(idsOf(await list(banyuwangi, `?q=${number}`))).toEqual(named('fresh'));
    // A "%" is text to find, not a wildcard.
    expect((await list(banyuwangi, '?q=%25')).total).toBe(0);
  });

  it('sorts by the next deadline, earliest first, cases without a clock last', async () => {
    const page = await list(banyuwangi, '?limit=100');
    const dues = page.items.map((i) => i.nextDeadline?.due ?? null);
    const withDue = dues.filter((d): d is string => d !== null);
    expect(withDue).toEqual([...withDue].sort());
    expect(dues.slice(withDue.length).every((d) => d === null)).toBe(true);
    const reversed = (await list(banyuwangi, '?sort=-deadline&limit=100')).items.map((i) => i.nextDeadline?.due ?? null).filter(Boolean);
    expect(reversed).toEqual([...withDue].reverse());
  });

  it('pages with limit and offset and reports the total', async () => {
    const first = await list(banyuwangi, '?limit=3&offset=0');
    const second = await list(banyuwangi, '?limit=3&offset=3');
    expect(first).toMatchObject({ total: BANYUWANGI.length, limit: 3, offset: 0 });
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(3);
    expect(new Set([...idsOf(first), ...idsOf(second)]).size).toBe(6);
  });

  it('rejects a bad queue, state or limit with field-level messages', async () => {
    const res = await banyuwangi.get('/api/v1/cases?queue=everything&state=lost&limit=1000');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['query.limit', 'query.queue', 'query.state.0']);
  });
});
