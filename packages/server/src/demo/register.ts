/**
 * Fictional demo data for the five seed regions (Banyuwangi, Banyuasin, Kota Mojokerto,
 * Kabupaten Mojokerto, Kalimantan Timur): their regional governments as agencies, their units
 * (OPD) and a few thousand civil servants with valid NIPs. Every person is generated; no real
 * individual appears. Deterministic (the same people on every machine), and loaded only once.
 */
import { createRng, decodeNip, fictionalName, fictionalNip, type Rng } from '@netra/core';
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
  'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Dinas Sosial',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Badan Perencanaan Pembangunan Daerah',
  'Rumah Sakit Umum Daerah',
  'Satuan Polisi Pamong Praja',
];

type PositionType = AsnTable['position_type'];
// Functional officials are the largest group in every recent election's statistics (FACTS §7).
const POSITION_MIX: Array<[PositionType, number]> = [
  ['functional', 0.45],
  ['executor', 0.3],
  ['supervisor', 0.12],
  ['administrator', 0.07],
  ['camat_lurah', 0.04],
  ['jpt', 0.02],
];

const TITLES: Record<PositionType, string[]> = {
  jpt: ['Kepala Dinas', 'Kepala Badan', 'Asisten Pemerintahan'],
  administrator: ['Sekretaris Dinas', 'Kepala Bagian Umum', 'Kepala Bidang Pelayanan'],
  supervisor: ['Kepala Subbagian Umum dan Kepegawaian', 'Kepala Seksi Pelayanan', 'Kepala Subbagian Keuangan'],
  executor: ['Pengadministrasi Umum', 'Pengelola Data', 'Operator Layanan Operasional', 'Penata Layanan Operasional'],
  functional: ['Guru Ahli Pertama', 'Guru Ahli Muda', 'Perawat Ahli Pertama', 'Analis Kebijakan Ahli Muda', 'Pranata Komputer Ahli Pertama', 'Penyuluh Pertanian Ahli Muda'],
  camat_lurah: ['Camat', 'Lurah', 'Sekretaris Camat'],
};
const GRADES_PNS = ['II/a', 'II/b', 'II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c'];
const GRADES_PPPK = ['V', 'VII', 'IX', 'X'];

function pickPositionType(rng: Rng): PositionType {
  let r = rng.next();
  for (const [type, share] of POSITION_MIX) {
    if ((r -= share) < 0) return type;
  }
  return 'executor';
}

/** ASN_PER_REGION fictional civil servants of one region's government, with valid NIPs (PNS and PPPK). */
function generatePeople(rng: Rng, regionCode: string, agencyId: number, unitIds: number[], districts: string[], today: string): Array<Insertable<AsnTable>> {
  const rows: Array<Insertable<AsnTable>> = [];
  for (let i = 0; i < ASN_PER_REGION; i++) {
    const gender = rng.chance(0.52) ? 'female' : 'male';
    const kind = rng.chance(0.85) ? 'pns' : 'pppk';
    // The sequence number makes every NIP in the demo set distinct.
    let nip = fictionalNip(rng, { gender, birthYears: [1966, 2000], latestAppointmentYear: 2023, sequence: (i % 999) + 1 });
    if (kind === 'pppk') nip = nip.slice(0, 12) + String(rng.int(21, 24)) + nip.slice(14);
    const decoded = decodeNip(nip, { today, kind });
    if (!decoded.valid) continue;
    const positionType = pickPositionType(rng);
    const title = rng.pick(TITLES[positionType]);
    const place = positionType === 'camat_lurah' && districts.length > 0 ? ` ${rng.pick(districts)}` : '';
    rows.push({
      nip,
      kind,
      name: fictionalName(rng, gender),
      gender,
      birth_date: decoded.value.birthDate,
      position_title: `${title}${place}`,
      position_type: positionType,
      grade: kind === 'pns' ? rng.pick(GRADES_PNS) : rng.pick(GRADES_PPPK),
      agency_id: agencyId,
      unit_id: rng.pick(unitIds),
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
      const districts = await data.districtNames(trx, regionCode);
      const written = await data.insertRegionRegister(trx, { code: regionCode, agencyCode: `PEMDA-${regionCode}`, agencyName: `Pemerintah ${name}` }, UNITS, (agencyId, unitIds) => generatePeople(rng, regionCode, agencyId, unitIds, districts, today));
      total += written;
      progress(`Data demo: ${written} ASN fiktif untuk ${name}`);
    }
  });
  progress(`Data demo selesai: ${total} ASN fiktif`);
  return true;
}
