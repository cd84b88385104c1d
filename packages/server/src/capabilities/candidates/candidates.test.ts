import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { csvOf, generatedRows, importThroughConsole, seedTestAgencies } from '../../testing/register.ts';

let t: TestApp;
let bkpsdm: StaffClient;
let bawaslu: StaffClient;
/** A fictional civil servant of Banyuwangi who stands for deputy regent. */
const [candidateAsn] = generatedRows(1, '35.10', 500);

const HEADER =
  'kode_pemilihan,kode_wilayah,nomor_urut,nama_calon,panggilan_calon,variasi_nama_calon,nip_calon,nama_wakil,panggilan_wakil,variasi_nama_wakil,nip_wakil,jalur,partai,petahana,jabatan_petahana,slogan,tagar';
const pairsCsv = () =>
  [
    HEADER,
    `pilkada-2024,35.10,1,"H. Agus Santoso, S.H.",Pak Agus,Agus Santoso Wibowo,,${candidateAsn.nama},Mas Hendra,,${candidateAsn.nip},partai,Partai Contoh Satu; Partai Contoh Dua,calon,kepala_daerah,Bersama Membangun Desa,#AgusHendra2024`,
    'pilkada-2024,35.10,2,Dewi Lestari,Bu Dewi,,,Rudi Hartono,,,,perseorangan,,tidak,,Desa Maju,#DesaMaju',
    'pilkada-2024,35.10,3,Bambang Nugroho,,,,Sri Wahyuni,,,,perseorangan,Partai Contoh Tiga,,,,',
    'pilkada-2024,16.07,1,Calon Lain,,,,Wakil Lain,,,,perseorangan,,,,,',
  ].join('\n') + '\n';

async function uploadPairs(client: StaffClient, csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv]), 'paslon.csv');
  const encoded = new Response(form);
  return client.request({ method: 'POST', url: '/api/v1/candidates/import', payload: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type')! } });
}

beforeAll(async () => {
  t = await createTestApp();
  await seedTestAgencies(t.ctx.db);
  bkpsdm = await staffClient(t, 'bkpsdm_officer', '35.10');
  bawaslu = await staffClient(t, 'bawaslu_regency', '35.10');
  await importThroughConsole(bkpsdm, 'register.csv', csvOf([candidateAsn]));
});
afterAll(async () => t?.close());

describe('candidate pairs', () => {
  // Before any deadline, so listing pairs raises no alert yet.
  beforeAll(() => t.setNow('2024-08-20T03:00:00Z'));

  it('imports pairs from CSV, links the ASN candidate to the register and returns every rejected row', async () => {
    const response = await uploadPairs(bkpsdm, pairsCsv());
    expect(response.statusCode).toBe(200);
    const summary = response.json();
    expect(summary).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(summary.rows.find((r: { line: number }) => r.line === 4).reasons).toEqual([
      { column: 'partai', code: 'parties_for_independent', message: 'Pasangan perseorangan tidak diusung partai: kosongkan kolom partai.' },
    ]);
    expect(summary.rows.find((r: { line: number }) => r.line === 5).reasons).toEqual([
      { column: 'kode_wilayah', code: 'region_not_participating', message: 'Wilayah 16.07 di luar wilayah tugas Anda.' },
    ]);

    const list = (await bkpsdm.get('/api/v1/candidates?electionId=pilkada-2024')).json();
    expect(list.items).toHaveLength(2);
    const first = list.items[0];
    expect(first).toMatchObject({
      ballotNumber: 1,
      head: { name: 'H. Agus Santoso, S.H.', nickname: 'Pak Agus', variants: ['Agus Santoso Wibowo'] },
      deputy: { name: candidateAsn.nama, asnNip: candidateAsn.nip },
      incumbent: { member: 'head', office: 'regional_head' },
      parties: ['Partai Contoh Satu', 'Partai Contoh Dua'],
      hashtags: ['AgusHendra2024'],
    });
    const asnId = (await t.ctx.db.selectFrom('asn').select('id').where('nip', '=', candidateAsn.nip).executeTakeFirstOrThrow()).id;
    expect(first.deputyAsnId).toBe(asnId);
  });

  it('changes nothing when the same file is imported again', async () => {
    expect((await uploadPairs(bkpsdm, pairsCsv())).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 2 });
  });

  it('validates the form with the import rules and answers field by field', async () => {
    const body = {
      electionId: 'pilkada-2024',
      regionCode: '35.10',
      ballotNumber: 4,
      head: { name: 'Yusuf Hakim' },
      deputy: { name: 'Lestari Wibowo', asnNip: '19860926 201505 1 00X' },
      independent: true,
      parties: ['Partai Contoh Empat'],
      incumbent: null,
      slogans: [],
      hashtags: ['#Bersatu'],
    };
    const refused = await bkpsdm.post('/api/v1/candidates', body);
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.deputy.asnNip', 'body.parties']));
    const created = await bkpsdm.post('/api/v1/candidates', { ...body, parties: [], deputy: { name: 'Lestari Wibowo' } });
    expect(created.statusCode).toBe(201);
    const edited = await bkpsdm.request({ method: 'PUT', url: `/api/v1/candidates/${created.json().id}`, payload: { ...body, parties: [], deputy: { name: 'Lestari Wibowo' }, slogans: ['Maju Bersama'] } });
    expect(edited.json().slogans).toEqual(['Maju Bersama']);
  });

  it('keeps pairs of another region out of sight', async () => {
    const pair = (await bkpsdm.get('/api/v1/candidates')).json().items[0];
    const elsewhere = await staffClient(t, 'bkpsdm_officer', '16.07');
    expect((await elsewhere.get(`/api/v1/candidates/${pair.id}`)).statusCode).toBe(404);
    expect((await elsewhere.get('/api/v1/candidates')).json().items).toEqual([]);
  });
});

