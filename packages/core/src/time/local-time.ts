/**
 * One time, labelled: every moment shown to a person (console, letters, exports, receipts) is
 * written in the region's own zone with the zone named — WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).
 * The region's zone comes from `timeZoneOfRegion` (regions/region-code.ts, by province).
 *
 * And the reception rule: Bawaslu receives reports in office hours (the rulebook's
 * `receptionHours`); a report filed at or after closing time counts as received the next day.
 * `receptionOf` both applies the rule and says why, so the receipt's explanation and the stored
 * date can never disagree.
 */
import { addDays, dateInTimeZone, type IsoDate } from './iso-date.ts';

type Lang = 'id' | 'en';

/** The abbreviations Indonesians use for their three zones. */
export const TIME_ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** "WIB", "WITA", "WIT" (another zone: its IANA name). */
export function zoneAbbreviation(timeZone: string): string {
  return TIME_ZONE_ABBREVIATIONS[timeZone] ?? timeZone;
}

const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The wall-clock parts of `instant` in `timeZone`. */
/** One formatter per zone: building one costs far more than using it (see dateInTimeZone). */
const clockFormats = new Map<string, Intl.DateTimeFormat>();

export function localParts(instant: Date, timeZone: string): { date: IsoDate; hour: number; minute: number; second: number } {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, format);
  }
  // The last answer per zone, by the second (issue 11, sixth pass: a surge's filings ask for the
  // same second many times; formatToParts allocates a dozen objects each time). Exact: the parts
  // cannot change within a second. Frozen: callers share it.
  const second = Math.floor(instant.getTime() / 1000);
  const last = lastParts.get(timeZone);
  if (last && last.second === second) return last.parts;
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const answer = Object.freeze({ date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) });
  lastParts.set(timeZone, { second, parts: answer });
  return answer;
}
const lastParts = new Map<string, { second: number; parts: { date: IsoDate; hour: number; minute: number; second: number } }>();

const pad = (n: number) => String(n).padStart(2, '0');

/** "20:50" in the zone (24-hour clock). */
export function localClock(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** A calendar date in words: "4 Desember 2026" / "4 December 2026". */
export function formatLongDate(date: IsoDate, language: Lang = 'id'): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[language][m - 1]} ${y}`;
}

export interface LocalDateTimeOptions {
  language?: Lang;
  /** `long` (default): "4 Desember 2026 pukul 20.50 WIB"; `sortable`: "2026-12-04 20:50 WIB" (exports). */
  style?: 'long' | 'sortable';
  seconds?: boolean;
}

/**
 * A moment in the zone, with the zone named: "4 Desember 2026 pukul 20.50 WIB",
 * "4 December 2026, 20:50 WIB", or sortable "2026-12-04 20:50 WIB" for exports.
 */
export function formatLocalDateTime(date: Date | string, timeZone: string, options: LocalDateTimeOptions = {}): string {
  const instant = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a moment: ${String(date)}`);
  const { language = 'id', style = 'long', seconds = false } = options;
  const p = localParts(instant, timeZone);
  const zone = zoneAbbreviation(timeZone);
  const sep = style === 'sortable' || language === 'en' ? ':' : '.';
  const clock = `${pad(p.hour)}${sep}${pad(p.minute)}${seconds ? `${sep}${pad(p.second)}` : ''}`;
  if (style === 'sortable') return `${p.date} ${clock} ${zone}`;
  return language === 'id' ? `${formatLongDate(p.date, 'id')} pukul ${clock} ${zone}` : `${formatLongDate(p.date, 'en')}, ${clock} ${zone}`;
}

/** Reception hours of a rulebook, local "HH:MM" (e.g. Pilkada: 08:00–16:00). */
export interface ReceptionHours {
  from: string;
  to: string;
}

export interface Reception {
  /** The day the report counts as received. */
  receivedOn: IsoDate;
  /** The local day it was sent. */
  filedOn: IsoDate;
  /** The local clock time it was sent ("20:50"). */
  filedClock: string;
  zone: string;
  /** Sent at or after closing time: counted from the next day. */
  afterHours: boolean;
  hours: ReceptionHours | null;
  /** Why it counts from `receivedOn`, in both languages. */
  explanation: { id: string; en: string };
}

/**
 * The day a report counts as received, and why. Filed before closing time (also before opening)
 * → that day; at or after closing time → the next calendar day (deadlines then run in the
 * rulebook's counting, so a working-day rulebook still skips a weekend). No reception hours in
 * the rulebook (Pemilu 2024) → the day it was filed.
 */
export function receptionOf(instant: Date, timeZone: string, hours: ReceptionHours | null | undefined): Reception {
  const filedOn = dateInTimeZone(instant, timeZone);
  const filedClock = localClock(instant, timeZone);
  const zone = zoneAbbreviation(timeZone);
  const afterHours = Boolean(hours) && filedClock >= hours!.to;
  const receivedOn = afterHours ? addDays(filedOn, 1) : filedOn;
  const sent = { id: `Dikirim ${formatLongDate(filedOn, 'id')} pukul ${filedClock.replace(':', '.')} ${zone}`, en: `Sent on ${formatLongDate(filedOn, 'en')} at ${filedClock} ${zone}` };
  let explanation: { id: string; en: string };
  if (!hours) {
    explanation = {
      id: `${sent.id}; dihitung diterima pada hari itu juga, ${formatLongDate(receivedOn, 'id')} (aturan pemilihan ini tidak menetapkan jam penerimaan).`,
      en: `${sent.en}; counted as received that same day, ${formatLongDate(receivedOn, 'en')} (this election's rules set no reception hours).`,
    };
  } else if (afterHours) {
    explanation = {
      id: `${sent.id}, setelah jam penerimaan Bawaslu (${hours.from}–${hours.to} ${zone}); dihitung diterima pada hari berikutnya, ${formatLongDate(receivedOn, 'id')}. Tenggat dihitung sejak tanggal itu.`,
      en: `${sent.en}, after Bawaslu's reception hours (${hours.from}–${hours.to} ${zone}); counted as received on the next day, ${formatLongDate(receivedOn, 'en')}. Deadlines run from that date.`,
    };
  } else {
    explanation = {
      id: `${sent.id}, sebelum jam penerimaan Bawaslu berakhir (${hours.to} ${zone}); dihitung diterima pada hari itu, ${formatLongDate(receivedOn, 'id')}.`,
      en: `${sent.en}, before Bawaslu's reception hours ended (${hours.to} ${zone}); counted as received that day, ${formatLongDate(receivedOn, 'en')}.`,
    };
  }
  return { receivedOn, filedOn, filedClock, zone, afterHours, hours: hours ?? null, explanation };
}
