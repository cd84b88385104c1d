/**
 * The time a reporter has to file after the violation became known (Pilkada 7 days, Pemilu
 * 7 working days; FACTS.md §3). The public form warns a late reporter before they submit; a late
 * report fails the formal requirement "filed in time".
 */
import type { IsoDate } from '../time/iso-date.ts';
import type { DeadlineRule, Rulebook } from '../elections/types.ts';
import { deadlineStatus, holidayCalendar, isWorkingDay } from '../deadlines/working-days.ts';

interface ReportWindowCommon {
  /** The last day on which the report is in time. */
  lastDay: IsoDate;
  counting: DeadlineRule['counting'];
  basis: string;
}

export type ReportWindowStatus =
  | (ReportWindowCommon & { withinWindow: true; /** Days left after the filing day, in the rule's counting. */ remaining: number })
  | (ReportWindowCommon & { withinWindow: false; /** Days after the last day, in the rule's counting. */ daysLate: number });

export function reportWindowStatus(
  violationKnownDate: IsoDate,
  filedDate: IsoDate,
  rulebook: Pick<Rulebook, 'reportWindow' | 'extraNonWorkingDays'>,
): ReportWindowStatus {
  if (filedDate < violationKnownDate) {
    throw new RangeError(`A report cannot be filed (${filedDate}) before the violation became known (${violationKnownDate})`);
  }
  const rule = rulebook.reportWindow;
  const calendar = holidayCalendar(rulebook.extraNonWorkingDays);
  const status = deadlineStatus(violationKnownDate, rule, filedDate, calendar);
  const common = { lastDay: status.due, counting: rule.counting, basis: rule.basis };
  if (!status.overdue) return { ...common, withinWindow: true, remaining: status.remaining };
  // In working days, a report filed on a day off counts from the next working day: filed on the
  // Saturday after a Friday deadline it is one working day late, not zero.
  const filedOnDayOff = rule.counting === 'working' && !isWorkingDay(filedDate, calendar);
  return { ...common, withinWindow: false, daysLate: -status.remaining + (filedOnDayOff ? 1 : 0) };
}
