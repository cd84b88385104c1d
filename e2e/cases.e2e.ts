/**
 * A case for Kabupaten Banyuwangi carried to a recorded sanction through the console, each role
 * in turn in its own browser: Bawaslu Banyuwangi records a finding and reviews it, BKN verifies
 * and recommends, the PPK of Banyuwangi records the sanction. (The public report with a photo that
 * opens such a case is the reports e2e; the two join into one flow.)
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { signInAs } from './staff.ts';

const BAWASLU = 'bawaslu.banyuwangi@netra.demo';
const BKN = 'bkn@netra.demo';
const PPK = 'ppk.banyuwangi@netra.demo';


/** Choose a transition in the case page's form, fill what it needs, and wait for the new state. */
async function takeTransition(page: Page, label: string, expectedState: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {}) {
  const form = page.getByRole('form', { name: 'Ubah status perkara' });
  await form.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
  await fill(form);
  await form.getByLabel('Catatan (wajib, minimal 10 karakter)').fill(`Langkah "${label}" dilakukan dalam uji e2e.`);
  await form.getByRole('button', { name: 'Simpan tindakan' }).click();
  await page.getByRole('status').getByText(`Status perkara kini: ${expectedState}.`).waitFor();
  await expect(page.getByTestId('case-state').textContent()).resolves.toBe(expectedState);
}

