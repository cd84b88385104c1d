import { ASN_COLUMN_KEYS, type AsnColumnKey } from '@netra/core';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRecords } from '../../imports/csv-records.ts';
import { xlsxRecords } from '../../imports/xlsx-records.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { createAsnImport, runAsnImport } from './importer.ts';
import { csvOf, generatedRows, importThroughConsole, seedTestAgencies, tempFile, uploadRegisterFile, validRow, waitForImport, type Cells } from '../../testing/register.ts';
import { Readable } from 'node:stream';

let t: TestApp;
let officer: StaffClient;
let agencyIds: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  agencyIds = await seedTestAgencies(t.ctx.db);
  officer = await staffClient(t, 'bkpsdm_officer', '35.10');
});
afterAll(async () => t?.close());

async function registerSnapshot() {
  const { rows } = await sql<{ n: number; digest: string; units: number; positions: number }>`
    SELECT (SELECT count(*)::int FROM asn) AS n,
           (SELECT coalesce(md5(string_agg(nip || name || position_title || coalesce(grade, '') || updated_at::text, ',' ORDER BY nip)), '') FROM asn) AS digest,
           (SELECT count(*)::int FROM units) AS units,
           (SELECT count(*)::int FROM asn_positions) AS positions`.execute(t.ctx.db);
  return rows[0];
}

async function downloadRejected(client: StaffClient, id: string) {
  const response = await client.get(`/api/v1/register/imports/${id}/rejected`);
  expect(response.statusCode).toBe(200);
  return response;
}

async function csvRows(text: string) {
  const rows: string[][] = [];
  for await (const record of csvRecords(Readable.from([text]))) rows.push(record.cells);
  return rows;
}

describe('ASN import: happy path, idempotence, history', () => {
  const rows = generatedRows(400, '35.10', 0);

  it('imports a generated CSV with a correct summary and makes it searchable', async () => {
    const summary = await importThroughConsole(officer, 'banyuwangi.csv', csvOf(rows));
    expect(summary).toMatchObject({ status: 'done', rowsRead: 400, inserted: 400, updated: 0, unchanged: 0, rejected: 0, searchIndexed: true });
    const stored = await t.ctx.db.selectFrom('asn').select(['nip', 'name', 'region_code', 'grade']).where('nip', '=', rows[0].nip).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ name: rows[0].nama, region_code: '35.10', grade: rows[0].golongan });
    const found = (await officer.get(`/api/v1/register/asn?nip=${encodeURIComponent(rows[0].nip.slice(0, 8) + ' ' + rows[0].nip.slice(8))}`)).json();
    expect(found.items).toHaveLength(1);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'data']).where('action', '=', 'register.import').execute();
    expect(audit.at(-1)?.data).toMatchObject({ file: 'banyuwangi.csv', inserted: 400, rejected: 0 });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await registerSnapshot();
    const summary = await importThroughConsole(officer, 'banyuwangi.csv', csvOf(rows));
    expect(summary).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 400, rejected: 0 });
    expect(await registerSnapshot()).toEqual(before);
  });

  it('updates a changed row, closes its old position into the history and leaves the rest untouched', async () => {
    const before = await t.ctx.db.selectFrom('asn').select(['nip', 'updated_at']).where('nip', '=', rows[1].nip).executeTakeFirstOrThrow();
    const changed = rows.map((row, i) => (i === 0 ? { ...row, jabatan: 'Kepala Sekolah', jenis_jabatan: 'fungsional', tmt_jabatan: '2024-07-01' } : row));
    const summary = await importThroughConsole(officer, 'banyuwangi-2.csv', csvOf(changed));
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 399, rejected: 0 });
    const after = await t.ctx.db.selectFrom('asn').select(['updated_at']).where('nip', '=', rows[1].nip).executeTakeFirstOrThrow();
    expect(after.updated_at).toEqual(before.updated_at);

    const asn = await t.ctx.db.selectFrom('asn').select(['id', 'position_title']).where('nip', '=', rows[0].nip).executeTakeFirstOrThrow();
    expect(asn.position_title).toBe('Kepala Sekolah');
    const page = (await officer.get(`/api/v1/register/asn/${asn.id}`)).json();
    expect(page.positionTitle).toBe('Kepala Sekolah');
    expect(page.positions).toEqual([expect.objectContaining({ positionTitle: rows[0].jabatan, endedOn: '2024-07-01' })]);
  });
});

