import fs from 'node:fs';
import { Readable } from 'node:stream';
import { ASN_COLUMN_KEYS, asnRowToRecord, createRng, csvLine, generateAsnRows } from '@netra/core';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { csvRecords } from '../packages/server/src/imports/csv-records.ts';
import { browserForSuite } from './browser.ts';
import { signInAs } from './staff.ts';

/** Fictional civil servants of Banyuwangi's regional government (the demo agency), three of them wrong. */
function registerCsv() {
  const rows = Array.from(
    generateAsnRows(createRng(4104), { count: 20, regions: [{ code: '35.10', agencies: [{ code: 'PEMDA-35.10', name: 'Pemerintah Kabupaten Banyuwangi' }] }], today: '2024-09-01' }),
    asnRowToRecord,
  );
  rows[3].nip = rows[3].nip.slice(0, 17);
  rows[7].kode_instansi = 'PEMDA-99.99';
  rows[12].kode_wilayah = '16.07';
  const csv = [csvLine(ASN_COLUMN_KEYS), ...rows.map((row) => csvLine(ASN_COLUMN_KEYS.map((key) => row[key])))].join('\n') + '\n';
  return {
    csv,
    first: rows[0],
    bad: [
      { nip: rows[3].nip, reason: 'nip: NIP harus 18 digit, bukan 17.' },
      { nip: rows[7].nip, reason: 'kode_instansi: Kode instansi "PEMDA-99.99" tidak terdaftar.' },
      { nip: rows[12].nip, reason: 'kode_wilayah: Kode wilayah 16.07 di luar wilayah Anda (35.10).' },
    ],
  };
}

describe('ASN register import in the console', () => {
  const browser = browserForSuite();
  let page: Page;
  const baseUrl = inject('baseUrl');

  it('lets a BKPSDM officer upload a CSV with bad rows, follow the progress, read the summary and download the rejected rows', async () => {
    page = await browser().newPage({ acceptDownloads: true });
    await signInAs(page, baseUrl, 'bkpsdm.banyuwangi@netra.demo');
    const menu = page.getByRole('complementary', { name: 'Konsol' });
    await menu.getByRole('link', { name: 'Impor register' }).click();
    await page.getByRole('heading', { name: 'Impor register ASN' }).waitFor();

    // Uploading without a file is refused next to the field.
    await page.getByRole('button', { name: 'Unggah dan impor' }).click();
    await page.getByText('Pilih berkas CSV atau XLSX.').waitFor();

    const { csv, bad, first } = registerCsv();
    await page.locator('#import-file').setInputFiles({ name: 'pegawai-banyuwangi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Unggah dan impor' }).click();
    // The import's progress shows while it runs (the upload answers with a queued or running import).
    await page.locator('.reg-progress').first().waitFor();

    await page.getByRole('heading', { name: /Ringkasan impor: pegawai-banyuwangi\.csv/ }).waitFor({ timeout: 60_000 });
    const count = async (id: string) => Number((await page.getByTestId(`summary-${id}`).textContent())!.replace(/\D/g, ''));
    expect(await count('rejected')).toBe(3);
    expect((await count('inserted')) + (await count('updated')) + (await count('unchanged'))).toBe(17);
    await page.screenshot({ path: 'test-results/register-import.png', fullPage: true });

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh baris yang ditolak' }).first().click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('pegawai-banyuwangi-ditolak.csv');
    const rejected: string[][] = [];
    for await (const record of csvRecords(Readable.from([fs.readFileSync((await download.path())!, 'utf8')]))) rejected.push(record.cells);
    expect(rejected[0]).toEqual([...ASN_COLUMN_KEYS, 'alasan_penolakan']);
    expect(rejected.slice(1).map((cells) => [cells[0], cells.at(-1)])).toEqual(bad.map((b) => [b.nip, b.reason]));

    // The import appears in the history, and an imported person can be found and opened.
    await page.getByRole('cell', { name: 'pegawai-banyuwangi.csv' }).first().waitFor();
    await menu.getByRole('link', { name: 'Register ASN' }).click();
    await page.getByLabel('NIP / NI PPPK').fill(first.nip);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('link', { name: first.nama }).click();
    await page.getByRole('heading', { name: 'Riwayat jabatan' }).waitFor();
    await page.close();
  });

  // Another account than the first test's: a TOTP code is accepted once, so reusing it would wait for the next step.
  it('lets a Bawaslu officer add an incumbent pair and record a rotation that the watch flags', async () => {
    page = await browser().newPage();
    await signInAs(page, baseUrl, 'bawaslu.banyuwangi@netra.demo');
    const menu = page.getByRole('complementary', { name: 'Konsol' });
    await menu.getByRole('link', { name: 'Calon & kewajiban ASN' }).click();
    await page.getByRole('heading', { name: 'Pasangan calon' }).waitFor();
    await page.getByRole('button', { name: 'Tambah pasangan calon' }).click();
    await page.getByLabel('Nomor urut').fill('3');
    await page.getByLabel('Calon kepala daerah: Nama lengkap').fill('H. Bagus Prakoso, S.H.');
    await page.getByLabel('Calon wakil: Nama lengkap').fill('Wulan Sari');
    await page.getByLabel('Calon wakil: NIP bila ASN').fill('19860926 201505 1 00');
    await page.getByLabel('Partai pengusung (pisahkan dengan ;)').fill('Partai Contoh Satu');
    await page.getByLabel('Petahana', { exact: true }).selectOption('head');
    await page.getByRole('button', { name: 'Simpan' }).click();
    // A mistyped NIP is refused next to its field.
    await page.locator('#pair-deputyNip ~ .field-error').waitFor();
    await page.getByLabel('Calon wakil: NIP bila ASN').fill('');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('cell', { name: /H\. Bagus Prakoso/ }).waitFor();
    await page.screenshot({ path: 'test-results/candidates.png', fullPage: true });

    await menu.getByRole('link', { name: 'Pengawasan mutasi' }).click();
    await page.getByText('Catat mutasi').click();
    await page.getByLabel('NIP pejabat').fill('197503122000031004');
    await page.getByLabel('Nama pejabat').fill('Hendra Wijaya, S.Sos.');
    await page.getByLabel('Jabatan lama').fill('Kepala Dinas Pendidikan');
    await page.getByLabel('Jabatan baru').fill('Staf Ahli Bupati');
    await page.getByLabel('Nomor SK').fill('821.2/77/429.011/2024');
    await page.getByLabel('Tanggal SK').fill('2024-05-10');
    await page.getByLabel('Nama penandatangan').fill('Bagus Prakoso');
    await page.getByRole('button', { name: 'Simpan' }).click();
    // The demo data already holds a flagged rotation in Banyuwangi: look in this decree's row.
    await page.getByRole('row', { name: /821\.2\/77\/429\.011\/2024/ }).getByText('Ditandai: berat: calon petahana').waitFor();
    await page.screenshot({ path: 'test-results/rotations.png', fullPage: true });
    await page.close();
  });
});
