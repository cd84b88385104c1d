import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseHandlers, createCase, travelTo } from '../../testing/cases.ts';
import { createStaffAccount, staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

let t: TestApp;
let officer: StaffClient;
let colleague: StaffClient;
let jatim: StaffClient;
let mojokerto: StaffClient;
let bkn: StaffClient;
let ppk: StaffClient;
let bkpsdm: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  let handlers: Awaited<ReturnType<typeof caseHandlers>>;
  [handlers, colleague, mojokerto] = await Promise.all([caseHandlers(t), staffClient(t, 'bawaslu_regency', '35.10'), staffClient(t, 'bawaslu_regency', '35.16')]);
  ({ bawaslu: officer, bawasluJatim: jatim, bkn, ppk, bkpsdm } = handlers);
});
afterAll(async () => t.close());

const NOTE = 'Catatan pemeriksaan yang cukup panjang.';

describe('POST /cases/:id/assign', () => {
  it('assigns to a colleague whose scope covers the case, tells them, records it, and unassigns', async () => {
    const c = await createCase(t);
    const res = await officer.post(`/api/v1/cases/${c.id}/assign`, { userId: colleague.userId, expectedVersion: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ assignee: { id: colleague.userId }, version: 2 });
    const inbox = (await colleague.get('/api/v1/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'assigned', caseId: c.id, personal: true, read: false });
    expect((await colleague.get('/api/v1/cases?queue=mine')).json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);

    // The province re-assigns it to itself, then releases it.
    expect((await jatim.post(`/api/v1/cases/${c.id}/assign`, { userId: jatim.userId })).json()).toMatchObject({ assignee: { id: jatim.userId }, version: 3 });
    expect((await jatim.post(`/api/v1/cases/${c.id}/assign`, { userId: null })).json()).toMatchObject({ assignee: null, version: 4 });
    const view = (await officer.get(`/api/v1/cases/${c.id}`)).json();
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(['received', 'assigned', 'assigned', 'unassigned']);
    expect(view.auditTrail.map((a: { action: string }) => a.action)).toEqual(['case.assigned', 'case.assigned', 'case.unassigned']);
  });

  it('refuses an assignee outside the case’s scope, of a role with nothing to do now, or inactive', async () => {
    const c = await createCase(t);
    const outside = await officer.post(`/api/v1/cases/${c.id}/assign`, { userId: mojokerto.userId });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error).toMatchObject({ code: 'not_assignable', fields: [{ field: 'body.userId', message: 'Perkara ini di luar wilayah tugas akun tersebut.' }] });
    const wrongStage = await officer.post(`/api/v1/cases/${c.id}/assign`, { userId: ppk.userId });
    expect(wrongStage.json().error.fields[0].message).toContain('tidak menangani tahap "Diterima"');
    const analyst = await createStaffAccount(t, 'analyst', null);
    expect((await officer.post(`/api/v1/cases/${c.id}/assign`, { userId: analyst.userId })).json().error.fields[0].message).toBe('Peran akun ini tidak menangani perkara.');
    const gone = await createStaffAccount(t, 'bawaslu_regency', '35.10');
    await t.ctx.db.updateTable('users').set({ active: false }).where('id', '=', gone.userId).execute();
    expect((await officer.post(`/api/v1/cases/${c.id}/assign`, { userId: gone.userId })).json().error.fields[0].message).toBe('Akun tidak ada atau tidak aktif.');
    expect((await officer.post(`/api/v1/cases/${c.id}/assign`, { userId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(422);
  });

  it('lets only a role that handles the current stage assign (403), and hides other regions’ cases (404)', async () => {
    const c = await createCase(t);
    const atPpk = await createCase(t, { state: 'recommended_to_ppk', receivedOn: '2024-09-01', actCodes: ['A02'] });
    expect((await bkn.post(`/api/v1/cases/${atPpk.id}/assign`, { userId: bkn.userId })).statusCode).toBe(403);
    expect((await bkpsdm.post(`/api/v1/cases/${atPpk.id}/assign`, { userId: bkpsdm.userId })).statusCode).toBe(403);
    // Before the forwarding BKN does not see the case at all.
    expect((await bkn.post(`/api/v1/cases/${c.id}/assign`, { userId: bkn.userId })).statusCode).toBe(404);
    expect((await mojokerto.post(`/api/v1/cases/${c.id}/assign`, { userId: mojokerto.userId })).statusCode).toBe(404);
    const stale = await officer.post(`/api/v1/cases/${c.id}/assign`, { userId: officer.userId, expectedVersion: 7 });
    expect(stale.statusCode).toBe(409);
  });

  it('lists the staff the case can go to at its stage', async () => {
    const c = await createCase(t, { state: 'forwarded_to_bkn', receivedOn: '2024-09-20', forwardedToBknOn: '2024-09-30' });
    const res = await bkn.get(`/api/v1/cases/${c.id}/assignable-staff`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; role: string }>;
    expect(items.map((i) => i.role).every((r) => r === 'bkn_verifier')).toBe(true);
    expect(items.map((i) => i.id)).toContain(bkn.userId);
    const early = await createCase(t);
    const bawaslu = (await officer.get(`/api/v1/cases/${early.id}/assignable-staff`)).json().items.map((i: { id: string }) => i.id);
    expect(bawaslu).toEqual(expect.arrayContaining([officer.userId, colleague.userId, jatim.userId]));
    expect(bawaslu).not.toContain(mojokerto.userId);
  });
});

describe('locks', () => {
  it('shows who is working on a case, refuses others (423) until it expires after 15 minutes', async () => {
    await travelTo(t, '2024-10-01T03:00:00Z');
    const c = await createCase(t);
    const taken = await officer.post(`/api/v1/cases/${c.id}/lock`);
    expect(taken.statusCode).toBe(200);
    expect(taken.json().lock).toMatchObject({ holderId: officer.userId, until: '2024-10-01T03:15:00.000Z', mine: true });
    const seen = (await colleague.get(`/api/v1/cases/${c.id}`)).json();
    expect(seen.lock).toMatchObject({ holderId: officer.userId, holderName: 'Petugas Uji bawaslu_regency', mine: false });
    expect((await colleague.get('/api/v1/cases?queue=all&limit=100')).json().items.find((i: { id: string }) => i.id === c.id).lock.holderId).toBe(officer.userId);

    const refused = await colleague.post(`/api/v1/cases/${c.id}/lock`);
    expect(refused.statusCode).toBe(423);
    expect(refused.json().error.message).toContain('10:15 WIB');
    expect((await colleague.request({ method: 'DELETE', url: `/api/v1/cases/${c.id}/lock` })).statusCode).toBe(423);

    // Renewing extends it.
    await travelTo(t, '2024-10-01T03:10:00Z');
    expect((await officer.post(`/api/v1/cases/${c.id}/lock`)).json().lock.until).toBe('2024-10-01T03:25:00.000Z');
    await travelTo(t, '2024-10-01T03:26:00Z');
    expect((await colleague.get(`/api/v1/cases/${c.id}`)).json().lock).toBeNull();
    expect((await colleague.post(`/api/v1/cases/${c.id}/transitions`, { transition: 'start_check', note: NOTE })).statusCode).toBe(200);
    expect((await colleague.post(`/api/v1/cases/${c.id}/lock`)).json().lock.holderId).toBe(colleague.userId);
    const released = await colleague.request({ method: 'DELETE', url: `/api/v1/cases/${c.id}/lock` });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toEqual({ caseId: c.id, lock: null });
  });

  it('refuses a lock to a role with nothing to do at this stage, and outside scope', async () => {
    const c = await createCase(t);
    expect((await jatim.post(`/api/v1/cases/${(await createCase(t, { state: 'forwarded_to_bkn', receivedOn: '2024-09-20' })).id}/lock`)).statusCode).toBe(403);
    expect((await ppk.post(`/api/v1/cases/${c.id}/lock`)).statusCode).toBe(404);
    expect((await mojokerto.post(`/api/v1/cases/${c.id}/lock`)).statusCode).toBe(404);
  });
});

describe('POST /cases/bulk', () => {
  it('applies a transition case by case and reports each result: done, illegal, locked, out of scope', async () => {
    const ok1 = await createCase(t);
    const ok2 = await createCase(t);
    const wrongState = await createCase(t, { state: 'under_review' });
    const locked = await createCase(t);
    const outside = await createCase(t, { regionCode: '35.16' });
    await colleague.post(`/api/v1/cases/${locked.id}/lock`);
    const res = await officer.post('/api/v1/cases/bulk', { action: 'transition', transition: 'start_check', note: NOTE, caseIds: [ok1.id, wrongState.id, locked.id, outside.id, ok2.id] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ succeeded: 2, failed: 3 });
    const byId = Object.fromEntries(body.results.map((r: { caseId: string }) => [r.caseId, r]));
    expect(byId[ok1.id]).toMatchObject({ ok: true, status: 200, version: 2 });
    expect(byId[ok2.id]).toMatchObject({ ok: true, status: 200 });
    expect(byId[wrongState.id]).toMatchObject({ ok: false, status: 409, code: 'illegal_transition' });
    expect(byId[locked.id]).toMatchObject({ ok: false, status: 423, code: 'case_locked', message: expect.stringContaining('Petugas Uji') });
    expect(byId[outside.id]).toMatchObject({ ok: false, status: 404, code: 'not_found' });
    expect((await officer.get(`/api/v1/cases/${ok1.id}`)).json().state).toBe('formal_check');
    expect((await officer.get(`/api/v1/cases/${wrongState.id}`)).json().state).toBe('under_review');
  });

  it('assigns many at once, with the note rule and field checks applied per case', async () => {
    const a = await createCase(t);
    const b = await createCase(t, { state: 'forwarded_to_bkn', receivedOn: '2024-09-20', forwardedToBknOn: '2024-09-30' });
    const res = await officer.post('/api/v1/cases/bulk', { action: 'assign', userId: colleague.userId, caseIds: [a.id, b.id] });
    expect(res.json()).toMatchObject({ succeeded: 1, failed: 1, results: [{ caseId: a.id, ok: true }, { caseId: b.id, ok: false, status: 403, code: 'not_your_stage' }] });
    const noNote = await officer.post('/api/v1/cases/bulk', { action: 'transition', transition: 'start_check', caseIds: [a.id] });
    expect(noNote.json().results[0]).toMatchObject({ ok: false, status: 422, code: 'transition_incomplete' });
  });

  it('rejects an empty or oversized batch before touching any case', async () => {
    expect((await officer.post('/api/v1/cases/bulk', { action: 'assign', userId: null, caseIds: [] })).statusCode).toBe(400);
    const many = Array.from({ length: 101 }, () => '00000000-0000-4000-8000-000000000000');
    expect((await officer.post('/api/v1/cases/bulk', { action: 'assign', userId: null, caseIds: many })).statusCode).toBe(400);
  });
});

describe('GET /cases/:id/sanction-suggestion', () => {
  it('suggests from the case’s acts, previews other acts, and marks unsure readings', async () => {
    const c = await createCase(t, { state: 'classified_other_law', actCodes: ['A06'] });
    const res = await officer.get(`/api/v1/cases/${c.id}/sanction-suggestion`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      actCodes: ['A06'],
      suggestion: { discipline: { level: 'heavy', levelLabel: 'Hukuman disiplin berat' }, ethics: { applies: true, acts: ['A06'] } },
    });
    const preview = (await officer.get(`/api/v1/cases/${c.id}/sanction-suggestion?acts=A08&lang=en`)).json();
    expect(preview.suggestion.discipline).toMatchObject({ level: 'heavy', alternativeLevel: 'moderate' });
    expect(preview.suggestion.unsure[0]).toMatchObject({ act: 'A08', note: 'Some sources say a moderate penalty.' });
    expect((await officer.get(`/api/v1/cases/${c.id}/sanction-suggestion?acts=A99`)).statusCode).toBe(400);
    const none = await createCase(t);
    expect((await officer.get(`/api/v1/cases/${none.id}/sanction-suggestion`)).json()).toEqual({ actCodes: [], suggestion: null });
    expect((await mojokerto.get(`/api/v1/cases/${c.id}/sanction-suggestion`)).statusCode).toBe(404);
  });
});

describe('GET /cases/:id', () => {
  it('offers each role only its legal next transitions, with the fields each needs', async () => {
    const c = await createCase(t, { state: 'under_review' });
    const view = (await officer.get(`/api/v1/cases/${c.id}`)).json();
    expect(view.transitions.map((x: { code: string }) => x.code)).toEqual(['request_information', 'reject_formal', 'classify_violation', 'classify_not_violation', 'classify_other', 'withdraw']);
    expect(view.transitions.find((x: { code: string }) => x.code === 'classify_other').fields.map((f: { code: string }) => f.code)).toEqual(['actCodes', 'otherClass']);
    expect(view.canHandle).toBe(true);
    const atPpk = await createCase(t, { state: 'recommended_to_ppk', receivedOn: '2024-09-01', actCodes: ['A02'] });
    expect((await bkn.get(`/api/v1/cases/${atPpk.id}`)).json()).toMatchObject({ transitions: [], canHandle: false });
    expect((await bkpsdm.get(`/api/v1/cases/${atPpk.id}`)).json()).toMatchObject({ transitions: [], canHandle: false });
    expect((await ppk.get(`/api/v1/cases/${atPpk.id}`)).json().transitions.map((x: { code: string }) => x.code)).toEqual(['record_sanction']);
  });

  it('lists the case’s reports in summary, without the reporter', async () => {
    const c = await createCase(t);
    const view = (await officer.get(`/api/v1/cases/${c.id}`)).json();
    expect(view.reports).toHaveLength(1);
    expect(view.reports[0]).toMatchObject({ source: 'finding', reportedName: 'Budi Fiktif', evidenceCount: 0, anonymous: false });
    expect(JSON.stringify(view.reports[0])).not.toMatch(/sealed|secret/);
  });
});