describe('ASN candidate obligations across Pilkada 2024', () => {
  const pairOf = async () => (await bkpsdm.get('/api/v1/candidates?asnOnly=true')).json().items[0];
  const byCode = (pair: { asnMembers: Array<{ obligations: Array<{ code: string }> }> }) =>
    Object.fromEntries(pair.asnMembers[0].obligations.map((o) => [o.code, o])) as unknown as Record<string, { status: string; due: string; daysLate: number | null; daysRemaining: number | null; letterNumber: string | null }>;

  it('shows the due dates from the schedule before registration', async () => {
    t.setNow('2024-08-01T03:00:00Z');
    const o = byCode(await pairOf());
    expect([o.notice.due, o.resignation.due, o.dismissal.due, o.bkn_processing.due]).toEqual(['2024-08-29', '2024-09-22', '2024-09-30', '2024-10-30']);
    expect(o.notice).toMatchObject({ status: 'not_yet_due', daysRemaining: 28 });
  });

  it('records the notice, and shows an unresigned candidate as overdue after the determination month, notifying Bawaslu once', async () => {
    t.setNow('2024-08-28T03:00:00Z');
    const pair = await pairOf();
    const recorded = await bkpsdm.post(`/api/v1/candidates/${pair.id}/obligations`, { member: 'deputy', obligation: 'notice', doneOn: '2024-08-28', letterNumber: '800/123/429.201/2024' });
    expect(recorded.statusCode).toBe(200);
    expect(byCode(recorded.json()).notice).toMatchObject({ status: 'done', letterNumber: '800/123/429.201/2024' });

    t.setNow('2024-10-01T03:00:00Z');
    const after = await pairOf();
    const o = byCode(after);
    expect(o.resignation).toMatchObject({ status: 'overdue', daysLate: 9 });
    expect(o.dismissal).toMatchObject({ status: 'overdue', due: '2024-09-30', daysLate: 1 });
    expect(after.asnMembers[0].alerts.map((a: { obligation: string }) => a.obligation)).toEqual(['resignation', 'dismissal']);

    const notifications = await bawaslu.get('/api/v1/notifications');
    const mine = notifications.json().items.filter((n: { kind: string }) => n.kind === 'candidate_obligation');
    expect(mine).toHaveLength(2);
    // Looking again does not notify again.
    await pairOf();
    const stored = await t.ctx.db.selectFrom('notifications').select(['role', 'region_code', 'dedupe_key']).where('kind', '=', 'candidate_obligation').execute();
    expect(stored.filter((n) => n.role === 'bawaslu_regency' && n.region_code === '35.10')).toHaveLength(2);
    expect(stored.filter((n) => n.role === 'bkpsdm_officer')).toHaveLength(2);
  });

  it('marks a late resignation as done late, still alerting', async () => {
    const pair = await pairOf();
    const response = await bkpsdm.post(`/api/v1/candidates/${pair.id}/obligations`, { member: 'deputy', obligation: 'resignation', doneOn: '2024-09-25', letterNumber: 'SPD/2024/77' });
    expect(byCode(response.json()).resignation).toMatchObject({ status: 'done_late', daysLate: 3 });
    const future = await bkpsdm.post(`/api/v1/candidates/${pair.id}/obligations`, { member: 'deputy', obligation: 'dismissal', doneOn: '2024-12-01', letterNumber: 'SK/1' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].field).toBe('body.doneOn');
  });
});
