/**
 * Fictional Indonesian civil servants for demo data, tests and benchmarks. Names are drawn
 * from common given names and family names and combined at random: no generated person is a
 * real, named individual, and demo data must never present a real person as a violator.
 */
import type { Rng } from './random.ts';

const MALE_GIVEN = [
  'Agus', 'Ahmad', 'Andi', 'Arif', 'Bambang', 'Budi', 'Dedi', 'Dimas', 'Eko', 'Fajar', 'Hadi', 'Hendra',
  'Imam', 'Irfan', 'Joko', 'Kurniawan', 'Lukman', 'Muhammad', 'Nur', 'Rahmat', 'Rizky', 'Slamet', 'Teguh',
  'Wahyu', 'Yusuf', 'Bayu', 'Galih', 'Heru', 'Iwan', 'Yoga', 'Sigit', 'Taufik', 'Gilang', 'Rudi', 'Anton',
];
const FEMALE_GIVEN = [
  'Ani', 'Dewi', 'Dian', 'Endang', 'Fitri', 'Indah', 'Lestari', 'Maya', 'Nur', 'Putri', 'Ratna', 'Rina',
  'Sari', 'Siti', 'Sri', 'Tri', 'Wulan', 'Yuli', 'Ayu', 'Citra', 'Eka', 'Kartika', 'Lina', 'Mega', 'Novi',
  'Puspita', 'Rahayu', 'Retno', 'Sekar', 'Tutik', 'Umi', 'Winda', 'Yanti', 'Zahra', 'Nanda',
];
const FAMILY = [
  'Santoso', 'Wibowo', 'Saputra', 'Pratama', 'Hidayat', 'Setiawan', 'Nugroho', 'Kusuma', 'Wijaya', 'Susanto',
  'Purnomo', 'Rahman', 'Syahputra', 'Hakim', 'Firmansyah', 'Maulana', 'Permana', 'Utomo', 'Hartono', 'Gunawan',
  'Prasetyo', 'Suryadi', 'Handoko', 'Siregar', 'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sitompul',
  'Rangkuti', 'Wulandari', 'Anggraini', 'Puspitasari', 'Rahmawati', 'Kurniasih', 'Fauziah', 'Safitri',
  'Marlina', 'Oktaviani', 'Handayani', 'Sulistyowati', 'Lestiani', 'Pangestu', 'Ramadhan', 'Aditya',
];
const DEGREES = ['S.Pd.', 'S.E.', 'S.H.', 'S.Sos.', 'S.Kom.', 'S.T.', 'M.Si.', 'M.M.', 'S.Kep.', 'A.Md.'];

export type FictionalGender = 'male' | 'female';

export function fictionalName(rng: Rng, gender: FictionalGender): string {
  const given = rng.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  const middle = rng.chance(0.35) ? ` ${rng.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN)}` : '';
  const family = rng.chance(0.85) ? ` ${rng.pick(FAMILY)}` : '';
  const degree = rng.chance(0.45) ? `, ${rng.pick(DEGREES)}` : '';
  return `${given}${middle}${family}${degree}`;
}

export interface FictionalNipOptions {
  gender: FictionalGender;
  /** Inclusive birth-year range. */
  birthYears: [number, number];
  /** The latest appointment year possible (not after "today"). */
  latestAppointmentYear: number;
  /** Sequence number 1–999 (unique per birth date + appointment month + gender in real life). */
  sequence: number;
}

/** A PNS NIP that passes every validity rule: appointed between age 19 and 35, not in the future. */
export function fictionalNip(rng: Rng, options: FictionalNipOptions): string {
  const birthYear = rng.int(options.birthYears[0], options.birthYears[1]);
  const birthMonth = rng.int(1, 12);
  const birthDay = rng.int(1, 28);
  const appointmentYear = Math.min(birthYear + rng.int(19, 35), options.latestAppointmentYear);
  const appointmentMonth = rng.int(1, 12);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return (
    pad(birthYear, 4) + pad(birthMonth, 2) + pad(birthDay, 2) +
    pad(appointmentYear, 4) + pad(appointmentMonth, 2) +
    (options.gender === 'male' ? '1' : '2') +
    pad(Math.max(1, Math.min(999, options.sequence)), 3)
  );
}

