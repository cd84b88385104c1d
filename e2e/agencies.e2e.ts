/**
 * The agencies and units console in Chromium (issue 14), as Banyuwangi's BKPSDM officer: a search
 * that finds nothing says so; a malformed agency code is refused next to its field in Indonesian;
 * an agency is added, renamed and given a unit, and a twin unit is merged into it after a confirmation; agencies are imported from CSV with the refused rows
 * returned (one outside the officer's region, one malformed region code); the list pages through them; a
 * duplicate is merged into another with what moves shown first, and disappears.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser.ts';
import { signInAs } from './staff.ts';

describe('agencies and units console', () => {
  const browser = browserForSuite();
  const baseUrl = inject('baseUrl');

  it('adds, renames, gives units to, imports, pages through and merges agencies', { timeout: 180_000 }, async () => {
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const code = `DINAS-UJI-${tag}`;
    const page = await (await browser().newContext()).newPage();
    await signInAs(page, baseUrl, 'bkpsdm.banyuwangi@netra.demo');
    await page.getByRole('complementary', { name: 'Konsol' }).getByRole('link', { name: 'Instansi & unit kerja' }).click();
    await page.waitForURL(/\/konsol\/register\/instansi$/);
    await page.getByTestId('agencies').waitFor();

    const search = async (q: string) => {
      await page.locator('#agency-q').fill(q);
      await page.getByRole('button', { name: 'Cari nama atau kode' }).click();
    };

    // Nothing matches: the empty state says so.
    await search(`TIDAK-ADA-${tag}`);
    await page.getByText('Tidak ada instansi di wilayah Anda yang cocok.').waitFor();

    // A malformed code is refused next to its field, in Indonesian; then the agency is added.
    await page.locator('summary', { hasText: 'Tambah instansi' }).click();
    const form = page.getByRole('form', { name: 'Tambah instansi' });
    await form.getByLabel('Kode', { exact: true }).fill('!');
    await form.getByLabel('Nama', { exact: true }).fill('Dinas Uji Coba (fiktif)');
    await form.getByRole('button', { name: 'Tambah instansi' }).click();
    await form.locator('#agency-new-code').locator('xpath=..').locator('.field-error').getByText(/Kode instansi 2–50 huruf/).waitFor();
    await form.getByLabel('Kode', { exact: true }).fill(code);
    await form.getByRole('button', { name: 'Tambah instansi' }).click();
    await page.getByText('Tersimpan.').waitFor();

    // Renamed in its row.
    await search(code);
    const row = page.getByTestId('agencies').locator('tbody tr', { hasText: code });
    await row.getByText('Dinas Uji Coba (fiktif)').waitFor();
    await row.getByRole('button', { name: 'Ubah' }).click();
    await row.getByLabel('Nama', { exact: true }).fill('Dinas Uji Coba Terpadu (fiktif)');
    await row.getByRole('button', { name: 'Simpan' }).click();
    await row.getByText('Dinas Uji Coba Terpadu (fiktif)').waitFor();

    // Its units: none yet, then one.
    await row.getByRole('button', { name: 'Unit kerja' }).click();
    const units = page.locator('.card', { has: page.getByRole('heading', { name: 'Unit kerja: Dinas Uji Coba Terpadu (fiktif)' }) });
    await units.getByText('Belum ada unit kerja.').waitFor();
    await units.getByLabel('Nama unit').last().fill('Bidang Pengujian');
    await units.getByRole('button', { name: 'Tambah unit' }).click();
    await units.locator('tbody input').first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody input')].some((i) => (i as HTMLInputElement).value === 'Bidang Pengujian'));
    // A twin unit is merged into it, only after the dialog says what moves; cancelling leaves it.
    await units.getByLabel('Nama unit').last().fill('Bidang Uji (ganda)');
    await units.getByRole('button', { name: 'Tambah unit' }).click();
    const twin = units.getByLabel('Gabungkan ke unit: Bidang Uji (ganda)');
    await twin.waitFor();
    await twin.selectOption({ label: 'Bidang Pengujian' });
    const unitDialog = page.getByRole('dialog', { name: 'Gabungkan unit Bidang Uji (ganda) ke Bidang Pengujian?' });
    await unitDialog.getByText('ASN dan riwayat jabatan unit Bidang Uji (ganda) dipindahkan ke Bidang Pengujian; unit Bidang Uji (ganda) lalu dihapus.', { exact: false }).waitFor();
    await unitDialog.getByRole('button', { name: 'Batal' }).click();
    await expect(twin.count()).resolves.toBe(1);
    await twin.selectOption({ label: 'Bidang Pengujian' });
    await unitDialog.getByRole('button', { name: 'Gabungkan' }).click();
    await units.getByText('Digabung ke unit Bidang Pengujian: 0 ASN dipindahkan.').waitFor();
    await twin.waitFor({ state: 'detached' });

    // CSV import: 22 new agencies, two refused rows with their reasons.
    const lines = ['kode_instansi,nama_instansi,kode_wilayah'];
    for (let i = 1; i <= 22; i++) lines.push(`UJI-${tag}-${String(i).padStart(2, '0')},Badan Uji ${String(i).padStart(2, '0')} (fiktif),35.10`);
    lines.push(`UJI-${tag}-LUAR,Badan di Banyuasin (fiktif),16.07`, `UJI-${tag}-SALAH,Badan Kode Salah (fiktif),35.1`);
    await page.locator('summary', { hasText: 'Impor instansi dari CSV' }).click();
    await page.locator('#agencies-file').setInputFiles({ name: 'instansi.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText('22 ditambahkan, 0 diperbarui, 0 tidak berubah, 2 ditolak.').waitFor();
    await page.getByText('Baris 24: kode_wilayah: 16.07 di luar wilayah tugas Anda.').waitFor();
    await page.getByText('Baris 25: kode_wilayah: "35.1" bukan kode provinsi (PP) atau kabupaten/kota (PP.KK).').waitFor();

    // Twenty to a page: the 22 imported agencies take two.
    await search(`UJI-${tag}`);
    const pager = page.getByRole('navigation', { name: 'Halaman 1 dari 2' });
    await pager.waitFor();
    await page.getByTestId('agencies').getByText(`UJI-${tag}-01`).waitFor();
    await pager.getByRole('button', { name: 'Berikutnya' }).click();
    await page.getByRole('navigation', { name: 'Halaman 2 dari 2' }).waitFor();
    await page.getByTestId('agencies').getByText(`UJI-${tag}-22`).waitFor();

    // Merge the 22nd into ours: what moves is shown, a target outside the list is refused, then it is gone.
    await page.getByTestId('agencies').locator('tbody tr', { hasText: `UJI-${tag}-22` }).getByRole('button', { name: 'Gabungkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gabungkan Badan Uji 22 (fiktif)' });
    await dialog.getByText('0 ASN, 0 unit kerja, dan 0 perkara akan dipindahkan; instansi ini lalu dihapus.').waitFor();
    await dialog.getByLabel('Gabungkan ke instansi (kode)').fill(`TIDAK-ADA-${tag}`);
    await dialog.getByLabel('Alasan penggabungan').fill('Kode ganda dari dua impor (uji)');
    await dialog.getByRole('button', { name: 'Gabungkan' }).click();
    await dialog.getByText('Kode instansi tujuan tidak ditemukan di wilayah Anda.').waitFor();
    await dialog.getByLabel('Gabungkan ke instansi (kode)').fill(code);
    await dialog.getByRole('button', { name: 'Gabungkan' }).click();
    await page.getByText(`Digabung ke ${code}: 0 ASN dipindahkan.`).waitFor();
    await search(`UJI-${tag}-22`);
    await page.getByText('Tidak ada instansi di wilayah Anda yang cocok.').waitFor();
    await page.screenshot({ path: 'test-results/agencies-console.png', fullPage: true });
  });
});
