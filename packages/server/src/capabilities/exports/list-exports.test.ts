/**
 * Every console list exports with its filter and the viewer's scope: cases, reports, the register,
 * candidate pairs, rotations and the screening queue. A row outside the scope never appears; times
 * carry the region's zone; the cover sheet describes the filter in words; each export is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, travelTo } from '../../testing/cases.ts';
import { createAgency, createAsn } from '../../testing/dashboards.ts';
import { csvRows, exportOf, xlsxRows } from '../../testing/exports.ts';
import { insertPost } from '../../testing/screening.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

let t: TestApp;
let banyuwangi: StaffClient;
let kaltim: StaffClient;
let bkpsdm: StaffClient;
let admin: StaffClient;
let analyst: StaffClient;
const numbers: Record<string, string> = {};
const nips: Record<string, string> = {};

const rotation = (regionCode: string, nip: string) => ({
  electionId: 'pilkada-2024',
  regionCode,
  nip,
  name: 'Hendra Wijaya Fiktif, S.Sos.',
  fromPosition: 'Kepala Dinas Pendidikan',
  toPosition: 'Staf Ahli Bupati Bidang Kemasyarakatan',
  decreeNumber: `821.2/${regionCode}/2024`,
  decreeDate: '2024-05-10',
  signerName: 'Agus Santoso Fiktif',
  signerRole: 'regional_head',
  ministerApproval: false,
});
const pair = (regionCode: string, head: string) => ({ electionId: 'pilkada-2024', regionCode, head: { name: head }, deputy: { name: `Wakil ${head}` }, independent: true, parties: [], incumbent: null, slogans: [], hashtags: [] });

beforeAll(async () => {
  t = await createTestApp();
  [banyuwangi, kaltim, bkpsdm, admin, analyst] = await Promise.all([
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_province', '64'),
    staffClient(t, 'bkpsdm_officer', '35.10'),
    staffClient(t, 'administrator', null),
    staffClient(t, 'analyst', null),
  ]);
  await travelTo(t, '2024-11-29T03:00:00Z');
  numbers.banyuwangi = (await createCase(t, { regionCode: '35.10', state: 'under_review', receivedOn: '2024-11-20', summary: 'Camat fiktif Banyuwangi hadir di kampanye' })).number;
  numbers.samarinda = (await createCase(t, { regionCode: '64', state: 'under_review', receivedOn: '2024-11-20', summary: 'Lurah fiktif Samarinda hadir di kampanye' })).number;
  await t.ctx.db.updateTable('cases').set({ next_deadline_due: '2024-11-29' }).where('number', 'in', [numbers.banyuwangi, numbers.samarinda]).execute();
  const inBanyuwangi = await createAgency(t, '35.10', 'Dinas Pendidikan (uji ekspor daftar)');
  const inSamarinda = await createAgency(t, '64', 'Dinas Pendidikan Kaltim (uji ekspor daftar)');
  nips.banyuwangi = (await createAsn(t, { agencyId: inBanyuwangi, regionCode: '35.10', name: 'Guru Fiktif Banyuwangi' })).nip;
  nips.samarinda = (await createAsn(t, { agencyId: inSamarinda, regionCode: '64', name: 'Guru Fiktif Samarinda' })).nip;
  for (const [region, head] of [['35.10', 'Calon Fiktif Banyuwangi'], ['64', 'Calon Fiktif Kaltim']]) expect((await admin.post('/api/v1/candidates', pair(region, head))).statusCode).toBe(201);
  for (const [region, nip] of [['35.10', nips.banyuwangi], ['64', nips.samarinda]]) {
    const res = await admin.post('/api/v1/rotations', rotation(region, nip));
    expect(res.statusCode, res.body).toBe(201);
  }
  await insertPost(t.ctx.db, '35.10', { text: 'Pos fiktif Banyuwangi: ayo coblos nomor 1!' });
  await insertPost(t.ctx.db, '64', { text: 'Pos fiktif Samarinda: ayo coblos nomor 2!' });
});
afterAll(async () => t?.close());

/** The CSV's rows as text, each row joined, for "contains" checks. */
async function exportedText(client: StaffClient, source: string, filter: Record<string, unknown> = {}) {
  const { status, job, body } = await exportOf(client, source, 'csv', filter);
  expect(status, body).toBe(200);
  return (await csvRows(client, job)).map((row) => row.join(' | '));
}

