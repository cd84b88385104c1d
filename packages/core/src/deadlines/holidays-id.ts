/**
 * Indonesia's days off as the government decrees them: national holidays (libur nasional) and joint
 * leave (cuti bersama) from the joint decree of the Ministers of Religious Affairs, Manpower and
 * Administrative Reform (SKB 3 Menteri) for each year. The holiday library computes lunar dates
 * astronomically and differs from the decree on several days (2024 Idul Adha and Maulid, 2025
 * Idul Fitri and Islamic New Year, 2026 Idul Fitri), knows no cuti bersama, and names Isra Mi'raj
 * "Maulid Nabi"; for the years below these tables are authoritative. Other years fall back to the
 * library with its names corrected (working-days.ts).
 */
import type { IsoDate } from '../time/iso-date.ts';

export interface OfficialDayOff {
  date: IsoDate;
  name: string;
  kind: 'holiday' | 'joint_leave';
  /** The decree the day comes from. */
  basis: string;
}

export interface OfficialYear {
  year: number;
  basis: string;
  /** Libur nasional: [date, name]. */
  holidays: ReadonlyArray<readonly [IsoDate, string]>;
  /** Cuti bersama: [date, name]. */
  jointLeave: ReadonlyArray<readonly [IsoDate, string]>;
}

