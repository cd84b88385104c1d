/**
 * Fictional register rows at national scale, for demo data and the import benchmark. A
 * generator, so 7 million rows stream through in flat memory. Names are generated, regions and
 * agencies are whatever the caller passes (real ones in the demo): no row is a real person.
 */
import { fictionalName, fictionalNip, type FictionalGender } from '../demo/fictional-people.ts';
import type { Rng } from '../demo/random.ts';
import { addDays, assertIsoDate, daysBetween, type IsoDate } from '../time/iso-date.ts';
import type { NormalisedAsnRow } from './validate.ts';
import { PLAUSIBLE_GRADE_RANGE, plausibleGrades } from './plausibility.ts';
import type { EmploymentStatus, PositionType } from './vocabulary.ts';

export interface GeneratorRegion {
  /** Regency/city code PP.KK. */
  code: string;
  agencies: ReadonlyArray<{ code: string; name: string }>;
}

export interface GenerateAsnRowsOptions {
  count: number;
  regions: readonly GeneratorRegion[];
  today: IsoDate;
}

/** BKN's mix: about 85% PNS, 15% PPPK (FACTS.md §7: 3.8 of 4.3 million in 2023). */
const PPPK_SHARE = 0.15;

/**
 * Position types by status. Functional posts (teachers, health workers) are the largest group
 * (FACTS.md §7); PPPK are hired into functional and executor posts only.
 */
const POSITION_MIX: Record<EmploymentStatus, ReadonlyArray<[PositionType, number]>> = {
  pns: [
    ['functional', 0.5],
    ['executor', 0.3],
    ['supervisor', 0.09],
    ['administrator', 0.05],
    ['camat_lurah', 0.035],
    ['jpt', 0.025],
  ],
  pppk: [
    ['functional', 0.75],
    ['executor', 0.25],
  ],
};

