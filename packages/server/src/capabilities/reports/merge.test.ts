import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { verifyAuditChain } from '../audit/service.ts';
import { fictionalReport, jpegWithExif, submitReport } from '../../testing/reports.ts';

let t: TestApp;
let officer: StaffClient;
let neighbour: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  [officer, neighbour] = await Promise.all([staffClient(t, 'bawaslu_regency', '35.76'), staffClient(t, 'bawaslu_regency', '35.16')]);
});
afterAll(async () => t.close());

// Kota Mojokerto (35.76) keeps these stories apart from the other test files' regions.
const story = {
  regionCode: '35.76',
  description: 'Seorang lurah fiktif di Kota Mojokerto menghadiri deklarasi relawan pasangan calon nomor urut 1 di lapangan kelurahan dan memberikan sambutan dukungan pada malam hari.',
};

async function file(overrides: Record<string, string | string[]>, files = true) {
  const res = await submitReport(t, fictionalReport({ ...story, ...overrides }), files ? [{ name: 'foto.jpg', data: await jpegWithExif() }] : []);
  expect(res.statusCode, res.body).toBe(201);
  const receipt = res.json() as { receiptNumber: string; secret: string; caseNumber: string };
  const row = await t.ctx.db.selectFrom('reports').select(['id', 'case_id as caseId']).where('receipt_number', '=', receipt.receiptNumber).executeTakeFirstOrThrow();
  return { ...receipt, ...row };
}

const proposalsFor = (reportId: string) => t.ctx.db.selectFrom('merge_proposals').selectAll().where('report_id', '=', reportId).execute();

describe('duplicate detection on every new report', () => {
  it('proposes the same NIP as a duplicate of the earlier report', async () => {
    const first = await file({ reportedName: 'Agus Salim Fiktif', reportedNip: '198001012006041001', description: 'Lurah hadir di deklarasi relawan calon bupati dan berpidato mendukung.' });
    const second = await file({ reportedName: 'Bpk. Agus S.', reportedNip: '19800101 200604 1 001', description: 'Kami melihat pejabat kelurahan ikut berkampanye di lapangan sepak bola.' });
    const proposals = await proposalsFor(second.id);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ duplicate_of_report_id: first.id, status: 'open' });
    expect((proposals[0].reasons as Array<{ code: string }>).map((r) => r.code)).toEqual(['same_nip']);
  });

  it('proposes the same normalised name and agency on overlapping dates, and near-identical text', async () => {
    const first = await file({ reportedName: 'Drs. H. Sugeng Riyadi Fiktif, M.Si.', reportedAgency: 'Kelurahan Kranggan', occurredOn: '2024-09-26', occurredUntil: '2024-09-28', description: 'Ada ASN yang berkampanye di media sosial untuk calon wali kota setiap malam.' });
    const byName = await file({ reportedName: 'SUGENG RIYADI FIKTIF', reportedAgency: 'kelurahan  kranggan', occurredOn: '2024-09-27', description: 'Pegawai kelurahan membagikan poster calon di grup WhatsApp warga.' });
    expect((await proposalsFor(byName.id)).map((p) => [p.duplicate_of_report_id, (p.reasons as Array<{ code: string }>).map((r) => r.code)])).toEqual([[first.id, ['same_person_agency_dates']]]);

    const original = await file({ reportedName: 'Lurah Fiktif Satu' });
    const retold = await file({ reportedName: 'Seseorang', description: `${story.description} Kejadian itu disaksikan banyak warga.` });
    const proposals = await proposalsFor(retold.id);
    expect(proposals.map((p) => p.duplicate_of_report_id)).toContain(original.id);
    const similar = proposals.find((p) => p.duplicate_of_report_id === original.id)!;
    expect((similar.reasons as Array<{ code: string }>).map((r) => r.code)).toEqual(['similar_text']);
    expect(similar.similarity).toBeGreaterThan(0.6);
  });

  it('proposes nothing for an unrelated report, or across regions', async () => {
    const unrelated = await file({ reportedName: 'Orang Lain Fiktif', description: 'Kepala dinas fiktif memasang baliho bergambar calon gubernur di depan kantor dinas pada hari Minggu.' });
    expect(await proposalsFor(unrelated.id)).toEqual([]);
    const otherRegion = await file({ regionCode: '35.16', reportedName: 'Lurah Fiktif Satu' });
    expect(await proposalsFor(otherRegion.id)).toEqual([]);
  });
});

