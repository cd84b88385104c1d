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
import { Readable } from 'node:stream';
import { savePairRows } from '../capabilities/candidates/service.ts';
import { pairsOfContest } from '../capabilities/election-catalog/service.ts';
import { saveRotations } from '../capabilities/rotations/service.ts';
import { importPosts } from '../capabilities/screening/importer.ts';
import type { AppContext } from '../context.ts';
import { demoStaff } from './accounts.ts';
import * as data from './demo.repository.ts';

const REGION = '35.10';
const ELECTION = 'pilkada-2024';
const OFFICER = 'bawaslu.banyuwangi@netra.demo';
const META = { ip: null, userAgent: 'netra-seed' };
const INCUMBENT = 'H. Bambang Wicaksono, S.H.';

/** Loads the demo activity once (a second start finds the pairs and leaves everything alone). */
export async function seedDemoActivity(ctx: AppContext, progress: (message: string) => void = () => {}): Promise<boolean> {
  if ((await pairsOfContest(ctx, ELECTION, REGION)).length > 0) return false;
  const staff = await demoStaff(ctx, OFFICER);
  // The deputy of pair 2 and the officials moved are demo civil servants of Banyuwangi.
  const asn = await data.demoPeople(ctx.db, REGION, { offset: 0, limit: 9, inUnit: false });
  if (!staff || asn.length < 9) return false;
  const [deputy, ...others] = asn;
  const moved = others.slice(0, 3);
  const posters = others.slice(3);

  const pairs = await savePairRows(
    ctx,
    { actor: staff, language: 'id', meta: META },
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
    { actor: staff, language: 'id', meta: META },
    [
      // Inside the window (from six months before the 22 September 2024 determination), no approval: flagged.
      rotation(2, moved[0], 'Staf Ahli Bupati Bidang Kemasyarakatan', '800.1.3.3/0412/429.011/2024', '2024-06-14'),
      // Inside the window with the Minister's written approval: allowed.
      rotation(3, moved[1], 'Sekretaris Dinas Pendidikan', '800.1.3.3/0415/429.011/2024', '2024-06-20', { number: '100.2.2.6/3312/OTDA', date: '2024-06-10' }),
      // Before the window: allowed.
      rotation(4, moved[2], 'Kepala Bidang Pelayanan', '800.1.3.3/0102/429.011/2023', '2023-11-03'),
    ],
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