export const OFFICIAL_YEARS: readonly OfficialYear[] = [
  {
    year: 2024,
    basis: 'SKB Menteri Agama 855/2023, Menteri Ketenagakerjaan 3/2023, MenPAN-RB 4/2023',
    holidays: [
      ['2024-01-01', 'Tahun Baru 2024 Masehi'],
      ['2024-02-08', "Isra Mi'raj Nabi Muhammad SAW"],
      ['2024-02-10', 'Tahun Baru Imlek 2575 Kongzili'],
      ['2024-03-11', 'Hari Suci Nyepi Tahun Baru Saka 1946'],
      ['2024-03-29', 'Wafat Isa Almasih'],
      ['2024-03-31', 'Hari Paskah'],
      ['2024-04-10', 'Idul Fitri 1445 H'],
      ['2024-04-11', 'Idul Fitri 1445 H'],
      ['2024-05-01', 'Hari Buruh Internasional'],
      ['2024-05-09', 'Kenaikan Isa Almasih'],
      ['2024-05-23', 'Hari Raya Waisak 2568 BE'],
      ['2024-06-01', 'Hari Lahir Pancasila'],
      ['2024-06-17', 'Idul Adha 1445 H'],
      ['2024-07-07', 'Tahun Baru Islam 1446 H'],
      ['2024-08-17', 'Hari Kemerdekaan Republik Indonesia'],
      ['2024-09-16', 'Maulid Nabi Muhammad SAW'],
      ['2024-12-25', 'Hari Raya Natal'],
    ],
    jointLeave: [
      ['2024-02-09', 'Cuti bersama Tahun Baru Imlek'],
      ['2024-03-12', 'Cuti bersama Hari Suci Nyepi'],
      ['2024-04-08', 'Cuti bersama Idul Fitri'],
      ['2024-04-09', 'Cuti bersama Idul Fitri'],
      ['2024-04-12', 'Cuti bersama Idul Fitri'],
      ['2024-04-15', 'Cuti bersama Idul Fitri'],
      ['2024-05-10', 'Cuti bersama Kenaikan Isa Almasih'],
      ['2024-05-24', 'Cuti bersama Hari Raya Waisak'],
      ['2024-06-18', 'Cuti bersama Idul Adha'],
      ['2024-12-26', 'Cuti bersama Hari Raya Natal'],
    ],
  },
  {
    year: 2025,
    basis: 'SKB Menteri Agama 1017/2024, Menteri Ketenagakerjaan 2/2024, MenPAN-RB 2/2024',
    holidays: [
      ['2025-01-01', 'Tahun Baru 2025 Masehi'],
      ['2025-01-27', "Isra Mi'raj Nabi Muhammad SAW"],
      ['2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'],
      ['2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'],
      ['2025-03-31', 'Idul Fitri 1446 H'],
      ['2025-04-01', 'Idul Fitri 1446 H'],
      ['2025-04-18', 'Wafat Isa Almasih'],
      ['2025-04-20', 'Hari Paskah'],
      ['2025-05-01', 'Hari Buruh Internasional'],
      ['2025-05-12', 'Hari Raya Waisak 2569 BE'],
      ['2025-05-29', 'Kenaikan Isa Almasih'],
      ['2025-06-01', 'Hari Lahir Pancasila'],
      ['2025-06-06', 'Idul Adha 1446 H'],
      ['2025-06-27', 'Tahun Baru Islam 1447 H'],
      ['2025-08-17', 'Hari Kemerdekaan Republik Indonesia'],
      ['2025-09-05', 'Maulid Nabi Muhammad SAW'],
      ['2025-12-25', 'Hari Raya Natal'],
    ],
    jointLeave: [
      ['2025-01-28', 'Cuti bersama Tahun Baru Imlek'],
      ['2025-03-28', 'Cuti bersama Hari Suci Nyepi'],
      ['2025-04-02', 'Cuti bersama Idul Fitri'],
      ['2025-04-03', 'Cuti bersama Idul Fitri'],
      ['2025-04-04', 'Cuti bersama Idul Fitri'],
      ['2025-04-07', 'Cuti bersama Idul Fitri'],
      ['2025-05-13', 'Cuti bersama Hari Raya Waisak'],
      ['2025-05-30', 'Cuti bersama Kenaikan Isa Almasih'],
      ['2025-06-09', 'Cuti bersama Idul Adha'],
      ['2025-12-26', 'Cuti bersama Hari Raya Natal'],
    ],
  },
  {
    year: 2026,
    basis: 'SKB Menteri Agama 1497/2025, Menteri Ketenagakerjaan 2/2025, MenPAN-RB 5/2025',
    holidays: [
      ['2026-01-01', 'Tahun Baru 2026 Masehi'],
      ['2026-01-16', "Isra Mi'raj Nabi Muhammad SAW"],
      ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'],
      ['2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'],
      ['2026-03-21', 'Idul Fitri 1447 H'],
      ['2026-03-22', 'Idul Fitri 1447 H'],
      ['2026-04-03', 'Wafat Isa Almasih'],
      ['2026-04-05', 'Hari Paskah'],
      ['2026-05-01', 'Hari Buruh Internasional'],
      ['2026-05-14', 'Kenaikan Isa Almasih'],
      ['2026-05-27', 'Idul Adha 1447 H'],
      ['2026-05-31', 'Hari Raya Waisak 2570 BE'],
      ['2026-06-01', 'Hari Lahir Pancasila'],
      ['2026-06-16', 'Tahun Baru Islam 1448 H'],
      ['2026-08-17', 'Hari Kemerdekaan Republik Indonesia'],
      ['2026-08-25', 'Maulid Nabi Muhammad SAW'],
      ['2026-12-25', 'Hari Raya Natal'],
    ],
    jointLeave: [
      ['2026-02-16', 'Cuti bersama Tahun Baru Imlek'],
      ['2026-03-18', 'Cuti bersama Hari Suci Nyepi'],
      ['2026-03-20', 'Cuti bersama Idul Fitri'],
      ['2026-03-23', 'Cuti bersama Idul Fitri'],
      ['2026-03-24', 'Cuti bersama Idul Fitri'],
      ['2026-05-15', 'Cuti bersama Kenaikan Isa Almasih'],
      ['2026-05-28', 'Cuti bersama Idul Adha'],
      ['2026-12-24', 'Cuti bersama Hari Raya Natal'],
    ],
  },
];

const BY_YEAR = new Map(OFFICIAL_YEARS.map((y) => [y.year, y]));

/** The decreed days off of a year, or undefined when no decree is in the table. */
export function officialDaysOff(year: number): OfficialDayOff[] | undefined {
  const decree = BY_YEAR.get(year);
  if (!decree) return undefined;
  return [
    ...decree.holidays.map(([date, name]): OfficialDayOff => ({ date, name, kind: 'holiday', basis: decree.basis })),
    ...decree.jointLeave.map(([date, name]): OfficialDayOff => ({ date, name, kind: 'joint_leave', basis: decree.basis })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** Names the holiday library gets wrong, by its lunar rule. */
export const LIBRARY_NAME_BY_RULE: Readonly<Record<string, string>> = {
  '27 Rajab': "Isra Mi'raj Nabi Muhammad SAW",
};
