/**
 * Fictional demo data for the five seed regions (Banyuwangi, Banyuasin, Kota Mojokerto,
 * Kabupaten Mojokerto, Kalimantan Timur): their regional governments as agencies, their units
 * (OPD) and a few thousand civil servants with valid NIPs. Every person is generated; no real
 * individual appears. Deterministic (the same people on every machine), and loaded only once.
 */
import { createRng, decodeNip, fictionalName, fictionalNip, plausibleGrades, type Rng } from '@netra/core';
import type { Insertable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AsnTable } from '../db/schema.ts';
import * as data from './demo.repository.ts';

export const DEMO_REGIONS = ['35.10', '16.07', '35.76', '35.16', '64'] as const;
const ASN_PER_REGION = 700;

const UNITS = [
  'Sekretariat Daerah',
  'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  'Dinas Pendidikan',
  'Dinas Kesehatan',
  'Dinas Pertanian',
  'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Dinas Sosial',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Badan Perencanaan Pembangunan Daerah',
  'Inspektorat',
  'Rumah Sakit Umum Daerah',
  'Satuan Polisi Pamong Praja',
];
/** Kecamatan of the region that get a unit (and a camat) in the demo. */
const KECAMATAN_UNITS = 3;

type PositionType = AsnTable['position_type'];
type Status = AsnTable['kind'];
// Functional officials are the largest group in every recent election's statistics (FACTS §7);
// PPPK hold functional and executor posts only (PP 49/2018).
const POSITION_MIX: Record<Status, Array<[PositionType, number]>> = {
  pns: [
    ['functional', 0.42],
    ['executor', 0.3],
    ['supervisor', 0.13],
    ['administrator', 0.08],
    ['camat_lurah', 0.04],
    ['jpt', 0.03],
  ],
  pppk: [
    ['functional', 0.75],
    ['executor', 0.25],
  ],
};

