/**
 * The public pages as a citizen meets them, in Chromium: no serious accessibility violation
 * (axe-core, injected into each page), no error in the browser console (a public visitor's page
 * asks for no staff session, so no 401), the transparency pages readable on a 390 px phone, and the
 * small ways onward (report in this region, the public figures from the home page, a way back from
 * an unknown region).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserForSuite, PHONE_VIEWPORT } from './browser.ts';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA rules). */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, so the page's Content-Security-Policy does not apply.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const PUBLIC_PAGES = [
  { path: '/', ready: 'heading' },
  { path: '/lapor', ready: 'Tempat kejadian' },
  { path: '/lacak', ready: 'heading' },
  { path: '/nip', ready: 'heading' },
  { path: '/wilayah/35.10', ready: 'heading' },
  { path: '/transparansi/pilkada-2024', ready: 'heading' },
  { path: '/transparansi/pilkada-2024/35', ready: 'heading' },
  { path: '/transparansi/pilkada-2024/35.10', ready: 'heading' },
] as const;

describe('public pages', () => {
  const browser = browserForSuite();
  const baseUrl = inject('baseUrl');
  let phone: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const context = await browser().newContext({ viewport: PHONE_VIEWPORT, locale: 'id-ID', isMobile: true, hasTouch: true });
    phone = await context.newPage();
    phone.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${phone.url()}: ${message.text()}`);
    });
  });

  it('have no serious accessibility violation and log no error, on a phone and on a desktop', async () => {
    const desktop = await browser().newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    for (const page of [phone, desktop]) {
      for (const { path, ready } of PUBLIC_PAGES) {
        await page.goto(`${baseUrl}${path}`);
        if (ready === 'heading') await page.getByRole('heading', { level: 1 }).first().waitFor();
        else await page.getByLabel(ready).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page), `${path} at ${page.viewportSize()?.width}px`).toEqual([]);
      }
    }
    await desktop.close();
    expect(consoleErrors).toEqual([]);
  });

  it('show every province of the national map and every column of the region table on a 390 px phone', async () => {
    await phone.goto(`${baseUrl}/transparansi/pilkada-2024`);
    await phone.getByRole('heading', { name: 'Indonesia', level: 1 }).waitFor();
    const tiles = phone.locator('.tp-tiles li');
    await expect(tiles.count()).resolves.toBe(38);
    for (const box of await tiles.evaluateAll((items) => items.map((li) => li.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.right).toBeLessThanOrEqual(390);
      expect(box.width).toBeGreaterThanOrEqual(60);
    }
    // Papua Selatan, the far east, is there and readable.
    const papua = phone.locator('.tp-tiles li[data-code="93"] .tp-tile-name');
    await expect(papua.textContent()).resolves.toBe('PAPSEL');
    expect(Number.parseFloat(await papua.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(11);
    const headers = phone.locator('.tp-table').first().locator('thead th');
    await expect(headers.count()).resolves.toBe(4);
    for (const box of await headers.evaluateAll((cells) => cells.map((th) => th.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.right).toBeLessThanOrEqual(390);
    }
    await phone.screenshot({ path: 'test-results/transparency-national-phone.png', fullPage: true });
  });

  it('lead on from a region page and from the home page, and back from an unknown region', async () => {
    await phone.goto(`${baseUrl}/wilayah/35.10`);
    await phone.getByRole('link', { name: 'Laporkan pelanggaran di wilayah ini' }).click();
    await phone.waitForURL(/\/lapor\?wilayah=35\.10/);
    await phone.getByText('Dipilih: Kabupaten Banyuwangi (35.10)').waitFor();
    await phone.getByRole('button', { name: 'Hapus isian dari perangkat ini' }).click();

    await phone.goto(`${baseUrl}/`);
    await phone.getByRole('link', { name: 'Lihat angka publik' }).click();
    // The latest election (an e2e suite may have created a newer one than Pilkada 2024).
    await phone.waitForURL(/\/transparansi\/[a-z0-9-]+$/);

    await phone.goto(`${baseUrl}/wilayah/99.99`);
    await phone.getByText('Wilayah "99.99" tidak ada', { exact: false }).waitFor();
    await expect(phone.getByRole('button', { name: 'Coba lagi' }).count()).resolves.toBe(0);
    await phone.getByRole('link', { name: '← Kembali ke beranda' }).click();
    await phone.waitForURL(`${baseUrl}/`);
  });

  it('suggests reading a PNS NIP with a month above 12 as an NI PPPK', async () => {
    await phone.goto(`${baseUrl}/nip`);
    await phone.locator('#nip-input').fill('199001012021211001');
    await phone.getByRole('button', { name: 'Periksa', exact: true }).click();
    await phone.getByText('Digit 13–14 ("21") bukan bulan', { exact: false }).waitFor();
    await phone.getByRole('button', { name: 'Periksa sebagai NI PPPK' }).click();
    await phone.getByRole('heading', { name: /Nomor tidak valid/ }).waitFor({ state: 'detached' });
  });
});
