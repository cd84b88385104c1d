/**
 * Administration in Chromium: an administrator invites an officer (no SMTP in the test server, so
 * the console shows the link to hand over); the officer opens it in their own browser, sets a
 * password and enrols TOTP, and signs in; the administrator changes their scope with a reason and
 * finds the change in the audit-log viewer.
 */
import { randomBytes } from 'node:crypto';
import { generateSync } from 'otplib';
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser.ts';
import { passTotp, signInAs } from './staff.ts';

const PASSWORD = 'perahu-kertas-berlayar-di-kali';


describe('accounts console', () => {
  const browser = browserForSuite();
  const baseUrl = inject('baseUrl');

  it('invites an officer who sets their own password and TOTP; a scope change shows in the audit log', { timeout: 120_000 }, async () => {
    const admin = await (await browser().newContext()).newPage();
    await signInAs(admin, baseUrl, 'admin@netra.demo');
    await admin.getByRole('complementary', { name: 'Konsol' }).getByRole('link', { name: 'Akun petugas' }).click();
    await admin.waitForURL(/\/konsol\/akun$/);

    const email = `rina.${randomBytes(3).toString('hex')}@bawaslu-uji.netra`;
    // A missing name is refused field by field.
    await admin.getByLabel('Email', { exact: true }).fill(email);
    await admin.getByRole('button', { name: 'Kirim undangan' }).click();
    await admin.locator('.field-error').first().waitFor();
    await admin.getByLabel('Nama lengkap').fill('Rina Kartika (fiktif)');
    await admin.locator('#invite-role').selectOption('bawaslu_regency');
    await admin.locator('#invite-region').fill('35.10');
    await admin.getByRole('button', { name: 'Kirim undangan' }).click();
    const link = (await admin.getByTestId('invitation-link').textContent())!;
    expect(link).toMatch(/\/undangan\/[A-Za-z0-9_-]{40,}$/);
    await admin.screenshot({ path: 'test-results/accounts-invited.png', fullPage: true });

    // The officer, in a browser of their own.
    const officer = await (await browser().newContext()).newPage();
    await officer.goto(link);
    await officer.getByText(/Rina Kartika/).first().waitFor();
    const secret = (await officer.getByTestId('totp-key').textContent())!;
    await officer.getByLabel('Kata sandi (minimal').fill(PASSWORD);
    await officer.getByLabel('Ulangi kata sandi').fill('berbeda-sama-sekali-ya');
    await officer.getByRole('button', { name: 'Aktifkan akun' }).click();
    await officer.getByText('Kata sandi tidak sama.').waitFor();
    await officer.getByLabel('Ulangi kata sandi').fill(PASSWORD);
    await officer.getByLabel('Kode dari aplikasi autentikator').fill(generateSync({ secret }));
    await officer.getByRole('button', { name: 'Aktifkan akun' }).click();
    await officer.getByText(/Akun aktif/).waitFor();
    await officer.getByRole('link', { name: 'Masuk' }).last().click();
    await officer.getByLabel('Email').fill(email);
    await officer.getByLabel('Kata sandi').fill(PASSWORD);
    await officer.getByRole('button', { name: 'Masuk' }).click();
    await passTotp(officer, secret);
    await officer.getByRole('heading', { name: /Rina Kartika/ }).waitFor();

    // The administrator moves the officer to the province, with a reason.
    await admin.reload();
    const row = admin.locator(`tr[data-email="${email}"]`);
    await expect(row.textContent()).resolves.toMatch(/Aktif/);
    await row.getByRole('button', { name: 'Ubah akses' }).click();
    await row.locator('select[id^="access-role"]').selectOption('bawaslu_province');
    await row.locator('input[id^="access-region"]').fill('35');
    const reason = 'Mutasi ke Bawaslu Provinsi Jawa Timur (uji e2e)';
    await row.locator('input[id^="access-reason"]').fill(reason);
    await row.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByText('Akses diubah; petugas harus masuk kembali.').waitFor();

    await admin.getByRole('complementary', { name: 'Konsol' }).getByRole('link', { name: 'Log audit' }).click();
    await admin.waitForURL(/\/konsol\/audit/);
    await admin.locator('#audit-action').selectOption('user.access_changed');
    await admin.getByRole('button', { name: 'Terapkan' }).click();
    await admin.getByText(reason, { exact: false }).first().waitFor();
    await admin.getByRole('button', { name: 'Periksa rantai sekarang' }).click();
    await expect(admin.getByTestId('chain-status').textContent()).resolves.toMatch(/Rantai hash utuh/);
    await admin.screenshot({ path: 'test-results/audit-viewer.png', fullPage: true });

    // The officer's session ended with the change.
    await officer.reload();
    await officer.waitForURL(/\/masuk/);
  });
});
