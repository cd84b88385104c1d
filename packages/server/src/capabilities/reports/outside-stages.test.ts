/**
 * A report about an act outside every stage of the election: the form hears it before sending,
 * the receipt says it, and the officer sees it on the case. The report is still accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { travelTo } from '../../testing/cases.ts';
import { fictionalReport, submitReport } from '../../testing/reports.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

let t: TestApp;
let officer: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  officer = await staffClient(t, 'bawaslu_regency', '35.10');
  // June 2026: Pilkada 2024's last stage ended long before.
  await travelTo(t, '2026-06-01T03:00:00Z');
});
afterAll(async () => t.close());

describe('an act outside every stage of the election', () => {
  it('is said by the window check before sending, and not for an act within the stages', async () => {
    const late = await t.app.inject('/api/v1/reports/window?electionId=pilkada-2024&regionCode=35.10&knownOn=2026-05-31&occurredOn=2026-05-30');
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().outsideStages).toContain('Kejadian pada 30 Mei 2026 berada di luar tahapan');
    const english = await t.app.inject('/api/v1/reports/window?electionId=pilkada-2024&regionCode=35.10&knownOn=2026-05-31&occurredOn=2026-05-30&lang=en');
    expect(english.json().outsideStages).toContain('after the last stage ended');
    const within = await t.app.inject('/api/v1/reports/window?electionId=pilkada-2024&regionCode=35.10&knownOn=2026-05-31&occurredOn=2024-11-20');
    expect(within.json().outsideStages).toBeUndefined();
    // Without the date of the act the check is only about the window.
    expect((await t.app.inject('/api/v1/reports/window?electionId=pilkada-2024&regionCode=35.10&knownOn=2026-05-31')).json().outsideStages).toBeUndefined();
  });

  it('is accepted, with the warning on the receipt and on the case for the officer', async () => {
    const res = await submitReport(t, fictionalReport({ occurredOn: '2026-05-30', knownOn: '2026-05-31' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().outsideStages).toContain('di luar tahapan');
    const kase = await t.ctx.db.selectFrom('cases').select('id').where('number', '=', res.json().caseNumber).executeTakeFirstOrThrow();
    const detail = (await officer.get(`/api/v1/cases/${kase.id}`)).json();
    expect(detail.reports[0].outsideStages).toContain('setelah tahapan terakhir selesai');
  });
});
