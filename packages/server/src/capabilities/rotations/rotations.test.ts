import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { seedTestAgencies } from '../../testing/register.ts';

let t: TestApp;
let bkpsdm: StaffClient;
let bawaslu: StaffClient;

/** A fictional Kepala Dinas moved by a fictional regent; each test varies one thing. */
const rotation = (overrides: Record<string, unknown> = {}) => ({
  electionId: 'pilkada-2024',
  regionCode: '35.10',
  nip: '197503122000031004',
  name: 'Hendra Wijaya, S.Sos.',
  fromPosition: 'Kepala Dinas Pendidikan',
  toPosition: 'Staf Ahli Bupati Bidang Kemasyarakatan',
  decreeNumber: '821.2/123/429.011/2024',
  decreeDate: '2024-05-10',
  signerName: 'Agus Santoso',
  signerRole: 'regional_head',
  ministerApproval: false,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  await seedTestAgencies(t.ctx.db);
  bkpsdm = await staffClient(t, 'bkpsdm_officer', '35.10');
  bawaslu = await staffClient(t, 'bawaslu_regency', '35.10');
  // The sitting regent stands again: an incumbent candidate (fictional).
  const pair = await bkpsdm.post('/api/v1/candidates', {
    electionId: 'pilkada-2024',
    regionCode: '35.10',
    ballotNumber: 2,
    head: { name: 'H. Agus Santoso, S.H.', variants: ['Agus Santoso Wibowo'] },
    deputy: { name: 'Dewi Lestari' },
    independent: false,
    parties: ['Partai Contoh Satu'],
    incumbent: { member: 'head', office: 'regional_head' },
    slogans: [],
    hashtags: [],
  });
  expect(pair.statusCode).toBe(201);
});
afterAll(async () => t?.close());

async function record(body: Record<string, unknown>) {
  const response = await bkpsdm.post('/api/v1/rotations', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('art. 71(2) rotation watch, Pilkada 2024 (window 22 Mar 2024 – end of term)', () => {
  it('flags an incumbent candidate\'s rotation inside the window without approval, with the legal basis', async () => {
    const flagged = await record(rotation());
    expect(flagged.assessment).toMatchObject({ flagged: true, severity: 'high', basis: 'UU 10/2016 ps. 71 ayat (2)', matchedCandidate: 'H. Agus Santoso, S.H.' });
    expect(flagged.assessment.window).toMatchObject({ from: '2024-03-22' });
    expect(flagged.assessment.reasons.map((r: { code: string }) => r.code)).toEqual(['inside_window', 'no_approval', 'incumbent_candidate']);
  });

  it('does not flag the same rotation before the window opens', async () => {
    const outside = await record(rotation({ decreeNumber: '821.2/50/429.011/2024', decreeDate: '2024-03-21' }));
    expect(outside.assessment).toMatchObject({ flagged: false, severity: 'none' });
    expect(outside.assessment.reasons[0]).toMatchObject({ code: 'outside_window', effect: 'clears' });
  });

  it('does not flag one the Minister approved beforehand, but flags an approval that came after the decree', async () => {
    const approved = await record(rotation({ decreeNumber: 'A/1', ministerApproval: true, approvalLetterNumber: '100.2.2.6/1234/OTDA', approvalDate: '2024-05-02' }));
    expect(approved.assessment.flagged).toBe(false);
    expect(approved.assessment.reasons[1]).toMatchObject({ code: 'minister_approved', effect: 'clears' });
    const late = await record(rotation({ decreeNumber: 'A/2', ministerApproval: true, approvalLetterNumber: '100.2.2.6/1300/OTDA', approvalDate: '2024-05-20' }));
    expect(late.assessment).toMatchObject({ flagged: true });
    expect(late.assessment.reasons[1].code).toBe('approval_after_decree');
  });

  it('lists only the flagged ones for Bawaslu, with UU 10/2016 art. 71(2)', async () => {
    const list = (await bawaslu.get('/api/v1/rotations?flagged=true')).json();
    expect(list.legalBasis.reference).toBe('UU 10/2016 ps. 71 ayat (2)');
    expect(list.legalBasis.text).toContain('dilarang melakukan penggantian pejabat');
    expect(list.items.map((i: { decree: { number: string } }) => i.decree.number).sort()).toEqual(['821.2/123/429.011/2024', 'A/2']);
  });

  it('answers field by field for a bad form, and imports CSV rows with their reasons', async () => {
    const refused = await bkpsdm.post('/api/v1/rotations', rotation({ decreeNumber: 'B/1', nip: '123', decreeDate: '2030-01-01', ministerApproval: true }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['body.nip', 'body.decreeDate', 'body.approvalLetterNumber', 'body.approvalDate']));

    const csv = [
      'kode_pemilihan,kode_wilayah,nip,nama,jabatan_lama,jabatan_baru,nomor_sk,tanggal_sk,penandatangan,kapasitas_penandatangan,persetujuan_menteri,nomor_surat_persetujuan,tanggal_persetujuan',
      'pilkada-2024,35.10,198609262015051001,Sari Wulandari,Sekretaris Dinas,Kepala Bidang,C/1,10/06/2024,Agus Santoso Wibowo,bupati,N,,',
      'pilkada-2024,35.10,198609262015051001,Sari Wulandari,Sekretaris Dinas,Kepala Bidang,C/2,2024-06-10,Agus Santoso,ketua,N,,',
      'pilkada-2024,16.07,198609262015051001,Sari Wulandari,Sekretaris Dinas,Kepala Bidang,C/3,2024-06-10,Orang Lain,kepala_daerah,N,,',
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv]), 'mutasi.csv');
    const encoded = new Response(form);
    const response = await bkpsdm.request({ method: 'POST', url: '/api/v1/rotations/import', payload: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type')! } });
    const summary = response.json();
    expect(summary).toMatchObject({ inserted: 1, rejected: 2 });
    expect(summary.rows[1].reasons[0]).toMatchObject({ column: 'kapasitas_penandatangan', code: 'signer_role_unknown' });
    expect(summary.rows[2].reasons[0]).toMatchObject({ column: 'kode_wilayah', code: 'region_outside_scope' });
    // The signer's spelling variant is recognised as the incumbent candidate.
    const imported = (await bawaslu.get(`/api/v1/rotations/${summary.rows[0].rotationId}`)).json();
    expect(imported.assessment).toMatchObject({ flagged: true, severity: 'high' });
  });

  it('turns a flagged rotation into a finding in one step, visible to Bawaslu of the region', async () => {
    const flagged = (await bawaslu.get('/api/v1/rotations?flagged=true')).json().items.find((i: { decree: { number: string } }) => i.decree.number === '821.2/123/429.011/2024');
    expect((await bkpsdm.post(`/api/v1/rotations/${flagged.id}/finding`)).statusCode).toBe(403);
    const made = await bawaslu.post(`/api/v1/rotations/${flagged.id}/finding`);
    expect(made.statusCode, made.body).toBe(201);
    const finding = made.json();
    expect(finding.caseNumber).toMatch(/^[A-Z]+-2024-\d{6}$/);
    // Once only: the same step again returns the same finding.
    expect((await bawaslu.post(`/api/v1/rotations/${flagged.id}/finding`)).json().caseId).toBe(finding.caseId);

    const report = await t.ctx.db.selectFrom('reports').select(['source', 'region_code', 'act_codes', 'reported_name', 'description']).where('id', '=', finding.reportId).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ source: 'finding', region_code: '35.10', act_codes: ['A11'], reported_name: 'Agus Santoso' });
    expect(report.description).toContain('UU 10/2016 ps. 71 ayat (2)');
    const seen = await bawaslu.get(`/api/v1/cases/${finding.caseId}`);
    expect(seen.statusCode).toBe(200);
    expect((await bawaslu.get(`/api/v1/rotations/${flagged.id}`)).json().finding).toEqual(finding && { reportId: finding.reportId, caseId: finding.caseId, caseNumber: finding.caseNumber });

    const outside = (await bawaslu.get('/api/v1/rotations?flagged=false')).json().items[0];
    expect((await bawaslu.post(`/api/v1/rotations/${outside.id}/finding`)).statusCode).toBe(409);
  });
});

