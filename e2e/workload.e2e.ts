/**
 * The day's work on the console home, as a Bawaslu officer, BKN and a PPK see it in Chromium.
 * Bawaslu Kalimantan Timur (WITA) records three paper reports whose clocks are due today, in the
 * next days and overdue (their dates of receipt chosen with the core's own deadline rule), takes
 * one as assigned to them, and the home's figures move by exactly those cases; each figure opens
 * the queue filtered to the same cases. BKN and then the PPK of Banyuasin see their home move by
 * exactly three cases Bawaslu Banyuasin hands on, one due today, one overdue, one assigned.
 */
import { addDays, dateInTimeZone, nextCaseDeadline, PILKADA_2024 } from '@netra/core';
import fs from 'node:fs';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser.ts';
import { apiCall, signInAs } from './staff.ts';

const OFFICER = 'bawaslu.kaltim@netra.demo';
type Workload = { items: Array<{ code: string; count: number; href: string }>; notificationsUnread: number };

const call = apiCall;

const countsOf = (w: Workload) => Object.fromEntries(w.items.map((i) => [i.code, i.count]));

/** The figures as the home page shows them. */
async function homeCounts(page: Page, baseUrl: string): Promise<Record<string, number>> {
  await page.goto(`${baseUrl}/konsol`);
  await page.getByRole('heading', { name: 'Pekerjaan hari ini' }).waitFor();
  await page.locator('[data-work="waiting"]').waitFor();
  const links = await page.locator('.work-stats a[data-work]').all();
  const entries = await Promise.all(links.map(async (l) => [await l.getAttribute('data-work'), Number((await l.textContent())!.replace(/\D/g, ''))] as const));
  return Object.fromEntries(entries);
}

/** Open a figure's link and count the cases the queue lists. */
async function queueRows(page: Page, code: string): Promise<number> {
  await page.locator(`.work-stats a[data-work="${code}"]`).click();
  await page.waitForURL(/\/konsol\/perkara\?/);
  await page.locator('.case-table, .empty').first().waitFor();
  return page.locator('.case-table tbody tr[data-case]').count();
}

/**
 * The home moved by exactly the seeded cases (one due today, one overdue, one assigned to me, three
 * waiting), and each figure opens a queue listing as many cases as it says.
 */
async function expectSeededMoves(page: Page, baseUrl: string, shown: Record<string, number>, before: Record<string, number>): Promise<void> {
  expect(shown.due_today).toBe(before.due_today + 1);
  expect(shown.overdue).toBe(before.overdue + 1);
  expect(shown.mine).toBe(before.mine + 1);
  expect(shown.waiting).toBe(before.waiting + 3);
  for (const code of ['due_today', 'overdue', 'mine', 'waiting'] as const) {
    await page.goto(`${baseUrl}/konsol`);
    expect(await queueRows(page, code), code).toBe(shown[code]);
  }
}

/** A date of receipt whose first clock (received → check) falls on `target`, by the core's rule. */
function receivedOnFor(target: string, today: string): string | null {
  for (let back = 0; back <= 20; back++) {
    const receivedOn = addDays(today, -back);
    const next = nextCaseDeadline('received', { receivedDate: receivedOn, informationRequestedDate: null, reviewRestartedDate: null, forwardedToBknDate: null, recommendedToPpkDate: null }, PILKADA_2024.rulebook, receivedOn);
    if (next?.due === target) return receivedOn;
  }
  return null;
}

