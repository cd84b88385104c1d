/**
 * Retention in Chromium: provincial Bawaslu opens *Retensi & penahanan*, switches the forecast to
 * 90 days, holds a regency with a reason, finds the hold's badge on a case there, and lifts it with
 * a reason; the administrator runs the purge's dry run and finds the real purge refused without
 * the typed confirmation.
 */
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser.ts';
import { signInAs } from './staff.ts';

describe('retention console', () => {
  const browser = browserForSuite();
  const baseUrl = inject('baseUrl');

  it('holds a region, shows the hold on its case, lifts it; dry run for the administrator', { timeout: 180_000 }, async () => {
    const page = await (await browser().newContext()).newPage();
    await signInAs(page, baseUrl, 'bawaslu.sumsel@netra.demo');
    await page.getByRole('complementary', { name: 'Konsol' }).getByRole('link', { name: 'Retensi & penahanan' }).click();
    await page.waitForURL(/\/konsol\/retensi$/);
    await page.getByRole('heading', { name: 'Kedaluwarsa dalam 30 hari ke depan' }).waitFor();
    await page.getByRole('button', { name: '90 hari' }).click();
    await page.getByRole('heading', { name: 'Kedaluwarsa dalam 90 hari ke depan' }).waitFor();
    // Only administrators purge.
    expect(await page.getByRole('button', { name: 'Uji coba pemusnahan' }).count()).toBe(0);

    const reason = `Audit BPK atas Banyuasin (fiktif ${Date.now()})`;
    await page.locator('#hold-type').selectOption('region');
    await page.locator('#hold-target').fill('16.07');
    // Too short a reason is refused on its field.
    await page.locator('#hold-place-reason').fill('singkat');
    await page.getByRole('button', { name: 'Pasang penahanan' }).click();
    await page.locator('.field-error').first().waitFor();
    await page.locator('#hold-place-reason').fill(reason);
    await page.getByRole('button', { name: 'Pasang penahanan' }).click();
    await page.getByText('Penahanan dipasang.').waitFor();
    await page.getByRole('cell', { name: reason }).waitFor();
    await page.screenshot({ path: 'test-results/retention-hold.png', fullPage: true });

    // A case in Banyuasin shows the hold.
    await page.goto(`${baseUrl}/konsol/perkara?antrian=all&wilayah=16.07`);
    await page.locator('a[href^="/konsol/perkara/"]').first().click();
    await page.getByTestId('legal-hold').first().waitFor();
    expect(await page.getByTestId('legal-hold').first().textContent()).toContain(reason);

    // Lifted with a reason, it leaves the list of active holds.
    await page.goto(`${baseUrl}/konsol/retensi`);
    const row = page.getByRole('row').filter({ hasText: reason });
    await row.getByRole('button', { name: 'Cabut…' }).click();
    await page.locator('#lift-reason').fill('Audit selesai, tidak ada temuan (fiktif).');
    await page.getByRole('dialog').getByRole('button', { name: 'Cabut' }).click();
    await expect.poll(() => page.getByRole('cell', { name: reason }).count()).toBe(0);

    const admin = await (await browser().newContext()).newPage();
    await signInAs(admin, baseUrl, 'admin@netra.demo');
    await admin.goto(`${baseUrl}/konsol/retensi`);
    await admin.getByRole('button', { name: 'Uji coba pemusnahan' }).click();
    await admin.getByTestId('purge-result').getByRole('heading', { name: 'Hasil uji coba' }).waitFor();
    await admin.getByRole('button', { name: 'Musnahkan sekarang…' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Musnahkan' }).click();
    await admin.getByRole('dialog').getByText(/Ketik MUSNAHKAN/).first().waitFor();
    await admin.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
    await admin.screenshot({ path: 'test-results/retention-dry-run.png', fullPage: true });
  });
});
