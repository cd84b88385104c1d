import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserForSuite, PHONE_VIEWPORT } from './browser.ts';

describe('public home page', () => {
  const browser = browserForSuite();
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    page = await browser().newPage({ viewport: PHONE_VIEWPORT, locale: 'id-ID' });
  });

  it('finds Kabupaten Banyuwangi and shows the Pilkada 2024 campaign on 1 October 2024', async () => {
    await page.goto(baseUrl);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Di tahap apa');
    await page.getByLabel('Cari provinsi atau kabupaten/kota').fill('Banyuwangi');
    const option = page.getByRole('option', { name: /Kabupaten Banyuwangi/ });
    await option.waitFor();
    await option.click();
    await page.waitForURL(/\/wilayah\/35\.10$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kabupaten Banyuwangi');

    await page.getByLabel('Lihat per tanggal').fill('2024-10-01');
    await page.waitForURL(/tanggal=2024-10-01/);
    const pilkada = page.locator('[data-election="pilkada-2024"]');
    await pilkada.getByText('Masa kampanye').first().waitFor();
    const current = pilkada.getByTestId('current-stage');
    await expect(current.textContent()).resolves.toMatch(/Tahap saat ini\s*Masa kampanye/);
    await expect(current.textContent()).resolves.toContain('Tahap rawan');
    const highlighted = pilkada.locator('[aria-current="step"]');
    await expect(highlighted.getAttribute('data-stage')).resolves.toBe('campaign');
    await expect(pilkada.locator('[data-stage="quiet_period"] .tag').first().textContent()).resolves.toBe('akan datang');
    await page.screenshot({ path: 'test-results/home-banyuwangi.png', fullPage: true });
  });

  it('keeps the chosen date in the address so the view can be shared, and switches to English', async () => {
    await page.goto(`${baseUrl}/wilayah/35.10?tanggal=2024-11-25`);
    const pilkada = page.locator('[data-election="pilkada-2024"]');
    await pilkada.locator('[aria-current="step"]').waitFor();
    await expect(pilkada.locator('[aria-current="step"]').getAttribute('data-stage')).resolves.toBe('quiet_period');
    await expect(pilkada.getByTestId('current-stage').textContent()).resolves.not.toContain('Tahap rawan');
    await page.getByRole('button', { name: 'English' }).click();
    await pilkada.getByText('Quiet period').first().waitFor();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await pilkada.getByText('Masa tenang').first().waitFor();
  });

  it("leads from a region's election to its public neutrality figures", async () => {
    await page.goto(`${baseUrl}/wilayah/35.10?tanggal=2024-10-01`);
    const link = page.locator('[data-election="pilkada-2024"]').getByTestId('transparency-link');
    await link.click();
    await page.waitForURL(/\/transparansi\/pilkada-2024\/35\.10$/);
    // The public page does not link to itself.
    await page.locator('[data-election="pilkada-2024"]').waitFor();
    await expect(page.getByTestId('transparency-link').count()).resolves.toBe(0);
  });

  it('tells the user when no region matches', async () => {
    await page.goto(baseUrl);
    await page.getByLabel('Cari provinsi atau kabupaten/kota').fill('Atlantis');
    await page.getByText('Tidak ada wilayah dengan nama itu').waitFor();
    await expect(page.getByRole('option').count()).resolves.toBe(0);
  });
});

describe('NIP checker', () => {
  const browser = browserForSuite();
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    page = await browser().newPage();
  });

  it('decodes a valid NIP and explains an invalid one', async () => {
    await page.goto(`${baseUrl}/nip`);
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByText('Isi nomor terlebih dahulu.').waitFor();

    await page.getByLabel('Nomor').fill('19860926 201505 1 001');
    await page.getByRole('button', { name: 'Periksa' }).click();
    const valid = page.getByRole('status');
    await valid.waitFor();
    const text = await valid.textContent();
    expect(text).toContain('Nomor valid');
    expect(text).toContain('26 September 1986');
    expect(text).toContain('Mei 2015');
    expect(text).toContain('Laki-laki');

    await page.getByLabel('Nomor').fill('198609262015131001');
    await page.getByRole('button', { name: 'Periksa' }).click();
    const invalid = page.getByRole('alert');
    await invalid.waitFor();
    await expect(invalid.textContent()).resolves.toContain('bulan 13 tidak ada');
  });
});
