/**
 * Four eyes on the case page in Chromium (issue 14). An officer of Bawaslu Banyuwangi records a
 * finding and takes it into review; on the case page they are not offered classifying it as a
 * violation, and the page says a second officer of the same Bawaslu must confirm (the API refuses
 * them too). A colleague of the same Bawaslu — invited by the administrator, with their own password
 * and TOTP — is offered the step and classifies it from the same page.
 */
import { randomBytes } from 'node:crypto';
import { generateSync } from 'otplib';
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser.ts';
import { apiCall, passTotp, signInAs } from './staff.ts';

const PASSWORD = 'dua-pasang-mata-lebih-teliti';
const VIOLATION = 'Tetapkan: pelanggaran netralitas ASN';
const todayWib = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

const call = apiCall;

describe('four eyes on the case page', () => {
  const browser = browserForSuite();
  const baseUrl = inject('baseUrl');

  it('the recorder of a finding is not offered classifying it as a violation; a colleague of the same Bawaslu is, and does', { timeout: 180_000 }, async () => {
    // A second officer of Bawaslu Banyuwangi, invited by the administrator (no SMTP: the link is handed over).
    const admin = await (await browser().newContext()).newPage();
    await signInAs(admin, baseUrl, 'admin@netra.demo');
    const email = `dewi.${randomBytes(3).toString('hex')}@bawaslu-uji.netra`;
    const invited = await call<{ invitation: { link: string } }>(admin, 'POST', '/users/invitations', { email, name: 'Dewi Anggraini (fiktif)', role: 'bawaslu_regency', regionCode: '35.10' });
    expect(invited.status).toBe(201);
    const token = invited.json.invitation.link.split('/undangan/')[1]!;
    const totp = await fetch(`${baseUrl}/api/v1/invitations/${token}/totp`, { method: 'POST' });
    expect(totp.status).toBe(200);
    const { secret } = (await totp.json()) as { secret: string };
    const accepted = await fetch(`${baseUrl}/api/v1/invitations/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: PASSWORD, code: generateSync({ secret }) }) });
    expect(accepted.status, await accepted.text()).toBe(200);

    // The first officer records a finding and takes it into review.
    const recorder = await (await browser().newContext()).newPage();
    await signInAs(recorder, baseUrl, 'bawaslu.banyuwangi@netra.demo');
    const today = todayWib();
    const finding = await call<{ caseId: string }>(recorder, 'POST', '/intake/reports', {
      source: 'finding',
      electionId: 'pilkada-2024',
      regionCode: '35.10',
      place: 'Kantor Kecamatan Sukamaju (fiktif)',
      occurredOn: today,
      knownOn: today,
      description: 'Patroli pengawasan menemukan seorang camat fiktif memasang spanduk pasangan calon di halaman kantor kecamatan.',
      actCodes: ['A02'],
      reportedName: 'Camat Sukamaju (fiktif)',
    });
    expect(finding.status, JSON.stringify(finding.json)).toBe(201);
    const caseId = finding.json.caseId;
    for (const transition of ['start_check', 'accept_for_review']) {
      const moved = await call(recorder, 'POST', `/cases/${caseId}/transitions`, { transition, note: `Langkah ${transition} dalam uji empat mata.` });
      expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    }

    // The recorder's case page: classifying it as a violation is withheld, and the page says why.
    await recorder.goto(`${baseUrl}/konsol/perkara/${caseId}`);
    const recorderForm = recorder.getByRole('form', { name: 'Ubah status perkara' });
    await recorderForm.getByRole('radio', { name: /^Tetapkan: bukan pelanggaran/ }).waitFor();
    await expect(recorderForm.getByRole('radio', { name: new RegExp(`^${VIOLATION}`) }).count()).resolves.toBe(0);
    await expect(recorder.getByTestId('four-eyes-note').textContent()).resolves.toContain(`"${VIOLATION}" harus dilakukan petugas kedua dari Bawaslu yang sama`);
    // The shipped rulebook (version 1) is named by its regulation, not by the moment it was stored.
    await expect(recorder.getByTestId('case-rulebook-version').textContent()).resolves.toMatch(/^Batas waktu perkara ini dihitung dengan buku aturan versi 1 \(PKPU [^)]+\)\.$/);
    await recorder.screenshot({ path: 'test-results/four-eyes-recorder.png', fullPage: true });
    // Nor can they take the step past the page.
    const refused = await call<{ error: { code: string } }>(recorder, 'POST', `/cases/${caseId}/transitions`, { transition: 'classify_violation', actCodes: ['A02'], note: 'Mencoba menetapkan sendiri temuan ini.' });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'four_eyes' } } });

    // The colleague signs in with their own password and TOTP, and classifies from the case page.
    const colleague = await (await browser().newContext()).newPage();
    await colleague.goto(`${baseUrl}/masuk`);
    await colleague.getByLabel('Email').fill(email);
    await colleague.getByLabel('Kata sandi').fill(PASSWORD);
    await colleague.getByRole('button', { name: 'Masuk' }).click();
    await passTotp(colleague, secret);
    await colleague.goto(`${baseUrl}/konsol/perkara/${caseId}`);
    const form = colleague.getByRole('form', { name: 'Ubah status perkara' });
    await form.getByRole('radio', { name: new RegExp(`^${VIOLATION}`) }).check();
    await expect(colleague.getByTestId('four-eyes-note').count()).resolves.toBe(0);
    await form.getByRole('checkbox', { name: /^A02 ·/ }).check();
    await form.getByLabel('Catatan (wajib, minimal 10 karakter)').fill('Dikonfirmasi petugas kedua: temuan memenuhi unsur pelanggaran.');
    await form.getByRole('button', { name: 'Simpan tindakan' }).click();
    await colleague.getByRole('status').getByText('Status perkara kini: Pelanggaran peraturan perundang-undangan lainnya (netralitas ASN).').waitFor();
    await colleague.screenshot({ path: 'test-results/four-eyes-colleague.png', fullPage: true });
  });
});
