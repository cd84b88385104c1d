import { PEMILU_2024, PILKADA_2024 } from '@netra/core';
import { describe, expect, it } from 'vitest';
import { receptionDate } from './reception.ts';

const hours = PILKADA_2024.rulebook.receptionHours;

describe('receptionDate: the day a report counts as received', () => {
  it('is the filing day until 16:00 local time, the next day from 16:00', () => {
    expect(receptionDate(new Date('2024-10-01T08:59:00Z'), 'Asia/Jakarta', hours)).toBe('2024-10-01'); // 15:59 WIB
    expect(receptionDate(new Date('2024-10-01T09:00:00Z'), 'Asia/Jakarta', hours)).toBe('2024-10-02'); // 16:00 WIB
    expect(receptionDate(new Date('2024-10-01T16:59:00Z'), 'Asia/Jakarta', hours)).toBe('2024-10-02'); // 23:59 WIB
  });

  it('counts a report filed before opening time on that same day', () => {
    expect(receptionDate(new Date('2024-10-01T17:30:00Z'), 'Asia/Jakarta', hours)).toBe('2024-10-02'); // 00:30 WIB on the 2nd
  });

  it('reads the hours in the region’s own time zone (WITA, WIT)', () => {
    const instant = new Date('2024-10-01T07:30:00Z'); // 14:30 WIB, 15:30 WITA, 16:30 WIT
    expect(receptionDate(instant, 'Asia/Jakarta', hours)).toBe('2024-10-01');
    expect(receptionDate(instant, 'Asia/Makassar', hours)).toBe('2024-10-01');
    expect(receptionDate(instant, 'Asia/Jayapura', hours)).toBe('2024-10-02');
  });

  it('is simply the filing day when the rulebook sets no reception hours (Pemilu 2024)', () => {
    expect(PEMILU_2024.rulebook.receptionHours).toBeUndefined();
    expect(receptionDate(new Date('2024-02-15T12:00:00Z'), 'Asia/Jakarta', undefined)).toBe('2024-02-15');
  });
});