const POSTS: Record<PositionType, ReadonlyArray<[title: string, unit: string]>> = {
  functional: [
    ['Guru Ahli Pertama', 'Dinas Pendidikan'],
    ['Guru Ahli Muda', 'Dinas Pendidikan'],
    ['Perawat Terampil', 'Rumah Sakit Umum Daerah'],
    ['Bidan Terampil', 'Dinas Kesehatan'],
    ['Dokter Ahli Pertama', 'Dinas Kesehatan'],
    ['Penyuluh Pertanian Ahli Muda', 'Dinas Pertanian'],
    ['Analis Kebijakan Ahli Muda', 'Sekretariat Daerah'],
    ['Pranata Komputer Ahli Pertama', 'Dinas Komunikasi dan Informatika'],
    ['Auditor Ahli Pertama', 'Inspektorat'],
  ],
  executor: [
    ['Pengadministrasi Umum', 'Sekretariat Daerah'],
    ['Pengelola Keuangan', 'Badan Keuangan Daerah'],
    ['Pengolah Data Kepegawaian', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'],
    ['Pengemudi', 'Sekretariat Daerah'],
    ['Operator Layanan Operasional', 'Dinas Kependudukan dan Pencatatan Sipil'],
  ],
  supervisor: [
    ['Kepala Subbagian Umum dan Kepegawaian', 'Dinas Pendidikan'],
    ['Kepala Subbagian Keuangan', 'Dinas Kesehatan'],
    ['Kepala Seksi Pelayanan Umum', 'Kecamatan'],
  ],
  administrator: [
    ['Sekretaris Dinas', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
    ['Kepala Bidang Mutasi dan Promosi', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'],
    ['Kepala Bagian Hukum', 'Sekretariat Daerah'],
  ],
  jpt: [
    ['Kepala Dinas Pendidikan', 'Dinas Pendidikan'],
    ['Inspektur', 'Inspektorat'],
    ['Asisten Pemerintahan dan Kesejahteraan Rakyat', 'Sekretariat Daerah'],
  ],
  camat_lurah: [
    ['Camat', 'Kecamatan'],
    ['Lurah', 'Kelurahan'],
  ],
};

const ACTIVE_SHARE = 0.97;
const POSITION_START_SHARE = 0.8;
/** Regional governments have hired PPPK since 2019 (PP 49/2018). */
const FIRST_PPPK_YEAR = 2019;
/** Civil servants between 20 and 58 years old. */
const YOUNGEST_AGE = 20;
const OLDEST_AGE = 58;
const MAX_SEQUENCE = 999;
/** Odd primes tried as the stride that scatters consecutive rows over birth dates. */
const STRIDES = [7919, 7927, 7933];

/** The grades of each (status, post) pair (plausibility.ts), sliced once. */
const GRADES: Record<EmploymentStatus, Partial<Record<PositionType, readonly string[]>>> = {
  pns: Object.fromEntries(Object.keys(PLAUSIBLE_GRADE_RANGE.pns).map((type) => [type, plausibleGrades('pns', type as PositionType)])),
  pppk: Object.fromEntries(Object.keys(PLAUSIBLE_GRADE_RANGE.pppk).map((type) => [type, plausibleGrades('pppk', type as PositionType)])),
};

function pickWeighted<T>(rng: Rng, mix: ReadonlyArray<[T, number]>): T {
  let r = rng.next() * mix.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of mix) {
    r -= weight;
    if (r < 0) return value;
  }
  return mix[mix.length - 1][0];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The part of a NIP that identifies a person — birth date, gender, sequence — taken from the row
 * index, never drawn at random, so no two rows of a run can share a NIP whatever the appointment
 * digits are. Within each block of (birth dates × 2 genders) rows the index is multiplied by a
 * prime stride (a bijection modulo the block size) so neighbouring rows get unrelated birth
 * dates; each further block takes the next sequence number.
 */
interface IdentityPlan {
  firstBirthDate: IsoDate;
  birthDays: number;
  block: number;
  stride: number;
}

function identityPlan(today: IsoDate, count: number): IdentityPlan {
  const year = Number(today.slice(0, 4));
  const firstBirthDate = `${pad(year - OLDEST_AGE, 4)}-01-01`;
  const birthDays = daysBetween(firstBirthDate, `${pad(year - YOUNGEST_AGE, 4)}-12-31`) + 1;
  const block = birthDays * 2;
  if (count > block * MAX_SEQUENCE) {
    throw new RangeError(`At most ${block * MAX_SEQUENCE} rows have distinct NIPs; asked for ${count}`);
  }
  const stride = STRIDES.find((p) => block % p !== 0)!;
  return { firstBirthDate, birthDays, block, stride };
}

function identity(plan: IdentityPlan, index: number): { birthDate: IsoDate; gender: FictionalGender; sequence: number } {
  const slot = ((index % plan.block) * plan.stride) % plan.block;
  return {
    birthDate: addDays(plan.firstBirthDate, slot % plan.birthDays),
    gender: slot < plan.birthDays ? 'male' : 'female',
    sequence: Math.floor(index / plan.block) + 1,
  };
}

function checkOptions({ count, regions, today }: GenerateAsnRowsOptions): void {
  assertIsoDate(today);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0: ${count}`);
  if (regions.length === 0) throw new RangeError('At least one region is needed');
  const empty = regions.find((r) => r.agencies.length === 0);
  if (empty) throw new RangeError(`Region ${empty.code} has no agencies`);
}

/**
 * Fictional register rows, each valid for `validateAsnRow` with the given regions' agency codes
 * and `today`, and with a NIP unique across the run.
 */
export function* generateAsnRows(rng: Rng, options: GenerateAsnRowsOptions): Generator<NormalisedAsnRow> {
  checkOptions(options);
  const { count, regions, today } = options;
  const plan = identityPlan(today, count);
  const latestAppointmentYear = Number(today.slice(0, 4)) - 1;

  for (let index = 0; index < count; index += 1) {
    const { birthDate, gender, sequence } = identity(plan, index);
    const birthYear = Number(birthDate.slice(0, 4));
    const birthDigits = birthDate.replaceAll('-', '');
    const status: EmploymentStatus = rng.chance(PPPK_SHARE) ? 'pppk' : 'pns';

    let nip: string;
    let appointmentStart: IsoDate;
    if (status === 'pns') {
      // fictionalNip draws the appointment (at age 19–35, never in the future) but also a birth
      // day of its own: the year is pinned through its options, month and day are replaced by
      // the planned ones. Any day of the pinned year keeps the appointment past age 18.
      const drawn = fictionalNip(rng, { gender, birthYears: [birthYear, birthYear], latestAppointmentYear, sequence });
      nip = birthDigits + drawn.slice(8);
      appointmentStart = `${drawn.slice(8, 12)}-${drawn.slice(12, 14)}-01`;
    } else {
      const earliest = Math.max(birthYear + 19, Math.min(FIRST_PPPK_YEAR, latestAppointmentYear));
      const appointmentYear = rng.int(earliest, latestAppointmentYear);
      // The 2-digit code's meaning is unconfirmed (FACTS.md §8): any value.
      nip = `${birthDigits}${appointmentYear}${pad(rng.int(1, 99), 2)}${gender === 'male' ? 1 : 2}${pad(sequence, 3)}`;
      appointmentStart = `${appointmentYear}-01-01`;
    }

    const positionType = pickWeighted(rng, POSITION_MIX[status]);
    const [positionTitle, unit] = rng.pick(POSTS[positionType]);
    const region = rng.pick(regions);
    const agency = rng.pick(region.agencies);
    yield {
      nip,
      name: fictionalName(rng, gender),
      status,
      positionTitle,
      positionType,
      grade: rng.pick(GRADES[status][positionType]!),
      agencyCode: agency.code,
      agencyName: agency.name,
      unit,
      regionCode: region.code,
      positionStart: rng.chance(POSITION_START_SHARE)
        ? addDays(appointmentStart, rng.int(0, daysBetween(appointmentStart, today)))
        : null,
      active: rng.chance(ACTIVE_SHARE),
    };
  }
}
