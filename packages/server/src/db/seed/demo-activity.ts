/**
 * Demo activity for Pilkada 2024 in Kabupaten Banyuwangi, so that a person trying Netra finds the
 * candidates, rotation watch and screening queue populated: two fictional candidate pairs (one
 * incumbent, one with an ASN deputy whose resignation obligations are tracked), three rotations
 * signed by the incumbent (one inside the art. 71(2) window without the Minister's approval:
 * flagged; one inside it with approval; one before it), and a handful of collected social-media
 * posts by demo civil servants, some supporting a pair, some not. Everything goes through the same services as the console, as
 * the Bawaslu Banyuwangi demo officer, so it is validated and audited like real input.
 * Every person is fictional; the region, the election and its schedule are real.
 */
import type { AppContext } from '../../context.ts';
import { scopeOf, type StaffUser } from '../../capabilities/auth/service.ts';
import { savePairRows } from '../../capabilities/candidates/service.ts';
import { saveRotations } from '../../capabilities/rotations/service.ts';
import { importPosts } from '../../capabilities/screening/importer.ts';
import { transitionCase } from '../../capabilities/cases/service.ts';
import type { TransitionBody } from '../../capabilities/cases/schema.ts';
import { fileReport } from '../../capabilities/reports/intake.service.ts';
import { sanctionTypesOf } from '@netra/core';
import { Readable } from 'node:stream';

const REGION = '35.10';
const ELECTION = 'pilkada-2024';
const OFFICER = 'bawaslu.banyuwangi@netra.demo';
const META = { ip: null, userAgent: 'netra-seed' };
const INCUMBENT = 'H. Bambang Wicaksono, S.H.';

async function officer(ctx: AppContext): Promise<StaffUser | null> {
  const exists = await ctx.db.selectFrom('users').select('id').where('email', '=', OFFICER).executeTakeFirst();
  return exists ? demoStaff(ctx, OFFICER) : null;
}

/** Loads the demo activity once (a second start finds the pairs and leaves everything alone). */
export async function seedDemoActivity(ctx: AppContext, progress: (message: string) => void = () => {}): Promise<boolean> {
  const existing = await ctx.db.selectFrom('candidate_pairs').select('id').where('election_id', '=', ELECTION).where('region_code', '=', REGION).executeTakeFirst();
  if (existing) return false;
  const staff = await officer(ctx);
  // The deputy of pair 2 and the officials moved are demo civil servants of Banyuwangi.
  const asn = await ctx.db.selectFrom('asn').select(['nip', 'name', 'position_title']).where('region_code', '=', REGION).orderBy('id').limit(9).execute();
  if (!staff || asn.length < 9) return false;
  const [deputy, ...others] = asn;
  const moved = others.slice(0, 3);
  const posters = others.slice(3);

  const pairs = await savePairRows(
    ctx,
    staff,
    [
      {
        line: 2,
        cells: {
          kode_pemilihan: ELECTION,
          kode_wilayah: REGION,
          nomor_urut: '1',
          nama_calon: INCUMBENT,
          panggilan_calon: 'Bambang',
          nama_wakil: 'Hj. Ratna Kusumawati',
          panggilan_wakil: 'Ratna',
          jalur: 'partai',
          partai: 'Partai Contoh Satu; Partai Contoh Dua',
          petahana: 'calon',
          jabatan_petahana: 'kepala_daerah',
          slogan: 'Banyuwangi Maju Bersama',
          tagar: '#BambangRatna2024; #BanyuwangiMaju',
        },
      },
      {
        line: 3,
        cells: {
          kode_pemilihan: ELECTION,
          kode_wilayah: REGION,
          nomor_urut: '2',
          nama_calon: 'Ir. Suryo Hadinoto',
          panggilan_calon: 'Suryo',
          nama_wakil: deputy.name,
          nip_wakil: deputy.nip,
          jalur: 'perseorangan',
          petahana: 'tidak',
          slogan: 'Desa Kuat, Kota Hebat',
          tagar: '#SuryoPilihanRakyat',
        },
      },
    ],
    'id',
    META,
  );

  const rotation = (line: number, person: (typeof moved)[number], to: string, number: string, date: string, approval?: { number: string; date: string }) => ({
    line,
    cells: {
      kode_pemilihan: ELECTION,
      kode_wilayah: REGION,
      nip: person.nip,
      nama: person.name,
      jabatan_lama: person.position_title,
      jabatan_baru: to,
      nomor_sk: number,
      tanggal_sk: date,
      penandatangan: INCUMBENT,
      kapasitas_penandatangan: 'kepala_daerah',
      persetujuan_menteri: approval ? 'Y' : 'N',
      nomor_surat_persetujuan: approval?.number ?? '',
      tanggal_persetujuan: approval?.date ?? '',
    },
  });
  const rotations = await saveRotations(
    ctx,
    staff,
    [
      // Inside the window (from six months before the 22 September 2024 determination), no approval: flagged.
      rotation(2, moved[0], 'Staf Ahli Bupati Bidang Kemasyarakatan', '800.1.3.3/0412/429.011/2024', '2024-06-14'),
      // Inside the window with the Minister's written approval: allowed.
      rotation(3, moved[1], 'Sekretaris Dinas Pendidikan', '800.1.3.3/0415/429.011/2024', '2024-06-20', { number: '100.2.2.6/3312/OTDA', date: '2024-06-10' }),
      // Before the window: allowed.
      rotation(4, moved[2], 'Kepala Bidang Pelayanan', '800.1.3.3/0102/429.011/2023', '2023-11-03'),
    ],
    'id',
    META,
  );
  // Posts as a monitoring team would collect them during the campaign (fictional accounts).
  const post = (n: number, poster: (typeof posters)[number], text: string, postedAt: string, kind = 'post') =>
    JSON.stringify({
      platform: n % 2 ? 'facebook' : 'instagram',
      handle: `${poster.name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}.${n}`,
      displayName: poster.name,
      nip: poster.nip,
      url: `https://media-sosial.example/banyuwangi/demo-${n}`,
      text,
      postedAt,
      kind,
    });
  const posts = [
    post(1, posters[0], 'Ayo rek, tanggal 27 November jangan lupa coblos nomor 1! Bambang–Ratna lanjutkan! #BambangRatna2024 #BanyuwangiMaju', '2024-10-12T19:40:00+07:00'),
    post(2, posters[1], 'Siap menangkan Mas Suryo, pilihan rakyat Banyuwangi 💪 #SuryoPilihanRakyat', '2024-10-19T07:15:00+07:00'),
    post(3, posters[2], 'Foto bareng calon bupati Bambang di acara kampanye tadi malam, semoga terpilih lagi 🙏', '2024-11-02T21:05:00+07:00'),
    post(4, posters[3], 'Rapat koordinasi persiapan apel siaga netralitas ASN di aula kantor bupati.', '2024-10-21T10:00:00+07:00'),
    post(5, posters[4], 'Pelayanan posyandu di Desa Kemiren hari ini berjalan lancar, terima kasih para kader.', '2024-10-24T13:30:00+07:00'),
  ].join('\n');
  const screening = await importPosts(ctx.db, Readable.from([posts]), 'jsonl', {
    electionId: ELECTION,
    regionCode: REGION,
    actor: { userId: staff.id, scope: staff.scope },
    now: ctx.now(),
  });
  progress(
    `Data demo: ${pairs.inserted} pasangan calon, ${rotations.inserted} mutasi dan ${screening.imported} unggahan media sosial di Kabupaten Banyuwangi (Pilkada 2024)`,
  );
  return true;
}

