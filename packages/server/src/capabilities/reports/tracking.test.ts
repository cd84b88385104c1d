import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { fictionalReport, hasExif, jpegWithExif, multipartBody, samplePdf, submitReport } from '../../testing/reports.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ reports: { trackingPerHour: 1000 } });
});
afterAll(async () => t.close());

interface Receipt {
  receiptNumber: string;
  secret: string;
  caseNumber: string;
}

async function fileOne(overrides: Record<string, string | string[]> = {}): Promise<Receipt> {
  const res = await submitReport(t, fictionalReport(overrides), [
    { name: 'foto.jpg', data: await jpegWithExif() },
    { name: 'bukti.pdf', data: await samplePdf() },
  ]);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const track = (receiptNumber: string, secret: string, query = '') =>
  t.app.inject({ method: 'POST', url: `/api/v1/reports/track${query}`, payload: { receiptNumber, secret } });

/** What the cases capability does when Bawaslu asks the reporter for more information. */
async function askForInformation(caseNumber: string, on: string, publicMessage?: string) {
  const kase = await t.ctx.db
    .updateTable('cases')
    .set({ state: 'awaiting_information', information_requested_on: on })
    .where('number', '=', caseNumber)
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.ctx.db
    .insertInto('case_events')
    .values({ case_id: kase.id, at: t.ctx.now(), kind: 'transition', transition: 'request_information', from_state: 'formal_check', to_state: 'awaiting_information', note: 'Catatan internal: jangan tampilkan', public: true, data: JSON.stringify(publicMessage ? { publicMessage } : {}) })
    .execute();
  return kase.id;
}

describe('POST /api/v1/reports/track', () => {
  it('shows the status, the public timeline and the stripped evidence to whoever holds receipt and secret', async () => {
    const receipt = await fileOne();
    // Typed the way people type: lower case, spaces, look-alike letters.
    const res = await track(receipt.receiptNumber.toLowerCase().replace(/-/g, ' '), receipt.secret.toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      receiptNumber: receipt.receiptNumber,
      caseNumber: receipt.caseNumber,
      state: 'received',
      stateLabel: 'Diterima',
      lateByDays: 0,
      informationRequest: null,
      canAddInformation: false,
      timeline: [{ kind: 'received', label: 'Laporan diterima' }],
    });
    expect(view.evidence).toHaveLength(2);
    const [photo, pdf] = view.evidence;
    expect(photo).toMatchObject({ kind: 'JPEG', thumbnailUrl: expect.stringMatching(/^\/api\/v1\/reports\/track\/evidence\/[0-9a-f-]+\?token=/), previewPending: false });
    expect(pdf).toMatchObject({ kind: 'PDF', thumbnailUrl: null, previewPending: false });
    expect(JSON.stringify(view)).not.toMatch(/foto\.jpg|bukti\.pdf|Bambang/);

    const image = await t.app.inject(photo.thumbnailUrl);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(await hasExif(image.rawPayload)).toBe(false);
  });

  it('answers a wrong secret exactly like an unknown receipt', async () => {
    const receipt = await fileOne();
    const wrongSecret = await track(receipt.receiptNumber, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    const unknownReceipt = await track('NTR-2024-0000-0000', receipt.secret);
    expect(wrongSecret.statusCode).toBe(404);
    expect(unknownReceipt.statusCode).toBe(404);
    expect(wrongSecret.json()).toEqual(unknownReceipt.json());
    expect(wrongSecret.json().error.message).toBe('Nomor tanda terima atau kode rahasia tidak cocok. Periksa kembali keduanya.');
    const malformed = await track('12345', 'abc', '?lang=en');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['body.receiptNumber', 'body.secret']);
  });

  it('says a photo’s preview is still being made (its copy comes from a job), and never for a PDF', async () => {
    const receipt = await fileOne();
    const { evidence } = (await track(receipt.receiptNumber, receipt.secret)).json();
    // As just after filing, before the job has made the copy.
    await t.ctx.db.updateTable('evidence').set({ public_copy_key: null }).where('id', '=', evidence[0].id).execute();
    const pending = (await track(receipt.receiptNumber, receipt.secret)).json();
    expect(pending.evidence.map((e: { kind: string; thumbnailUrl: string | null; previewPending: boolean }) => [e.kind, e.thumbnailUrl, e.previewPending])).toEqual([
      ['JPEG', null, true],
      ['PDF', null, false],
    ]);
  });

  it('refuses a forged, expired or borrowed evidence link', async () => {
    const receipt = await fileOne();
    const { evidence } = (await track(receipt.receiptNumber, receipt.secret)).json();
    const url: string = evidence[0].thumbnailUrl;
    // One report's secret does not open another.
    const [first, second] = [await fileOne(), await fileOne()];
    expect((await track(first.receiptNumber, second.secret)).statusCode).toBe(404);
    expect((await t.app.inject(url.replace(/token=\d+\./, 'token=9999999999.'))).statusCode).toBe(404);
    const [, id] = /evidence\/([^?]+)/.exec(url)!;
    const pdfId: string = evidence[1].id;
    // A valid token for one file does not open another.
    expect((await t.app.inject(url.replace(id, pdfId))).statusCode).toBe(404);
    try {
      t.setNow('2024-10-01T05:00:01Z');
      expect((await t.app.inject(url)).statusCode).toBe(404);
    } finally {
      t.setNow('2024-10-01T03:00:00Z');
    }
  });

  it('never shows internal notes or other reporters’ entries, and answers in English on request', async () => {
    const receipt = await fileOne();
    await askForInformation(receipt.caseNumber, '2024-10-01', 'Mohon kirim foto yang lebih jelas.');
    const view = (await track(receipt.receiptNumber, receipt.secret, '?lang=en')).json();
    expect(view.timeline.map((e: { label: string }) => e.label)).toEqual(['Report received', 'Awaiting more information from the reporter']);
    expect(JSON.stringify(view)).not.toContain('Catatan internal');
    expect(view.stateLabel).toBe('Awaiting more information from the reporter');
  });
});

