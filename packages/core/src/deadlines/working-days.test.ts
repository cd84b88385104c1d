import { describe, expect, it } from 'vitest';
import { PEMILU_2024, PILKADA_2024 } from '../elections/catalog.ts';
import {
  addWorkingDays,
  deadlineDate,
  deadlineStatus,
  holidayCalendar,
  isWorkingDay,
  publicHolidays,
  workingDaysBetween,
} from './working-days.ts';

const pilkada = holidayCalendar(PILKADA_2024.rulebook.extraNonWorkingDays);
const pemilu = holidayCalendar(PEMILU_2024.rulebook.extraNonWorkingDays);
const bare = holidayCalendar();

describe('Indonesian working days', () => {
  it('knows weekends and public holidays from date-holidays', () => {
    expect(isWorkingDay('2024-08-17', bare)).toBe(false); // Independence Day (Saturday anyway)
    expect(isWorkingDay('2024-12-25', bare)).toBe(false);
    expect(isWorkingDay('2024-05-01', bare)).toBe(false);
    expect(isWorkingDay('2024-10-05', bare)).toBe(false); // Saturday
    expect(isWorkingDay('2024-10-01', bare)).toBe(true);
    expect(publicHolidays(2024).get('2024-04-10')).toBeTruthy();
  });

  it('adds the rulebook days: the voting day and cuti bersama', () => {
    expect(isWorkingDay('2024-11-27', bare)).toBe(true);
    expect(isWorkingDay('2024-11-27', pilkada)).toBe(false);
    expect(pilkada.reasonOff('2024-11-27')).toContain('pemungutan suara');
    expect(isWorkingDay('2024-02-14', pemilu)).toBe(false);
    expect(isWorkingDay('2024-04-12', pemilu)).toBe(false);
  });

  it('counts across Idul Fitri 2024 and its cuti bersama, which every calendar knows from the decree', () => {
    // Fri 5 Apr + 3 working days: 8–12 and 15 April are off, so 16, 17, 18.
    expect(addWorkingDays('2024-04-05', 3, pemilu)).toBe('2024-04-18');
    expect(addWorkingDays('2024-04-05', 3, bare)).toBe('2024-04-18');
    expect(workingDaysBetween('2024-04-05', '2024-04-18', pemilu)).toBe(3);
    expect(workingDaysBetween('2024-04-18', '2024-04-05', pemilu)).toBe(-3);
  });

  it('adding zero working days keeps the date', () => {
    expect(addWorkingDays('2024-04-06', 0, pemilu)).toBe('2024-04-06');
    expect(() => addWorkingDays('2024-04-06', -1, pemilu)).toThrow();
  });
});

describe('deadlines per rulebook', () => {
  it('Pilkada review: 3 calendar days, not moved by the voting-day holiday', () => {
    expect(deadlineDate('2024-11-25', PILKADA_2024.rulebook.review, pilkada)).toBe('2024-11-28');
  });

  it('Pemilu report window: 7 working days skipping the 14 February voting day (UU 7/2017 ps. 454 (6))', () => {
    // Mon 12 Feb: 13, (14 off), 15, 16 (Fri), 19, 20, 21, 22 → 22 Feb.
    expect(deadlineDate('2024-02-12', PEMILU_2024.rulebook.reportWindow, pemilu)).toBe('2024-02-22');
  });

  it('reports days left, due today and overdue', () => {
    const rule = PILKADA_2024.rulebook.review;
    expect(deadlineStatus('2024-10-01', rule, '2024-10-02', pilkada)).toMatchObject({ due: '2024-10-04', remaining: 2, overdue: false });
    expect(deadlineStatus('2024-10-01', rule, '2024-10-04', pilkada)).toMatchObject({ remaining: 0, overdue: false });
    expect(deadlineStatus('2024-10-01', rule, '2024-10-06', pilkada)).toMatchObject({ remaining: -2, overdue: true });
    const working = deadlineStatus('2024-04-05', { days: 3, counting: 'working' }, '2024-04-16', pemilu);
    expect(working).toMatchObject({ due: '2024-04-18', remaining: 2, overdue: false, counting: 'working' });
  });
});
