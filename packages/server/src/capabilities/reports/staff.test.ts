import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIdentity } from '../../security/vault.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { fictionalReport, hasExif, jpegWithExif, multipartBody, samplePdf, staffSubmit, submitReport } from '../../testing/reports.ts';

let t: TestApp;
let banyuwangi: StaffClient;
let mojokerto: StaffClient;
let eastJava: StaffClient;
let national: StaffClient;
/** A named public report with a photo and a PDF in Banyuwangi. */
let named: { id: string; receiptNumber: string; caseId: string };
/** An anonymous public report in Kabupaten Mojokerto. */
let elsewhere: { id: string; caseId: string };

async function reportIdOf(receiptNumber: string) {
  return t.ctx.db.selectFrom('reports').select(['id', 'case_id as caseId', 'receipt_number as receiptNumber']).where('receipt_number', '=', receiptNumber).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestApp();
  [banyuwangi, mojokerto, eastJava, national] = await Promise.all([
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_regency', '35.16'),
    staffClient(t, 'bawaslu_province', '35'),
    staffClient(t, 'bawaslu_national', null),
  ]);
  const res = await submitReport(
    t,
    fictionalReport({ anonymous: 'false', reporterName: 'Siti Rahmawati Fiktif', reporterAddress: 'Jl. Kenanga 3, Banyuwangi', reporterPhone: '081200000000' }),
    [
      { name: 'foto-acara.jpg', data: await jpegWithExif() },
      { name: 'tangkapan.pdf', data: await samplePdf() },
    ],
  );
  expect(res.statusCode, res.body).toBe(201);
  named = await reportIdOf(res.json().receiptNumber);
  const other = await submitReport(t, fictionalReport({ regionCode: '35.16', reportedName: 'Hendra Fiktif' }));
  elsewhere = await reportIdOf(other.json().receiptNumber);
});
afterAll(async () => t.close());

