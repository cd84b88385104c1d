/**
 * Identifying the person behind a case (issue 15): search the register, link one or more civil
 * servants, record that the person is unknown and why; forwarding to BKN and recording a sanction
 * refuse a case without one; BKN and the PPK read NIP, rank, position, unit and agency, earlier
 * cases and pledges; the register's person page lists the cases the viewer may see.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../testing/cases.ts';
import { createAgency, createAsn, createUnit } from '../../testing/dashboards.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

let t: TestApp;
let bawaslu: StaffClient;
let bkn: StaffClient;
let ppk: StaffClient;
let otherPpk: StaffClient;
let camat: { id: number; nip: string; name: string };
let sekcam: { id: number; nip: string; name: string };
let outside: { id: number; nip: string; name: string };
const NOTE = 'Catatan pemeriksaan perkara uji.';

beforeAll(async () => {
  t = await createTestApp();
  const agency = await createAgency(t, '35.10', 'Pemerintah Kabupaten Banyuwangi (fiktif)');
  const kecamatan = await createUnit(t, agency, 'Kecamatan Genteng');
  camat = await createAsn(t, { agencyId: agency, regionCode: '35.10', unitId: kecamatan, name: 'Drs. Suharsono Wibisono Fiktif, M.Si.', positionTitle: 'Camat Genteng', positionType: 'camat_lurah' });
  sekcam = await createAsn(t, { agencyId: agency, regionCode: '35.10', unitId: kecamatan, name: 'Rina Kartikasari Fiktif, S.AP.', positionTitle: 'Sekretaris Kecamatan Genteng', positionType: 'administrator' });
  const elsewhere = await createAgency(t, '16.07', 'Pemerintah Kabupaten Banyuasin (fiktif)');
  outside = await createAsn(t, { agencyId: elsewhere, regionCode: '16.07', name: 'Pegawai Banyuasin Fiktif' });
  await t.ctx.db.updateTable('asn').set({ grade: 'IV/a' }).where('id', '=', camat.id).execute();
  await sql`INSERT INTO asn_name_search (asn_id, name_folded) SELECT id, netra_fold(name) FROM asn ON CONFLICT DO NOTHING`.execute(t.ctx.db);
  await t.ctx.db.insertInto('pledges').values({ election_id: 'pilkada-2024', asn_id: camat.id, signed_on: '2024-08-20', method: 'single' }).execute();
  [bawaslu, bkn, ppk, otherPpk] = await Promise.all([
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bkn_verifier', null),
    staffClient(t, 'ppk_delegate', '35.10'),
    staffClient(t, 'ppk_delegate', '16.07'),
  ]);
});
afterAll(async () => t?.close());

const forward = (caseId: string, client = bawaslu) => client.post(`/api/v1/cases/${caseId}/transitions`, { transition: 'forward_to_bkn', letterNumber: '021/PM.00.02/K.JI-10/10/2024', note: NOTE });
const unknownReason = (caseId: string, payload: unknown) => bawaslu.request({ method: 'PUT', url: `/api/v1/cases/${caseId}/person-unknown`, payload: payload as Record<string, unknown> });
const sanction = (caseId: string) =>
  ppk.post(`/api/v1/cases/${caseId}/transitions`, { transition: 'record_sanction', sanctionTypes: ['demotion_12_months'], decreeNumber: '800.1.6/77/2024', decreeDate: '2024-10-01', note: NOTE });

describe('finding the person in the register', () => {
  it('finds a camat by a misspelt name, by unit and by position, within the scope only', async () => {
    const byName = (await bawaslu.get(`/api/v1/register/asn?q=${encodeURIComponent('suharsono wibisno')}`)).json();
    expect(byName.items.map((i: { id: number }) => i.id)).toContain(camat.id);
    const byUnit = (await bawaslu.get(`/api/v1/register/asn?unit=${encodeURIComponent('genteng')}`)).json();
    expect(byUnit.items.map((i: { id: number }) => i.id).sort()).toEqual([camat.id, sekcam.id].sort());
    const byPosition = (await bawaslu.get(`/api/v1/register/asn?position=sekretaris&unit=genteng`)).json();
    expect(byPosition.items.map((i: { name: string }) => i.name)).toEqual([sekcam.name]);
    expect((await bawaslu.get(`/api/v1/register/asn?nip=${outside.nip}`)).json().items).toEqual([]);
  });
});

describe('linking people to a case', () => {
  it('refuses to forward without a linked ASN (422 with the field), and forwards once one is linked', async () => {
    const c = await createCase(t, { state: 'classified_other_law', actCodes: ['A04'], receivedOn: '2024-09-30' });
    const refused = await forward(c.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'person_required', fields: [{ field: 'case.people', message: expect.stringContaining('Tautkan dahulu ASN terlapor') }] });
    const english = await bawaslu.post(`/api/v1/cases/${c.id}/transitions?lang=en`, { transition: 'forward_to_bkn', letterNumber: 'X/1', note: NOTE });
    expect(english.json().error.message).toMatch(/^Link the reported civil servant/);
    expect((await t.ctx.db.selectFrom('cases').select('state').where('id', '=', c.id).executeTakeFirstOrThrow()).state).toBe('classified_other_law');

    const reportId = (await t.ctx.db.selectFrom('reports').select('id').where('case_id', '=', c.id).executeTakeFirstOrThrow()).id;
    const linked = await bawaslu.post(`/api/v1/cases/${c.id}/people`, { asnId: camat.id, reportId });
    expect(linked.statusCode, linked.body).toBe(201);
    // Linking the same person again changes nothing.
    expect((await bawaslu.post(`/api/v1/cases/${c.id}/people`, { asnId: camat.id })).json()).toMatchObject({ linked: false });
    // A report can name several people.
    expect((await bawaslu.post(`/api/v1/cases/${c.id}/people`, { asnId: sekcam.id, reportId })).statusCode).toBe(201);
    const caseRow = await t.ctx.db.selectFrom('cases').select(['asn_id', 'agency_id']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(caseRow.asn_id).toBe(camat.id);
    expect(caseRow.agency_id).not.toBeNull();

    expect((await forward(c.id)).statusCode).toBe(200);
  });

  it('refuses a person outside the officer\'s register scope, a report of another case, and other roles', async () => {
    const c = await createCase(t, { state: 'under_review', receivedOn: '2024-09-30' });
    const far = await bawaslu.post(`/api/v1/cases/${c.id}/people`, { asnId: outside.id });
    expect(far.statusCode).toBe(422);
    expect(far.json().error.fields[0].field).toBe('body.asnId');
    const other = await createCase(t, { state: 'under_review', receivedOn: '2024-09-30' });
    const otherReport = (await t.ctx.db.selectFrom('reports').select('id').where('case_id', '=', other.id).executeTakeFirstOrThrow()).id;
    const wrongReport = await bawaslu.post(`/api/v1/cases/${c.id}/people`, { asnId: camat.id, reportId: otherReport });
    expect(wrongReport.json().error.fields[0].field).toBe('body.reportId');
    expect((await bawaslu.post(`/api/v1/cases/${c.id}/people`, { asnId: 'x' })).statusCode).toBe(400);
    expect((await bkn.post(`/api/v1/cases/${c.id}/people`, { asnId: camat.id })).statusCode).toBe(403);
    // A case outside the officer's region does not exist for them.
    const banyuasin = await createCase(t, { regionCode: '16.07', state: 'under_review', receivedOn: '2024-09-30' });
    expect((await bawaslu.post(`/api/v1/cases/${banyuasin.id}/people`, { asnId: camat.id })).statusCode).toBe(404);
  });

  it('records that the person is still unknown with a reason, cleared when someone is linked; unlinks a mistake', async () => {
    const c = await createCase(t, { state: 'under_review', receivedOn: '2024-09-30' });
    const noNote = await unknownReason(c.id, { reason: 'other' });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().error.fields[0].field).toBe('body.note');
    expect((await unknownReason(c.id, { reason: 'bogus' })).statusCode).toBe(400);
    expect((await unknownReason(c.id, { reason: 'not_in_register', note: 'Nama camat dicari ke BKPSDM.' })).statusCode).toBe(200);
    const unknown = (await bawaslu.get(`/api/v1/cases/${c.id}/people`)).json();
    expect(unknown).toMatchObject({ people: [], unknown: { reason: 'not_in_register', label: 'Tidak ditemukan di register ASN', note: 'Nama camat dicari ke BKPSDM.' }, canEdit: true });

    await bawaslu.post(`/api/v1/cases/${c.id}/people`, { asnId: sekcam.id });
    expect((await bawaslu.get(`/api/v1/cases/${c.id}/people`)).json().unknown).toBeNull();
    expect((await unknownReason(c.id, { reason: 'not_named' })).statusCode).toBe(409);

    expect((await bawaslu.request({ method: 'DELETE', url: `/api/v1/cases/${c.id}/people/${sekcam.id}` })).statusCode).toBe(200);
    expect((await bawaslu.request({ method: 'DELETE', url: `/api/v1/cases/${c.id}/people/${sekcam.id}` })).statusCode).toBe(404);
    expect((await t.ctx.db.selectFrom('cases').select('asn_id').where('id', '=', c.id).executeTakeFirstOrThrow()).asn_id).toBeNull();
    const timeline = (await bawaslu.get(`/api/v1/cases/${c.id}`)).json().timeline.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['person_unknown', 'person_linked', 'person_unlinked']));
    const audit = (await bawaslu.get(`/api/v1/cases/${c.id}`)).json().auditTrail.map((a: { action: string }) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['case.person_unknown', 'case.person_linked', 'case.person_unlinked']));
  });
});

describe('what BKN and the PPK see', () => {
  it('the person with NIP, rank, position, unit and agency, their earlier cases and pledges; no sanction without a person', async () => {
    const earlier = await createCase(t, { state: 'sanction_decided', asnId: camat.id, receivedOn: '2024-09-01', actCodes: ['A02'] });
    const c = await createCase(t, { state: 'recommended_to_ppk', asnId: camat.id, receivedOn: '2024-09-20', actCodes: ['A04'] });
    const view = (await ppk.get(`/api/v1/cases/${c.id}/people`)).json();
    expect(view.canEdit).toBe(false);
    expect(view.people).toHaveLength(1);
    expect(view.people[0]).toMatchObject({
      nip: camat.nip,
      nipFormatted: `${camat.nip.slice(0, 8)} ${camat.nip.slice(8, 14)} ${camat.nip.slice(14, 15)} ${camat.nip.slice(15)}`,
      name: camat.name,
      grade: 'IV/a',
      positionTitle: 'Camat Genteng',
      unitName: 'Kecamatan Genteng',
      agencyName: 'Pemerintah Kabupaten Banyuwangi (fiktif)',
      pledges: [{ electionId: 'pilkada-2024', signedOn: '2024-08-20' }],
    });
    expect(view.people[0].otherCases.map((o: { id: string }) => o.id)).toContain(earlier.id);
    expect((await bkn.get(`/api/v1/cases/${c.id}/people`)).json().people[0].nip).toBe(camat.nip);
    // Another region's PPK does not see the case at all.
    expect((await otherPpk.get(`/api/v1/cases/${c.id}/people`)).statusCode).toBe(404);

    expect((await sanction(c.id)).statusCode).toBe(200);
    const nobody = await createCase(t, { state: 'recommended_to_ppk', receivedOn: '2024-09-20', actCodes: ['A04'] });
    const refused = await sanction(nobody.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('person_required');
  });

  it("the register's person page lists the cases the viewer may see, pledges and blocks", async () => {
    const early = await createCase(t, { state: 'under_review', asnId: sekcam.id, receivedOn: '2024-10-01' });
    const late = await createCase(t, { state: 'recommended_to_ppk', asnId: sekcam.id, receivedOn: '2024-09-10' });
    const asBawaslu = (await bawaslu.get(`/api/v1/register/asn/${sekcam.id}`)).json();
    expect(asBawaslu.cases.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([early.id, late.id]));
    expect(asBawaslu.cases.find((x: { id: string }) => x.id === late.id).stateLabel).toBe('Direkomendasikan kepada PPK');
    expect(asBawaslu.pledges).toEqual([]);
    expect(asBawaslu.siasnBlocks).toEqual([]);
    // The PPK's office sees only the case that has reached it.
    const asPpk = (await ppk.get(`/api/v1/register/asn/${sekcam.id}`)).json();
    expect(asPpk.cases.map((x: { id: string }) => x.id)).toContain(late.id);
    expect(asPpk.cases.map((x: { id: string }) => x.id)).not.toContain(early.id);
    expect((await bawaslu.get(`/api/v1/register/asn/${camat.id}`)).json().pledges).toEqual([expect.objectContaining({ electionId: 'pilkada-2024', signedOn: '2024-08-20' })]);
  });
});