describe('merge proposals for the officer', () => {
  it('lists open proposals in scope with both reports side by side, and none to a neighbour', async () => {
    const list = await officer.get('/api/v1/merge-proposals?status=open');
    expect(list.statusCode).toBe(200);
    const { items, total } = list.json();
    expect(total).toBeGreaterThanOrEqual(3);
    const sameNip = items.find((p: { reasons: Array<{ code: string }> }) => p.reasons[0].code === 'same_nip');
    expect(sameNip.reasons[0].message).toBe('NIP terlapor sama (198001012006041001).');
    expect(sameNip.report).toMatchObject({ reportedName: 'Bpk. Agus S.', caseNumber: expect.any(String), evidenceCount: 1 });
    expect(sameNip.duplicateOf).toMatchObject({ reportedName: 'Agus Salim Fiktif' });
    expect((await neighbour.get('/api/v1/merge-proposals')).json().total).toBe(0);
  });

  it('merges: reports move to the earlier case, the later case closes, and everything is kept', async () => {
    const first = await file({ reportedName: 'Wahyu Hidayat Fiktif', reportedNip: '197512312000121002', description: 'Camat fiktif mengumpulkan kepala lingkungan untuk mendukung pasangan calon tertentu.' });
    const second = await file({ reportedName: 'Wahyu H.', reportedNip: '197512312000121002', anonymous: 'false', reporterName: 'Pelapor Kedua Fiktif', actCodes: ['A08'], description: 'Rapat di kantor kecamatan diarahkan untuk memenangkan calon nomor urut 1.' });
    const [proposal] = await proposalsFor(second.id);
    const evidenceBefore = await t.ctx.db.selectFrom('evidence').select('id').where('report_id', 'in', [first.id, second.id]).execute();

    const refused = await neighbour.post(`/api/v1/merge-proposals/${proposal.id}/merge`, {});
    expect(refused.statusCode).toBe(404);

    const res = await officer.post(`/api/v1/merge-proposals/${proposal.id}/merge`, { note: 'Kejadian yang sama, rapat 27 September' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ survivingCaseId: first.caseId, survivingCaseNumber: first.caseNumber, absorbedCaseId: second.caseId, absorbedCaseNumber: second.caseNumber, movedReportIds: [second.id] });

    const reports = await t.ctx.db.selectFrom('reports').select(['id', 'case_id']).where('id', 'in', [first.id, second.id]).orderBy('received_at').execute();
    expect(reports.map((r) => r.case_id)).toEqual([first.caseId, first.caseId]);
    expect(await t.ctx.db.selectFrom('evidence').select('id').where('report_id', 'in', [first.id, second.id]).execute()).toHaveLength(evidenceBefore.length);
    expect(await t.ctx.db.selectFrom('reporter_identities').select('report_id').where('report_id', '=', second.id).execute()).toHaveLength(1);

    const cases = await t.ctx.db.selectFrom('cases').selectAll().where('id', 'in', [first.caseId, second.caseId]).execute();
    const surviving = cases.find((c) => c.id === first.caseId)!;
    const absorbed = cases.find((c) => c.id === second.caseId)!;
    expect(surviving).toMatchObject({ state: 'received', act_codes: ['A02', 'A07', 'A08'], version: 2 });
    expect(absorbed).toMatchObject({ state: 'closed', next_deadline_due: null, version: 2 });
    expect(absorbed.closed_at).not.toBeNull();
    const absorbedEvents = await t.ctx.db.selectFrom('case_events').select(['kind', 'note', 'public', 'to_state']).where('case_id', '=', second.caseId).orderBy('id').execute();
    expect(absorbedEvents.at(-1)).toEqual({ kind: 'merged_into', note: `Digabung ke ${first.caseNumber}: Kejadian yang sama, rapat 27 September`, public: false, to_state: 'closed' });
    const survivingEvents = await t.ctx.db.selectFrom('case_events').select(['kind', 'public']).where('case_id', '=', first.caseId).orderBy('id').execute();
    expect(survivingEvents.at(-1)).toEqual({ kind: 'case_merged', public: true });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_id', 'entity_id']).where('action', '=', 'case.merged').execute();
    expect(audit).toEqual([{ action: 'case.merged', actor_id: officer.userId, entity_id: first.caseId }]);
    expect((await verifyAuditChain(t.ctx)).ok).toBe(true);

    // The second reporter now follows the surviving case, and sees the merge, not the other report.
    const view = (await t.app.inject({ method: 'POST', url: '/api/v1/reports/track', payload: { receiptNumber: second.receiptNumber, secret: second.secret } })).json();
    expect(view.caseNumber).toBe(first.caseNumber);
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(['received', 'case_merged']);
    expect(view.evidence).toHaveLength(1);

    const again = await officer.post(`/api/v1/merge-proposals/${proposal.id}/merge`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Usulan ini sudah diputuskan.');
  });

  it('settles the other proposals between reports that now share a case', async () => {
    const a = await file({ reportedName: 'Rudi Fiktif', reportedNip: '198502022010011003', description: 'Pertama: kepala seksi fiktif ikut konvoi kampanye.' });
    const b = await file({ reportedName: 'Rudi Fiktif', reportedNip: '198502022010011003', description: 'Kedua: kepala seksi fiktif memakai kaos calon saat apel.' });
    const c = await file({ reportedName: 'Rudi Fiktif', reportedNip: '198502022010011003', description: 'Ketiga: kepala seksi fiktif mengunggah foto kampanye.' });
    const [bToA] = await proposalsFor(b.id);
    const cProposals = await proposalsFor(c.id);
    // One proposal per other case, the strongest.
    expect(cProposals).toHaveLength(2);
    await officer.post(`/api/v1/merge-proposals/${bToA.id}/merge`, {});
    const cToB = cProposals.find((p) => p.duplicate_of_report_id === b.id)!;
    const cToA = cProposals.find((p) => p.duplicate_of_report_id === a.id)!;
    expect((await officer.post(`/api/v1/merge-proposals/${cToA.id}/merge`, {})).statusCode).toBe(200);
    const settled = await t.ctx.db.selectFrom('merge_proposals').select('status').where('id', '=', cToB.id).executeTakeFirstOrThrow();
    expect(settled.status).toBe('merged');
    const caseIds = await t.ctx.db.selectFrom('reports').select('case_id').where('id', 'in', [a.id, b.id, c.id]).execute();
    expect(new Set(caseIds.map((r) => r.case_id))).toEqual(new Set([a.caseId]));
  });

  it('refuses to absorb a case Bawaslu has already classified', async () => {
    const first = await file({ reportedName: 'Tono Fiktif', reportedNip: '197001012000011001', description: 'Satu: pegawai fiktif menjadi tim pemenangan.' });
    const second = await file({ reportedName: 'Tono Fiktif', reportedNip: '197001012000011001', description: 'Dua: pegawai fiktif ada di posko pemenangan.' });
    await t.ctx.db.updateTable('cases').set({ state: 'classified_other_law' }).where('id', '=', second.caseId).execute();
    const [proposal] = await proposalsFor(second.id);
    const res = await officer.post(`/api/v1/merge-proposals/${proposal.id}/merge`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(`Perkara ${second.caseNumber} sudah melewati kajian dan tidak dapat digabungkan.`);
    expect((await t.ctx.db.selectFrom('reports').select('case_id').where('id', '=', second.id).executeTakeFirstOrThrow()).case_id).toBe(second.caseId);
    expect(first.caseId).not.toBe(second.caseId);
  });

  it('dismisses a proposal with a reason, audited', async () => {
    const first = await file({ reportedName: 'Yanto Fiktif', reportedNip: '196912121990031004', description: 'Pejabat fiktif hadir di acara partai bulan lalu.' });
    const second = await file({ reportedName: 'Yanto Fiktif', reportedNip: '196912121990031004', description: 'Pejabat fiktif memberi sumbangan atas nama calon minggu ini.' });
    const [proposal] = await proposalsFor(second.id);
    const short = await officer.post(`/api/v1/merge-proposals/${proposal.id}/dismiss`, { reason: 'beda' });
    expect(short.statusCode).toBe(400);
    const res = await officer.post(`/api/v1/merge-proposals/${proposal.id}/dismiss`, { reason: 'Dua kejadian berbeda pada tanggal berbeda.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dismissed' });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['data']).where('action', '=', 'merge_proposal.dismissed').where('entity_id', '=', proposal.id).executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ reason: 'Dua kejadian berbeda pada tanggal berbeda.', reportId: second.id, duplicateOfReportId: first.id });
    const dismissed = (await officer.get('/api/v1/merge-proposals?status=dismissed')).json();
    expect(dismissed.items.map((p: { id: string }) => p.id)).toContain(proposal.id);
    expect((await officer.post(`/api/v1/merge-proposals/${proposal.id}/merge`, {})).statusCode).toBe(409);
  });
});
