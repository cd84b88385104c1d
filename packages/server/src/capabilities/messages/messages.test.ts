import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseHandlers, travelTo } from '../../testing/cases.ts';
import { fictionalReport, hasExif, jpegWithExif, multipartBody, submitReport } from '../../testing/reports.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

let t: TestApp;
let bawaslu: StaffClient;
let ppk: StaffClient;
let outsider: StaffClient;
beforeAll(async () => {
  t = await createTestApp({ reports: { trackingPerHour: 1000 } });
  await travelTo(t, '2024-09-30T02:00:00Z'); // Monday 09:00 WIB
  ({ bawaslu, ppk } = await caseHandlers(t));
  outsider = await staffClient(t, 'bawaslu_regency', '35.16');
});
afterAll(async () => t.close());

interface Filed {
  receiptNumber: string;
  secret: string;
  caseId: string;
}

async function file(overrides: Record<string, string> = {}): Promise<Filed> {
  const res = await submitReport(t, fictionalReport(overrides));
  expect(res.statusCode, res.body).toBe(201);
  const receipt = res.json() as { receiptNumber: string; secret: string; caseNumber: string };
  const row = await t.ctx.db.selectFrom('cases').select('id').where('number', '=', receipt.caseNumber).executeTakeFirstOrThrow();
  return { ...receipt, caseId: row.id };
}

const thread = (f: Filed) => t.app.inject({ method: 'POST', url: '/api/v1/reports/track/messages', payload: { receiptNumber: f.receiptNumber, secret: f.secret } });

async function reporterSends(f: Filed, text: string, files: Array<{ name: string; data: Buffer }> = []) {
  const body = await multipartBody({ receiptNumber: f.receiptNumber, secret: f.secret, text }, files);
  return t.app.inject({ method: 'POST', url: '/api/v1/reports/track/messages/send', payload: body.payload, headers: { ...body.headers, 'user-agent': 'Pelapor-Browser/1.0', 'x-forwarded-for': '10.9.9.9' } });
}