describe("the day's work on the console home", () => {
  const browser = browserForSuite();
  const baseUrl = inject('baseUrl');

  it('moves by exactly the seeded cases for a Bawaslu officer, each figure opening its filtered queue', async () => {
    const page = await browser().newPage({ locale: 'id-ID' });
    await signInAs(page, baseUrl, OFFICER);
    const before = countsOf((await call<Workload>(page, 'GET', '/workload')).json);
    const today = dateInTimeZone(new Date(), 'Asia/Makassar');
    const dueToday = receivedOnFor(today, today);
    const overdue = receivedOnFor(addDays(today, -3), today) ?? receivedOnFor(addDays(today, -4), today) ?? receivedOnFor(addDays(today, -5), today);
    expect(dueToday, 'a date of receipt whose clock ends today').not.toBeNull();
    expect(overdue, 'a date of receipt whose clock ended days ago').not.toBeNull();
    const file = async (receivedOn: string) => {
      const res = await call<{ caseId: string; caseNumber: string }>(page, 'POST', '/intake/reports', {
        source: 'paper',
        receivedOn,
        electionId: 'pilkada-2024',
        regionCode: '64',
        place: 'Kantor Kelurahan Fiktif, Samarinda',
        occurredOn: receivedOn,
        knownOn: receivedOn,
        description: 'Seorang lurah (fiktif) menghadiri deklarasi pasangan calon gubernur sambil mengenakan atribut kampanye.',
        actCodes: ['A02'],
        reportedName: 'Lurah Fiktif Samarinda',
        anonymous: true,
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      return res.json;
    };
    await file(dueToday!);
    const late = await file(overdue!);
    const assigned = (await file(today)).caseId;
    const me = (await call<{ user: { id: string } }>(page, 'GET', '/auth/session')).json.user.id;
    expect((await call(page, 'POST', `/cases/${assigned}/assign`, { userId: me })).status).toBe(200);

    const shown = await homeCounts(page, baseUrl);
    expect(shown).toEqual(countsOf((await call<Workload>(page, 'GET', '/workload')).json));
    expect(shown.new).toBe(before.new + 3);
    await expect(page.getByText(/^Per .* WITA\./).count()).resolves.toBe(1);
    await page.screenshot({ path: 'test-results/workload-officer.png', fullPage: true });
    await expectSeededMoves(page, baseUrl, shown, before);
    // The overdue queue exports as CSV with the same filter: the seeded overdue case is in it.
    await page.goto(`${baseUrl}/konsol`);
    await queueRows(page, 'overdue');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Ekspor .+ \(CSV\)$/ }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(late.caseNumber);
    expect(csv.split('\n').filter((line) => /^NTR-/.test(line)).length).toBe(shown.overdue);
    expect(csv).toMatch(/ WITA/);
    await page.close();
  });

  /**
   * BKN and the PPK: Bawaslu Banyuasin carries three paper reports, each with its civil servant
   * linked from the register, to BKN (and BKN on to the PPK); then the clock of one is travelled to
   * fall due today and of another to have run out, the way the server's tests travel theirs (the
   * date a case was forwarded is rightly not something the API lets anyone set). The role's home
   * moves by exactly those cases, and each figure opens the queue with as many rows.
   */
  it('moves by exactly the seeded cases for BKN and then for the PPK of Banyuasin, each figure opening its queue', async () => {
    const db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    const pages: Page[] = [];
    const signedIn = async (email: string) => {
      const page = await browser().newPage({ locale: 'id-ID' });
      pages.push(page);
      await signInAs(page, baseUrl, email);
      return page;
    };
    try {
      const bawaslu = await signedIn('bawaslu.banyuasin@netra.demo');
      const bkn = await signedIn('bkn@netra.demo');
      const ppk = await signedIn('ppk.banyuasin@netra.demo');
      const today = dateInTimeZone(new Date(), 'Asia/Jakarta');
      const move = async (page: Page, caseId: string, body: Record<string, unknown>) => {
        const res = await call(page, 'POST', `/cases/${caseId}/transitions`, { note: 'Langkah uji e2e beban kerja (fiktif).', ...body });
        expect(res.status, `${String(body.transition)}: ${JSON.stringify(res.json)}`).toBe(200);
      };
      const people = await call<{ items: Array<{ id: number }> }>(bawaslu, 'GET', '/register/asn?regionCode=16.07&limit=3');
      expect(people.json.items.length, 'the demo register has civil servants in Banyuasin').toBe(3);
      const caseIds: string[] = [];
      for (const [i, person] of people.json.items.entries()) {
        const filed = await call<{ caseId: string }>(bawaslu, 'POST', '/intake/reports', {
          source: 'paper',
          receivedOn: today,
          electionId: 'pilkada-2024',
          regionCode: '16.07',
          place: `Balai Desa Fiktif ${i + 1}, Banyuasin`,
          occurredOn: today,
          knownOn: today,
          description: 'Seorang kepala seksi (fiktif) mengajak warga memilih pasangan calon bupati dalam acara desa.',
          actCodes: ['A02'],
          reportedName: 'Terlapor Fiktif Banyuasin',
          // A named reporter: the formal requirements are met and the report goes to review as it is.
          anonymous: false,
          reporterName: 'Warga Pelapor (fiktif)',
          reporterAddress: 'Jl. Contoh No. 2, Desa Fiktif, Banyuasin',
          reporterPhone: '081200000002',
        });
        expect(filed.status, JSON.stringify(filed.json)).toBe(201);
        const caseId = filed.json.caseId;
        caseIds.push(caseId);
        expect((await call(bawaslu, 'POST', `/cases/${caseId}/people`, { asnId: person.id })).status).toBe(201);
        await move(bawaslu, caseId, { transition: 'start_check' });
        await move(bawaslu, caseId, { transition: 'accept_for_review' });
        await move(bawaslu, caseId, { transition: 'classify_violation', actCodes: ['A02'] });
      }

      /** Forward (or recommend) all three, then set the clocks of the first two to end today and days ago. */
      const handOn = async (page: Page, body: Record<string, unknown>, column: 'forwarded_to_bkn_on' | 'recommended_to_ppk_on', clock: 'forwardedToBknDate' | 'recommendedToPpkDate', state: 'forwarded_to_bkn' | 'recommended_to_ppk') => {
        for (const [i, caseId] of caseIds.entries()) await move(page, caseId, { ...body, letterNumber: `E2E/${column}/${i + 1}` });
        const startedFor = (due: string): string => {
          for (let back = 0; back <= 60; back++) {
            const started = addDays(today, -back);
            const clocks = { receivedDate: today, informationRequestedDate: null, reviewRestartedDate: null, forwardedToBknDate: null, recommendedToPpkDate: null, [clock]: started };
            if (nextCaseDeadline(state, clocks, PILKADA_2024.rulebook, today)?.due === due) return started;
          }
          throw new Error(`no start date gives a ${state} clock due ${due}`);
        };
        for (const [caseId, due] of [[caseIds[0], today], [caseIds[1], addDays(today, -2)]] as const) {
          await db.query(`UPDATE cases SET ${column} = $2, next_deadline_due = $3 WHERE id = $1`, [caseId, startedFor(due), due]);
        }
      };
      const expectMoved = async (page: Page, before: Record<string, number>) => {
        const shown = await homeCounts(page, baseUrl);
        expect(shown).toEqual(countsOf((await call<Workload>(page, 'GET', '/workload')).json));
        expect(shown.new).toBeUndefined();
        await expectSeededMoves(page, baseUrl, shown, before);
      };
      const assignToSelf = async (page: Page, caseId: string) => {
        const me = (await call<{ user: { id: string } }>(page, 'GET', '/auth/session')).json.user.id;
        const res = await call(page, 'POST', `/cases/${caseId}/assign`, { userId: me });
        expect(res.status, JSON.stringify(res.json)).toBe(200);
      };

      const bknBefore = countsOf((await call<Workload>(bkn, 'GET', '/workload')).json);
      await handOn(bawaslu, { transition: 'forward_to_bkn' }, 'forwarded_to_bkn_on', 'forwardedToBknDate', 'forwarded_to_bkn');
      await assignToSelf(bkn, caseIds[2]!);
      await expectMoved(bkn, bknBefore);
      await bkn.screenshot({ path: 'test-results/workload-bkn.png', fullPage: true });

      const ppkBefore = countsOf((await call<Workload>(ppk, 'GET', '/workload')).json);
      for (const caseId of caseIds) await move(bkn, caseId, { transition: 'bkn_verify' });
      await handOn(bkn, { transition: 'recommend_to_ppk' }, 'recommended_to_ppk_on', 'recommendedToPpkDate', 'recommended_to_ppk');
      await assignToSelf(ppk, caseIds[2]!);
      await expectMoved(ppk, ppkBefore);
      // The three cases left BKN's hands; the PPK's overdue one stays in BKN's overdue view (BKN oversees the follow-up).
      const bknAfter = countsOf((await call<Workload>(bkn, 'GET', '/workload')).json);
      expect(bknAfter).toEqual({ ...bknBefore, overdue: bknBefore.overdue + 1 });
    } finally {
      await db.end();
      for (const page of pages) await page.close();
    }
  });
});
