import { refreshDashboardsNow } from '../../testing/dashboards.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../testing/cases.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { addReport, createAgency, createAsn, createUnit } from '../../testing/dashboards.ts';
import { indonesianDate, letterFonts } from './pdf.ts';
import { pdfText } from './pdf-text.ts';

let t: TestApp;
let bawaslu: StaffClient;
let proven: Awaited<ReturnType<typeof createCase>>;
let pending: Awaited<ReturnType<typeof createCase>>;
let person: { id: number; nip: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  const agency = await createAgency(t, '35.10', 'Dinas Pendidikan Kabupaten Banyuwangi');
  const school = await createUnit(t, agency, 'SD Negeri 2 Sukamaju');
  person = await createAsn(t, { agencyId: agency, regionCode: '35.10', unitId: school, name: 'Drs. Bambang Sutejo Fiktif, M.Pd.', positionTitle: 'Guru Ahli Muda' });
  proven = await createCase(t, {
    regionCode: '35.10',
    agencyId: agency,
    asnId: person.id,
    state: 'forwarded_to_bkn',
    receivedOn: '2024-09-29',
    actCodes: ['A02', 'A07'],
    summary: 'Guru ASN mengunggah foto bersama pasangan calon nomor urut 2 sambil mengacungkan dua jari.',
  });
  await addReport(t, proven, { receivedOn: '2024-09-30', place: 'Balai Desa Sukamaju, Kecamatan Fiktif', description: 'Foto diunggah ke akun Facebook pribadi dan dibagikan ke grup WhatsApp wali murid.' });
  pending = await createCase(t, { regionCode: '35.10', state: 'under_review', receivedOn: '2024-09-30' });
  await createCase(t, { regionCode: '35.16', state: 'recommended_to_ppk', receivedOn: '2024-10-01', actCodes: ['A04'] });
  bawaslu = await staffClient(t, 'bawaslu_regency', '35.10');
  await refreshDashboardsNow(t.ctx.db);
});
afterAll(async () => t?.close());

async function pdfOf(client: StaffClient, url: string) {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfText(res.rawPayload);
}

