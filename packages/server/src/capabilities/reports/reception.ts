/**
 * The day a report counts as received. Bawaslu receives reports in office hours (Pilkada:
 * 08:00–16:00 local time, in the election's rulebook). Netra accepts reports at any hour, so that
 * nothing typed at night is lost, and dates them the way a reception desk would:
 *
 * - filed before closing time (including before opening) → received that day;
 * - filed at or after closing time → received the next calendar day.
 *
 * Deadlines then run from that day in the rulebook's own counting, so a working-day rulebook
 * still skips the weekend that follows. "Local" is the region's time zone (WIB, WITA or WIT).
 * Without reception hours in the rulebook (Pemilu 2024) the filing day is the day of receipt.
 */
import { addDays, dateInTimeZone, type IsoDate, type Rulebook } from '@netra/core';

function localTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

export function receptionDate(instant: Date, timeZone: string, hours: Rulebook['receptionHours']): IsoDate {
  const day = dateInTimeZone(instant, timeZone);
  if (!hours) return day;
  return localTime(instant, timeZone) >= hours.to ? addDays(day, 1) : day;
}
