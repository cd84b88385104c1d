import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/service.ts';
import { createCase, reportedPerson, travelTo } from '../../testing/cases.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { runDeadlineSweep } from './sweep.ts';

let t: TestApp;
let officer: StaffClient;
let colleague: StaffClient;
let jatim: StaffClient;
let kaltim: StaffClient;
let national: StaffClient;
let bkn: StaffClient;
let ppk: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  [officer, colleague, jatim, kaltim, national, bkn, ppk] = await Promise.all([
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_province', '35'),
    staffClient(t, 'bawaslu_province', '64'),
    staffClient(t, 'bawaslu_national', null),
    staffClient(t, 'bkn_verifier', null),
    staffClient(t, 'ppk_delegate', '35.10'),
  ]);
});
afterAll(async () => t.close());

type Note = { kind: string; caseId: string; message: string; read: boolean; personal: boolean; id: number };
const inbox = async (client: StaffClient, caseId: string): Promise<Note[]> => {
  const res = await client.get('/api/v1/notifications?limit=100');
  expect(res.statusCode).toBe(200);
  return (res.json().items as Note[]).filter((n) => n.caseId === caseId);
};
const kinds = async (client: StaffClient, caseId: string) => (await inbox(client, caseId)).map((n) => n.kind).sort();

describe('runDeadlineSweep: reminders', () => {
  it('reminds the regency office of an unassigned case the day before and on the due day, once each', async () => {
    const c = await createCase(t, { receivedOn: '2024-11-25', state: 'under_review' }); // due 28 Nov
    await runDeadlineSweep(t.ctx, '2024-11-26');
    expect(await inbox(officer, c.id)).toEqual([]);
    await runDeadlineSweep(t.ctx, '2024-11-27');
    const [first] = await inbox(officer, c.id);
    expect(first).toMatchObject({ kind: 'deadline_reminder', personal: false, message: expect.stringContaining('jatuh tempo 1 hari lagi (2024-11-28)') });
    // The colleague in the same office sees it too; the province does not (not its case yet).
    expect(await kinds(colleague, c.id)).toEqual(['deadline_reminder']);
    expect(await kinds(jatim, c.id)).toEqual([]);
    // Running again the same day adds nothing.
    const again = await runDeadlineSweep(t.ctx, '2024-11-27');
    expect(again.reminders).toBe(0);
    await runDeadlineSweep(t.ctx, '2024-11-28');
    expect((await inbox(officer, c.id)).map((n) => n.message)).toEqual([expect.stringContaining('hari ini'), expect.stringContaining('1 hari lagi')]);
  });

  it('reminds the assignee by name instead of the office', async () => {
    const c = await createCase(t, { receivedOn: '2024-11-25', state: 'under_review', assigneeId: colleague.userId });
    await runDeadlineSweep(t.ctx, '2024-11-27');
    expect(await inbox(colleague, c.id)).toEqual([expect.objectContaining({ kind: 'deadline_reminder', personal: true })]);
    expect(await inbox(officer, c.id)).toEqual([]);
  });

  it('Pemilu: counts the reminder back in working days, across Labour Day', async () => {
    // The extended review: 14 working days from receipt, due Friday 3 May (1 May is a holiday).
    const c = await createCase(t, { electionId: 'pemilu-2024', receivedOn: '2024-04-04', informationRequestedOn: '2024-04-05', state: 'under_review' });
    await runDeadlineSweep(t.ctx, '2024-04-30');
    expect(await inbox(officer, c.id)).toEqual([]);
    // Thursday 2 May is one working day before.
    await runDeadlineSweep(t.ctx, '2024-05-02');
    expect((await inbox(officer, c.id)).map((n) => n.message)).toEqual([expect.stringContaining('1 hari kerja lagi (2024-05-03)')]);
  });

  it('still sends the reminder it owes after a missed day, but never after the due date', async () => {
    const c = await createCase(t, { receivedOn: '2024-11-25', state: 'under_review' });
    const late = await createCase(t, { receivedOn: '2024-11-10', state: 'under_review' });
    // The sweep did not run on the 27th; on the 28th the due-day reminder is what is owed.
    await runDeadlineSweep(t.ctx, '2024-11-28');
    expect((await inbox(officer, c.id)).map((n) => n.message)).toEqual([expect.stringContaining('hari ini')]);
    expect((await inbox(officer, late.id)).filter((n) => n.kind === 'deadline_reminder')).toEqual([]);
  });
});

