/**
 * The letters of a case at their steps (issue 15), their text read back out of the PDF as a
 * reader would copy it (pdf-text.ts): number, names, NIP and the facts in full, never cut; each
 * stored with the case (SHA-256) and audited; the PPK's signed decree uploaded as a sniffed PDF.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../testing/cases.ts';
import { addReport, createAgency, createAsn, createUnit } from '../../testing/dashboards.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { pdfText } from './pdf-text.ts';

let t: TestApp;
let bawaslu: StaffClient;
let bkn: StaffClient;
let ppk: StaffClient;
let person: { id: number; nip: string; name: string };
const spaced = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A long description, as a citizen writes it: the case summary is its first 200 characters, cut. */
const LONG =
  'Camat Genteng (fiktif) hadir dalam deklarasi pasangan calon bupati nomor urut 1 di lapangan Kecamatan Genteng, berdiri di panggung bersama tim pemenangan, mengenakan kaus bergambar pasangan calon dan menyampaikan sambutan yang mengajak para kepala desa serta perangkat desa untuk memenangkan pasangan calon tersebut pada hari pemungutan suara tanggal 27 November 2024.';

beforeAll(async () => {
  t = await createTestApp();
  const agency = await createAgency(t, '35.10', 'Pemerintah Kabupaten Banyuwangi (fiktif)');
  const unit = await createUnit(t, agency, 'Kecamatan Genteng');
  person = await createAsn(t, { agencyId: agency, regionCode: '35.10', unitId: unit, name: 'Drs. Hadi Santoso Fiktif, M.Si.', positionTitle: 'Camat Genteng', positionType: 'camat_lurah' });
  await t.ctx.db.updateTable('asn').set({ grade: 'IV/a' }).where('id', '=', person.id).execute();
  [bawaslu, bkn, ppk] = await Promise.all([staffClient(t, 'bawaslu_regency', '35.10'), staffClient(t, 'bkn_verifier', null), staffClient(t, 'ppk_delegate', '35.10')]);
});
afterAll(async () => t?.close());

async function caseAt(state: 'under_review' | 'classified_other_law' | 'forwarded_to_bkn' | 'recommended_to_ppk') {
  const c = await createCase(t, { state, asnId: person.id, receivedOn: '2024-09-29', actCodes: ['A04'], summary: `Hadi Santoso Fiktif: ${LONG.slice(0, 199)}…` });
  // The case's only report is the citizen's long account (createCase's finding says the summary).
  await t.ctx.db.updateTable('reports').set({ description: LONG, source: 'public', place: 'Lapangan Kecamatan Genteng' }).where('case_id', '=', c.id).execute();
  if (state !== 'under_review') {
    await t.ctx.db.insertInto('case_events').values({ case_id: c.id, kind: 'transition', transition: 'classify_violation', from_state: 'under_review', to_state: 'classified_other_law', at: new Date('2024-09-30T03:00:00Z'), data: '{}' }).execute();
  }
  if (state === 'forwarded_to_bkn' || state === 'recommended_to_ppk') {
    await t.ctx.db.insertInto('case_events').values({ case_id: c.id, kind: 'transition', transition: 'forward_to_bkn', at: new Date('2024-09-30T04:00:00Z'), data: JSON.stringify({ fields: { letterNumber: '031/PM.00.02/K.JI-10/09/2024' } }) }).execute();
  }
  if (state === 'recommended_to_ppk') {
    await t.ctx.db.insertInto('case_events').values({ case_id: c.id, kind: 'transition', transition: 'recommend_to_ppk', at: new Date('2024-10-02T04:00:00Z'), data: JSON.stringify({ fields: { letterNumber: 'R-2719/BKN/X/2024' } }) }).execute();
  }
  return c;
}

async function letter(client: StaffClient, url: string) {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return { text: flat(pdfText(res.rawPayload)), documentId: String(res.headers['x-netra-document-id']), bytes: res.rawPayload };
}

/** The facts in full, once, and nothing cut with an ellipsis. */
function expectFullFacts(text: string) {
  expect(text).toContain(LONG);
  expect(text.split('deklarasi pasangan calon bupati').length - 1).toBe(1);
  expect(text).not.toContain('…');
}

