import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, travelTo } from '../testing/cases.ts';
import { staffClient, type StaffClient } from '../testing/staff.ts';
import { createTestApp, type TestApp } from '../testing/test-database.ts';

let t: TestApp;
let officer: StaffClient;
let colleague: StaffClient;
let mojokerto: StaffClient;
let bkn: StaffClient;

/** A case whose one report is a public report, anonymous and/or late. */
async function publicReport(weak: { anonymous: boolean; lateByDays: number }, regionCode = '35.10') {
  const c = await createCase(t, { regionCode, state: 'formal_check', receivedOn: '2024-11-20' });
  const report = await t.ctx.db
    .updateTable('reports')
    .set({ source: 'public', anonymous: weak.anonymous, late_by_days: weak.lateByDays })
    .where('case_id', '=', c.id)
    .returning(['id', 'receipt_number'])
    .executeTakeFirstOrThrow();
  return { caseId: c.id, caseNumber: c.number, reportId: report.id, receipt: report.receipt_number };
}

const accept = (client: StaffClient, caseId: string, extra: Record<string, unknown> = {}) =>
  client.post(`/api/v1/cases/${caseId}/transitions`, { transition: 'accept_for_review', note: 'Syarat diperiksa dalam uji.', ...extra });

beforeAll(async () => {
  t = await createTestApp();
  [officer, colleague, mojokerto, bkn] = await Promise.all([
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_regency', '35.16'),
    staffClient(t, 'bkn_verifier', null),
  ]);
  await travelTo(t, '2024-11-25T03:00:00Z');
});
afterAll(async () => t.close());

describe('a weak report: a Bawaslu finding, or an officer decision with a reason', () => {
  it('keeps an anonymous report out of review without a reason, and says the lawful path', async () => {
    const r = await publicReport({ anonymous: true, lateByDays: 0 });
    const refused = await accept(officer, r.caseId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'formal_requirements_unmet', details: { weaknesses: ['anonymous'] } });
    expect(refused.json().error.message).toContain('jadikan temuan Bawaslu');
    expect(refused.json().error.fields[0].field).toBe('body.formalOverride');
    // The officer may still decide so, with a reason that is kept.
    const decided = await accept(officer, r.caseId, { formalOverride: 'Kejadian berulang, saksi dapat dihubungi langsung.' });
    expect(decided.statusCode, decided.body).toBe(200);
    const event = await t.ctx.db.selectFrom('case_events').select('data').where('case_id', '=', r.caseId).where('transition', '=', 'accept_for_review').executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ formalOverride: 'Kejadian berulang, saksi dapat dihubungi langsung.', weaknesses: ['anonymous'] });
  });

  it('lets a named, timely report into review as before', async () => {
    const r = await publicReport({ anonymous: false, lateByDays: 0 });
    expect((await accept(officer, r.caseId)).statusCode).toBe(200);
  });

  it('turns a late report into a finding recorded by the officer, the report kept as its source', async () => {
    const r = await publicReport({ anonymous: false, lateByDays: 4 });
    const made = await officer.post(`/api/v1/reports/${r.reportId}/finding`, { note: 'Diambil sebagai informasi awal temuan.' });
    expect(made.statusCode, made.body).toBe(201);
    const finding = made.json();
    expect(finding).toMatchObject({ source: { id: r.reportId, caseId: r.caseId }, weaknesses: ['late'] });
    expect(finding.caseId).not.toBe(r.caseId);
    const stored = await t.ctx.db.selectFrom('reports').select(['source', 'created_by', 'description', 'known_on']).where('id', '=', finding.reportId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ source: 'finding', created_by: officer.userId, known_on: '2024-11-20' });
    expect(stored.description).toContain(r.receipt);
    // Both cases say so; the original report is untouched.
    const events = await t.ctx.db.selectFrom('case_events').select(['case_id', 'kind', 'data']).where('kind', 'in', ['finding_made', 'finding_from_report']).execute();
    expect(events.find((e) => e.kind === 'finding_made')).toMatchObject({ case_id: r.caseId, data: { findingCaseId: finding.caseId } });
    expect(events.find((e) => e.kind === 'finding_from_report')).toMatchObject({ case_id: finding.caseId, data: { reportId: r.reportId } });
    expect((await t.ctx.db.selectFrom('reports').select('source').where('id', '=', r.reportId).executeTakeFirstOrThrow()).source).toBe('public');
    const audit = await t.ctx.db.selectFrom('audit_log').select('data').where('action', '=', 'report.made_finding').where('entity_id', '=', r.reportId).executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ findingCaseId: finding.caseId });
    // Again: the same finding, nothing doubled.
    const again = await officer.post(`/api/v1/reports/${r.reportId}/finding`, { note: 'Diambil sebagai informasi awal temuan.' });
    expect(again.json().caseId).toBe(finding.caseId);
    expect(await t.ctx.db.selectFrom('case_events').select('id').where('kind', '=', 'finding_made').execute()).toHaveLength(1);
    // The recorder cannot classify it alone (four eyes); the finding needs no reason to enter review.
    await officer.post(`/api/v1/cases/${finding.caseId}/transitions`, { transition: 'start_check', note: 'Mulai pemeriksaan temuan.' });
    expect((await accept(colleague, finding.caseId)).statusCode).toBe(200);
  });

  it('refuses a report that meets the requirements (409), one outside the scope (404), a short reason (400), BKN (403)', async () => {
    const fine = await publicReport({ anonymous: false, lateByDays: 0 });
    expect((await officer.post(`/api/v1/reports/${fine.reportId}/finding`, { note: 'Dijadikan temuan saja.' })).statusCode).toBe(409);
    const elsewhere = await publicReport({ anonymous: true, lateByDays: 0 });
    expect((await mojokerto.post(`/api/v1/reports/${elsewhere.reportId}/finding`, { note: 'Dijadikan temuan saja.' })).statusCode).toBe(404);
    expect((await officer.post(`/api/v1/reports/${elsewhere.reportId}/finding`, { note: 'pendek' })).statusCode).toBe(400);
    expect((await bkn.post(`/api/v1/reports/${elsewhere.reportId}/finding`, { note: 'Dijadikan temuan saja.' })).statusCode).toBe(403);
  });
});