async function caseRow(id: string) {
  return t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('the two-way anonymous channel', () => {
  it('an officer asks and starts the more-information clock; the reporter answers with a photo, and the answer extends the review clock', async () => {
    const f = await file();
    expect((await bawaslu.post(`/api/v1/cases/${f.caseId}/transitions`, { transition: 'start_check', note: 'Memeriksa syarat laporan.' })).statusCode).toBe(200);

    const asked = await bawaslu.post(`/api/v1/cases/${f.caseId}/messages`, { text: 'Di sekolah mana kejadian itu berlangsung, dan pukul berapa?', requestInformation: true });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().transition).toMatchObject({ to: 'awaiting_information' });
    // Pilkada: the reporter has 2 calendar days to complete the report.
    expect(asked.json().transition.nextDeadline).toMatchObject({ code: 'more_information', due: '2024-10-02' });

    const seen = await thread(f);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ canSend: true, waitingQuestion: true, noticesOn: false, messages: [{ author: 'officer', body: 'Di sekolah mana kejadian itu berlangsung, dan pukul berapa?', requestsInformation: true }] });
    // Officers are "Bawaslu" to the reporter, never a name or an account.
    expect(seen.body).not.toContain(bawaslu.userId);
    expect(seen.body).not.toMatch(/officerName/);

    await travelTo(t, '2024-10-01T03:00:00Z');
    const answered = await reporterSends(f, 'Di SD Negeri 2 Sukamaju, sekitar pukul 10 pagi.', [{ name: 'foto-sekolah.jpg', data: await jpegWithExif() }]);
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json()).toMatchObject({ evidenceCount: 1, answeredRequest: true });

    const row = await caseRow(f.caseId);
    expect(row.state).toBe('under_review');
    // Received 30 Sep: 3 days, extended by 2 because information was needed (UU 1/2015 art. 134(6)).
    expect({ code: row.next_deadline_code, due: row.next_deadline_due }).toEqual({ code: 'review_extended', due: '2024-10-05' });

    const staffView = await bawaslu.get(`/api/v1/cases/${f.caseId}/messages`);
    expect(staffView.statusCode, staffView.body).toBe(200);
    const [report] = staffView.json().reports;
    expect(report).toMatchObject({ anonymous: true, canReceive: true });
    expect(report.messages.map((m: { author: string }) => m.author)).toEqual(['officer', 'reporter']);
    expect(report.messages[1].evidence).toHaveLength(1);
    const original = await bawaslu.get(report.messages[1].evidence[0].url);
    expect(original.statusCode).toBe(200);

    // The reporter's copy of their own photo has no metadata.
    const mine = (await thread(f)).json();
    const copy = await t.app.inject(mine.messages[1].evidence[0].url);
    expect(copy.statusCode).toBe(200);
    expect(await hasExif(copy.rawPayload)).toBe(false);

    // Nothing identifying the reporter is kept: no address, no browser, in any audit entry about them.
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'ip', 'user_agent', 'data']).where('action', 'in', ['report.message_received', 'case.transition', 'case.question_sent']).execute();
    const reporterEntries = audit.filter((a) => a.action === 'report.message_received' || (a.data as { byReporter?: boolean }).byReporter);
    expect(reporterEntries.length).toBe(2);
    for (const entry of reporterEntries) expect([entry.ip, entry.user_agent]).toEqual([null, null]);
    expect(JSON.stringify(audit)).not.toContain('10.9.9.9');
    expect(JSON.stringify(audit)).not.toContain('Sukamaju, sekitar');
    expect(audit.some((a) => a.action === 'case.question_sent')).toBe(true);
  });

  it('the reporter adds information at any stage before closure, and not after', async () => {
    await travelTo(t, '2024-09-30T02:00:00Z');
    const f = await file();
    const added = await reporterSends(f, 'Saya lupa menyebut: ada dua saksi lain di lokasi.');
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().answeredRequest).toBe(false);
    expect((await caseRow(f.caseId)).state).toBe('received');

    await t.ctx.db.updateTable('cases').set({ state: 'closed', closed_at: t.ctx.now() }).where('id', '=', f.caseId).execute();
    const late = await reporterSends(f, 'Masih ada yang ingin saya tambahkan.');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('case_finished');
    expect((await thread(f)).json().canSend).toBe(false);
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track/messages/send?lang=en', payload: { receiptNumber: f.receiptNumber, secret: f.secret, text: 'More.' } });
    expect(en.json().error.message).toMatch(/has ended/);
  });

  it('refuses a wrong secret like an unknown receipt, and short or empty messages with field errors', async () => {
    const f = await file();
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track/messages', payload: { receiptNumber: f.receiptNumber, secret: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' } });
    expect(wrong.statusCode).toBe(404);
    const empty = await reporterSends(f, ' ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].field).toBe('body.text');
    const shortQuestion = await bawaslu.post(`/api/v1/cases/${f.caseId}/messages`, { text: 'Apa?' });
    expect(shortQuestion.statusCode).toBe(400);
  });

  it('a question that cannot start the clock at this stage is refused whole; a plain question is fine', async () => {
    const f = await file();
    const early = await bawaslu.post(`/api/v1/cases/${f.caseId}/messages`, { text: 'Mohon kirim foto yang lebih jelas.', requestInformation: true });
    expect(early.statusCode).toBe(409);
    expect((await thread(f)).json().messages).toHaveLength(0);
    const plain = await bawaslu.post(`/api/v1/cases/${f.caseId}/messages`, { text: 'Mohon kirim foto yang lebih jelas.' });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json().transition).toBeNull();
    expect((await caseRow(f.caseId)).state).toBe('received');
  });

  it('an officer outside the region cannot read or write the thread; the PPK cannot ask', async () => {
    const f = await file();
    expect((await outsider.get(`/api/v1/cases/${f.caseId}/messages`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/cases/${f.caseId}/messages`, { text: 'Pertanyaan dari luar wilayah.' })).statusCode).toBe(404);
    expect((await ppk.post(`/api/v1/cases/${f.caseId}/messages`, { text: 'Pertanyaan dari PPK yang tidak berwenang.' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${f.caseId}/messages` })).statusCode).toBe(401);
  });

  it("a named reporter's identity never appears in the thread", async () => {
    const f = await file({ anonymous: 'false', reporterName: 'Sri Rahayu Fiktif', reporterPhone: '+6281234500001', reporterEmail: 'sri.fiktif@contoh.invalid' });
    await reporterSends(f, 'Informasi tambahan dari pelapor bernama.');
    const view = await bawaslu.get(`/api/v1/cases/${f.caseId}/messages`);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toMatch(/Sri Rahayu|6281234500001|sri\.fiktif/);
    expect(view.json().reports[0].anonymous).toBe(false);
  });
});