describe('ASN import: every rejection reason comes back in the rejected-rows file', () => {
  /** line → the reason codes that row must carry (and nothing else). */
  const planted: Array<{ cells: Partial<Cells>; codes: string[] }> = [
    { cells: { nama: '' }, codes: ['required'] },
    { cells: { nama: 'A'.repeat(151) }, codes: ['too_long'] },
    { cells: { nip: '19860926201505100A' }, codes: ['nip_characters'] },
    { cells: { nip: '19860926201505100' }, codes: ['nip_length'] },
    { cells: { nip: '198613262015051001' }, codes: ['nip_birth_date_impossible'] },
    // Born in the future means appointed before birth, too.
    { cells: { nip: '202412012015051001' }, codes: ['nip_birth_date_in_future', 'nip_appointment_before_birth'] },
    // An impossible month alone reads as a valid NI PPPK (nip_other_kind): a second fault keeps it a PNS NIP.
    { cells: { nip: '198609262015131000' }, codes: ['nip_appointment_month_impossible', 'nip_sequence_zero'] },
    { cells: { nip: '198609262025051001' }, codes: ['nip_appointment_in_future'] },
    { cells: { nip: '198609261985051001' }, codes: ['nip_appointment_before_birth'] },
    { cells: { nip: '198609262000051001' }, codes: ['nip_appointment_before_age_18'] },
    { cells: { nip: '198609262015053001' }, codes: ['nip_gender_digit'] },
    { cells: { nip: '198609262015051000' }, codes: ['nip_sequence_zero'] },
    { cells: { nip: '199001012021131001' }, codes: ['nip_other_kind'] },
    { cells: { status_kepegawaian: 'Honorer' }, codes: ['status_unknown'] },
    { cells: { jenis_jabatan: 'direktur' }, codes: ['position_type_unknown'] },
    { cells: { golongan: 'V/z' }, codes: ['grade_unknown'] },
    { cells: { golongan: 'IX' }, codes: ['grade_not_for_status'] },
    { cells: { kode_instansi: 'TIDAK-ADA' }, codes: ['agency_unknown'] },
    { cells: { kode_wilayah: '3x.10' }, codes: ['region_code_format'] },
    { cells: { kode_wilayah: '35.10.01' }, codes: ['region_not_regency'] },
    { cells: { kode_wilayah: '16.07', kode_instansi: 'PEMKAB-16.07' }, codes: ['region_outside_scope'] },
    // A code that exists nowhere is outside a regency officer's scope as well.
    { cells: { kode_wilayah: '35.69' }, codes: ['region_outside_scope', 'region_unknown'] },
    { cells: { tmt_jabatan: '2021/01/04' }, codes: ['date_format'] },
    { cells: { tmt_jabatan: '2021-02-30' }, codes: ['date_impossible'] },
    { cells: { tmt_jabatan: '2025-01-01' }, codes: ['date_in_future'] },
    { cells: { aktif: 'mungkin' }, codes: ['active_flag_unknown'] },
    { cells: { kode_instansi: 'PEMKAB-16.07' }, codes: ['agency_region_mismatch'] },
  ];
  // Valid rows around the bad ones; planted rows take PNS NIPs of their own from further down.
  const good = generatedRows(120, '35.10', 1000);
  const plantedNips = good.slice(40).filter((r) => r.status_kepegawaian === 'PNS').map((r) => r.nip);
  const outsider = generatedRows(1, '16.07', 2000)[0];

  it('returns exactly the planted rows with exactly their reasons, and imports the rest', async () => {
    // A civil servant registered in Banyuasin by its own BKPSDM: Banyuwangi may not take them over.
    const banyuasin = await staffClient(t, 'bkpsdm_officer', '16.07');
    expect(await importThroughConsole(banyuasin, 'banyuasin.csv', csvOf([outsider]))).toMatchObject({ inserted: 1 });

    const fileRows: Cells[] = [...good.slice(0, 10)];
    const expected = new Map<number, string[]>();
    for (const [k, p] of planted.entries()) {
      expected.set(fileRows.length + 2, p.codes);
      // Each planted row has a NIP of its own, unless the NIP is the planted fault.
      fileRows.push(validRow({ nip: plantedNips[k], ...p.cells }));
    }
    expected.set(fileRows.length + 2, ['duplicate_nip']);
    fileRows.push({ ...good[0], nama: 'Nama Lain' });
    expected.set(fileRows.length + 2, ['nip_registered_outside_scope']);
    fileRows.push({ ...outsider, kode_instansi: 'PEMKAB-35.10', kode_wilayah: '35.10' });
    fileRows.push(...good.slice(20, 25));

    const csv = csvOf(fileRows);
    const summary = await importThroughConsole(officer, 'campur.csv', csv);
    expect(summary).toMatchObject({ status: 'done', rowsRead: fileRows.length, rejected: expected.size, inserted: fileRows.length - expected.size });

    const response = await downloadRejected(officer, summary.id);
    expect(response.headers['content-disposition']).toContain('campur-ditolak.csv');
    const rejectedRows = await csvRows(response.body);
    expect(rejectedRows[0]).toEqual([...ASN_COLUMN_KEYS, 'alasan_penolakan']);
    expect(rejectedRows).toHaveLength(expected.size + 1);

    const stored = await t.ctx.db.selectFrom('asn_import_rejects').select(['line', 'reasons']).where('import_id', '=', summary.id).orderBy('line').execute();
    const sorted = (codes: string[]) => [...codes].sort();
    expect(new Map(stored.map((r) => [r.line, sorted((r.reasons as Array<{ code: string }>).map((x) => x.code))]))).toEqual(
      new Map([...expected].map(([line, codes]) => [line, sorted(codes)])),
    );

    // Each rejected line is the original row (same cells) plus its reasons, in Indonesian.
    const originalLines = (await csvRows(csv)).slice(1);
    for (const [i, line] of [...expected.keys()].entries()) {
      const row = rejectedRows[i + 1];
      expect(row.slice(0, ASN_COLUMN_KEYS.length)).toEqual(originalLines[line - 2]);
      expect(row.at(-1)).not.toBe('');
    }
    const duplicateRow = rejectedRows.find((r) => r[1] === 'Nama Lain')!;
    expect(duplicateRow.at(-1)).toBe('nip: NIP ini sudah ada di baris 2; hanya baris pertama yang diproses.');
    expect(rejectedRows.find((r) => r[0] === outsider.nip)!.at(-1)).toContain('di luar wewenang Anda');

    // The person registered in Banyuasin is unchanged.
    const banyuasinRow = await t.ctx.db.selectFrom('asn').select(['region_code', 'name']).where('nip', '=', outsider.nip).executeTakeFirstOrThrow();
    expect(banyuasinRow).toEqual({ region_code: '16.07', name: outsider.nama });

    // English on request.
    const english = await officer.get(`/api/v1/register/imports/${summary.id}/rejected?lang=en`);
    expect(english.body).toContain('This NIP already appears on line 2; only the first line is processed.');
  });

  it('refuses a file whose header lacks required columns, storing nothing', async () => {
    const before = await registerSnapshot();
    const header = ASN_COLUMN_KEYS.filter((key) => key !== 'golongan' && key !== 'nama');
    const summary = await importThroughConsole(officer, 'tanpa-golongan.csv', `${header.join(',')}\n${header.map(() => 'x').join(',')}\n`);
    expect(summary.status).toBe('failed');
    expect(summary.error).toContain('Kolom wajib tidak ada: nama, golongan.');
    expect(await registerSnapshot()).toEqual(before);
  });
});

