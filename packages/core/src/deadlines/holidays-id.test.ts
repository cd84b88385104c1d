import { describe, expect, it } from 'vitest';
import { PEMILU_2024 } from '../elections/catalog.ts';
import { OFFICIAL_YEARS, officialDaysOff } from './holidays-id.ts';
import { addWorkingDays, deadlineDate, holidayCalendar, publicHolidays } from './working-days.ts';

const bare = holidayCalendar();

/** Each day as the year's joint decree (SKB 3 Menteri) gives it. */
const DECREED: Array<{ date: string; name: RegExp; basis: string }> = [
  { date: '2024-02-08', name: /Isra Mi'raj/, basis: 'SKB 855/2023, 3/2023, 4/2023' },
  { date: '2024-02-09', name: /Cuti bersama Tahun Baru Imlek/, basis: 'SKB 855/2023, 3/2023, 4/2023' },
  { date: '2024-06-17', name: /Idul Adha/, basis: 'SKB 2024: the government date, one day after the astronomical one' },
  { date: '2024-09-16', name: /Maulid Nabi/, basis: 'SKB 2024' },
  { date: '2025-01-27', name: /Isra Mi'raj/, basis: 'SKB 1017/2024, 2/2024, 2/2024' },
  { date: '2025-03-31', name: /Idul Fitri 1446/, basis: 'SKB 2025: Idul Fitri 31 Mar – 1 Apr' },
  { date: '2025-04-01', name: /Idul Fitri 1446/, basis: 'SKB 2025' },
  { date: '2025-04-07', name: /Cuti bersama Idul Fitri/, basis: 'SKB 2025: cuti bersama 2, 3, 4, 7 Apr' },
  { date: '2025-06-27', name: /Tahun Baru Islam 1447/, basis: 'SKB 2025' },
  { date: '2025-12-26', name: /Cuti bersama Hari Raya Natal/, basis: 'SKB 2025' },
  { date: '2026-01-16', name: /Isra Mi'raj/, basis: 'SKB 1497/2025, 2/2025, 5/2025' },
  { date: '2026-03-20', name: /Cuti bersama Idul Fitri/, basis: 'SKB 2026' },
  { date: '2026-03-23', name: /Cuti bersama Idul Fitri/, basis: 'SKB 2026: cuti bersama 20, 23, 24 Mar' },
  { date: '2026-05-28', name: /Cuti bersama Idul Adha/, basis: 'SKB 2026' },
  { date: '2026-12-24', name: /Cuti bersama Hari Raya Natal/, basis: 'SKB 2026' },
];

describe('days off by the joint decrees (table, with basis)', () => {
  it.each(DECREED)('$date is off: $name ($basis)', ({ date, name }) => {
    expect(bare.reasonOff(date)).toMatch(name);
  });

  it.each([
    ['2025-03-30', "Sunday; the library's astronomical Idul Fitri, not the decree's"],
    ['2025-06-26', 'a working Thursday: the decree puts Islamic New Year on 27 June'],
    ['2026-08-18', 'a working Tuesday'],
  ])('%s is not a decreed holiday (%s)', (date) => {
    expect(publicHolidays(Number(date.slice(0, 4))).has(date)).toBe(false);
  });

  it('never calls Isra Mi\'raj "Maulid Nabi": each year has one Maulid, in Rabiul Awal', () => {
    for (const year of [2021, 2023, 2024, 2025, 2026, 2027]) {
      const names = [...publicHolidays(year).values()];
      expect(names.filter((n) => /Maulid/.test(n))).toHaveLength(1);
      expect(names.some((n) => /Isra Mi'raj/.test(n))).toBe(true);
    }
  });

  it('counts 17 holidays and 10 / 10 / 8 cuti bersama for 2024 / 2025 / 2026, each with its decree', () => {
    expect(OFFICIAL_YEARS.map((y) => [y.year, y.holidays.length, y.jointLeave.length])).toEqual([
      [2024, 17, 10],
      [2025, 17, 10],
      [2026, 17, 8],
    ]);
    for (const d of officialDaysOff(2026)!) expect(d.basis).toContain('SKB Menteri Agama 1497/2025');
    expect(officialDaysOff(2023)).toBeUndefined();
  });

  it('working-day deadlines follow the decree across Lebaran 2025 and 2026', () => {
    // Thu 27 Mar 2025 + 2 working days: 28 Mar cuti, 29–30 weekend/Nyepi, 31 Mar–1 Apr Idul Fitri,
    // 2–4 Apr cuti, 5–6 weekend, 7 Apr cuti: 8 and 9 April.
    expect(addWorkingDays('2025-03-27', 2, bare)).toBe('2025-04-09');
    // Tue 17 Mar 2026 + 1: 18 cuti Nyepi, 19 Nyepi, 20 cuti, 21–22 Idul Fitri (weekend), 23–24 cuti: 25 March.
    expect(addWorkingDays('2026-03-17', 1, bare)).toBe('2026-03-25');
    // + 7: 25, 26, 27, 30, 31 March, 1 and 2 April (3 April is Good Friday).
    expect(deadlineDate('2026-03-17', PEMILU_2024.rulebook.reportWindow, bare)).toBe('2026-04-02');
  });
});
