/**
 * The elections console in Chromium (issue 14): an administrator creates an election, gives it its
 * stages, imports its regions from CSV (the rejected rows shown) and changes its rulebook (review
 * period 3 → 5 calendar days, version 2). A report filed on the public form in one of its regions
 * opens a case whose clocks run under version 2: its review deadline is 5 days after receipt, and
 * the case page says which rulebook version its clocks use.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser.ts';
import { signInAs } from './staff.ts';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const todayWib = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('elections console', () => {
  const browser = browserForSuite();
  const baseUrl = inject('baseUrl');

  it('an election created in the console is usable end to end: a report in one of its regions gets its rulebook\'s deadlines', { timeout: 180_000 }, async () => {
    const tag = randomBytes(3).toString('hex');
    const id = `pilkada-uji-${tag}`;
    const name = `Pilkada Uji Konsol ${tag}`;
    const today = todayWib();
    const votingDay = addDays(today, 60);

    const admin = await (await browser().newContext()).newPage();
    await signInAs(admin, baseUrl, 'admin@netra.demo');
    await admin.getByRole('complementary', { name: 'Konsol' }).getByRole('link', { name: 'Pemilihan & buku aturan' }).click();
    await admin.waitForURL(/\/konsol\/pemilihan$/);
    await admin.getByTestId('elections').waitFor();
    await admin.locator('summary', { hasText: 'Buat pemilihan' }).click();
    await admin.locator('details[open]').waitFor();
    // A malformed identifier is refused next to its field.
    await admin.getByLabel('Pengenal (mis. pilkada-2029)').fill('Pilkada Uji!');
    await admin.locator('form button[type=submit]').click();
    await admin.locator('#election-id').locator('xpath=..').locator('.field-error').getByText(/^Pengenal: huruf kecil, angka dan tanda hubung/).waitFor();
    await admin.getByLabel('Pengenal (mis. pilkada-2029)').fill(id);
    await admin.getByLabel('Nama (Bahasa Indonesia)').fill(name);
    await admin.getByLabel('Nama (Inggris)').fill(`Test Console Election ${tag}`);
    await admin.locator('#election-votingDay').fill(votingDay);
    await admin.locator('#election-basis').fill('PKPU uji 1/2026 (fiktif)');
    await admin.locator('form button[type=submit]').click();
    await admin.waitForURL(new RegExp(`/konsol/pemilihan/${id}$`));
    await admin.getByRole('heading', { level: 1, name }).waitFor();
    // No participating regions yet: the page says so and points to the import.
    await admin.getByText('Belum ada wilayah peserta. Impor daftar wilayah dari CSV.').waitFor();

    // Stages: the campaign around today, then the voting day.
    await admin.getByRole('button', { name: 'Tambah tahapan' }).click();
    const campaign = admin.getByTestId('stages').locator('tbody tr').nth(1);
    await campaign.locator('select').selectOption('campaign');
    // A stage that ends before it starts is refused under its own cell, in Indonesian.
    await campaign.locator('input[type=date]').nth(0).fill(addDays(today, -20));
    await campaign.locator('input[type=date]').nth(1).fill(addDays(today, -30));
    await admin.getByRole('button', { name: 'Simpan tahapan' }).click();
    await campaign.locator('.field-error').getByText('Tahapan berakhir sebelum dimulai.').waitFor();
    await expect(campaign.locator('input[type=date]').nth(1).getAttribute('aria-invalid')).resolves.toBe('true');
    await campaign.locator('input[type=date]').nth(1).fill(addDays(votingDay, -4));
    await admin.getByRole('button', { name: 'Simpan tahapan' }).click();
    await admin.getByText('Tersimpan.').waitFor();

    // Regions by CSV: Banyuwangi and Kota Surabaya accepted; two rows rejected with their reasons.
    await admin.locator('#regions-file').setInputFiles({ name: 'wilayah.csv', mimeType: 'text/csv', buffer: Buffer.from('kode_wilayah\n35.10\n35.1\n99.99\n35.78\n') });
    await admin.getByRole('button', { name: 'Impor', exact: true }).click();
    const result = admin.getByTestId('regions-import-result');
    await result.getByText('2 ditambahkan, 0 diperbarui, 0 tidak berubah, 2 ditolak.').waitFor();
    await result.getByText(/Baris 3: kode_wilayah: "35.1" bukan kode wilayah Kemendagri/).waitFor();
    await result.getByText(/Baris 4: kode_wilayah: Kode 99.99 tidak ada/).waitFor();
    await admin.getByRole('heading', { name: 'Wilayah peserta: 2' }).waitFor();

    // The rulebook: review 3 → 5 calendar days, with the reason and the regulation; version 2.
    await admin.getByRole('heading', { name: 'Buku aturan (versi 1)' }).waitFor();
    await admin.getByLabel('Kajian laporan: Hari').fill('5');
    await admin.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
    await admin.locator('#rulebook-reason').locator('xpath=..').locator('.field-error').getByText(/karakter/).waitFor();
    await admin.getByLabel('Alasan perubahan').fill('Masa kajian laporan diperpanjang menjadi 5 hari');
    await admin.getByLabel('Peraturan yang menjadi dasar perubahan').fill('Perbawaslu uji 2/2026 (fiktif)');
    await admin.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
    await admin.getByText('Versi 2 tersimpan dan berlaku untuk perkara baru.').waitFor();
    await admin.getByRole('heading', { name: 'Buku aturan (versi 2)' }).waitFor();
    const history = admin.getByTestId('rulebook-versions');
    await history.getByText('Perbawaslu uji 2/2026 (fiktif)').waitFor();
    await history.getByText('Kajian laporan', { exact: true }).waitFor();
    await admin.screenshot({ path: 'test-results/elections-console.png', fullPage: true });

    // A member of the public files a report in Banyuwangi under the new election.
    const reporter = await (await browser().newContext()).newPage();
    await reporter.goto(`${baseUrl}/lapor`);
    await reporter.getByRole('radio', { name: new RegExp(name) }).check();
    await reporter.getByLabel('Ceritakan kejadiannya').fill('Seorang kepala sekolah fiktif membagikan stiker pasangan calon kepada guru dalam rapat dinas (fiktif).');
    await reporter.getByLabel(/Mengunggah foto bersama bakal calon/).check();
    await reporter.getByLabel('Tanggal kejadian', { exact: true }).fill(addDays(today, -1));
    await reporter.getByLabel('Tanggal Anda mengetahui kejadian').fill(addDays(today, -1));
    await reporter.getByLabel('Cari provinsi atau kabupaten/kota').fill('Banyuwangi');
    await reporter.getByRole('option', { name: /Kabupaten Banyuwangi/ }).click();
    await reporter.getByLabel('Tempat kejadian').fill('Aula SMP Negeri 1 Sukamaju (fiktif)');
    await reporter.getByLabel('Nama orang yang dilaporkan').fill('Kepala SMP Negeri 1 Sukamaju (fiktif)');
    await reporter.getByLabel('Kirim tanpa nama (anonim)').check();
    await reporter.getByRole('button', { name: 'Kirim laporan' }).click();
    await reporter.getByRole('heading', { name: /Laporan terkirim/ }).waitFor();

    // Bawaslu Banyuwangi opens the case: its clocks run under version 2, review due 5 days after receipt.
    const officer = await (await browser().newContext()).newPage();
    await signInAs(officer, baseUrl, 'bawaslu.banyuwangi@netra.demo');
    const list = await officer.request.get(`${baseUrl}/api/v1/cases?electionId=${id}`);
    expect(list.status()).toBe(200);
    const [item] = (await list.json()).items as Array<{ id: string }>;
    const detail = await (await officer.request.get(`${baseUrl}/api/v1/cases/${item!.id}`)).json();
    expect(detail.rulebook).toMatchObject({ version: 2, currentVersion: 2, regulation: 'Perbawaslu uji 2/2026 (fiktif)' });
    const review = detail.deadlines.find((d: { code: string }) => d.code === 'review');
    expect(review).toMatchObject({ counting: 'calendar', due: addDays(detail.receivedOn, 5) });
    await officer.goto(`${baseUrl}/konsol/perkara/${item!.id}`);
    await officer.getByTestId('case-rulebook-version').getByText(/buku aturan versi 2 \(berlaku sejak .+; Perbawaslu uji 2\/2026 \(fiktif\)\)/).waitFor();
    await officer.locator('[data-deadline="review"]').waitFor();
    await officer.screenshot({ path: 'test-results/elections-case.png', fullPage: true });
  });
});
