/**
 * The day a report counts as received. Bawaslu receives reports in office hours (Pilkada:
 * 08:00–16:00 local time, in the election's rulebook). Netra accepts reports at any hour, so that
 * nothing typed at night is lost, and dates them the way a reception desk would: filed before
 * closing time (including before opening) → that day; at or after closing time → the next
 * calendar day. The rule and its explanation (shown on the receipt) are one core function,
 * `receptionOf` (core time/local-time.ts), so what the receipt says is what was applied.
 */
import { receptionOf, type IsoDate, type Rulebook } from '@netra/core';

export { receptionOf };

export function receptionDate(instant: Date, timeZone: string, hours: Rulebook['receptionHours']): IsoDate {
  return receptionOf(instant, timeZone, hours).receivedOn;
}
