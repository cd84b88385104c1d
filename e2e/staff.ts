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
  await passTotp(page, demoTotpSecret(email), email);
}

/**
 * Pass the TOTP step; a code already used (at enrolment, or by another test) is refused, then the
 * next step's code works; a 429 is waited out. Judged by the server's answer to this very attempt: the refusal of an
 * earlier attempt may still be on the page.
 */
export async function passTotp(page: Page, secret: string, who = 'the account'): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.getByLabel('Kode').fill(generateSync({ secret }));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/v1/auth/totp/verify')),
      page.getByRole('button', { name: 'Verifikasi' }).click(),
    ]);
    if (response.ok()) {
      await page.waitForURL(/\/konsol/);
      return;
    }
    if (response.status() === 429) {
      // Every suite signs in from 127.0.0.1, and the route allows ten tries a minute per address:
      // wait as the server says, as a person would.
      await page.waitForTimeout((Number(response.headers()['retry-after'] ?? 30) + 1) * 1000);
      continue;
    }
    if (response.status() !== 401) throw new Error(`${who} could not pass TOTP: ${response.status()} ${await response.text()}`);
    await page.waitForTimeout(31_000 - (Date.now() % 30_000));
  }
  throw new Error(`${who} could not pass TOTP`);
}

/** A call to the API from inside the signed-in page (its cookie and CSRF token). */
export async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(`/api/v1${path}`, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: await res.json() };
    },
    { method, path, body },
  ) as Promise<{ status: number; json: T }>;
}