describe('letters from the case page, each at its step', () => {
  it("Bawaslu's recommendation to BKN: the person with NIP and rank, and the facts without the cut summary", async () => {
    const c = await caseAt('forwarded_to_bkn');
    const { text } = await letter(bawaslu, `/api/v1/documents/cases/${c.id}/letters/recommendation-bkn`);
    expect(text).toContain('031/PM.00.02/K.JI-10/09/2024');
    expect(text).toContain(c.number);
    expect(text).toContain('Drs. Hadi Santoso Fiktif, M.Si.');
    expect(text).toContain(spaced(person.nip));
    expect(text).toContain('IV/a');
    expect(text).toContain('Kecamatan Genteng, Pemerintah Kabupaten Banyuwangi (fiktif)');
    expect(text).toContain('Kepala Badan Kepegawaian Negara');
    expectFullFacts(text);
    // The older route gives the same letter.
    expectFullFacts((await letter(bawaslu, `/api/v1/documents/cases/${c.id}/recommendation`)).text);
  });

  it('the review result once the review has concluded (409 before), with number, person, facts and conclusion', async () => {
    const early = await caseAt('under_review');
    const refused = await bawaslu.get(`/api/v1/documents/cases/${early.id}/letters/review-result`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('setelah kajian');
    const c = await caseAt('classified_other_law');
    const { text } = await letter(bawaslu, `/api/v1/documents/cases/${c.id}/letters/review-result`);
    expect(text).toContain('HASIL KAJIAN');
    expect(text).toContain(`Perkara Nomor ${c.number}`);
    expect(text).toContain(spaced(person.nip));
    expect(text).toContain('Tanggal kajian : 30 September 2024');
    expect(text).toContain('Terlapor terbukti melakukan pelanggaran netralitas ASN');
    expect(text).toContain('Banyuwangi, 30 September 2024');
    expectFullFacts(text);
  });

  it("BKN's recommendation to the PPK once BKN has verified, citing Bawaslu's letter and its own number", async () => {
    const early = await caseAt('forwarded_to_bkn');
    expect((await bkn.get(`/api/v1/documents/cases/${early.id}/letters/bkn-recommendation`)).statusCode).toBe(409);
    const c = await caseAt('recommended_to_ppk');
    const { text } = await letter(ppk, `/api/v1/documents/cases/${c.id}/letters/bkn-recommendation`);
    expect(text).toContain('BADAN KEPEGAWAIAN NEGARA');
    expect(text).toContain('R-2719/BKN/X/2024');
    // A justified line may break after a slash or hyphen of the number (the line break reads as a space).
    expect(text.replace(/([/-])\s/g, '$1')).toContain('031/PM.00.02/K.JI-10/09/2024');
    expect(text).toContain('Kepada Yth. Bupati Banyuwangi selaku Pejabat Pembina Kepegawaian');
    expect(text).toContain('Drs. Hadi Santoso Fiktif, M.Si.');
    expect(text).toContain(spaced(person.nip));
    expect(text).toContain('Camat Genteng');
    expect(text).toContain('SIASN');
    expectFullFacts(text);
  });

  it('the notice of report status to the reporter, by Bawaslu only, naming the reporter by receipt alone', async () => {
    const c = await caseAt('forwarded_to_bkn');
    await addReport(t, c, { source: 'finding', receivedOn: '2024-09-30', description: 'Temuan pengawas kecamatan (fiktif).' });
    const reports = await t.ctx.db.selectFrom('reports').select(['id', 'receipt_number', 'source']).where('case_id', '=', c.id).orderBy('received_at').execute();
    const citizen = reports.find((r) => r.source === 'public')!;
    const finding = reports.find((r) => r.source === 'finding')!;
    const { text } = await letter(bawaslu, `/api/v1/documents/cases/${c.id}/letters/status-notice?report=${citizen.id}`);
    expect(text).toContain('Pemberitahuan Status Laporan');
    expect(text).toContain(`Pelapor dengan tanda terima ${citizen.receipt_number}`);
    expect(text).toContain(c.number);
    expect(text).toContain('Diteruskan ke BKN');
    expect(text).toContain('Identitas pelapor dirahasiakan');
    const onFinding = await bawaslu.get(`/api/v1/documents/cases/${c.id}/letters/status-notice?report=${finding.id}`);
    expect(onFinding.statusCode).toBe(422);
    expect(onFinding.json().error.fields[0].field).toBe('query.report');
    expect((await bkn.get(`/api/v1/documents/cases/${c.id}/letters/status-notice`)).statusCode).toBe(403);
    expect((await bawaslu.get(`/api/v1/documents/cases/${c.id}/letters/no-such-letter`)).statusCode).toBe(400);
  });
});

describe('kept with the case', () => {
  it('stores every generated letter with its hash and audits it; lists what is due at the step', async () => {
    const c = await caseAt('recommended_to_ppk');
    const generated = await letter(bkn, `/api/v1/documents/cases/${c.id}/letters/bkn-recommendation`);
    const listing = (await ppk.get(`/api/v1/documents/cases/${c.id}`)).json();
    expect(listing.letters.find((l: { kind: string }) => l.kind === 'bkn-recommendation')).toMatchObject({ due: true, reason: null });
    expect(listing.letters.find((l: { kind: string }) => l.kind === 'status-notice')).toMatchObject({ due: false });
    expect(listing.decree).toMatchObject({ canUpload: true, due: true });
    const stored = listing.files.find((f: { id: string }) => f.id === generated.documentId);
    expect(stored).toMatchObject({ kind: 'bkn_recommendation', label: 'Rekomendasi BKN kepada PPK', sha256: createHash('sha256').update(generated.bytes).digest('hex'), sizeBytes: generated.bytes.length });
    const download = await ppk.get(`/api/v1/documents/cases/${c.id}/files/${generated.documentId}`);
    expect(download.statusCode).toBe(200);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(stored.sha256);
    const audit = (await bkn.get(`/api/v1/cases/${c.id}`)).json().auditTrail;
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'document.generated', data: expect.objectContaining({ kind: 'bkn_recommendation', sha256: stored.sha256 }) })]));
    // Another region's Bawaslu does not see the case or its files.
    const other = await staffClient(t, 'bawaslu_regency', '35.16');
    expect((await other.get(`/api/v1/documents/cases/${c.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/documents/cases/${c.id}/files/${generated.documentId}`)).statusCode).toBe(404);
  });
});