describe('POST /api/v1/intake/reports: findings and paper reports', () => {
  it("records a Bawaslu officer's own finding, with no secret and the officer as author", async () => {
    const res = await staffSubmit(banyuwangi, '/api/v1/intake/reports', { ...fictionalReport({ anonymous: undefined }), source: 'finding' }, [{ name: 'patroli.jpg', data: await jpegWithExif() }]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ secret: null, receivedOn: '2024-10-01', caseNumber: expect.stringMatching(/^NTR-2024-\d{6}$/) });
    const row = await t.ctx.db.selectFrom('reports').selectAll().where('id', '=', res.json().reportId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'finding', created_by: banyuwangi.userId, secret_hash: null, anonymous: false });
    const evidence = await t.ctx.db.selectFrom('evidence').select('added_by').where('report_id', '=', row.id).execute();
    expect(evidence).toEqual([{ added_by: `staff:${banyuwangi.userId}` }]);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', row.id).execute();
    expect(audit).toEqual([{ action: 'report.received', actor_id: banyuwangi.userId }]);
  });

  it('records a paper report received earlier, with its reporter, and gives a secret for the slip', async () => {
    const res = await staffSubmit(banyuwangi, '/api/v1/intake/reports', {
      ...fictionalReport({ anonymous: 'false', reporterName: 'Ahmad Fauzi Fiktif', reporterAddress: 'Desa Sukamaju RT 2' }),
      source: 'paper',
      receivedOn: '2024-09-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ receivedOn: '2024-09-30', secret: expect.stringMatching(/^[0-9A-Z]{4}-/) });
    const kase = await t.ctx.db.selectFrom('cases').select(['received_on', 'next_deadline_due']).where('id', '=', res.json().caseId).executeTakeFirstOrThrow();
    expect(kase).toEqual({ received_on: '2024-09-30', next_deadline_due: '2024-10-03' });
  });

  it('asks a paper report for its reporter unless it is anonymous; findings need none', async () => {
    const res = await staffSubmit(banyuwangi, '/api/v1/intake/reports', { ...fictionalReport({ anonymous: 'false' }), source: 'paper' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['body.reporterName']);
  });

  it("captures the official form's fields from a paper report: the reporter's particulars and the witnesses, in the vault", async () => {
    const paper: Record<string, string | string[] | undefined> = { ...fictionalReport({ anonymous: 'false', reporterName: 'Dewi Lestari Fiktif' }), source: 'paper', witnesses: JSON.stringify([{ name: 'Joko Saksi Fiktif', address: 'Dusun Krajan (fiktif)', phone: '0813 1111 2222' }]) };
    // The paper's particulars are checked like the public form's (a paper that lacks some is still
    // taken: the officer types what it holds).
    const refused = await staffSubmit(banyuwangi, '/api/v1/intake/reports', { ...paper, reporterGender: 'X', reporterBirthDate: '1850-01-01', witnesses: JSON.stringify([{ address: 'tanpa nama' }]) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.reporterBirthDate', 'body.reporterGender', 'body.witnesses.0.name']);
    const withoutParticulars = { ...paper, reporterBirthPlace: undefined, reporterBirthDate: undefined, reporterGender: undefined, reporterOccupation: undefined, reporterNationality: undefined };
    expect((await staffSubmit(banyuwangi, '/api/v1/intake/reports', withoutParticulars)).statusCode).toBe(201);

    const res = await staffSubmit(banyuwangi, '/api/v1/intake/reports', paper);
    expect(res.statusCode, res.body).toBe(201);
    const report = await reportIdOf(res.json().receiptNumber);
    const vault = await t.ctx.db.selectFrom('reporter_identities').select(['sealed', 'named', 'witness_count']).where('report_id', '=', report.id).executeTakeFirstOrThrow();
    expect(vault).toMatchObject({ named: true, witness_count: 1 });
    expect(vault.sealed).not.toContain('Dewi');
    expect(JSON.parse((await openIdentity(t.ctx.db, t.ctx.encryptionKey, vault.sealed))!)).toMatchObject({
      name: 'Dewi Lestari Fiktif',
      birthPlace: 'Banyuwangi',
      birthDate: '1988-03-14',
      gender: 'P',
      occupation: 'Pedagang',
      nationality: 'Indonesia',
      witnesses: [{ name: 'Joko Saksi Fiktif', address: 'Dusun Krajan (fiktif)', phone: '0813 1111 2222' }],
    });
  });

  it("refuses a region outside the officer's scope, with a message on the region field", async () => {
    const res = await staffSubmit(banyuwangi, '/api/v1/intake/reports', { ...fictionalReport({ regionCode: '35.16' }), source: 'finding' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.fields).toEqual([{ field: 'body.regionCode', message: 'Kabupaten Mojokerto di luar wilayah tugas Anda.' }]);
  });

  it('is for Bawaslu only, and checks the session before reading any upload', async () => {
    const bkpsdm = await staffClient(t, 'bkpsdm_officer', '35.10');
    const refused = await staffSubmit(bkpsdm, '/api/v1/intake/reports', { ...fictionalReport(), source: 'finding' });
    expect(refused.statusCode).toBe(403);
    const body = await multipartBody({ ...fictionalReport(), source: 'finding' }, [{ name: 'a.jpg', data: await jpegWithExif() }]);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/intake/reports', ...body });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('reading reports: scope in the query', () => {
  it('lists only the reports inside the caller’s territory', async () => {
    const mine = (await banyuwangi.get('/api/v1/reports?limit=200')).json();
    expect(mine.items.every((r: { regionCode: string }) => r.regionCode === '35.10')).toBe(true);
    expect(mine.items.map((r: { id: string }) => r.id)).toContain(named.id);
    const theirs = (await mojokerto.get('/api/v1/reports?limit=200')).json();
    expect(theirs.items.map((r: { id: string }) => r.id)).toEqual([elsewhere.id]);
    const province = (await eastJava.get('/api/v1/reports?limit=200')).json();
    expect(province.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([named.id, elsewhere.id]));
    expect(province.total).toBe(mine.total + theirs.total);
  });

  it('filters by case and searches by name, receipt or text', async () => {
    const byCase = (await banyuwangi.get(`/api/v1/reports?caseId=${named.caseId}`)).json();
    expect(byCase.items.map((r: { id: string }) => r.id)).toEqual([named.id]);
    const byReceipt = (await national.get(`/api/v1/reports?q=${named.receiptNumber}`)).json();
    expect(byReceipt.items.map((r: { id: string }) => r.id)).toEqual([named.id]);
    const byName = (await national.get('/api/v1/reports?q=hendra')).json();
    expect(byName.items.map((r: { id: string }) => r.id)).toEqual([elsewhere.id]);
  });

  it('shows a report in scope with its evidence and checklist, and answers 404 outside scope', async () => {
    const res = await banyuwangi.get(`/api/v1/reports/${named.id}`);
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail).toMatchObject({ id: named.id, regionName: 'Kabupaten Banyuwangi', anonymous: false, hasReporterIdentity: true, caseStateLabel: 'Diterima', evidenceCount: 2 });
    expect(detail.evidence.map((e: { originalName: string; hasPublicCopy: boolean }) => [e.originalName, e.hasPublicCopy])).toEqual([
      ['foto-acara.jpg', true],
      ['tangkapan.pdf', false],
    ]);
    expect(detail.checklist).toMatchObject({ formalMet: true, materialMet: true });
    // The identity is not part of the report.
    expect(JSON.stringify(detail)).not.toContain('Siti');
    const outside = await mojokerto.get(`/api/v1/reports/${named.id}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.message).toBe(`Laporan ${named.id} tidak ditemukan.`);
  });

  it('shows BKN a report only once its case is forwarded, and refuses roles without a need', async () => {
    const bkn = await staffClient(t, 'bkn_verifier', null);
    expect((await bkn.get(`/api/v1/reports/${named.id}`)).statusCode).toBe(404);
    expect((await bkn.get('/api/v1/reports')).json().total).toBe(0);
    // What the cases capability records when Bawaslu forwards the case.
    await t.ctx.db.updateTable('cases').set({ state: 'forwarded_to_bkn', forwarded_to_bkn_on: '2024-10-01' }).where('id', '=', elsewhere.caseId).execute();
    expect((await bkn.get(`/api/v1/reports/${elsewhere.id}`)).statusCode).toBe(200);
    expect((await bkn.get(`/api/v1/reports/${named.id}`)).statusCode).toBe(404);
    const analyst = await staffClient(t, 'analyst', null);
    expect((await analyst.get('/api/v1/reports')).statusCode).toBe(403);
    expect((await t.app.inject('/api/v1/reports')).statusCode).toBe(401);
  });
});

describe('GET /api/v1/evidence/:id', () => {
  it('gives staff the original as an attachment with its sniffed type, or the stripped copy', async () => {
    const { evidence } = (await banyuwangi.get(`/api/v1/reports/${named.id}`)).json();
    const photo = evidence[0];
    const original = await banyuwangi.get(`/api/v1/evidence/${photo.id}`);
    expect(original.statusCode).toBe(200);
    expect(original.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="foto-acara.jpg"; filename*=UTF-8''foto-acara.jpg`,
    });
    expect(await hasExif(original.rawPayload)).toBe(true);
    const copy = await banyuwangi.get(`/api/v1/evidence/${photo.id}?copy=public`);
    expect(await hasExif(copy.rawPayload)).toBe(false);
    const pdf = await banyuwangi.get(`/api/v1/evidence/${evidence[1].id}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await banyuwangi.get(`/api/v1/evidence/${evidence[1].id}?copy=public`)).statusCode).toBe(404);
    expect((await mojokerto.get(`/api/v1/evidence/${photo.id}`)).statusCode).toBe(404);
  });
});

describe("POST /api/v1/reports/:id/identity: opening a reporter's identity", () => {
  const reason = 'Klarifikasi kepada pelapor untuk kajian awal';

  it('needs a reason of at least 15 characters', async () => {
    const res = await banyuwangi.post(`/api/v1/reports/${named.id}/identity`, { reason: 'perlu' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('body.reason');
  });

  it('returns the identity only after writing the audit entry with the reason', async () => {
    const res = await banyuwangi.post(`/api/v1/reports/${named.id}/identity`, { reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Siti Rahmawati Fiktif', address: 'Jl. Kenanga 3, Banyuwangi', phone: '081200000000', email: null });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_id', 'data']).where('action', '=', 'reporter_identity.opened').execute();
    expect(audit).toEqual([{ action: 'reporter_identity.opened', actor_id: banyuwangi.userId, data: { reason, caseId: named.caseId } }]);
    const event = await t.ctx.db.selectFrom('case_events').select(['kind', 'public', 'note', 'actor_id']).where('case_id', '=', named.caseId).where('kind', '=', 'identity_opened').execute();
    expect(event).toEqual([{ kind: 'identity_opened', public: false, note: reason, actor_id: banyuwangi.userId }]);
  });

  it('is refused to other roles and outside scope, and there is nothing to open for an anonymous reporter', async () => {
    const bkn = await staffClient(t, 'bkn_verifier', null);
    expect((await bkn.post(`/api/v1/reports/${named.id}/identity`, { reason })).statusCode).toBe(403);
    expect((await mojokerto.post(`/api/v1/reports/${named.id}/identity`, { reason })).statusCode).toBe(404);
    const anonymous = await mojokerto.post(`/api/v1/reports/${elsewhere.id}/identity`, { reason });
    expect(anonymous.statusCode).toBe(404);
    expect(anonymous.json().error.message).toBe('Pelapor anonim: tidak ada identitas yang disimpan.');
    const opened = await t.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'reporter_identity.opened').execute();
    expect(opened).toHaveLength(1);
  });
});