describe('ASN import: files, formats and failures', () => {
  it('reads semicolon CSV with aliases, quotes and a BOM', async () => {
    const header = ['NIP Baru', 'Nama Lengkap', 'Status Pegawai', 'Nama Jabatan', 'Jenis Jabatan', 'Gol Ruang', 'Kode Instansi', 'Unit Kerja', 'TMT', 'Catatan'];
    const rows = generatedRows(3, '35.10', 3000);
    const body = rows
      .map((r) => [r.nip, `"${r.nama}"`, r.status_kepegawaian, `"${r.jabatan}; bagian ""A"""`, r.jenis_jabatan, r.golongan, r.kode_instansi, r.unit_kerja, r.tmt_jabatan, '"baris\nkedua"'].join(';'))
      .join('\r\n');
    const summary = await importThroughConsole(officer, 'ekspor-simpeg.csv', `\uFEFF${header.join(';')}\r\n${body}\r\n`);
    expect(summary).toMatchObject({ status: 'done', inserted: 3, rejected: 0 });
    const stored = await t.ctx.db.selectFrom('asn').select(['position_title', 'region_code']).where('nip', '=', rows[0].nip).executeTakeFirstOrThrow();
    expect(stored).toEqual({ position_title: `${rows[0].jabatan}; bagian "A"`, region_code: '35.10' });
  });

  it('imports XLSX (text and date cells) and gives the rejected rows back as XLSX', async () => {
    const rows = generatedRows(5, '35.10', 4000);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Pegawai');
    sheet.addRow([...ASN_COLUMN_KEYS]);
    for (const [i, row] of rows.entries()) {
      const values: unknown[] = ASN_COLUMN_KEYS.map((key: AsnColumnKey) => row[key]);
      // A real date cell, as spreadsheets store TMT.
      values[ASN_COLUMN_KEYS.indexOf('tmt_jabatan')] = new Date(Date.UTC(2020, 0, 6 + i));
      if (i === 4) values[ASN_COLUMN_KEYS.indexOf('golongan')] = 'Z/9';
      sheet.addRow(values);
    }
    sheet.getColumn(ASN_COLUMN_KEYS.indexOf('tmt_jabatan') + 1).numFmt = 'dd/mm/yyyy';
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const summary = await importThroughConsole(officer, 'register.xlsx', buffer);
    // A failed import says why: shown whole if it ever fails.
    expect(summary.error ?? null).toBeNull();
    expect(summary).toMatchObject({ status: 'done', inserted: 4, rejected: 1 });
    const stored = await t.ctx.db.selectFrom('asn').select(['position_start']).where('nip', '=', rows[0].nip).executeTakeFirstOrThrow();
    expect(stored.position_start).toBe('2020-01-06');

    const response = await downloadRejected(officer, summary.id);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const back: string[][] = [];
    for await (const record of xlsxRecords(Readable.from([response.rawPayload]))) back.push(record.cells);
    expect(back[0]).toEqual([...ASN_COLUMN_KEYS, 'alasan_penolakan']);
    expect(back).toHaveLength(2);
    expect(back[1][0]).toBe(rows[4].nip);
    expect(back[1].at(-1)).toContain('golongan: Golongan "Z/9" tidak dikenal');
  });

  it('rolls back everything when the merge fails half way', async () => {
    const rows = generatedRows(50, '35.10', 5000);
    // Half new rows, half changes to rows already imported above: both must disappear.
    const existing = await t.ctx.db.selectFrom('asn').select(['nip']).where('region_code', '=', '35.10').limit(25).execute();
    expect(existing).toHaveLength(25);
    const before = await registerSnapshot();
    const file = tempFile('gagal.csv', csvOf([...rows.slice(0, 25), ...existing.map((e, i) => ({ ...rows[25 + i], nip: e.nip, jabatan: 'Jabatan Baru' }))]));
    const request = { source: 'cli' as const, filePath: file, fileName: 'gagal.csv', format: 'csv' as const, actor: { userId: null, scope: { kind: 'national' as const } } };
    const id = await createAsnImport(t.ctx.db, request);
    const result = await runAsnImport(t.ctx.db, id, request, { now: t.ctx.now(), failAfter: 'asn' });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'import_failed' } });
    expect(await registerSnapshot()).toEqual(before);
    expect(await t.ctx.db.selectFrom('asn_import_rejects').select('line').where('import_id', '=', id).execute()).toEqual([]);
    const status = (await officer.get(`/api/v1/register/imports/${id}`)).statusCode;
    // A national import is not visible to a regency officer.
    expect(status).toBe(404);
  });
});