describe('a case carried from finding to sanction, role by role', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const baseUrl = inject('baseUrl');
  let caseUrl = '';
  let caseNumber = '';

  const asRole = async (email: string) => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await signInAs(page, baseUrl, email);
    return page;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('Bawaslu Banyuwangi records a finding, finds it in "perlu tindakan saya", reviews and forwards it to BKN', async () => {
    const page = await asRole(BAWASLU);
    // The finding itself goes in through the reports capability's intake API (its form is theirs).
    const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/v1/auth/session`)).json()) as { csrfToken: string };
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const filed = await page.request.post(`${baseUrl}/api/v1/intake/reports`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        source: 'finding',
        electionId: 'pilkada-2024',
        regionCode: '35.10',
        place: 'Balai Desa Fiktif, Kecamatan Genteng',
        occurredOn: yesterday,
        knownOn: yesterday,
        description: 'Seorang kepala seksi (fiktif) mengunggah foto bersama pasangan calon sambil mengacungkan jari, dibagikan di grup WhatsApp dinas.',
        actCodes: ['A07'],
        reportedName: 'Hartono Fiktif',
        reportedAgency: 'Dinas Pekerjaan Umum (fiktif)',
        reportedPosition: 'Kepala Seksi',
        anonymous: false,
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const { caseId } = (await filed.json()) as { caseId: string };

    await page.goto(`${baseUrl}/konsol/perkara`);
    await page.getByRole('link', { name: 'Perlu tindakan saya' }).waitFor();
    const row = page.locator('tr', { has: page.locator(`a[href="/konsol/perkara/${caseId}"]`) });
    await row.waitFor();
    await expect(row.locator('.deadline-badge').textContent()).resolves.toMatch(/hari lagi|hari ini/);
    caseNumber = (await row.locator('a.mono').textContent())!;
    await page.screenshot({ path: 'test-results/cases-queue.png', fullPage: true });
    await row.locator('a.mono').click();
    await page.waitForURL(new RegExp(`/konsol/perkara/${caseId}$`));
    caseUrl = page.url();

    // The deadline panel names the clock and its legal basis.
    const deadlines = page.locator('[data-deadline="review"]');
    await deadlines.first().waitFor();
    await expect(deadlines.first().textContent()).resolves.toContain('UU 1/2015 ps. 134');

    // Only the legal next steps are offered; a short note is refused next to the field.
    const form = page.getByRole('form', { name: 'Ubah status perkara' });
    await expect(form.getByRole('radio').count()).resolves.toBe(2);
    await form.getByRole('radio', { name: /^Mulai pemeriksaan syarat/ }).check();
    await form.getByLabel('Catatan (wajib, minimal 10 karakter)').fill('singkat');
    await form.getByRole('button', { name: 'Simpan tindakan' }).click();
    await form.getByText('Catatan wajib diisi, minimal 10 karakter.').waitFor();

    await takeTransition(page, 'Mulai pemeriksaan syarat', 'Pemeriksaan syarat formal dan materiel');
    await takeTransition(page, 'Terima untuk dikaji', 'Dalam kajian');
    await takeTransition(page, 'Tetapkan: pelanggaran netralitas ASN', 'Pelanggaran peraturan perundang-undangan lainnya (netralitas ASN)', async (f) => {
      await f.getByRole('checkbox', { name: /^A02 ·/ }).check();
    });
    // Acts found: the matrix suggests a heavy penalty and an ethics sanction.
    await page.getByRole('heading', { name: 'Disiplin: Hukuman disiplin berat' }).waitFor();
    await takeTransition(page, 'Teruskan rekomendasi ke BKN', 'Diteruskan ke BKN', async (f) => {
      await f.getByLabel('Nomor surat').fill('001/PM.00.02/K.JI-10/2024');
    });
    await page.getByText('Tidak ada tindakan yang dapat Anda lakukan pada status ini.').waitFor();
    await page.locator('[data-deadline="bkn_verification"]').waitFor();
  });

  it('BKN verifies the case and recommends it to the PPK', async () => {
    const page = await asRole(BKN);
    await page.goto(`${baseUrl}/konsol/perkara`);
    await page.getByRole('link', { name: caseNumber, exact: true }).waitFor();
    // The hand-over reached BKN as a notification the moment Bawaslu forwarded the case.
    const inbox = page.getByRole('region', { name: /Notifikasi belum dibaca/ });
    await expect(inbox.getByRole('link', { name: new RegExp(`Perkara ${caseNumber} kini "Diteruskan ke BKN"`) }).count()).resolves.toBe(1);
    await page.goto(caseUrl);
    await takeTransition(page, 'Verifikasi BKN selesai', 'Diverifikasi BKN');
    await takeTransition(page, 'Rekomendasikan kepada PPK', 'Direkomendasikan kepada PPK', async (f) => {
      await f.getByLabel('Nomor surat').fill('R-77/BKN/2024');
    });
    // The PPK's deadline is a configurable default, shown as not settled in law.
    await expect(page.locator('[data-deadline="ppk_follow_up"]').textContent()).resolves.toContain('(belum pasti)');
  });

  it('the PPK of Banyuwangi records the sanction with its decree; the suggestion is marked in the form', async () => {
    const page = await asRole(PPK);
    await page.goto(`${baseUrl}/konsol/perkara?antrian=needs_action`);
    await page.getByRole('link', { name: caseNumber, exact: true }).click();
    await page.waitForURL(caseUrl);
    const today = new Date().toISOString().slice(0, 10);
    await takeTransition(page, 'Catat keputusan sanksi', 'Sanksi dijatuhkan', async (f) => {
      await expect(f.locator('label.suggested').count()).resolves.toBeGreaterThan(0);
      await f.getByRole('checkbox', { name: /^Penurunan jabatan setingkat lebih rendah selama 12 bulan/ }).check();
      await f.getByRole('checkbox', { name: /^Sanksi moral: pernyataan secara terbuka/ }).check();
      await f.getByLabel('Nomor keputusan').fill('800/123/429.012/2024');
      await f.getByLabel('Tanggal keputusan').fill(today);
      await page.screenshot({ path: 'test-results/cases-sanction-form.png', fullPage: true });
    });
    const sanction = page.getByTestId('sanction');
    await expect(sanction.textContent()).resolves.toContain('800/123/429.012/2024');
    await expect(sanction.textContent()).resolves.toContain('Penurunan jabatan');
    // Every step is on the case's history, each by its role.
    const steps = await page.locator('[data-event]').evaluateAll((items) => items.map((li) => li.getAttribute('data-event')));
    expect(steps).toEqual(['received', 'start_check', 'accept_for_review', 'classify_violation', 'forward_to_bkn', 'bkn_verify', 'recommend_to_ppk', 'record_sanction']);
    await page.screenshot({ path: 'test-results/cases-sanction.png', fullPage: true });
  });
});
