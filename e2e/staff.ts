/**
 * Signing demo officials in through the login page, second factor included. A TOTP code is
 * accepted once per account (replay protection), and another test may just have used this
 * account's current code: then the helper waits for the next 30-second step and tries again.
 */
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoTotpSecret } from '../packages/server/src/demo/accounts.ts';

export async function signInAs(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/masuk`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.getByLabel('Kode').fill(generateSync({ secret: demoTotpSecret(email) }));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    const outcome = await Promise.race([
      page.waitForURL(/\/konsol/, { timeout: 10_000 }).then(() => 'in' as const),
      page.locator('.field-error').waitFor({ timeout: 10_000 }).then(() => 'refused' as const),
    ]);
    if (outcome === 'in') return;
    await page.waitForTimeout(31_000 - (Date.now() % 30_000));
  }
  throw new Error(`${email} could not pass TOTP`);
}
