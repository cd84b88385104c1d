import { describe, expect, it } from 'vitest';
import { addDays, addMonths, assertIsoDate, dateInTimeZone, daysBetween, endOfMonth, isIsoDate, weekday } from './iso-date.ts';

describe('ISO dates', () => {
  it('validates real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('01-10-2024')).toBe(false);
    expect(() => assertIsoDate('2024-02-30')).toThrow(/calendar date/);
  });

  it('does day and month arithmetic across month and year ends', () => {
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-09-22', '2024-11-27')).toBe(66);
    expect(endOfMonth('2024-09-22')).toBe('2024-09-30');
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(addMonths('2024-09-22', -6)).toBe('2024-03-22');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(weekday('2024-11-27')).toBe(3);
  });

  it('takes "today" in the region\'s own time zone', () => {
    const instant = new Date('2024-11-26T16:30:00Z'); // 23:30 WIB, 00:30 WITA, 01:30 WIT
    expect(dateInTimeZone(instant, 'Asia/Jakarta')).toBe('2024-11-26');
    expect(dateInTimeZone(instant, 'Asia/Makassar')).toBe('2024-11-27');
    expect(dateInTimeZone(instant, 'Asia/Jayapura')).toBe('2024-11-27');
  });
});
