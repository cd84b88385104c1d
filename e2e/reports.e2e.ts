/**
 * A citizen on a phone files an anonymous report with a photo from the public form, keeps the
 * receipt, and follows the report with the receipt number and secret. Everything named is
 * fictional.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserForSuite, PHONE_VIEWPORT } from './browser.ts';
import { PHOTO } from './fixtures.ts';
import { signInAs } from './staff.ts';


/** The first of `images` arrives and can be shown: decode() waits for it (and rejects if the file cannot be shown). */
async function firstImageShows(images: Locator): Promise<boolean> {
  const image = images.first();
  await image.waitFor();
  return image.evaluate(async (img) => {
    const element = img as unknown as { decode(): Promise<void>; naturalWidth: number };
    await element.decode();
    return element.naturalWidth > 0;
  });
}

/** `days` before an ISO date. */
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describe('public reporting on a phone', () => {
  const browser = browserForSuite();
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    page = await browser().newPage({ viewport: PHONE_VIEWPORT, locale: 'id-ID', isMobile: true, hasTouch: true });
  });

  it('files an anonymous report with a photo, keeping what was typed when the server refuses it', async () => {
    await page.goto(`${baseUrl}/lapor`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Laporkan pelanggaran netralitas ASN');
    const today = await page.getByLabel('Tanggal kejadian', { exact: true }).getAttribute('max');
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await page.getByLabel('Pemilihan').selectOption('pilkada-2024');
    // Too short: the server refuses it with a message next to the field.
    await page.getByLabel('Ceritakan kejadiannya').fill('Guru unggah foto');
    await page.getByLabel(/Mengunggah foto bersama bakal calon/).check();
    await page.getByLabel('Tanggal kejadian', { exact: true }).fill(daysBefore(today!, 2));
    await page.getByLabel('Tanggal Anda mengetahui kejadian').fill(daysBefore(today!, 1));
    await page.getByLabel('Cari provinsi atau kabupaten/kota').fill('Banyuwangi');
    await page.getByRole('option', { name: /Kabupaten Banyuwangi/ }).click();
    await page.getByText('Dipilih: Kabupaten Banyuwangi (35.10)').waitFor();
    await page.getByLabel('Tempat kejadian').fill('Balai Desa Sukamaju (fiktif)');
    await page.getByLabel('Nama orang yang dilaporkan').fill('Guru SD Negeri 2 Sukamaju (fiktif)');
    await page.getByLabel('Foto, tangkapan layar atau PDF').setInputFiles({ name: 'foto-acara.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
    await page.getByText('foto-acara.jpg').waitFor();
    await page.getByLabel('Kirim tanpa nama (anonim)').check();

    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const descriptionError = page.locator('#report-description-error');
    await descriptionError.waitFor();
    await expect(descriptionError.textContent()).resolves.toMatch(/20/);
    await expect(page.getByLabel('Ceritakan kejadiannya').getAttribute('aria-invalid')).resolves.toBe('true');
    // Nothing typed is lost, the chosen photo included.
    await expect(page.getByLabel('Tempat kejadian').inputValue()).resolves.toBe('Balai Desa Sukamaju (fiktif)');
    await expect(page.getByText('foto-acara.jpg').count()).resolves.toBe(1);

    // A reload keeps the draft too (sessionStorage).
    await page.reload();
    await expect(page.getByLabel('Tempat kejadian').inputValue()).resolves.toBe('Balai Desa Sukamaju (fiktif)');
    await page.getByLabel('Foto, tangkapan layar atau PDF').setInputFiles({ name: 'foto-acara.jpg', mimeType: 'image/jpeg', buffer: PHOTO });

    await page.getByLabel('Ceritakan kejadiannya').fill('Seorang guru SD Negeri 2 Sukamaju mengunggah foto bersama pasangan calon sambil mengacungkan dua jari (fiktif).');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: /Laporan terkirim/ }).waitFor();
    const receiptNumber = await page.getByTestId('receipt-number').textContent();
    const secret = await page.getByTestId('receipt-secret').textContent();
    expect(receiptNumber).toMatch(/^NTR-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    // The secret is not in the address bar, and the draft is gone once filed.
    expect(page.url()).not.toContain(secret!);
    const draft = JSON.parse(((await page.evaluate("sessionStorage.getItem('netra.report.draft')")) as string | null) ?? '{}');
    expect(draft).toMatchObject({ description: '', place: '', reportedName: '' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh slip (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe(`tanda-terima-${receiptNumber}.pdf`);
    await page.screenshot({ path: 'test-results/report-receipt.png', fullPage: true });

    // Follow it.
    await page.getByRole('link', { name: 'Pantau laporan ini' }).click();
    await page.waitForURL(/\/lacak\?tanda=/);
    await expect(page.getByLabel('Nomor tanda terima').inputValue()).resolves.toBe(receiptNumber);
    await page.getByLabel('Kode rahasia').fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: 'Lihat status' }).click();
    await page.getByText('Nomor tanda terima atau kode rahasia tidak cocok').waitFor();

    await page.getByLabel('Kode rahasia').fill(secret!.toLowerCase());
    await page.getByRole('button', { name: 'Lihat status' }).click();
    await page.getByTestId('track-view').waitFor();
    await expect(page.getByTestId('track-status').textContent()).resolves.toBe('Diterima');
    await page.getByText('Laporan diterima').waitFor();
    expect(await firstImageShows(page.locator('.thumbnails img'))).toBe(true);
    await page.screenshot({ path: 'test-results/report-tracking.png', fullPage: true });
  });

  it('warns before submitting when the reporting window has passed', async () => {
    await page.goto(`${baseUrl}/lapor`);
    await page.getByLabel('Pemilihan').selectOption('pilkada-2024');
    await page.getByLabel('Cari provinsi atau kabupaten/kota').fill('Banyuwangi');
    await page.getByRole('option', { name: /Kabupaten Banyuwangi/ }).click();
    await page.getByLabel('Tanggal Anda mengetahui kejadian').fill('2024-10-01');
    const warning = page.locator('.window-warning');
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toMatch(/Batas waktu pelaporan sudah lewat.*tetap diterima/);
    await page.screenshot({ path: 'test-results/report-form.png', fullPage: true });
  });
});


describe('reports in the staff console', () => {
  const browser = browserForSuite();
  let page: Page;
  const baseUrl = inject('baseUrl');
  let address = 0;

  /** A public report filed through the API, from its own network address (the per-address limit). */
  async function publicReport(fields: Record<string, string>): Promise<{ receiptNumber: string }> {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const res = await page.request.post(`${baseUrl}/api/v1/reports`, {
      headers: { 'x-forwarded-for': `10.77.0.${++address}` },
      multipart: {
        electionId: 'pilkada-2024',
        regionCode: '35.10',
        place: 'Kantor kecamatan (fiktif)',
        occurredOn: yesterday,
        knownOn: yesterday,
        description: 'Seorang kepala seksi fiktif membagikan kaos bergambar pasangan calon kepada warga saat apel pagi.',
        actCodes: 'A08',
        reportedName: 'Kepala Seksi Fiktif',
        anonymous: 'false',
        reporterName: 'Warga Pelapor Fiktif',
        reporterAddress: 'Jl. Fiktif 7',
        evidence: { name: 'kaos.jpg', mimeType: 'image/jpeg', buffer: PHOTO },
        ...fields,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { receiptNumber: string };
  }

  beforeAll(async () => {
    page = await browser().newPage({ locale: 'id-ID', viewport: { width: 1280, height: 900 } });
    // The provincial Bawaslu of Jawa Timur: Banyuwangi and Kota Mojokerto are both in its scope.
    await signInAs(page, baseUrl, 'bawaslu.jatim@netra.demo');
  });

  it('finds a report, views its photo, and opens the reporter’s identity with a reason', async () => {
    const { receiptNumber } = await publicReport({});
    await page.goto(`${baseUrl}/konsol/laporan`);
    await page.getByLabel('Cari nama, NIP, nomor tanda terima atau perkara').fill(receiptNumber);
    await page.getByLabel('Cari nama, NIP, nomor tanda terima atau perkara').press('Enter');
    await page.getByRole('link', { name: receiptNumber }).click();
    await page.getByRole('heading', { name: `Laporan ${receiptNumber}` }).waitFor();
    expect(await firstImageShows(page.locator('.evidence-viewer img'))).toBe(true);
    await expect(page.locator('body').textContent()).resolves.not.toContain('Warga Pelapor Fiktif');

    await page.getByRole('button', { name: 'Buka identitas pelapor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buka identitas pelapor' });
    await dialog.getByLabel('Alasan (minimal 15 karakter)').fill('Klarifikasi bukti kepada pelapor (uji e2e).');
    await dialog.getByRole('button', { name: 'Buka dan catat' }).click();
    await dialog.getByText('Warga Pelapor Fiktif').waitFor();
    await dialog.getByText('tercatat di log audit').waitFor();
    await page.screenshot({ path: 'test-results/report-identity.png', fullPage: true });
  });

  it('merges two reports about the same civil servant', async () => {
    const nip = '197803152005011002';
    await publicReport({ regionCode: '35.76', reportedName: 'Hartono Fiktif', reportedNip: nip });
    await publicReport({ regionCode: '35.76', reportedName: 'Bpk. Hartono', reportedNip: nip, description: 'Pejabat kelurahan fiktif mengajak warga memilih calon tertentu di pos ronda.' });
    await page.goto(`${baseUrl}/konsol/usulan-gabung`);
    const card = page.locator('[data-proposal]', { hasText: `NIP terlapor sama (${nip})` });
    await card.waitFor();
    await expect(card.getByText('Laporan baru').count()).resolves.toBe(1);
    await card.getByRole('button', { name: 'Gabungkan' }).click();
    await page.getByRole('status').getByText(/^Digabung ke NTR-\d{4}-\d{6}\.$/).waitFor();
    await page.getByRole('button', { name: 'Digabung' }).click();
    await page.locator('[data-proposal]', { hasText: `NIP terlapor sama (${nip})` }).waitFor();
  });

  it('records a Bawaslu finding with the intake form', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${baseUrl}/konsol/laporan/baru`);
    await page.getByLabel('Temuan Bawaslu').check();
    await page.getByLabel('Pemilihan').selectOption('pilkada-2024');
    await page.getByLabel('Ceritakan kejadiannya').fill('Patroli pengawasan menemukan baliho calon dipasang di pagar kantor dinas fiktif oleh pegawai.');
    await page.getByLabel('Tanggal kejadian', { exact: true }).fill(yesterday);
    await page.getByLabel('Tanggal Anda mengetahui kejadian').fill(yesterday);
    await page.getByLabel('Cari provinsi atau kabupaten/kota').fill('Banyuwangi');
    await page.getByRole('option', { name: /Kabupaten Banyuwangi/ }).click();
    await page.getByLabel('Tempat kejadian').fill('Pagar kantor dinas (fiktif)');
    await page.getByLabel('Nama orang yang dilaporkan').fill('Pegawai Dinas Fiktif');
    await page.getByLabel('Foto, tangkapan layar atau PDF').setInputFiles({ name: 'baliho.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
    await expect(page.getByText('5. Identitas Anda').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Catat', exact: true }).click();
    await page.getByRole('heading', { name: 'Tercatat' }).waitFor();
    await expect(page.getByTestId('receipt-secret').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Buka laporan' }).click();
    await page.getByText('Temuan Bawaslu (tanpa pelapor)').waitFor();
  });
});
