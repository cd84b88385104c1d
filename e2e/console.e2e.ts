import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, demoTotpSecret } from '../packages/server/src/demo/accounts.ts';
import { browserForSuite } from './browser.ts';


describe('staff console sign-in', () => {
  const browser = browserForSuite();
  let page: Page;
  const baseUrl = inject('baseUrl');

  it('refuses a wrong password with a message, then signs in with password and TOTP', async () => {
    page = await browser().newPage();
    await page.goto(`${baseUrl}/konsol`);
    await page.waitForURL(/\/masuk\?lanjut=/);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.locator('.field-error').first().textContent()).resolves.toBe('Wajib diisi.');

    await page.getByLabel('Email').fill('bawaslu.kotamojokerto@netra.demo');
    await page.getByLabel('Kata sandi').fill('salah-kata-sandi');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').getByText('Email atau kata sandi salah.').waitFor();

    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByLabel('Kode').fill('123');
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByText('Kode terdiri atas 6 angka.').waitFor();
    await page.getByLabel('Kode').fill(generateSync({ secret: demoTotpSecret('bawaslu.kotamojokerto@netra.demo') }));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.waitForURL(/\/konsol$/);
    await page.getByRole('heading', { name: /Selamat datang, Yusuf Hakim/ }).waitFor();
    await expect(page.locator('.console-user').textContent()).resolves.toContain('Bawaslu Kabupaten/Kota');
    await page.screenshot({ path: 'test-results/console-home.png', fullPage: true });

    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.waitForURL(/\/masuk/);
    await page.goto(`${baseUrl}/konsol`);
    await page.waitForURL(/\/masuk\?lanjut=/);
    await page.close();
  });
});
