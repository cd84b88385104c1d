/**
 * How the web app writes dates, times and numbers for people: one place, so that the same figure
 * or date reads the same on every page. Indonesian pages follow id-ID (1.234, 12 Agu 2024, 14.05),
 * English pages en-GB (1,234, 12 Aug 2024, 14:05).
 *
 * Moments shown to a person name their zone: `formatZoned` writes them in the case region's zone
 * (WIB, WITA or WIT, from core's `timeZoneOfRegion`) with the zone's name; a moment with no region
 * of its own is written in the zone of the viewer's scope (`zoneOfScope`; national: WIB).
 *
 * A leaf of the web app: it imports only the core's pure region and time functions, so
 * lib/i18n.tsx can re-export from it without a circle.
 */
import { timeZoneOfRegion } from '@netra/core/regions/region-code';
import { zoneAbbreviation } from '@netra/core/time/local-time';

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
 * A moment (ISO timestamp). Without `options`: medium date and short time in Western Indonesian
 * Time with the zone named ("12 Agu 2024, 14.05 WIB"), never the browser's own zone; a moment of
 * a region is better written with `formatZoned(iso, regionCode, …)`. With `options`: exactly the
 * parts asked for (a caller that shows a time names its zone).
 */
export function formatDateTime(iso: string, language: Language, options?: Intl.DateTimeFormatOptions): string {
  if (!options) return formatZoned(iso, 'Asia/Jakarta', language);
  return new Intl.DateTimeFormat(localeOf(language), options).format(new Date(iso));
}

/**
 * A moment in Western Indonesian Time, marked "WIB": when data was refreshed, as officials and the
 * public read it wherever their browser is.
 */
export function formatInstant(iso: string, language: Language, dateStyle: 'medium' | 'long' = 'medium'): string {
  return `${formatDateTime(iso, language, { dateStyle, timeStyle: 'short', timeZone: 'Asia/Jakarta' })} WIB`;
}

/** The IANA zone of a region code ("35.10" → Asia/Jakarta, "64" → Asia/Makassar, "94.71" → Asia/Jayapura). */
export const zoneOfRegion = (regionCode: string): string => timeZoneOfRegion(regionCode);

/** The zone of a staff member's scope: their region's, or WIB for a national scope. */
export const zoneOfScope = (scope: { kind: string; regionCode?: string | null }): string =>
  scope.kind !== 'national' && scope.regionCode ? timeZoneOfRegion(scope.regionCode) : 'Asia/Jakarta';

/**
 * A moment in an Indonesian zone with the zone named: "4 Des 2026, 20.50 WITA". `timeZone` is an
 * IANA zone or a region code. `time` only: "20.50 WITA".
 */
export function formatZoned(iso: string, timeZone: string, language: Language, parts: 'datetime' | 'time' | 'long' = 'datetime'): string {
  const zone = /^\d{2}(\.\d{2})*$/.test(timeZone) ? timeZoneOfRegion(timeZone) : timeZone;
  const options: Intl.DateTimeFormatOptions =
    parts === 'time' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { dateStyle: parts === 'long' ? 'long' : 'medium', timeStyle: 'short', hourCycle: 'h23' };
  return `${new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone: zone }).format(new Date(iso))} ${zoneAbbreviation(zone)}`;
}

/** A moment with seconds, as in logs and histories, in WIB with the zone named ("12/8/2024, 14.05.09 WIB"). */
export const formatTimestamp = (iso: string, language: Language): string =>
  `${new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23', timeZone: 'Asia/Jakarta' }).format(new Date(iso))} WIB`;

/** A count with the locale's grouping ("1.234"); a missing count reads as 0. */
export const formatCount = (n: number | null, language: Language): string => (n ?? 0).toLocaleString(localeOf(language));

/** A share (0..1) as a percentage: one decimal under 10 %, none above; "–" when there is none. */
export const formatShare = (share: number | null, language: Language): string =>
  share === null ? '–' : `${(share * 100).toLocaleString(localeOf(language), { maximumFractionDigits: share < 0.1 ? 1 : 0 })}%`;
