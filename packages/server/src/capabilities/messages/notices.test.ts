import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseHandlers, travelTo } from '../../testing/cases.ts';
import { fictionalReport, submitReport } from '../../testing/reports.ts';
import { mailText, startTestSmtp, type TestSmtp } from '../../testing/smtp.ts';
import type { StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { runOfficerMail } from '../notice-mail/service.ts';
import { runReporterNotices } from './notices.ts';

let t: TestApp;
let smtp: TestSmtp;
let bawaslu: StaffClient;
let bawasluJatim: StaffClient;
beforeAll(async () => {
  t = await createTestApp({ reports: { trackingPerHour: 1000 } });
  smtp = await startTestSmtp();
  await travelTo(t, '2024-09-30T02:00:00Z');
  ({ bawaslu, bawasluJatim } = await caseHandlers(t));
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

async function file() {
  const res = await submitReport(t, fictionalReport());
  expect(res.statusCode, res.body).toBe(201);
  const receipt = res.json() as { receiptNumber: string; secret: string; caseNumber: string };
  const { id } = await t.ctx.db.selectFrom('cases').select('id').where('number', '=', receipt.caseNumber).executeTakeFirstOrThrow();
  return { ...receipt, caseId: id };
}

const notices = (f: { receiptNumber: string; secret: string }, email: string | null) =>
  t.app.inject({ method: 'POST', url: '/api/v1/reports/track/notices', payload: { receiptNumber: f.receiptNumber, secret: f.secret, email } });

describe('the reporter\'s "there is news" e-mail', () => {
  it('arrives at a real SMTP server when a question waits or the status changes, once per news, and carries no case content', async () => {
    const f = await file();
    const on = await notices(f, 'pelapor.fiktif@contoh.invalid');
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ noticesOn: true });
    // The address is sealed, never stored or shown in the clear.
    const stored = await t.ctx.db.selectFrom('reporter_notice_addresses').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('pelapor.fiktif');
    const thread = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track/messages', payload: { receiptNumber: f.receiptNumber, secret: f.secret } });
    expect(thread.body).not.toContain('pelapor.fiktif');
    expect(thread.json().noticesOn).toBe(true);

    expect(await runReporterNotices(t.ctx)).toMatchObject({ sent: 0 });

    await travelTo(t, '2024-09-30T03:00:00Z');
    const question = 'Rahasia: siapa nama kepala sekolah di SD Negeri 2 Sukamaju?';
    expect((await bawaslu.post(`/api/v1/cases/${f.caseId}/messages`, { text: question })).statusCode).toBe(201);
    expect(await runReporterNotices(t.ctx)).toMatchObject({ sent: 1 });
    const mail = await smtp.waitFor('pelapor.fiktif@contoh.invalid');
    const text = mailText(mail.raw);
    expect(text).toMatch(/Ada kabar baru/);
    expect(text).toMatch(/There is news/);
    expect(text).toMatch(/\/lacak/);
    for (const secret of [question, 'Sukamaju', f.receiptNumber, f.caseNumber, f.secret, 'Bambang', 'Diterima', 'Pemeriksaan']) expect(text).not.toContain(secret);

    // Nothing new: nothing sent.
    expect(await runReporterNotices(t.ctx)).toMatchObject({ sent: 0 });

    await travelTo(t, '2024-09-30T04:00:00Z');
    expect((await bawaslu.post(`/api/v1/cases/${f.caseId}/transitions`, { transition: 'start_check', note: 'Memeriksa syarat laporan.' })).statusCode).toBe(200);
    expect(await runReporterNotices(t.ctx)).toMatchObject({ sent: 1 });
    expect(smtp.received.filter((m) => m.to.includes('pelapor.fiktif@contoh.invalid'))).toHaveLength(2);

    // Off: the address is deleted and nothing more is sent.
    expect((await notices(f, null)).json()).toEqual({ noticesOn: false });
    expect(await t.ctx.db.selectFrom('reporter_notice_addresses').selectAll().execute()).toHaveLength(0);
    await travelTo(t, '2024-09-30T05:00:00Z');
    await bawaslu.post(`/api/v1/cases/${f.caseId}/messages`, { text: 'Pertanyaan kedua yang tidak diberitahukan.' });
    expect(await runReporterNotices(t.ctx)).toMatchObject({ sent: 0 });
  });

  it('refuses an invalid address with a field error', async () => {
    const f = await file();
    const res = await notices(f, 'bukan-alamat');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('body.email');
  });
});

describe("officers' e-mail", () => {
  it('follows each officer\'s own settings: an assigned case by e-mail only to whoever asked for it', async () => {
    const initial = await bawaslu.get('/api/v1/notifications/settings');
    expect(initial.json()).toMatchObject({ emailAssigned: false, emailDeadlines: false, smtpConfigured: true });
    const saved = await bawaslu.request({ method: 'PUT', url: '/api/v1/notifications/settings', payload: { emailAssigned: true, emailDeadlines: true } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ emailAssigned: true, emailDeadlines: true });
    const bad = await bawaslu.request({ method: 'PUT', url: '/api/v1/notifications/settings', payload: { emailAssigned: 'ya' } });
    expect(bad.statusCode).toBe(400);

    const f = await file();
    const assigned = await bawasluJatim.post(`/api/v1/cases/${f.caseId}/assign`, { userId: bawaslu.userId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const other = await file();
    expect((await bawaslu.post(`/api/v1/cases/${other.caseId}/assign`, { userId: bawasluJatim.userId })).statusCode).toBe(200);

    const first = await runOfficerMail(t.ctx);
    expect(first.queued).toBe(1);
    const mail = await smtp.waitFor(bawaslu.email);
    expect(mailText(mail.raw)).toContain(f.caseNumber);
    expect(mailText(mail.raw)).toContain(`/konsol/perkara/${f.caseId}`);
    // Once only; and the colleague who did not ask gets none.
    expect(await runOfficerMail(t.ctx)).toEqual({ queued: 0 });
    expect(smtp.received.some((m) => m.to.includes(bawasluJatim.email))).toBe(false);
  });
});