/** Text as a reader copies it, with the line breaks of the layout taken out. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('recommendation letter', () => {
  it('is an Indonesian official letter to the head of BKN carrying the facts of the case', async () => {
    const text = flat(await pdfOf(bawaslu, `/api/v1/documents/cases/${proven.id}/recommendation?to=bkn`));
    // Letterhead, place and date with the Indonesian month (the test clock stands on 1 Oct 2024).
    expect(text).toContain('BADAN PENGAWAS PEMILIHAN UMUM');
    expect(text).toContain('KABUPATEN BANYUWANGI');
    expect(text).toContain('Banyuwangi, 1 Oktober 2024');
    for (const label of ['Nomor', 'Sifat', 'Lampiran', 'Hal']) expect(text).toContain(label);
    expect(text).toContain('Kepala Badan Kepegawaian Negara');
    // The case, the civil servant and the acts with their SKB 2022 descriptions.
    expect(text).toContain(proven.number);
    expect(text).toContain('Drs. Bambang Sutejo Fiktif, M.Pd.');
    expect(text).toContain(`${person.nip.slice(0, 8)} ${person.nip.slice(8, 14)} ${person.nip.slice(14, 15)} ${person.nip.slice(15)}`);
    expect(text).toContain('Guru Ahli Muda');
    expect(text).toContain('SD Negeri 2 Sukamaju, Dinas Pendidikan Kabupaten Banyuwangi');
    expect(text).toContain('A02: Sosialisasi/kampanye bakal calon/calon di media sosial/daring');
    expect(text).toContain('A07: Mengunggah foto bersama bakal calon/calon');
    expect(text).toContain('mengacungkan dua jari');
    expect(text).toContain('Balai Desa Sukamaju, Kecamatan Fiktif');
    expect(text).toContain('29 September 2024');
    // The recommendation with its legal basis, and the signature block.
    expect(text).toContain('Hukuman disiplin berat');
    expect(text).toContain('PP 94/2021');
    expect(text).toContain('PP 42/2004');
    expect(text).toContain('Bupati Banyuwangi selaku Pejabat Pembina Kepegawaian');
    expect(text).toContain('Ketua Bawaslu Kabupaten Banyuwangi');
    expect(text).toContain('Tembusan');
  });

  it('is addressed to the PPK of the region when asked', async () => {
    const text = flat(await pdfOf(bawaslu, `/api/v1/documents/cases/${proven.id}/recommendation?to=ppk`));
    expect(text).toMatch(/Kepada Yth\. Bupati Banyuwangi selaku Pejabat Pembina Kepegawaian/);
    expect(text).toContain('merekomendasikan kepada Saudara selaku Pejabat Pembina Kepegawaian');
  });

  it('names the recipient on the day of forwarding: KASN until 23 Aug 2024, BKN from 24 Aug 2024, whatever the election', async () => {
    const old = await createCase(t, { regionCode: '35.10', electionId: 'pilkada-2020', state: 'forwarded_to_bkn', receivedOn: '2020-10-10', forwardedToBknOn: '2020-10-12', actCodes: ['A06'] });
    expect(flat(await pdfOf(bawaslu, `/api/v1/documents/cases/${old.id}/recommendation`))).toContain('Ketua Komisi Aparatur Sipil Negara');
    // A Pemilu 2024 case forwarded after KASN's dissolution goes to BKN.
    const late = await createCase(t, { regionCode: '35.10', electionId: 'pemilu-2024', state: 'forwarded_to_bkn', receivedOn: '2024-08-20', forwardedToBknOn: '2024-08-26', actCodes: ['A06'] });
    const text = flat(await pdfOf(bawaslu, `/api/v1/documents/cases/${late.id}/recommendation`));
    expect(text).toContain('Kepala Badan Kepegawaian Negara');
    expect(text).not.toContain('Komisi Aparatur Sipil Negara');
  });

  it('exists only for a proven case inside the scope, and only for the roles that open case files', async () => {
    expect((await bawaslu.get(`/api/v1/documents/cases/${pending.id}/recommendation`)).statusCode).toBe(409);
    const other = await staffClient(t, 'bawaslu_regency', '35.16');
    expect((await other.get(`/api/v1/documents/cases/${proven.id}/recommendation`)).statusCode).toBe(404);
    expect((await (await staffClient(t, 'analyst', null)).get(`/api/v1/documents/cases/${proven.id}/recommendation`)).statusCode).toBe(403);
    // The PPK's office sees the case only once BKN has recommended it.
    expect((await (await staffClient(t, 'ppk_delegate', '35.10')).get(`/api/v1/documents/cases/${proven.id}/recommendation`)).statusCode).toBe(404);
  });
});

describe('recap per region and stage', () => {
  it('lists the figures per stage, region and state', async () => {
    const province = await staffClient(t, 'bawaslu_province', '35');
    const text = flat(await pdfOf(province, '/api/v1/documents/recap/pilkada-2024'));
    expect(text).toContain('REKAPITULASI PENANGANAN PELANGGARAN NETRALITAS ASN');
    expect(text).toContain('PROVINSI JAWA TIMUR');
    expect(text).toContain('Pemilihan Kepala Daerah Serentak 2024');
    expect(text).toContain('Masa kampanye (rawan)');
    expect(text).toContain('Kabupaten Banyuwangi');
    expect(text).toContain('Kabupaten Mojokerto');
    expect(text).toContain('Diteruskan ke BKN');
    expect(text).not.toContain('Kalimantan');
  });

  it('narrows to one stage per region', async () => {
    const text = flat(await pdfOf(bawaslu, '/api/v1/documents/recap/pilkada-2024?region=35.10&stage=campaign'));
    expect(text).toContain('Tahapan Masa kampanye');
    expect((await bawaslu.get('/api/v1/documents/recap/pilkada-2024?region=35.10&stage=no-such-stage')).statusCode).toBe(404);
    expect((await bawaslu.get('/api/v1/documents/recap/pilkada-2024?region=35')).statusCode).toBe(404);
  });
});

describe('letter layout helpers', () => {
  it('write dates with Indonesian month names and embed a font for Indonesian text', () => {
    expect(indonesianDate('2024-11-27')).toBe('27 November 2024');
    expect(indonesianDate('2024-08-05')).toBe('5 Agustus 2024');
    expect(letterFonts().embedded).toBe(true);
  });
});
