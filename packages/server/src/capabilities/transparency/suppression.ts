/**
 * Small-count suppression for everything the public sees. A count of 1 to 4 about a region can
 * point at a person ("the one teacher in Kecamatan X who…"), so it is shown as "< 5"; zero and
 * counts of 5 or more are exact. This runs on the server: the small number never leaves it.
 *
 * In a table whose total is also shown, one suppressed cell could be recovered by subtracting the
 * others from the total, so a second cell (the smallest other non-zero one) is hidden too
 * (complementary suppression). A rate is a figure too: it is shown only when neither its part nor
 * its complement is small (publicPercent). Figures across different tables are not cross-checked:
 * the public page shows few enough of them that no exact difference of two shown counts isolates
 * a cell (the stage table's two columns, by act and by receipt, are each suppressed as a column).
 */
import type { Language } from '../../http/language.ts';

export const SMALL_COUNT_LIMIT = 5;

export interface PublicCount {
  /** Null when hidden. */
  value: number | null;
  display: string;
  /** 'small': between 1 and 4; 'complementary': hidden so that a small one cannot be derived. */
  hidden: 'small' | 'complementary' | null;
}

const format = (n: number, language: Language) => n.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');

export function publicCount(n: number, language: Language): PublicCount {
  if (n > 0 && n < SMALL_COUNT_LIMIT) return { value: null, display: `< ${SMALL_COUNT_LIMIT}`, hidden: 'small' };
  return { value: n, display: format(n, language), hidden: null };
}

const COMPLEMENTARY: PublicCount = { value: null, display: '*', hidden: 'complementary' };

/** The cells of one column whose total is published alongside. */
export function publicColumn(values: readonly number[], language: Language): PublicCount[] {
  const cells = values.map((n) => publicCount(n, language));
  const small = cells.filter((c) => c.hidden === 'small').length;
  if (small !== 1) return cells;
  let partner = -1;
  values.forEach((n, i) => {
    if (cells[i].hidden === null && n > 0 && (partner < 0 || n < values[partner])) partner = i;
  });
  if (partner >= 0) cells[partner] = COMPLEMENTARY;
  return cells;
}

const isSmall = (n: number) => n > 0 && n < SMALL_COUNT_LIMIT;

/**
 * A percentage only when neither it nor its complement can give away a small count: the whole
 * must be at least five, and the part and the rest (whole − part) each 0 or at least five.
 * (5 proven, 80 % followed up would tell 4 sanctions; 9 recommended, 55.6 % would tell 4 not
 * followed up.) Otherwise nothing.
 */
export function publicPercent(part: number, whole: number): number | null {
  if (whole < SMALL_COUNT_LIMIT || isSmall(part) || isSmall(whole - part)) return null;
  return Math.round((part / whole) * 1000) / 10;
}