/** Posts with the units they belong to ('*' = any unit of the regional government but a kecamatan). */
const POSTS: Record<PositionType, Array<{ title: string; units: readonly string[] }>> = {
  jpt: [
    { title: 'Kepala Dinas Pendidikan', units: ['Dinas Pendidikan'] },
    { title: 'Kepala Dinas Kesehatan', units: ['Dinas Kesehatan'] },
    { title: 'Kepala Dinas Sosial', units: ['Dinas Sosial'] },
    { title: 'Kepala Badan Perencanaan Pembangunan Daerah', units: ['Badan Perencanaan Pembangunan Daerah'] },
    { title: 'Inspektur', units: ['Inspektorat'] },
    { title: 'Asisten Pemerintahan dan Kesejahteraan Rakyat', units: ['Sekretariat Daerah'] },
  ],
  administrator: [
    { title: 'Sekretaris Dinas', units: ['Dinas Pendidikan', 'Dinas Kesehatan', 'Dinas Sosial', 'Dinas Pertanian', 'Dinas Pekerjaan Umum dan Penataan Ruang'] },
    { title: 'Kepala Bagian Hukum', units: ['Sekretariat Daerah'] },
    { title: 'Kepala Bidang Mutasi dan Promosi', units: ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'] },
    { title: 'Kepala Bidang Pelayanan Medik', units: ['Rumah Sakit Umum Daerah'] },
  ],
  supervisor: [
    { title: 'Kepala Subbagian Umum dan Kepegawaian', units: ['*'] },
    { title: 'Kepala Subbagian Keuangan', units: ['*'] },
    { title: 'Kepala Seksi Kurikulum', units: ['Dinas Pendidikan'] },
    { title: 'Kepala Seksi Pelayanan Kesehatan', units: ['Dinas Kesehatan'] },
  ],
  executor: [
    { title: 'Pengadministrasi Umum', units: ['*'] },
    { title: 'Pengelola Data', units: ['*'] },
    { title: 'Operator Layanan Operasional', units: ['Dinas Kependudukan dan Pencatatan Sipil', 'Satuan Polisi Pamong Praja'] },
    { title: 'Penata Layanan Operasional', units: ['*'] },
  ],
  functional: [
    { title: 'Guru Ahli Pertama', units: ['Dinas Pendidikan'] },
    { title: 'Guru Ahli Muda', units: ['Dinas Pendidikan'] },
    { title: 'Perawat Ahli Pertama', units: ['Rumah Sakit Umum Daerah', 'Dinas Kesehatan'] },
    { title: 'Bidan Terampil', units: ['Dinas Kesehatan'] },
    { title: 'Penyuluh Pertanian Ahli Muda', units: ['Dinas Pertanian'] },
    { title: 'Auditor Ahli Pertama', units: ['Inspektorat'] },
    { title: 'Analis Kebijakan Ahli Muda', units: ['Sekretariat Daerah', 'Badan Perencanaan Pembangunan Daerah'] },
    { title: 'Pranata Komputer Ahli Pertama', units: ['*'] },
  ],
  camat_lurah: [{ title: 'Camat', units: [] }],
};

function pickWeighted<T>(rng: Rng, mix: Array<[T, number]>): T {
  let r = rng.next();
  for (const [value, share] of mix) {
    if ((r -= share) < 0) return value;
  }
  return mix[mix.length - 1]![0];
}

/**
 * ASN_PER_REGION fictional civil servants of one region's government, with valid NIPs (PNS and
 * PPPK) and posts that fit their status, rank and unit (core `plausibilityProblems`).
 */
function generatePeople(rng: Rng, regionCode: string, agencyId: number, units: Map<string, number>, kecamatan: string[], today: string): Array<Insertable<AsnTable>> {
  const rows: Array<Insertable<AsnTable>> = [];
  const ordinary = UNITS.filter((u) => units.has(u));
  for (let i = 0; i < ASN_PER_REGION; i++) {
    const gender = rng.chance(0.52) ? 'female' : 'male';
    const kind: Status = rng.chance(0.85) ? 'pns' : 'pppk';
    // The sequence number makes every NIP in the demo set distinct.
    let nip = fictionalNip(rng, { gender, birthYears: [1966, 2000], latestAppointmentYear: 2023, sequence: (i % 999) + 1 });
    if (kind === 'pppk') nip = nip.slice(0, 12) + String(rng.int(21, 24)) + nip.slice(14);
    const decoded = decodeNip(nip, { today, kind });
    if (!decoded.valid) continue;
    let positionType = pickWeighted(rng, POSITION_MIX[kind]);
    if (positionType === 'camat_lurah' && kecamatan.length === 0) positionType = 'supervisor';
    const post = rng.pick(POSTS[positionType]);
    let title = post.title;
    let unit: string;
    if (positionType === 'camat_lurah') {
      const district = rng.pick(kecamatan);
      title = `Camat ${district}`;
      unit = `Kecamatan ${district}`;
    } else {
      unit = rng.pick(post.units[0] === '*' ? ordinary : post.units.filter((u) => units.has(u)));
    }
    rows.push({
      nip,
      kind,
      name: fictionalName(rng, gender),
      gender,
      birth_date: decoded.value.birthDate,
      position_title: title,
      position_type: positionType,
      grade: rng.pick(plausibleGrades(kind, positionType)),
      agency_id: agencyId,
      unit_id: units.get(unit)!,
      region_code: regionCode,
    });
  }
  return rows;
}

/** Loads the demo register once; false when it is already there. */
export async function seedDemoRegister(db: Db, today: string, progress: (message: string) => void = () => {}): Promise<boolean> {
  if (await data.hasAgency(db, `PEMDA-${DEMO_REGIONS[0]}`)) return false;
  const rng = createRng(2024);
  let total = 0;
  await db.transaction().execute(async (trx) => {
    for (const regionCode of DEMO_REGIONS) {
      const name = await data.regionName(trx, regionCode);
      // A province's government has no kecamatan; a regency's gets a few, each with its camat.
      const kecamatan = regionCode.length > 2 ? (await data.districtNames(trx, regionCode)).slice(0, KECAMATAN_UNITS) : [];
      const unitNames = [...UNITS, ...kecamatan.map((d) => `Kecamatan ${d}`)];
      const written = await data.insertRegionRegister(trx, { code: regionCode, agencyCode: `PEMDA-${regionCode}`, agencyName: `Pemerintah ${name}` }, unitNames, (agencyId, unitIds) =>
        generatePeople(rng, regionCode, agencyId, new Map(unitNames.map((u, i) => [u, unitIds[i]!])), kecamatan, today),
      );
      total += written;
      progress(`Data demo: ${written} ASN fiktif untuk ${name}`);
    }
  });
  progress(`Data demo selesai: ${total} ASN fiktif`);
  return true;
}