describe('ASN register: scope', () => {
  it('keeps a Banyuwangi officer out of Banyuasin: no upload there, no reading there', async () => {
    const refused = await uploadRegisterFile(officer, 'banyuasin.csv', csvOf(generatedRows(2, '16.07', 6000)), { regionCode: '16.07' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.fields).toEqual([{ field: 'body.regionCode', message: '16.07 di luar wilayah tugas Anda.' }]);

    const banyuasinAsn = await t.ctx.db.selectFrom('asn').select(['id', 'nip']).where('region_code', '=', '16.07').executeTakeFirstOrThrow();
    expect((await officer.get(`/api/v1/register/asn/${banyuasinAsn.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/register/asn?nip=${banyuasinAsn.nip}`)).json().items).toEqual([]);
    const national = await staffClient(t, 'bawaslu_national', null);
    expect((await national.get(`/api/v1/register/asn/${banyuasinAsn.id}`)).statusCode).toBe(200);
    // Analysts never see people.
    const analyst = await staffClient(t, 'analyst', null);
    expect((await analyst.get('/api/v1/register/asn?q=agus')).statusCode).toBe(403);
  });

  it('limits an agency-scoped officer to their agencies', async () => {
    const regencyOnly = await staffClient(t, 'bkpsdm_officer', '35.10', { agencyIds: [agencyIds.get('PEMKAB-35.10')!] });
    const rows = generatedRows(2, '35.10', 7000);
    const summary = await importThroughConsole(regencyOnly, 'campuran-instansi.csv', csvOf([rows[0], { ...rows[1], kode_instansi: 'PEMPROV-35' }]));
    expect(summary).toMatchObject({ inserted: 1, rejected: 1 });
    const stored = await t.ctx.db.selectFrom('asn_import_rejects').select('reasons').where('import_id', '=', summary.id).executeTakeFirstOrThrow();
    expect((stored.reasons as Array<{ code: string }>).map((r) => r.code)).toEqual(['agency_outside_scope']);
  });
});

describe('ASN register: search and formats', () => {
  it('finds a name despite a typo, and by agency and position', async () => {
    const [agus] = generatedRows(1, '35.10', 8000);
    agus.nama = 'Agus Santoso, S.Pd.';
    agus.jabatan = 'Penyuluh Pertanian Ahli Muda';
    await importThroughConsole(officer, 'agus.csv', csvOf([agus]));
    const typo = (await officer.get('/api/v1/register/asn?q=Agus%20Santso')).json();
    expect(typo.items[0]).toMatchObject({ nip: agus.nip, name: 'Agus Santoso, S.Pd.', regionName: expect.any(String) });
    const byPosition = (await officer.get(`/api/v1/register/asn?position=penyuluh%20pertanian&agencyId=${agencyIds.get('PEMKAB-35.10')}`)).json();
    expect(byPosition.items.map((i: { nip: string }) => i.nip)).toContain(agus.nip);
    const paged = (await officer.get('/api/v1/register/asn?limit=5&offset=5')).json();
    expect(paged.items).toHaveLength(5);
    expect(paged.total).toBeGreaterThan(400);
  });

  it('documents the columns and serves the templates', async () => {
    const columns = (await officer.get('/api/v1/register/columns')).json();
    expect(columns.map((c: { key: string }) => c.key)).toEqual([...ASN_COLUMN_KEYS]);
    const csv = await officer.get('/api/v1/register/template.csv');
    expect(csv.body.replace(/^\uFEFF/, '').split('\n')[0]).toBe(ASN_COLUMN_KEYS.join(','));
    const xlsx = await officer.get('/api/v1/register/template.xlsx');
    const back: string[][] = [];
    for await (const record of xlsxRecords(Readable.from([xlsx.rawPayload]))) back.push(record.cells);
    expect(back[0]).toEqual([...ASN_COLUMN_KEYS]);
  });
});

it('waits for the polling helper contract', async () => {
  // The upload answers 202 at once with a queued or running import.
  const response = await uploadRegisterFile(officer, 'kecil.csv', csvOf(generatedRows(2, '35.10', 9000)));
  expect(response.statusCode).toBe(202);
  expect(['queued', 'reading', 'merging', 'done']).toContain(response.json().status);
  expect((await waitForImport(officer, response.json().id)).status).toBe('done');
});