describe('runDeadlineSweep: escalation', () => {
  it('a late regency review goes to the province, once, with a timeline event and an audit entry', async () => {
    const c = await createCase(t, { receivedOn: '2024-11-25', state: 'under_review' });
    const first = await runDeadlineSweep(t.ctx, '2024-11-29');
    expect(first.escalations).toBeGreaterThanOrEqual(1);
    expect(await kinds(jatim, c.id)).toEqual(['escalate']);
    expect((await inbox(jatim, c.id))[0].message).toContain('Kajian Bawaslu lewat batas waktu 2024-11-28');
    const view = (await jatim.get(`/api/v1/cases/${c.id}`)).json();
    expect(view.escalatedTo).toBe('bawaslu_province:35');
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'escalated', public: false, data: { deadline: 'review', due: '2024-11-28', action: 'escalate' } });
    expect(view.auditTrail.at(-1)).toMatchObject({ action: 'case.escalated', actor: null });
    // It shows in the province's overdue queue.
    await travelTo(t, '2024-11-29T03:00:00Z');
    expect((await jatim.get('/api/v1/cases?queue=overdue&limit=100')).json().items.map((i: { id: string }) => i.id)).toContain(c.id);
    await runDeadlineSweep(t.ctx, '2024-11-30');
    expect(await kinds(jatim, c.id)).toEqual(['escalate']);
    expect((await jatim.get(`/api/v1/cases/${c.id}`)).json().auditTrail.filter((a: { action: string }) => a.action === 'case.escalated')).toHaveLength(1);
  });

  it('a late provincial review goes to Bawaslu RI; a late BKN verification too', async () => {
    const provincial = await createCase(t, { regionCode: '64', receivedOn: '2024-11-20', state: 'formal_check' });
    const atBkn = await createCase(t, { receivedOn: '2024-11-01', state: 'forwarded_to_bkn', forwardedToBknOn: '2024-11-10', actCodes: ['A02'] });
    // The provincial Bawaslu handles a provincial case: it is reminded, Bawaslu RI is alerted.
    await runDeadlineSweep(t.ctx, '2024-11-22');
    expect(await kinds(kaltim, provincial.id)).toEqual(['deadline_reminder']);
    await runDeadlineSweep(t.ctx, '2024-11-24');
    expect(await kinds(national, provincial.id)).toEqual(['escalate']);
    expect(await kinds(national, atBkn.id)).toEqual(['escalate']);
    expect((await inbox(national, atBkn.id))[0].message).toContain('Verifikasi BKN lewat batas waktu 2024-11-17');
  });

  it('a reporter who does not answer in time lets the regency proceed without the information', async () => {
    const c = await createCase(t, { receivedOn: '2024-11-25', state: 'awaiting_information', informationRequestedOn: '2024-11-26' });
    await runDeadlineSweep(t.ctx, '2024-11-29');
    expect(await kinds(officer, c.id)).toContain('proceed_without_information');
  });

  it('a PPK that misses the follow-up gets the case flagged for a SIASN block, for BKN, with event and audit', async () => {
    const c = await createCase(t, { receivedOn: '2024-11-01', state: 'recommended_to_ppk', recommendedToPpkOn: '2024-12-01', actCodes: ['A04'], asnId: await reportedPerson(t) }); // due 11 Dec (unsure rule)
    await runDeadlineSweep(t.ctx, '2024-12-10');
    expect(await kinds(ppk, c.id)).toEqual(['deadline_reminder']);
    expect((await inbox(ppk, c.id))[0].message).toContain('belum pasti');
    const summary = await runDeadlineSweep(t.ctx, '2024-12-12');
    expect(summary.siasnFlags).toBe(1);
    expect(await kinds(bkn, c.id)).toEqual(['recommend_siasn_block']);
    const view = (await bkn.get(`/api/v1/cases/${c.id}`)).json();
    expect(view).toMatchObject({ siasnBlockRecommended: true, escalatedTo: 'bkn_verifier:national' });
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'siasn_block_recommended', data: { deadline: 'ppk_follow_up', unsure: true } });
    expect(view.auditTrail.at(-1)).toMatchObject({ action: 'case.siasn_block_recommended' });
    expect((await runDeadlineSweep(t.ctx, '2024-12-13')).siasnFlags).toBe(0);

    // The PPK follows up late: the sanction is recorded and the block recommendation lifted.
    await travelTo(t, '2024-12-13T03:00:00Z');
    const sanctioned = await ppk.post(`/api/v1/cases/${c.id}/transitions`, {
      transition: 'record_sanction',
      note: 'Keputusan bupati sudah ditandatangani.',
      sanctionTypes: ['demotion_12_months', 'moral_sanction_open_statement'],
      decreeNumber: '800/45/429.012/2024',
      decreeDate: '2024-12-13',
    });
    expect(sanctioned.statusCode, sanctioned.body).toBe(200);
    expect(sanctioned.json().warnings).toEqual([]);
    expect((await bkn.get(`/api/v1/cases/${c.id}`)).json()).toMatchObject({ siasnBlockRecommended: false, escalatedTo: null });
    expect(await verifyAuditChain(t.ctx)).toMatchObject({ ok: true });
  });

  it('recomputes a stored next deadline that no longer matches the rulebook', async () => {
    const c = await createCase(t, { receivedOn: '2024-11-25', state: 'under_review' });
    await t.ctx.db.updateTable('cases').set({ next_deadline_due: '2030-01-01' }).where('id', '=', c.id).execute();
    const summary = await runDeadlineSweep(t.ctx, '2024-11-26');
    expect(summary.deadlinesUpdated).toBeGreaterThanOrEqual(1);
    const row = await t.ctx.db.selectFrom('cases').select(['next_deadline_code', 'next_deadline_due']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ next_deadline_code: 'review', next_deadline_due: '2024-11-28' });
  });

  it('leaves finished cases alone', async () => {
    const c = await createCase(t, { receivedOn: '2024-11-01', state: 'withdrawn' });
    await t.ctx.db.updateTable('cases').set({ closed_at: new Date() }).where('id', '=', c.id).execute();
    await runDeadlineSweep(t.ctx, '2024-12-31');
    expect(await t.ctx.db.selectFrom('notifications').select('id').where('case_id', '=', c.id).execute()).toEqual([]);
  });
});