describe("the PPK's signed decree", () => {
  const form = (bytes: Buffer, name: string, type: string) => {
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    return body;
  };
  const upload = async (client: StaffClient, caseId: string, body: FormData) => {
    const encoded = new Response(body);
    return client.request({ method: 'POST', url: `/api/v1/documents/cases/${caseId}/decree`, payload: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type')! } });
  };

  it('is a PDF sniffed from its bytes, stored with its SHA-256 and audited; refused otherwise', async () => {
    const c = await caseAt('recommended_to_ppk');
    const decree = (await letter(ppk, `/api/v1/documents/cases/${c.id}/letters/bkn-recommendation`)).bytes;
    const res = await upload(ppk, c.id, form(decree, 'SK Bupati 800-77.pdf', 'application/pdf'));
    expect(res.statusCode, res.body).toBe(201);
    const sha256 = createHash('sha256').update(decree).digest('hex');
    expect(res.json()).toMatchObject({ sha256, sizeBytes: decree.length, fileName: `keputusan-sanksi-${c.number}.pdf`, originalName: 'SK Bupati 800-77.pdf' });
    const row = await t.ctx.db.selectFrom('case_documents').select(['kind', 'sha256', 'storage_key']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: 'sanction_decree', sha256, storage_key: `sha256/${sha256.slice(0, 2)}/${sha256}` });
    expect(await t.ctx.files.exists(row.storage_key)).toBe(true);
    const back = await bkn.get(`/api/v1/documents/cases/${c.id}/files/${res.json().id}`);
    expect(back.headers['x-netra-sha256']).toBe(sha256);
    expect(Buffer.compare(back.rawPayload, decree)).toBe(0);
    const audit = (await ppk.get(`/api/v1/cases/${c.id}`)).json().auditTrail;
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'document.decree_uploaded', data: expect.objectContaining({ sha256 }) })]));

    // A PNG named .pdf, declared as a PDF, is not a PDF.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const fake = await upload(ppk, c.id, form(png, 'keputusan.pdf', 'application/pdf'));
    expect(fake.statusCode).toBe(422);
    expect(fake.json().error.fields[0]).toMatchObject({ field: 'body.file', message: expect.stringContaining('bukan PDF') });
    expect((await ppk.request({ method: 'POST', url: `/api/v1/documents/cases/${c.id}/decree`, payload: {} })).statusCode).toBe(400);
    expect((await upload(bawaslu, c.id, form(decree, 'sk.pdf', 'application/pdf'))).statusCode).toBe(403);
    const early = await caseAt('forwarded_to_bkn');
    await t.ctx.db.updateTable('cases').set({ recommended_to_ppk_on: '2024-10-02' }).where('id', '=', early.id).execute();
    expect((await upload(ppk, early.id, form(decree, 'sk.pdf', 'application/pdf'))).statusCode).toBe(409);
  });
});
