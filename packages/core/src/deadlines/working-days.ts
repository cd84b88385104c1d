/**
 * Deadline arithmetic in calendar days and Indonesian working days. Days off come from the
 * government's decrees where Netra has them (holidays-id.ts: libur nasional and cuti bersama per
 * SKB 3 Menteri, 2024–2026), otherwise from `date-holidays` (country ID) with its names corrected;
 * the election's rulebook adds voting days declared holidays by presidential decree and any
 * other day off an administrator records.
 */
import Holidays from 'date-holidays';
import { addDays, daysBetween, weekday, type IsoDate } from '../time/iso-date.ts';
import type { DeadlineRule, NonWorkingDay } from '../elections/types.ts';
import { LIBRARY_NAME_BY_RULE, officialDaysOff } from './holidays-id.ts';

export interface HolidayCalendar {
  isHoliday(date: IsoDate): boolean;
  /** Why a date is not a working day (weekend, holiday name, rulebook reason), or null. */
  reasonOff(date: IsoDate): string | null;
}

const publicHolidaysByYear = new Map<number, Map<IsoDate, string>>();
/** Made on first use: the holiday data is large, and most processes never need it (a server start, for one). */
let holidayLibrary: Holidays | null = null;

/**
 * Days off of a year, by date with their name: the decree's holidays and cuti bersama when the
 * year is in holidays-id.ts, else the library's public holidays (memoised: the library computes
 * lunar dates on every call).
 */
export function publicHolidays(year: number): Map<IsoDate, string> {
  let holidays = publicHolidaysByYear.get(year);
  if (!holidays) {
    holidays = new Map();
    const decreed = officialDaysOff(year);
    if (decreed) {
      for (const d of decreed) holidays.set(d.date, d.name);
    } else {
      holidayLibrary ??= new Holidays('ID');
      for (const h of holidayLibrary.getHolidays(year, 'id')) {
        if (h.type === 'public') holidays.set(h.date.slice(0, 10), LIBRARY_NAME_BY_RULE[h.rule] ?? h.name);
      }
    }
    publicHolidaysByYear.set(year, holidays);
  }
  return holidays;
}

export function holidayCalendar(extraNonWorkingDays: readonly NonWorkingDay[] = []): HolidayCalendar {
  const extra = new Map(extraNonWorkingDays.map((d) => [d.date, d.reason]));
  const holidayName = (date: IsoDate) => extra.get(date) ?? publicHolidays(Number(date.slice(0, 4))).get(date) ?? null;
  return {
    isHoliday: (date) => holidayName(date) !== null,
    reasonOff(date) {
      const name = holidayName(date);
      if (name) return name;
      const day = weekday(date);
      return day === 0 ? 'Minggu' : day === 6 ? 'Sabtu' : null;
    },
  };
}

export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  return calendar.reasonOff(date) === null;
}

/**
 * The n-th working day after `from` (the day of the event itself is not counted, as in
 * "within 7 working days of receipt"). n = 0 returns `from`.
 */
export function addWorkingDays(from: IsoDate, n: number, calendar: HolidayCalendar): IsoDate {
  if (n < 0) throw new RangeError('Working days to add must be zero or more');
  let date = from;
  let remaining = n;
  while (remaining > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) remaining -= 1;
  }
  return date;
}

/** Working days strictly after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (isWorkingDay(date, calendar)) count += 1;
  }
  return count;
}

/**
 * The last day on which the act is still in time. Calendar-day rules count every day,
 * including holidays (Pilkada, Bawaslu 2024); working-day rules skip weekends and holidays.
 */
export function deadlineDate(from: IsoDate, rule: Pick<DeadlineRule, 'days' | 'counting'>, calendar: HolidayCalendar): IsoDate {
  return rule.counting === 'calendar' ? addDays(from, rule.days) : addWorkingDays(from, rule.days, calendar);
}

export interface DeadlineStatus {
  due: IsoDate;
  /** Days left until the due date in the rule's own counting (0 = due today; negative = overdue). */
  remaining: number;
  overdue: boolean;
  counting: DeadlineRule['counting'];
}

export function deadlineStatus(
  from: IsoDate,
  rule: Pick<DeadlineRule, 'days' | 'counting'>,
  today: IsoDate,
  calendar: HolidayCalendar,
): DeadlineStatus {
  const due = deadlineDate(from, rule, calendar);
  const remaining =
    rule.counting === 'calendar'
      ? daysBetween(today, due)
      : workingDaysBetween(today, due, calendar);
  return { due, remaining, overdue: today > due, counting: rule.counting };
}
