/**
 * Issue 17's inbox in Chromium: a WhatsApp message, signed as Meta signs it, lands in the inbox of
 * Bawaslu Banyuwangi (the message names the regency); the officer opens the conversation on the
 * console, makes it a report, and finds the case; the sender's number never appears on the page.
 */
import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser.ts';
import { E2E_WHATSAPP_SECRET } from './global-setup.ts';
import { signInAs } from './staff.ts';

const SENDER = '6285711223344';

async function postWhatsapp(baseUrl: string, id: string, text: string, secret = E2E_WHATSAPP_SECRET) {
  const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6281100000001' }, messages: [{ from: SENDER, id, timestamp: '1733290000', type: 'text', text: { body: text } }] } }] }] });
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return fetch(`${baseUrl}/api/v1/inbox/webhooks/whatsapp`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });
}

describe('a WhatsApp message becomes a report on the console', () => {
  const browser = browserForSuite();
  const baseUrl = inject('baseUrl');

  it('refuses a bad signature, takes a signed message, and the officer makes it a report', async () => {
    expect((await postWhatsapp(baseUrl, 'wamid.e2e.bad', 'palsu', 'kunci-lain')).status).toBe(401);
    const ok = await postWhatsapp(baseUrl, 'wamid.e2e.1', 'Kepala dinas (fiktif) di Banyuwangi membagikan kaos paslon kepada pegawai pada apel pagi.');
    expect(ok.status).toBe(200);

    const page: Page = await (await browser().newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 } })).newPage();
    await signInAs(page, baseUrl, 'bawaslu.banyuwangi@netra.demo');
    await page.getByRole('link', { name: 'Kotak masuk SMS/WA' }).first().click();
    const list = page.getByTestId('inbox-list');
    const item = list.locator('[data-channel="whatsapp"]', { hasText: 'membagikan kaos paslon' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Kabupaten Banyuwangi');
    await item.getByRole('link').click();
    await page.waitForURL(/\/konsol\/kotak-masuk\/[0-9a-f-]{36}$/);

    const form = page.getByTestId('report-form');
    const today = (await (await fetch(`${baseUrl}/api/v1/reports/form`)).json()) as { today: string };
    await form.getByLabel('Tempat kejadian').fill('Halaman kantor dinas (fiktif)');
    await form.getByLabel('Tanggal kejadian').fill(today.today);
    await form.getByLabel('Tanggal diketahui').fill(today.today);
    await form.getByLabel('Nama yang dilaporkan').fill('Kepala Dinas Fiktif');
    await form.getByLabel(/Jenis pelanggaran/).fill('A02');
    await form.getByRole('button', { name: 'Buat laporan' }).click();
    await page.getByRole('status').getByText(/Laporan NTR-.* dibuat; tanda terima dikirim ke pengirim\./).waitFor();
    await page.getByTestId('conversation-status').getByText(/Dijadikan laporan/).waitFor();
    // The receipt went to the outbox; the provider here is unreachable, and the page says so.
    await page.getByText(/tanda terima · (gagal|antre|terkirim)/).waitFor();
    await expect(page.content()).resolves.not.toContain(SENDER);
    await page.screenshot({ path: 'test-results/inbox-conversation.png', fullPage: true });

    await page.getByRole('link', { name: 'Buka perkara' }).click();
    await page.waitForURL(/\/konsol\/perkara\/[0-9a-f-]{36}$/);
    await page.getByTestId('case-state').waitFor();
    await expect(page.content()).resolves.not.toContain(SENDER);
    await page.context().close();
  });
});
