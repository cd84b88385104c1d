/**
 * Social-media screening in the console: a Bawaslu officer of Kabupaten Mojokerto registers a
 * fictional candidate pair, imports a small JSONL of monitored posts (one malformed line), sees
 * the queue with the matched words highlighted, and confirms a post into a report.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { signInAs } from './staff.ts';

const OFFICER = 'bawaslu.kabmojokerto@netra.demo';
const stamp = Date.now().toString(36);
const SUPPORT = `Ayo rek, jgn lupa coblos no 1 Mas Gilang - Mbak Sekar!! #GilangSekar ${stamp}`;

function postsFile(): string {
  const line = (n: number, text: string) =>
    JSON.stringify({ platform: 'facebook', handle: `guru.mojo.${stamp}`, url: `https://facebook.example/posts/${stamp}-${n}`, text, postedAt: '2024-10-20T08:00:00+07:00', kind: 'post' });
  return [line(1, SUPPORT), '{"platform": "facebook", "text": ', line(3, `Rapat koordinasi persiapan apel siaga netralitas ASN ${stamp}`)].join('\n');
}

describe('screening console', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAs(page, baseUrl, OFFICER);
  });
  afterAll(async () => browser?.close());

  it('imports posts, shows the queue with highlighted spans, and confirms one into a report', async () => {
    // A fictional pair in the officer's regency, through the candidates API with the session.
    const created = await page.evaluate(async () => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/v1/candidates', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          electionId: 'pilkada-2024',
          regionCode: '35.16',
          ballotNumber: 1,
          head: { name: 'Gilang Mahardika Putranto', nickname: 'Mas Gilang' },
          deputy: { name: 'Sekarwangi Larasati Nirmala', nickname: 'Mbak Sekar' },
          independent: false,
          parties: ['PKB'],
          incumbent: null,
          slogans: ['Mojokerto Makin Sejahtera'],
          hashtags: ['#GilangSekar'],
        }),
      });
      return res.status;
    });
    expect([200, 201]).toContain(created);

    await page.goto(`${baseUrl}/konsol/penapisan/impor`);
    await page.getByRole('heading', { name: 'Impor unggahan pantauan' }).waitFor();
    await page.getByLabel('Pemilihan').selectOption('pilkada-2024');
    await page.getByLabel('Berkas (.jsonl atau .csv)').setInputFiles({ name: 'pantauan.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(postsFile()) });
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByRole('heading', { name: /Hasil impor/ }).waitFor();
    const rejected = page.getByTestId('rejected-lines');
    await expect(rejected.locator('td').first().textContent()).resolves.toBe('2');
    await expect(rejected.textContent()).resolves.toContain('Baris bukan JSON yang sah');
    await page.screenshot({ path: 'test-results/screening-import.png', fullPage: true });

    await page.getByRole('link', { name: 'Lihat antrean' }).click();
    await page.getByRole('heading', { name: 'Antrean penapisan media sosial' }).waitFor();
    const card = page.getByTestId('screening-post').filter({ hasText: stamp }).filter({ hasText: 'coblos' });
    await card.waitFor();
    const marked = (await card.locator('mark').allTextContents()).join(' ').toLowerCase();
    expect(marked).toContain('coblos');
    expect(marked).toContain('gilangsekar');
    await expect(card.textContent()).resolves.toContain('Gilang Mahardika Putranto – Sekarwangi Larasati Nirmala (1)');
    await page.screenshot({ path: 'test-results/screening-queue.png', fullPage: true });

    await card.getByRole('button', { name: 'Konfirmasi jadi temuan' }).click();
    await card.getByLabel('Catatan (opsional)').fill('Unggahan publik akun yang diduga ASN.');
    await card.getByRole('button', { name: 'Buat laporan' }).click();
    const reportLink = card.locator('a[href^="/konsol/laporan/"]');
    await reportLink.waitFor();
    await reportLink.click();
    await page.waitForURL(/\/konsol\/laporan\/[0-9a-f-]{36}$/);
    await page.getByText('Temuan penapisan media sosial').first().waitFor();
    await page.screenshot({ path: 'test-results/screening-report.png', fullPage: true });
  });
});