describe('rotation watch per the law (issue 14): every sitting head, acting heads, the term end as data', () => {
  const putTerm = (client: StaffClient, region: string, payload: unknown) =>
    client.request({ method: 'PUT', url: `/api/v1/rotations/terms/${region}`, payload: payload as Record<string, unknown> });

  it('flags a sitting regent who is NOT a candidate (art. 71(2) binds every regional head), at medium severity', async () => {
    const other = await record(rotation({ decreeNumber: 'B/1', signerName: 'Bambang Nugroho' }));
    expect(other.assessment).toMatchObject({ flagged: true, severity: 'medium', matchedCandidate: null, clearedByApproval: false });
    expect(other.assessment.reasons[2]).toMatchObject({ code: 'sitting_regional_head', effect: 'flags' });
  });

  it("flags an acting head's transfer outside the art. 71 window under art. 132A, and says when the Minister's approval cleared one", async () => {
    const pj = await record(rotation({ decreeNumber: 'B/2', signerName: 'Teguh Prasetyo', signerRole: 'acting_head', decreeDate: '2024-01-10' }));
    expect(pj.assessment).toMatchObject({ flagged: true, severity: 'medium', basis: 'UU 10/2016 ps. 132A ayat (1) huruf a dan ayat (2)' });
    const approved = await record(rotation({ decreeNumber: 'B/3', ministerApproval: true, approvalLetterNumber: '100.2.2.6/77/OTDA', approvalDate: '2024-05-01' }));
    expect(approved.assessment).toMatchObject({ flagged: false, clearedByApproval: true });
    expect(approved.assessment.reasons[1].message).toContain('100.2.2.6/77/OTDA');
  });

  it('keeps the window open until a term end is recorded, then closes it there (audited, field errors for bad input)', async () => {
    // The test clock is 1 Oct 2024: a decree of 30 Sep, after a term that (in this fiction) ended on 15 Sep.
    const late = await record(rotation({ decreeNumber: 'B/4', decreeDate: '2024-09-30' }));
    expect(late.assessment).toMatchObject({ flagged: true, window: { to: null } });

    const bad = await putTerm(bkpsdm, '35.10', { termEnd: '2025-02-30', basis: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.basis', 'body.termEnd']);
    expect((await putTerm(bkpsdm, '35.16', { termEnd: '2025-02-20', basis: 'SK pelantikan (fiktif)' })).statusCode).toBe(404);

    const saved = await putTerm(bkpsdm, '35.10', { termEnd: '2024-09-15', headName: 'Agus Santoso', basis: 'SK Mendagri pengesahan pengangkatan (fiktif)' });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await bkpsdm.get(`/api/v1/rotations/${late.id}`)).json();
    expect(after.assessment).toMatchObject({ flagged: false, window: { to: '2024-09-15' } });
    expect(after.assessment.reasons[0].code).toBe('outside_window');

    const terms = (await bkpsdm.get('/api/v1/rotations/terms')).json();
    expect(terms.items).toEqual([expect.objectContaining({ regionCode: '35.10', termEnd: '2024-09-15', headName: 'Agus Santoso' })]);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'rotations.term_recorded').execute();
    expect(audit).toHaveLength(1);
  });
});
