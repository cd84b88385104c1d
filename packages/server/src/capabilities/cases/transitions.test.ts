import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/service.ts';
import { caseHandlers, createCase, reportedPerson, travelTo } from '../../testing/cases.ts';
import type { StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

let t: TestApp;
let bawaslu: StaffClient;
let bawasluJatim: StaffClient;
let bkn: StaffClient;
let ppk: StaffClient;
let bkpsdm: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  ({ bawaslu, bawasluJatim, bkn, ppk, bkpsdm } = await caseHandlers(t));
});
afterAll(async () => t.close());

const NOTE = 'Catatan pemeriksaan yang cukup panjang.';
const move = (client: StaffClient, id: string, payload: Record<string, unknown>) => client.post(`/api/v1/cases/${id}/transitions`, { note: NOTE, ...payload });
const detail = async (client: StaffClient, id: string) => {
  const res = await client.get(`/api/v1/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('carrying a Pilkada 2024 case from receipt to a recorded sanction', () => {
  it('runs every step in order, each by its role, with clocks, deadlines, timeline and audit', async () => {
    await travelTo(t, '2024-11-25T02:00:00Z'); // Monday 25 November, 09:00 WIB
    // The civil servant is linked (forwarding and the sanction need one: people.test.ts).
    const c = await createCase(t, { receivedOn: '2024-11-25', asnId: await reportedPerson(t) });
    const start = await detail(bawaslu, c.id);
    // Pilkada counts calendar days: the 27 November voting day does not stop the 3-day review.
    expect(start.nextDeadline).toMatchObject({ code: 'review', due: '2024-11-28', remaining: 3, counting: 'calendar', unsure: false });
    expect(start.nextDeadline.basis[0]).toContain('UU 1/2015 ps. 134');
    expect(start.transitions.map((x: { code: string }) => x.code)).toEqual(['start_check', 'withdraw']);

    expect((await move(bawaslu, c.id, { transition: 'start_check' })).statusCode).toBe(200);
    await travelTo(t, '2024-11-26T02:00:00Z');
    const asked = await move(bawaslu, c.id, { transition: 'request_information', publicMessage: 'Mohon lampirkan foto kegiatan.' });
    expect(asked.json()).toMatchObject({ to: 'awaiting_information', nextDeadline: { code: 'more_information', due: '2024-11-28' } });
    const waiting = await detail(bawaslu, c.id);
    expect(waiting.clocks.informationRequestedOn).toBe('2024-11-26');
    expect(waiting.deadlines.map((d: { code: string; due: string; party: string }) => [d.code, d.due, d.party])).toEqual([
      ['more_information', '2024-11-28', 'reporter'],
      ['review_extended', '2024-11-30', 'bawaslu'],
    ]);

    expect((await move(bawaslu, c.id, { transition: 'information_received' })).json()).toMatchObject({ to: 'under_review', nextDeadline: { code: 'review_extended', due: '2024-11-30' } });
    await travelTo(t, '2024-11-28T02:00:00Z');
    const classified = await move(bawaslu, c.id, { transition: 'classify_violation', actCodes: ['A07', 'A02', 'A07'] });
    expect(classified.json()).toMatchObject({ to: 'classified_other_law', nextDeadline: null });
    const withActs = await detail(bawaslu, c.id);
    expect(withActs.actCodes).toEqual(['A02', 'A07']);
    expect(withActs.sanctionSuggestion.discipline.level).toBe('heavy');
    expect(withActs.sanctionSuggestion.ethics.applies).toBe(true);

    const forwarded = await move(bawaslu, c.id, { transition: 'forward_to_bkn', letterNumber: '001/PM.00.02/K.JI-10/11/2024' });
    expect(forwarded.json()).toMatchObject({ to: 'forwarded_to_bkn', nextDeadline: { code: 'bkn_verification', due: '2024-12-05' } });
    // Bawaslu has nothing more to do; BKN hears of it at once.
    expect((await detail(bawaslu, c.id)).transitions).toEqual([]);
    const bknInbox = (await bkn.get('/api/v1/notifications')).json();
    expect(bknInbox.items.find((n: { caseId: string }) => n.caseId === c.id)).toMatchObject({ kind: 'handover', personal: false, message: expect.stringContaining(c.number) });

    await travelTo(t, '2024-12-02T02:00:00Z');
    expect((await move(bkn, c.id, { transition: 'bkn_verify' })).json()).toMatchObject({ to: 'verified_by_bkn', nextDeadline: null });
    const recommended = await move(bkn, c.id, { transition: 'recommend_to_ppk', letterNumber: 'R-123/BKN/XII/2024' });
    expect(recommended.json()).toMatchObject({ to: 'recommended_to_ppk', nextDeadline: { code: 'ppk_follow_up', due: '2024-12-12' } });
    const ppkView = await detail(ppk, c.id);
    expect(ppkView.deadlines[0]).toMatchObject({ code: 'ppk_follow_up', unsure: true, party: 'ppk' });
    expect(ppkView.transitions).toEqual([
      expect.objectContaining({ code: 'record_sanction', fields: [expect.objectContaining({ code: 'sanctionTypes' }), expect.objectContaining({ code: 'decreeNumber' }), expect.objectContaining({ code: 'decreeDate' })] }),
    ]);

    await travelTo(t, '2024-12-09T02:00:00Z');
    // A lighter penalty than the matrix suggests is recorded, with warnings for BKN's monitoring.
    const sanctioned = await move(ppk, c.id, { transition: 'record_sanction', sanctionTypes: ['written_reprimand'], decreeNumber: '800/123/429.012/2024', decreeDate: '2024-12-09' });
    expect(sanctioned.statusCode, sanctioned.body).toBe(200);
    expect(sanctioned.json().warnings.map((w: { code: string }) => w.code)).toEqual(['lighter_than_matrix', 'ethics_missing']);
    const done = await detail(ppk, c.id);
    expect(done).toMatchObject({ state: 'sanction_decided', sanction: { decreeNumber: '800/123/429.012/2024', decreeDate: '2024-12-09', recordedOn: '2024-12-09', types: [{ code: 'written_reprimand', label: 'Teguran tertulis' }] } });
    expect(done.sanction.warnings).toHaveLength(2);

    expect((await move(bkn, c.id, { transition: 'close' })).json()).toMatchObject({ to: 'closed', version: 10 });
    const closed = await detail(bawaslu, c.id);
    expect(closed.closedAt).not.toBeNull();
    expect(closed.transitions.map((x: { code: string }) => x.code)).toEqual(['reopen']);

    // The timeline: one event per step, the reporter sees the milestones only.
    const steps = closed.timeline.filter((e: { kind: string }) => e.kind === 'transition');
    expect(steps.map((e: { transition: string }) => e.transition)).toEqual([
      'start_check',
      'request_information',
      'information_received',
      'classify_violation',
      'forward_to_bkn',
      'bkn_verify',
      'recommend_to_ppk',
      'record_sanction',
      'close',
    ]);
    expect(steps.find((e: { transition: string }) => e.transition === 'bkn_verify').public).toBe(false);
    expect(steps.find((e: { transition: string }) => e.transition === 'request_information')).toMatchObject({ public: true, data: { publicMessage: 'Mohon lampirkan foto kegiatan.' }, note: NOTE });
    expect(closed.auditTrail.map((a: { action: string }) => a.action)).toEqual(Array(9).fill('case.transition'));
    expect(closed.auditTrail[7]).toMatchObject({ actorRole: 'ppk_delegate', data: { transition: 'record_sanction', note: NOTE } });
    expect(await verifyAuditChain(t.ctx)).toMatchObject({ ok: true });
  });

  it('reopening restarts the review clock and clears the closing date', async () => {
    await travelTo(t, '2024-12-10T02:00:00Z');
    const c = await createCase(t, { receivedOn: '2024-11-01', state: 'closed' });
    await t.ctx.db.updateTable('cases').set({ closed_at: new Date() }).where('id', '=', c.id).execute();
    const reopened = await move(bawasluJatim, c.id, { transition: 'reopen' });
    expect(reopened.json()).toMatchObject({ to: 'under_review', nextDeadline: { code: 'review', due: '2024-12-13' } });
    const view = await detail(bawaslu, c.id);
    expect(view).toMatchObject({ closedAt: null, clocks: { reviewRestartedOn: '2024-12-10' } });
  });
});

describe('deadlines that cross holidays', () => {
  it('Pemilu 2024: 7 days (FACTS §3, marked unsure) through Idul Fitri, 14 working days in total once information is requested', async () => {
    await travelTo(t, '2024-04-04T03:00:00Z');
    const c = await createCase(t, { electionId: 'pemilu-2024', receivedOn: '2024-04-04', state: 'under_review' });
    const view = await detail(bawaslu, c.id);
    expect(view.nextDeadline).toMatchObject({ code: 'review', due: '2024-04-11', counting: 'calendar', remaining: 7, unsure: true });
    await travelTo(t, '2024-04-05T03:00:00Z');
    const asked = await move(bawaslu, c.id, { transition: 'request_information' });
    expect(asked.json().nextDeadline).toEqual({ code: 'more_information', due: '2024-04-17' });
    const waiting = await detail(bawaslu, c.id);
    expect(waiting.deadlines.map((d: { code: string; due: string }) => [d.code, d.due])).toEqual([
      ['more_information', '2024-04-17'],
      ['review_extended', '2024-05-03'],
    ]);
  });

  it('Pemilu 2024: the 2-day initial review (kajian awal) is a deadline of its own, before the 7-day review', async () => {
    await travelTo(t, '2024-02-07T03:00:00Z');
    const c = await createCase(t, { electionId: 'pemilu-2024', receivedOn: '2024-02-07' });
    const view = await detail(bawaslu, c.id);
    expect(view.nextDeadline).toMatchObject({ code: 'initial_review', due: '2024-02-09', remaining: 2 });
    expect(view.deadlines.map((d: { code: string; due: string }) => [d.code, d.due])).toEqual([
      ['initial_review', '2024-02-09'],
      ['review', '2024-02-14'],
    ]);
    const listed = (await bawaslu.get('/api/v1/cases?queue=all&electionId=pemilu-2024')).json();
    expect(listed.items.find((x: { id: string }) => x.id === c.id).nextDeadline).toMatchObject({ code: 'initial_review', due: '2024-02-09' });
  });

  it('Pilkada 2024: calendar days run through the 27 November voting day', async () => {
    await travelTo(t, '2024-11-26T03:00:00Z');
    const c = await createCase(t, { receivedOn: '2024-11-26', state: 'formal_check' });
    expect((await detail(bawaslu, c.id)).nextDeadline).toMatchObject({ due: '2024-11-29', remaining: 3 });
  });
});

describe('refusals', () => {
  it('refuses a transition not possible from the state with 409, the reason and what is allowed', async () => {
    await travelTo(t, '2024-10-01T03:00:00Z');
    const c = await createCase(t);
    const res = await move(bawaslu, c.id, { transition: 'forward_to_bkn', letterNumber: 'X-1' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'illegal_transition', details: { reason: 'not_from_state', allowed: ['start_check', 'withdraw'] } });
    expect(res.json().error.message).toContain('tidak dapat dilakukan pada status "Diterima"');
    const english = await bawaslu.request({ method: 'POST', url: `/api/v1/cases/${c.id}/transitions?lang=en`, payload: { transition: 'forward_to_bkn', note: NOTE } });
    expect(english.json().error.message).toContain('is not possible in state "Received"');
  });

  it('refuses a transition the role may not take with 403, naming who may', async () => {
    const c = await createCase(t, { state: 'forwarded_to_bkn', forwardedToBknOn: '2024-09-30', receivedOn: '2024-09-25' });
    const res = await move(bawaslu, c.id, { transition: 'bkn_verify' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'role_not_allowed', details: { allowed: ['bkn_verifier'] } });
    const atPpk = await createCase(t, { state: 'recommended_to_ppk', receivedOn: '2024-09-01', actCodes: ['A02'], asnId: await reportedPerson(t) });
    const personnel = await move(bkpsdm, atPpk.id, { transition: 'record_sanction', sanctionTypes: ['written_reprimand'], decreeNumber: '1/2024', decreeDate: '2024-09-30' });
    expect(personnel.statusCode).toBe(403);
    expect(personnel.json().error.details.allowed).toEqual(['ppk_delegate']);
  });

  it('refuses a missing or short note and a missing or invalid field with 422 beside the field', async () => {
    const c = await createCase(t, { state: 'under_review' });
    const noNote = await bawaslu.post(`/api/v1/cases/${c.id}/transitions`, { transition: 'classify_violation', actCodes: ['A01'], note: 'ok' });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().error.fields).toEqual([{ field: 'body.note', message: 'Catatan wajib diisi, minimal 10 karakter.' }]);
    const noActs = await move(bawaslu, c.id, { transition: 'classify_violation' });
    expect(noActs.json().error).toMatchObject({ code: 'transition_incomplete', fields: [{ field: 'body.actCodes', message: 'Jenis pelanggaran wajib diisi.' }] });
    const badActs = await move(bawaslu, c.id, { transition: 'classify_violation', actCodes: ['A99'] });
    expect(badActs.statusCode).toBe(422);
    expect(badActs.json().error.fields[0]).toMatchObject({ field: 'body.actCodes', message: expect.stringContaining('A01–A12') });
    const unknown = await move(bawaslu, c.id, { transition: 'teleport' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].field).toBe('body.transition');
    // Nothing changed.
    expect((await detail(bawaslu, c.id)).version).toBe(1);
  });

  it('refuses a stale version with 409 "kasus sudah diubah orang lain"', async () => {
    const c = await createCase(t);
    expect((await move(bawaslu, c.id, { transition: 'start_check', expectedVersion: 1 })).statusCode).toBe(200);
    const stale = await move(bawasluJatim, c.id, { transition: 'withdraw', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale_version', message: 'Kasus sudah diubah orang lain, muat ulang.', details: { currentVersion: 2 } });
  });

  it('refuses a change while another person holds the lock (423, naming them), and lets the holder act', async () => {
    const c = await createCase(t);
    expect((await bawaslu.post(`/api/v1/cases/${c.id}/lock`)).statusCode).toBe(200);
    const blocked = await move(bawasluJatim, c.id, { transition: 'start_check' });
    expect(blocked.statusCode).toBe(423);
    expect(blocked.json().error).toMatchObject({ code: 'case_locked', details: { holderId: bawaslu.userId } });
    expect(blocked.json().error.message).toContain('Petugas Uji bawaslu_regency');
    expect(blocked.json().error.message).toMatch(/sampai \d{2}:\d{2} WIB/);
    expect((await move(bawaslu, c.id, { transition: 'start_check' })).statusCode).toBe(200);
    // The lock stays with its holder after an action (no silent disappearance) until released.
    expect((await detail(bawaslu, c.id)).lock).toMatchObject({ holderId: bawaslu.userId, mine: true });
    expect((await move(bawasluJatim, c.id, { transition: 'accept_for_review' })).statusCode).toBe(423);
    expect((await bawaslu.request({ method: 'DELETE', url: `/api/v1/cases/${c.id}/lock` })).statusCode).toBe(200);
    expect((await detail(bawaslu, c.id)).lock).toBeNull();
  });

  it('releases the lock when the case leaves its holder\'s hands, and says so in the timeline', async () => {
    const c = await createCase(t, { state: 'classified_other_law', actCodes: ['A02'], asnId: await reportedPerson(t) });
    expect((await bawaslu.post(`/api/v1/cases/${c.id}/lock`)).statusCode).toBe(200);
    const forwarded = await move(bawaslu, c.id, { transition: 'forward_to_bkn', letterNumber: '001/PM.00.02/K.JI-10/11/2024' });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    const seen = await detail(bawaslu, c.id);
    expect(seen.lock).toBeNull();
    expect(seen.timeline.at(-1).data).toMatchObject({ lockReleased: bawaslu.userId });
  });

  it('lets exactly one of two simultaneous changes through; the other learns the case moved on', async () => {
    const c = await createCase(t);
    const [a, b] = await Promise.all([
      move(bawaslu, c.id, { transition: 'start_check', expectedVersion: 1 }),
      move(bawasluJatim, c.id, { transition: 'withdraw', expectedVersion: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await detail(bawaslu, c.id)).version).toBe(2);
  });

  it('refuses a decree dated after today', async () => {
    await travelTo(t, '2024-12-09T03:00:00Z');
    const c = await createCase(t, { state: 'recommended_to_ppk', receivedOn: '2024-11-01', recommendedToPpkOn: '2024-12-01', actCodes: ['A02'], asnId: await reportedPerson(t) });
    const res = await move(ppk, c.id, { transition: 'record_sanction', sanctionTypes: ['demotion_12_months'], decreeNumber: '800/9/2024', decreeDate: '2024-12-10' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ field: 'body.decreeDate', message: 'Tanggal keputusan tidak boleh setelah hari ini.' }]);
  });

  it("answers 404 for another regency's case, and for an unknown id", async () => {
    const other = await createCase(t, { regionCode: '35.16' });
    const res = await move(bawaslu, other.id, { transition: 'start_check' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Perkara tidak ditemukan.');
    expect((await move(bawaslu, '00000000-0000-4000-8000-000000000000', { transition: 'start_check' })).statusCode).toBe(404);
    // The province covers it.
    expect((await move(bawasluJatim, other.id, { transition: 'start_check' })).statusCode).toBe(200);
  });

  it('clears the assignee when the case passes to a role with nothing to do for them', async () => {
    const c = await createCase(t, { state: 'classified_other_law', actCodes: ['A06'], assigneeId: bawaslu.userId, asnId: await reportedPerson(t) });
    await move(bawaslu, c.id, { transition: 'forward_to_bkn', letterNumber: 'B-77/2024' });
    const view = await detail(bkn, c.id);
    expect(view.assignee).toBeNull();
    expect(view.timeline.at(-1).data).toMatchObject({ unassigned: bawaslu.userId });
  });
});