describe('notifications API', () => {
  it('reads per person for an office notification, and marks everything read', async () => {
    const c = await createCase(t, { receivedOn: '2024-11-25', state: 'under_review' });
    await runDeadlineSweep(t.ctx, '2024-11-27');
    const [mine] = await inbox(officer, c.id);
    const marked = await officer.post(`/api/v1/notifications/${mine.id}/read`);
    expect(marked.json()).toEqual({ id: mine.id, read: true });
    expect((await inbox(officer, c.id))[0].read).toBe(true);
    // The colleague still has it unread.
    expect((await inbox(colleague, c.id))[0].read).toBe(false);
    const unreadBefore = (await colleague.get('/api/v1/notifications?unread=true')).json().unread;
    expect(unreadBefore).toBeGreaterThan(0);
    const all = await colleague.post('/api/v1/notifications/read-all');
    expect(all.json().marked).toBe(unreadBefore);
    expect((await colleague.get('/api/v1/notifications?unread=true')).json()).toMatchObject({ unread: 0, items: [] });
  });

  it("answers 404 for someone else's notification, and English on request", async () => {
    const c = await createCase(t, { receivedOn: '2024-11-25', state: 'under_review' });
    await runDeadlineSweep(t.ctx, '2024-11-27');
    const [theirs] = await inbox(officer, c.id);
    expect((await bkn.post(`/api/v1/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    const english = (await officer.get('/api/v1/notifications?lang=en&limit=100')).json().items.find((n: Note) => n.id === theirs.id);
    expect(english.message).toMatch(/^Reminder: Bawaslu review for case/);
  });
});