/** The demo officer with this e-mail, as the console would see them after signing in. */
async function demoStaff(ctx: AppContext, email: string): Promise<StaffUser> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'scope_region_code', 'scope_agency_ids'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scope: scopeOf({ scopeRegionCode: user.scope_region_code, scopeAgencyIds: user.scope_agency_ids }),
    sessionId: 'seed',
    csrfToken: '',
    mfa: 'not_required',
  } as StaffUser;
}

/**
 * Demo cases of Pilkada 2024, filed and handled on the dates they would have been (the clock is
 * set back for each step), so the dashboards, queues, deadlines and public pages have something
 * to show: in Kabupaten Banyuasin one case carried from a public report to a recorded sanction
 * and closed, one recommended to the PPK whose follow-up never came (overdue); in Kabupaten
 * Mojokerto one report still under review. Reports, transitions and audit entries go through the
 * same services as the console. Kota Mojokerto and Banyuwangi are left without demo cases.
 */
export async function seedDemoCases(ctx: AppContext, progress: (message: string) => void = () => {}): Promise<boolean> {
  const existing = await ctx.db.selectFrom('cases').select('id').where('region_code', 'in', ['16.07', '35.16']).executeTakeFirst();
  if (existing) return false;
  const people = async (region: string) =>
    ctx.db.selectFrom('asn').innerJoin('units', 'units.id', 'asn.unit_id').select(['asn.nip', 'asn.name', 'asn.position_title', 'units.name as unit']).where('asn.region_code', '=', region).orderBy('asn.id').offset(20).limit(3).execute();
  const [banyuasin, mojokerto] = [await people('16.07'), await people('35.16')];
  if (banyuasin.length < 2 || mojokerto.length < 1) return false;
  const staff = {
    bawaslu: await demoStaff(ctx, 'bawaslu.banyuasin@netra.demo'),
    bawasluMojokerto: await demoStaff(ctx, 'bawaslu.kabmojokerto@netra.demo'),
    bkn: await demoStaff(ctx, 'bkn@netra.demo'),
    ppk: await demoStaff(ctx, 'ppk.banyuasin@netra.demo'),
  };
  // 09:00 WIB on the given day.
  const on = (day: string): AppContext => ({ ...ctx, now: () => new Date(`${day}T02:00:00Z`) });
  const file = (day: string, region: string, person: (typeof banyuasin)[number], description: string, actCodes: string[]) =>
    fileReport(
      on(day),
      { actor: null, meta: META },
      {
        electionId: 'pilkada-2024',
        regionCode: region,
        place: 'Grup WhatsApp dan akun Facebook pribadi',
        occurredOn: day,
        knownOn: day,
        description,
        actCodes,
        reportedName: person.name,
        reportedNip: person.nip,
        reportedAgency: person.unit,
        reportedPosition: person.position_title,
        anonymous: true,
      },
      [],
      { source: 'public' },
    );
  const move = async (day: string, who: StaffUser, caseId: string, body: TransitionBody) => transitionCase(on(day), { actor: who, language: 'id', meta: META }, caseId, body);
  const note = (text: string) => ({ note: text });

  /** Bawaslu Banyuasin checks, accepts, classifies and forwards; BKN verifies and recommends to the PPK. */
  const toPpk = async (caseId: string, days: { received: string; classified: string; recommended: string }, actCodes: string[], finding: string, letters: [string, string]) => {
    await move(days.received, staff.bawaslu, caseId, { transition: 'start_check', ...note('Laporan diterima dan dicek kelengkapannya.') });
    await move(days.received, staff.bawaslu, caseId, { transition: 'accept_for_review', ...note('Syarat formal dan materiel terpenuhi.') });
    await move(days.classified, staff.bawaslu, caseId, { transition: 'classify_violation', actCodes, ...note(finding) });
    await move(days.classified, staff.bawaslu, caseId, { transition: 'forward_to_bkn', letterNumber: letters[0], ...note('Diteruskan kepada BKN dengan rekomendasi.') });
    await move(days.recommended, staff.bkn, caseId, { transition: 'bkn_verify', ...note('Berkas lengkap dan sesuai.') });
    await move(days.recommended, staff.bkn, caseId, { transition: 'recommend_to_ppk', letterNumber: letters[1], ...note('Rekomendasi penjatuhan sanksi kepada PPK.') });
  };

  // Banyuasin, carried all the way.
  const done = await file('2024-10-02', '16.07', banyuasin[0], 'Mengunggah foto bersama pasangan calon bupati sambil mengacungkan jari dan mengajak rekan kerja memilihnya.', ['A02']);
  await toPpk(done.caseId, { received: '2024-10-02', classified: '2024-10-04', recommended: '2024-10-09' }, ['A02'], 'Terbukti: unggahan ajakan memilih di media sosial, diklarifikasi kepada terlapor.', ['012/PM.00.02/K.SS-07/10/2024', 'R-2291/BKN/X/2024']);
  await move('2024-10-16', staff.ppk, done.caseId, {
    transition: 'record_sanction',
    sanctionTypes: [sanctionTypesOf('discipline', 'heavy')[0], 'moral_sanction_open_statement'],
    decreeNumber: '800.1.6/045/BKPSDM/2024',
    decreeDate: '2024-10-16',
    ...note('Sanksi dijatuhkan sesuai rekomendasi.'),
  });
  await move('2024-10-18', staff.bkn, done.caseId, { transition: 'close', ...note('Tindak lanjut PPK diterima; perkara ditutup.') });

  // Banyuasin, waiting for the PPK ever since.
  const waiting = await file('2024-10-21', '16.07', banyuasin[1], 'Hadir dalam kampanye pasangan calon dengan seragam dinas dan ikut meneriakkan yel-yel.', ['A04']);
  await toPpk(waiting.caseId, { received: '2024-10-21', classified: '2024-10-23', recommended: '2024-10-28' }, ['A04'], 'Terbukti hadir dan mendukung aktif, berdasarkan foto dan keterangan saksi.', ['019/PM.00.02/K.SS-07/10/2024', 'R-2410/BKN/X/2024']);

  // Kabupaten Mojokerto, still under review.
  const review = await file('2024-11-20', '35.16', mojokerto[0], 'Membagikan materi kampanye pasangan calon di grup WhatsApp guru satu kecamatan.', ['A02']);
  await move('2024-11-20', staff.bawasluMojokerto, review.caseId, { transition: 'start_check', ...note('Laporan diterima dan dicek kelengkapannya.') });
  await move('2024-11-21', staff.bawasluMojokerto, review.caseId, { transition: 'accept_for_review', ...note('Syarat terpenuhi; klarifikasi terlapor dijadwalkan.') });

  progress('Data demo: 3 perkara Pilkada 2024 (Kabupaten Banyuasin dan Kabupaten Mojokerto)');
  return true;
}
