/**
 * How the web app writes dates, times and numbers for people: one place, so that the same figure
 * or date reads the same on every page. Indonesian pages follow id-ID (1.234, 12 Agu 2024, 14.05),
 * English pages en-GB (1,234, 12 Aug 2024, 14:05).
 *
 * A leaf module: it imports nothing, so lib/i18n.tsx can re-export from it without a circle.
 */

/** The two languages of the app (the same union as `Language` in lib/i18n.tsx). */
type Language = 'id' | 'en';

/** The locale whose conventions a language's pages follow. */
export const localeOf = (language: Language): string => (language === 'id' ? 'id-ID' : 'en-GB');

/** Day, abbreviated month, year: "12 Agu 2024". */
export const SHORT_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
/** Day, month in full, year: "12 Agustus 2024". */
export const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/**
 * A calendar date (`YYYY-MM-DD`, as the API sends dates without a time). Read and written in UTC,
 * so the day never shifts with the browser's time zone.
 */
export function formatDate(date: string, language: Language, options: Intl.DateTimeFormatOptions = SHORT_DATE): string {
  return new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** A range of calendar dates; one date when both ends are the same day. */
export const formatDateRange = (start: string, end: string, language: Language): string =>
  start === end ? formatDate(start, language) : `${formatDate(start, language)} – ${formatDate(end, language)}`;

/**
 * A moment (ISO timestamp) with the given parts, in the browser's time zone unless `options`
 * names one. Default: medium date and short time ("12 Agu 2024, 14.05").
 */
export function formatDateTime(iso: string, language: Language, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(localeOf(language), options).format(new Date(iso));
}

/**
 * A moment in Western Indonesian Time, marked "WIB": when data was refreshed, as officials and the
 * public read it wherever their browser is.
 */
export function formatInstant(iso: string, language: Language, dateStyle: 'medium' | 'long' = 'medium'): string {
  return `${formatDateTime(iso, language, { dateStyle, timeStyle: 'short', timeZone: 'Asia/Jakarta' })} WIB`;
}

/** A moment written with the locale's full default (date and time with seconds), as in logs and histories. */
export const formatTimestamp = (iso: string, language: Language): string => new Date(iso).toLocaleString(localeOf(language));

/** A count with the locale's grouping ("1.234"); a missing count reads as 0. */
export const formatCount = (n: number | null, language: Language): string => (n ?? 0).toLocaleString(localeOf(language));

/** A share (0..1) as a percentage: one decimal under 10 %, none above; "–" when there is none. */
export const formatShare = (share: number | null, language: Language): string =>
  share === null ? '–' : `${(share * 100).toLocaleString(localeOf(language), { maximumFractionDigits: share < 0.1 ? 1 : 0 })}%`;