describe('the 2-day "more information" step', () => {
  it('refuses information nobody asked for, with a clear message', async () => {
    const receipt = await fileOne();
    const body = await multipartBody({ receiptNumber: receipt.receiptNumber, secret: receipt.secret, text: 'Saya punya foto tambahan dari acara itu.' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track/information', ...body });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({ code: 'not_awaiting_information', message: expect.stringMatching(/^Bawaslu sedang tidak meminta keterangan tambahan/) });
  });

  it('shows what is asked and by when, then takes the text and files, publicly but without the text', async () => {
    const receipt = await fileOne();
    const caseId = await askForInformation(receipt.caseNumber, '2024-10-01', 'Mohon kirim foto yang lebih jelas.');
    const view = (await track(receipt.receiptNumber, receipt.secret)).json();
    // Pilkada: 2 calendar days from the request.
    expect(view.informationRequest).toEqual({
      requestedOn: '2024-10-01',
      dueOn: '2024-10-03',
      overdue: false,
      message: 'Mohon kirim foto yang lebih jelas.',
      missing: ['Identitas pelapor (nama dan alamat)'],
    });
    expect(view.canAddInformation).toBe(true);

    const text = 'Foto kedua diambil dari sudut lain oleh warga (fiktif).';
    const body = await multipartBody({ receiptNumber: receipt.receiptNumber, secret: receipt.secret, text }, [{ name: 'kedua.jpg', data: await jpegWithExif('#117a65') }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track/information', ...body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ evidenceCount: 1 });

    const event = await t.ctx.db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).where('kind', '=', 'information_added').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ public: true, note: text });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'report.information_added').execute();
    expect(audit).toHaveLength(1);
    const after = (await track(receipt.receiptNumber, receipt.secret)).json();
    expect(after.evidence).toHaveLength(3);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'information_added', label: 'Keterangan tambahan dikirim' });
    expect(JSON.stringify(after)).not.toContain(text);
  });

  it('lists the requirements still missing from an anonymous report without evidence', async () => {
    const res = await submitReport(t, fictionalReport({ place: 'Pasar' }));
    const receipt: Receipt = res.json();
    await askForInformation(receipt.caseNumber, '2024-10-01');
    const view = (await track(receipt.receiptNumber, receipt.secret)).json();
    expect(view.informationRequest.missing).toEqual(['Identitas pelapor (nama dan alamat)', 'Bukti']);
    expect(view.informationRequest.message).toBeNull();
  });
});

describe('POST /api/v1/reports/track/slip', () => {
  it('returns an A6 PDF slip for the receipt, only with the secret', async () => {
    const receipt = await fileOne();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track/slip', payload: { receiptNumber: receipt.receiptNumber, secret: receipt.secret } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="tanda-terima-${receipt.receiptNumber}.pdf"; filename*=UTF-8''tanda-terima-${receipt.receiptNumber}.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // A6 is 297.64 × 419.53 points.
    expect(res.rawPayload.toString('latin1')).toContain('/MediaBox [0 0 297.64 419.53]');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track/slip', payload: { receiptNumber: receipt.receiptNumber, secret: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' } });
    expect(wrong.statusCode).toBe(404);
  });
});

describe('tracking is rate-limited per address', () => {
  it('answers 429 with a friendly message after the hourly allowance', async () => {
    const limited = await createTestApp({ reports: { trackingPerHour: 2 } });
    try {
      const attempt = () => limited.app.inject({ method: 'POST', url: '/api/v1/reports/track', payload: { receiptNumber: 'NTR-2024-0000-0000', secret: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' } });
      expect((await attempt()).statusCode).toBe(404);
      expect((await attempt()).statusCode).toBe(404);
      const refused = await attempt();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toMatch(/^Terlalu banyak percobaan dari jaringan Anda/);
    } finally {
      await limited.close();
    }
  });
});