describe('exports of every console list, in scope', () => {
  it('cases: the queue with its filter; the other province never; times in the region zone', async () => {
    const rows = await exportedText(banyuwangi, 'cases', { queue: 'all', due: 'today' });
    expect(rows[0]).toContain('Nomor perkara');
    expect(rows.some((r) => r.includes(numbers.banyuwangi))).toBe(true);
    expect(rows.some((r) => r.includes(numbers.samarinda))).toBe(false);
    // Kalimantan Timur's officer sees its own case, with WITA times.
    const samarinda = await exportedText(kaltim, 'cases', { queue: 'all' });
    expect(samarinda.find((r) => r.includes(numbers.samarinda))).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} WITA/);
    expect(samarinda.some((r) => r.includes(numbers.banyuwangi))).toBe(false);
  });

  it('reports: every report of the cases in scope, the time sent with its zone, never the reporter', async () => {
    const rows = await exportedText(banyuwangi, 'reports');
    expect(rows.some((r) => r.includes(numbers.banyuwangi))).toBe(true);
    expect(rows.some((r) => r.includes(numbers.samarinda))).toBe(false);
    expect(rows[0]).not.toMatch(/alamat|telepon|address|phone/i);
    expect(rows.find((r) => r.includes(numbers.banyuwangi))).toMatch(/ WIB/);
  });

  it('register: the search with its filter, in the agency scope', async () => {
    const rows = await exportedText(bkpsdm, 'register', { active: 'true', position: 'Guru' });
    expect(rows.some((r) => r.includes(nips.banyuwangi))).toBe(true);
    expect(rows.some((r) => r.includes(nips.samarinda))).toBe(false);
    // A national reader with a region filter gets that region only.
    const admins = await exportedText(admin, 'register', { regionCode: '64' });
    expect(admins.some((r) => r.includes(nips.samarinda))).toBe(true);
    expect(admins.some((r) => r.includes(nips.banyuwangi))).toBe(false);
  });

  it('candidates and rotations: the pairs and rotations of the region only', async () => {
    const pairs = await exportedText(banyuwangi, 'candidates', { electionId: 'pilkada-2024' });
    expect(pairs.some((r) => r.includes('Calon Fiktif Banyuwangi'))).toBe(true);
    expect(pairs.some((r) => r.includes('Calon Fiktif Kaltim'))).toBe(false);
    const rotations = await exportedText(banyuwangi, 'rotations', {});
    expect(rotations.some((r) => r.includes(nips.banyuwangi))).toBe(true);
    expect(rotations.some((r) => r.includes(nips.samarinda))).toBe(false);
  });

  it('screening: the queue in scope, posting times in the region zone', async () => {
    const rows = await exportedText(banyuwangi, 'screening', { status: 'all' });
    expect(rows.find((r) => r.includes('Pos fiktif Banyuwangi'))).toContain('2024-09-28 08:00 WIB');
    expect(rows.some((r) => r.includes('Pos fiktif Samarinda'))).toBe(false);
  });

  it('XLSX too, with the filter in words and the export in the audit log', async () => {
    const { job } = await exportOf(kaltim, 'cases', 'xlsx', { queue: 'all', state: ['under_review'] });
    const { rows, about } = await xlsxRows(kaltim, job);
    expect(rows.slice(1).map((r) => r[0])).toEqual([numbers.samarinda]);
    expect(about.get('Filter')).toBe('Antrian: all; Status: under_review; Urutan: deadline');
    expect(about.get('Dibuat')).toMatch(/ WITA$/);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'data']).where('entity_id', '=', job.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'export.created', data: { source: 'cases', rows: 1 } });
  });

  it('refuses a role that cannot read the list, and a bad filter with the field named', async () => {
    expect((await exportOf(analyst, 'cases', 'csv', {})).status).toBe(403);
    expect((await exportOf(analyst, 'register', 'csv', {})).status).toBe(403);
    const bad = await exportOf(banyuwangi, 'cases', 'csv', { due: 'kemarin' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('body.filter.due');
  });
});
