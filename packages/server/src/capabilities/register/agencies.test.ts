/**
 * The agencies and units console (issue 14): rename and move within scope, merge with every
 * register row re-pointed (audited), units merged into their twins, CSV import with rejected
 * rows returned, and nothing outside the caller's scope touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../testing/cases.ts';
import { createAgency, createAsn, createUnit } from '../../testing/dashboards.ts';
import { multipartBody } from '../../testing/reports.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

let t: TestApp;
let officer: StaffClient;
let admin: StaffClient;
beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2024-10-01T03:00:00Z');
  officer = await staffClient(t, 'bkpsdm_officer', '35.10');
  admin = await staffClient(t, 'administrator', null);
});
afterAll(async () => t.close());

const put = (client: StaffClient, url: string, payload: Record<string, unknown>) => client.request({ method: 'PUT', url, payload });
async function importCsv(client: StaffClient, csv: string) {
  const body = await multipartBody({}, [{ name: 'instansi.csv', data: Buffer.from(csv), type: 'text/csv' }]);
  return client.request({ method: 'POST', url: '/api/v1/register/agencies/import?lang=en', payload: body.payload, headers: body.headers });
}

describe('rename and move an agency', () => {
  it('renames inside the scope, refuses another region and an agency outside the scope', async () => {
    const id = await createAgency(t, '35.10', 'Pemkab Banyuwangi (lama)');
    const res = await put(officer, `/api/v1/register/agencies/${id}`, { name: 'Pemerintah Kabupaten Banyuwangi', regionCode: '35.10' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, name: 'Pemerintah Kabupaten Banyuwangi', regionCode: '35.10' });
    expect((await put(officer, `/api/v1/register/agencies/${id}`, { name: 'Pindah ke Banyuasin', regionCode: '16.07' })).statusCode).toBe(403);
    const outside = await createAgency(t, '16.07', 'Pemkab Banyuasin');
    expect((await put(officer, `/api/v1/register/agencies/${outside}`, { name: 'Bukan milik saya', regionCode: '35.10' })).statusCode).toBe(404);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['data']).where('action', '=', 'register.agency.updated').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ before: { name: 'Pemkab Banyuwangi (lama)' }, after: { name: 'Pemerintah Kabupaten Banyuwangi' } });
  });
});

describe('merge two agencies', () => {
  it('re-points civil servants, positions, cases and twin units, then removes the absorbed agency (audited)', async () => {
    const from = await createAgency(t, '35.10', 'Dinas Pendidikan (duplikat)');
    const into = await createAgency(t, '35.10', 'Dinas Pendidikan');
    const fromUnit = await createUnit(t, from, 'SD Negeri 1 Sukamaju');
    const intoUnit = await createUnit(t, into, 'SD Negeri 1 Sukamaju');
    const otherUnit = await createUnit(t, from, 'SD Negeri 3 Sukamaju');
    const a = await createAsn(t, { agencyId: from, regionCode: '35.10', unitId: fromUnit });
    const b = await createAsn(t, { agencyId: from, regionCode: '35.10', unitId: otherUnit });
    const c = await createCase(t, { agencyId: from, asnId: a.id });
    const account = await staffClient(t, 'bkpsdm_officer', '35.10', { agencyIds: [from] });

    const detail = (await officer.get(`/api/v1/register/agencies/${from}`)).json();
    expect(detail.usage).toEqual({ asn: 2, units: 2, cases: 1 });
    const noReason = await officer.post(`/api/v1/register/agencies/${from}/merge`, { intoId: into, reason: 'x' });
    expect(noReason.statusCode).toBe(400);
    expect((await officer.post(`/api/v1/register/agencies/${from}/merge`, { intoId: from, reason: 'Kode ganda dari dua impor' })).statusCode).toBe(400);

    const res = await officer.post(`/api/v1/register/agencies/${from}/merge`, { intoId: into, reason: 'Kode ganda dari dua impor SIMPEG' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ asn: 2, cases: 1, unitsMerged: 1, removed: { id: from } });

    const asn = await t.ctx.db.selectFrom('asn').select(['id', 'agency_id', 'unit_id']).where('id', 'in', [a.id, b.id]).orderBy('id').execute();
    expect(asn).toEqual([
      { id: a.id, agency_id: into, unit_id: intoUnit },
      { id: b.id, agency_id: into, unit_id: otherUnit },
    ]);
    expect((await t.ctx.db.selectFrom('cases').select('agency_id').where('id', '=', c.id).executeTakeFirstOrThrow()).agency_id).toBe(into);
    expect(await t.ctx.db.selectFrom('agencies').select('id').where('id', '=', from).executeTakeFirst()).toBeUndefined();
    const scoped = await t.ctx.db.selectFrom('users').select('scope_agency_ids').where('id', '=', account.userId).executeTakeFirstOrThrow();
    expect(scoped.scope_agency_ids).toEqual([into]);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['data', 'actor_id']).where('action', '=', 'register.agency.merged').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: officer.userId, data: { from: { id: from }, into: { id: into }, asn: 2, cases: 1, reason: 'Kode ganda dari dua impor SIMPEG' } });
  });

  it('refuses a target outside the scope', async () => {
    const from = await createAgency(t, '35.10', 'Badan Uji');
    const outside = await createAgency(t, '16.07', 'Badan Banyuasin');
    const res = await officer.post(`/api/v1/register/agencies/${from}/merge?lang=en`, { intoId: outside, reason: 'Mencoba menggabungkan ke luar wilayah' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('body.intoId');
  });
});

describe('units', () => {
  it('are added, renamed and merged within one agency', async () => {
    const agency = await createAgency(t, '35.10', 'Dinas Kesehatan');
    const created = await officer.post(`/api/v1/register/agencies/${agency}/units`, { name: 'Puskesmas Sukamaju' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await officer.post(`/api/v1/register/agencies/${agency}/units`, { name: 'Puskesmas Sukamaju' })).statusCode).toBe(409);
    const second = (await officer.post(`/api/v1/register/agencies/${agency}/units`, { name: 'Puskesmas Sukamaju (lama)' })).json();
    const nurse = await createAsn(t, { agencyId: agency, regionCode: '35.10', unitId: second.id, positionTitle: 'Perawat Ahli Pertama' });
    expect((await put(officer, `/api/v1/register/units/${second.id}`, { name: 'Puskesmas Sukamaju' })).statusCode).toBe(409);
    const merged = await officer.post(`/api/v1/register/units/${second.id}/merge`, { intoId: created.json().id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ asn: 1 });
    expect((await t.ctx.db.selectFrom('asn').select('unit_id').where('id', '=', nurse.id).executeTakeFirstOrThrow()).unit_id).toBe(created.json().id);
    const renamed = await put(officer, `/api/v1/register/units/${created.json().id}`, { name: 'UPTD Puskesmas Sukamaju' });
    expect(renamed.statusCode).toBe(200);
  });
});

describe('CSV import of agencies', () => {
  it('registers new codes, renames known ones, and returns every refused row with its reasons', async () => {
    const known = await t.ctx.db.insertInto('agencies').values({ code: 'IMP-35.10-A', name: 'Nama Lama', region_code: '35.10' }).returning('id').executeTakeFirstOrThrow();
    const csv = [
      'kode_instansi,nama_instansi,kode_wilayah',
      'IMP-35.10-A,Badan Kepegawaian dan Pengembangan SDM,35.10',
      'IMP-35.10-B,Dinas Pendidikan Kabupaten Banyuwangi,35.10',
      'IMP-35.10-B,Dinas Pendidikan Kabupaten Banyuwangi,35.10',
      'IMP 35.10 C,Dinas Sosial,35.10',
      'IMP-16.07-A,Dinas Kesehatan Banyuasin,16.07',
      'IMP-35.10-D,Dinas Perhubungan,35.99',
      'IMP-35.10-E,X,3510',
    ].join('\n');
    const res = await importCsv(officer, csv);
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary).toMatchObject({ inserted: 1, updated: 1, unchanged: 0, rejected: 5 });
    const reasons = summary.rows.filter((r: { status: string }) => r.status === 'rejected').map((r: { line: number; reasons: Array<{ code: string }> }) => [r.line, r.reasons.map((x) => x.code)]);
    expect(reasons).toEqual([
      [4, ['duplicate']],
      [5, ['malformed_code']],
      [6, ['region_outside_scope']],
      [7, ['region_outside_scope']],
      [8, ['missing', 'malformed_region']],
    ]);
    expect((await t.ctx.db.selectFrom('agencies').select('name').where('id', '=', known.id).executeTakeFirstOrThrow()).name).toBe('Badan Kepegawaian dan Pengembangan SDM');
    // The same file again changes nothing.
    expect((await importCsv(officer, csv)).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 5 });
    // A national administrator reaches every region, but not one that does not exist.
    const unknown = (await importCsv(admin, 'kode_instansi,nama_instansi,kode_wilayah\nIMP-99,Dinas Entah,35.99\n')).json();
    expect(unknown.rows[0].reasons[0].code).toBe('unknown_region');
    const header = await importCsv(officer, 'nama\nDinas\n');
    expect(header.statusCode).toBe(400);
    expect(header.json().error.code).toBe('header_invalid');
  });

  it('is refused to roles without the permission', async () => {
    const analyst = await staffClient(t, 'analyst', null);
    expect((await importCsv(analyst, 'kode_instansi,nama_instansi,kode_wilayah\n')).statusCode).toBe(403);
    expect((await admin.get('/api/v1/register/agencies/template.csv')).body).toContain('kode_instansi,nama_instansi,kode_wilayah');
  });
});
