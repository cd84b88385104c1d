/**
 * The SIASN block as a record (issue 15), on a controlled clock: a PPK that misses the follow-up
 * deadline gets the block requested by the sweep; BKN imposes it with its reference and date and
 * (on another case) lifts it with a reason; recording the sanction lifts it. The case, the
 * person's register page and the dashboards' summary show each step; the PPK hears of each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, travelTo } from '../../testing/cases.ts';
import { createAgency, createAsn } from '../../testing/dashboards.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { runDeadlineSweep } from './sweep.ts';

let t: TestApp;
let bkn: StaffClient;
let ppk: StaffClient;
let bawaslu: StaffClient;
let analyst: StaffClient;
let person: { id: number; nip: string; name: string };
let agencyName: string;

beforeAll(async () => {
  t = await createTestApp();
  agencyName = 'Dinas Pekerjaan Umum Kabupaten Banyuwangi (fiktif)';
  const agency = await createAgency(t, '35.10', agencyName);
  person = await createAsn(t, { agencyId: agency, regionCode: '35.10', name: 'Ir. Joko Prasetyo Fiktif', positionTitle: 'Kepala Bidang Bina Marga', positionType: 'administrator' });
  [bkn, ppk, bawaslu, analyst] = await Promise.all([
    staffClient(t, 'bkn_verifier', null),
    staffClient(t, 'ppk_delegate', '35.10'),
    staffClient(t, 'bawaslu_province', '35'),
    staffClient(t, 'analyst', null),
  ]);
});
afterAll(async () => t?.close());

const blocks = async (client: StaffClient, caseId: string) => {
  const res = await client.get(`/api/v1/cases/${caseId}/siasn-blocks`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const personPage = async (client: StaffClient) => (await client.get(`/api/v1/register/asn/${person.id}`)).json();
const summary = async (client: StaffClient) => (await client.get('/api/v1/siasn-blocks/summary?region=35.10')).json();
const ppkKinds = async (caseId: string) =>
  ((await ppk.get('/api/v1/notifications?limit=100')).json().items as Array<{ kind: string; caseId: string }>).filter((n) => n.caseId === caseId).map((n) => n.kind);

describe('the SIASN block, step by step', () => {
  it('is requested when the PPK misses the deadline, imposed by BKN, and lifted when the sanction is recorded', async () => {
    const c = await createCase(t, { receivedOn: '2024-11-01', state: 'recommended_to_ppk', recommendedToPpkOn: '2024-12-01', actCodes: ['A04'], asnId: person.id }); // PPK due 11 Dec
    await travelTo(t, '2024-12-10T03:00:00Z');
    await runDeadlineSweep(t.ctx, '2024-12-10');
    expect((await blocks(ppk, c.id)).current).toBeNull();
    expect((await summary(bkn)).requested).toBe(0);

    // The day after the deadline: requested.
    await travelTo(t, '2024-12-12T03:00:00Z');
    await runDeadlineSweep(t.ctx, '2024-12-12');
    const requested = await blocks(bkn, c.id);
    expect(requested).toMatchObject({ canAct: true, current: { status: 'requested', statusLabel: 'Pemblokiran SIASN diminta', basis: { deadline: 'ppk_follow_up', due: '2024-12-11' } } });
    expect((await blocks(ppk, c.id)).canAct).toBe(false);
    expect(await ppkKinds(c.id)).toContain('siasn_block_requested');
    expect((await personPage(ppk)).siasnBlocks).toEqual([expect.objectContaining({ caseId: c.id, caseNumber: c.number, status: 'requested' })]);
    expect(await summary(bawaslu)).toMatchObject({ requested: 1, imposed: 0, byRegion: [{ code: '35.10', requested: 1, imposed: 0 }], byAgency: [{ name: agencyName, requested: 1 }] });
    // Counts only: the analyst reads them too.
    expect((await summary(analyst)).requested).toBe(1);
    // A second sweep requests nothing more.
    await runDeadlineSweep(t.ctx, '2024-12-13');
    expect((await blocks(bkn, c.id)).history).toHaveLength(1);

    // BKN imposes it: never dated in the future, only by BKN.
    const future = await bkn.post(`/api/v1/cases/${c.id}/siasn-blocks/impose`, { reference: 'BKN/SIASN/BLK/0042/XII/2024', imposedOn: '2024-12-20' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.fields[0].field).toBe('body.imposedOn');
    expect((await ppk.post(`/api/v1/cases/${c.id}/siasn-blocks/impose`, { reference: 'PPK/tidak/berwenang', imposedOn: '2024-12-12' })).statusCode).toBe(403);
    const imposed = await bkn.post(`/api/v1/cases/${c.id}/siasn-blocks/impose`, { reference: 'BKN/SIASN/BLK/0042/XII/2024', imposedOn: '2024-12-12' });
    expect(imposed.statusCode, imposed.body).toBe(200);
    expect(imposed.json().current).toMatchObject({ status: 'imposed', imposedReference: 'BKN/SIASN/BLK/0042/XII/2024', imposedOn: '2024-12-12' });
    expect((await bkn.post(`/api/v1/cases/${c.id}/siasn-blocks/impose`, { reference: 'BKN/SIASN/BLK/0043/XII/2024', imposedOn: '2024-12-12' })).statusCode).toBe(409);
    expect(await ppkKinds(c.id)).toContain('siasn_block_imposed');
    expect((await personPage(bawaslu)).siasnBlocks[0]).toMatchObject({ status: 'imposed', imposedReference: 'BKN/SIASN/BLK/0042/XII/2024' });
    expect(await summary(bkn)).toMatchObject({ requested: 0, imposed: 1 });

    // The PPK records the sanction: the block is lifted, BKN is told to lift it in SIASN.
    await travelTo(t, '2024-12-16T03:00:00Z');
    const sanctioned = await ppk.post(`/api/v1/cases/${c.id}/transitions`, {
      transition: 'record_sanction',
      note: 'Keputusan bupati sudah ditandatangani.',
      sanctionTypes: ['demotion_12_months'],
      decreeNumber: '800/51/429.012/2024',
      decreeDate: '2024-12-16',
    });
    expect(sanctioned.statusCode, sanctioned.body).toBe(200);
    const lifted = await blocks(bkn, c.id);
    expect(lifted.current).toBeNull();
    expect(lifted.history[0]).toMatchObject({ status: 'lifted', liftCause: 'sanction', liftedOn: '2024-12-16', liftReason: expect.stringContaining('800/51/429.012/2024') });
    expect(await ppkKinds(c.id)).toContain('siasn_block_lifted');
    const bknNotes = (await bkn.get('/api/v1/notifications?limit=100')).json().items.filter((n: { caseId: string }) => n.caseId === c.id).map((n: { kind: string }) => n.kind);
    expect(bknNotes).toContain('siasn_block_lifted');
    expect((await personPage(ppk)).siasnBlocks[0]).toMatchObject({ status: 'lifted', liftCause: 'sanction' });
    expect(await summary(bkn)).toMatchObject({ requested: 0, imposed: 0, byRegion: [] });

    const audit = (await bkn.get(`/api/v1/cases/${c.id}`)).json().auditTrail.map((a: { action: string }) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['case.siasn_block_recommended', 'case.siasn_block_imposed', 'case.siasn_block_lifted']));
    const timeline = (await ppk.get(`/api/v1/cases/${c.id}`)).json().timeline.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['siasn_block_recommended', 'siasn_block_imposed', 'siasn_block_lifted']));
  });

  it('BKN may lift a block with a reason; a case without an open block answers 409', async () => {
    await travelTo(t, '2024-12-16T03:00:00Z');
    const c = await createCase(t, { receivedOn: '2024-11-01', state: 'recommended_to_ppk', recommendedToPpkOn: '2024-12-02', actCodes: ['A04'], asnId: person.id });
    expect((await bkn.post(`/api/v1/cases/${c.id}/siasn-blocks/lift`, { reason: 'Tidak ada pemblokiran yang dicatat.', liftedOn: '2024-12-16' })).statusCode).toBe(409);
    await runDeadlineSweep(t.ctx, '2024-12-16');
    expect((await blocks(bkn, c.id)).current.status).toBe('requested');
    expect((await bkn.post(`/api/v1/cases/${c.id}/siasn-blocks/lift`, { reason: 'singkat', liftedOn: '2024-12-16' })).statusCode).toBe(400);
    const lifted = await bkn.post(`/api/v1/cases/${c.id}/siasn-blocks/lift`, { reason: 'PPK telah menyampaikan jadwal sidang disiplin.', liftedOn: '2024-12-16' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().history[0]).toMatchObject({ status: 'lifted', liftCause: 'bkn', liftReason: 'PPK telah menyampaikan jadwal sidang disiplin.' });
    expect((await bkn.get(`/api/v1/cases/${c.id}`)).json().siasnBlockRecommended).toBe(false);
    expect(await ppkKinds(c.id)).toEqual(expect.arrayContaining(['siasn_block_requested', 'siasn_block_lifted']));
  });
});
