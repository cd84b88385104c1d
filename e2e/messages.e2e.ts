/**
 * Issue 17 in Chromium: Bawaslu Banyuwangi asks an anonymous reporter a question from the case
 * page and starts the more-information clock; the reporter reads it on the tracking page with the
 * receipt and secret, answers with a photo; the case goes back to review under the extended
 * deadline, and the officer reads the answer without ever seeing who the reporter is.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { browserForSuite, PHONE_VIEWPORT } from './browser.ts';
import { PHOTO } from './fixtures.ts';
import { signInAs } from './staff.ts';

const BAWASLU = 'bawaslu.banyuwangi@netra.demo';
const QUESTION = 'Di sekolah mana foto itu diambil, dan siapa saja yang hadir? (uji e2e)';
const ANSWER = 'Di SD Negeri 3 Genteng (fiktif), sekitar pukul 10 pagi; hadir dua guru lain.';

/** An anonymous report through the public API, the way the form sends it; its receipt. */
async function fileAnonymousReport(baseUrl: string) {
  const form = (await (await fetch(`${baseUrl}/api/v1/reports/form`)).json()) as { today: string };
  const yesterday = new Date(Date.parse(`${form.today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const body = new FormData();
  const fields: Record<string, string> = {
    electionId: 'pilkada-2024',
    regionCode: '35.10',
    place: 'SD Negeri 3 Genteng (fiktif)',
    occurredOn: yesterday,
    knownOn: yesterday,
    description: 'Seorang guru ASN (fiktif) berfoto dengan pasangan calon sambil mengacungkan jari dan mengunggahnya ke grup sekolah.',
    actCodes: 'A02',
    reportedName: 'Sutrisno Fiktif',
    anonymous: 'true',
  };
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  const res = await fetch(`${baseUrl}/api/v1/reports`, { method: 'POST', body, headers: { 'x-forwarded-for': '10.77.0.1' } });
  if (res.status !== 201) throw new Error(`report failed ${res.status}: ${await res.text()}`);
  return (await res.json()) as { receiptNumber: string; secret: string; caseNumber: string };
}

async function openTracking(page: Page, baseUrl: string, receipt: { receiptNumber: string; secret: string }) {
  await page.goto(`${baseUrl}/lacak`);
  await page.getByLabel('Nomor tanda terima').fill(receipt.receiptNumber);
  await page.getByLabel('Kode rahasia').fill(receipt.secret);
  await page.getByRole('button', { name: 'Lihat status' }).click();
  await page.getByTestId('reporter-thread').waitFor();
}

describe('a question and an answer between Bawaslu and an anonymous reporter', () => {
  const browser = browserForSuite();
  const baseUrl = inject('baseUrl');
  let receipt: { receiptNumber: string; secret: string; caseNumber: string };
  let officer: Page;
  let caseUrl = '';

  afterAll(async () => {
    await officer?.context().close().catch(() => undefined);
  });

  it('the officer asks from the case page and starts the more-information clock', async () => {
    receipt = await fileAnonymousReport(baseUrl);
    officer = await (await browser().newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 } })).newPage();
    await signInAs(officer, baseUrl, BAWASLU);
    await officer.goto(`${baseUrl}/konsol/perkara`);
    await officer.getByRole('link', { name: receipt.caseNumber, exact: true }).click();
    await officer.waitForURL(/\/konsol\/perkara\/[0-9a-f-]{36}$/);
    caseUrl = officer.url();

    // The clock can only be started from the check or review: first the check.
    const steps = officer.getByRole('form', { name: 'Ubah status perkara' });
    await steps.getByRole('radio', { name: /^Mulai pemeriksaan syarat/ }).check();
    await steps.getByLabel('Catatan (wajib, minimal 10 karakter)').fill('Memeriksa kelengkapan laporan (uji e2e).');
    await steps.getByRole('button', { name: 'Simpan tindakan' }).click();
    await officer.getByTestId('case-state').getByText('Pemeriksaan syarat formal dan materiel').waitFor();

    const panel = officer.getByRole('region', { name: 'Percakapan dengan pelapor' });
    await panel.getByText('Belum ada pesan.').waitFor();
    const ask = panel.getByTestId('ask-form');
    await ask.getByLabel('Pertanyaan untuk pelapor').fill(QUESTION);
    await ask.getByRole('checkbox', { name: /Mulai jangka waktu keterangan tambahan/ }).check();
    await ask.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    // The case page reloads with the new state (the panel's own notice goes with the reload).
    await officer.getByTestId('case-state').getByText('Menunggu keterangan tambahan dari pelapor').waitFor();
    await officer.locator('[data-deadline="more_information"]').waitFor();
    await panel.locator('[data-author="officer"]').getByText(QUESTION).waitFor();
  });

  it('the reporter reads the question on the tracking page and answers with a photo', async () => {
    const context = await browser().newContext({ locale: 'id-ID', viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    await openTracking(phone, baseUrl, receipt);
    const thread = phone.getByTestId('reporter-thread');
    await thread.getByText('Ada pertanyaan Bawaslu yang menunggu jawaban Anda.').waitFor();
    await expect(thread.locator('[data-author="officer"]').textContent()).resolves.toContain(QUESTION);
    // Officers are "Bawaslu" to the reporter; no officer's name is shown.
    await expect(thread.textContent()).resolves.not.toMatch(/Banyuwangi@|bawaslu\.banyuwangi/i);

    await thread.getByLabel('Tulis jawaban atau keterangan tambahan').fill(ANSWER);
    await thread.getByLabel('Foto, tangkapan layar atau PDF').setInputFiles({ name: 'sekolah.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
    await thread.getByRole('button', { name: 'Kirim', exact: true }).click();
    await thread.getByRole('status').getByText('Jawaban terkirim. Laporan Anda kembali dikaji oleh Bawaslu.').waitFor();
    await phone.getByTestId('track-status').getByText('Dalam kajian').waitFor();
    await thread.locator('[data-author="reporter"]').getByText(ANSWER).waitFor();
    // The reporter's own photo is shown from its copy without metadata.
    await thread.locator('[data-author="reporter"] img').waitFor();
    await phone.screenshot({ path: 'test-results/reporter-thread.png', fullPage: true });
    await context.close();
  });

  it('the officer reads the answer, the review clock is extended, and the reporter stays anonymous', async () => {
    await officer.goto(caseUrl);
    await officer.getByTestId('case-state').getByText('Dalam kajian').waitFor();
    // The answer extended the review: 3 days + 2 (UU 1/2015 art. 134(6)).
    const extended = officer.locator('[data-deadline="review_extended"]');
    await extended.waitFor();
    await expect(extended.textContent()).resolves.toContain('ps. 134 ayat (6)');
    const panel = officer.getByRole('region', { name: 'Percakapan dengan pelapor' });
    const answer = panel.locator('[data-author="reporter"]');
    await answer.getByText(ANSWER).waitFor();
    await expect(answer.textContent()).resolves.toMatch(/^Pelapor/);
    await expect(panel.getByRole('link', { name: 'JPEG' }).count()).resolves.toBe(1);
    await officer.screenshot({ path: 'test-results/case-thread.png', fullPage: true });
  });
});
