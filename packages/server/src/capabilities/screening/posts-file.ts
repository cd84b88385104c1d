/**
 * Reading a file of collected posts, JSONL or CSV, one record at a time: each line becomes a
 * checked post or a rejection with its line number and every reason. Nothing here touches the
 * database; the importer decides what the checked posts refer to (election, region, ASN).
 *
 * Fields (JSONL keys in camelCase or snake_case; CSV header cells the same):
 * platform, handle (or account), url, text, postedAt, kind (post/comment/share/like/follow,
 * default post), mediaUrls (array, or URLs separated by spaces or "|"), asnNip, displayName,
 * agency, regionCode, electionId.
 */
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { isRegionCode, normaliseNip, type Localised } from '@netra/core';
import type { PostKind } from '@netra/core/screening/index';
import { csvRecords } from '../../imports/csv-records.ts';

export const POST_KINDS: readonly PostKind[] = ['post', 'comment', 'share', 'like', 'follow'];
export type PostFileFormat = 'jsonl' | 'csv';

/** A post as the file states it, checked field by field. */
export interface PostDraft {
  line: number;
  platform: string;
  handle: string;
  url: string;
  text: string;
  postedAt: Date;
  kind: PostKind;
  mediaUrls: string[];
  asnNip: string | null;
  displayName: string | null;
  agencyHint: string | null;
  regionCode: string | null;
  electionId: string | null;
}

export interface LineReason {
  code: string;
  message: Localised;
}

export type PostLine = { line: number; draft: PostDraft } | { line: number; reasons: LineReason[] };

const MAX_TEXT = 20_000;
/** A clock a day fast on the monitor's side is not an error; a post dated later than that is. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

const FIELD_ALIASES: Record<string, keyof RawFields> = {
  platform: 'platform',
  handle: 'handle',
  account: 'handle',
  akun: 'handle',
  url: 'url',
  text: 'text',
  teks: 'text',
  postedat: 'postedAt',
  posted_at: 'postedAt',
  time: 'postedAt',
  waktu: 'postedAt',
  kind: 'kind',
  jenis: 'kind',
  mediaurls: 'mediaUrls',
  media_urls: 'mediaUrls',
  media: 'mediaUrls',
  asnnip: 'asnNip',
  asn_nip: 'asnNip',
  nip: 'asnNip',
  displayname: 'displayName',
  display_name: 'displayName',
  name: 'displayName',
  agency: 'agency',
  instansi: 'agency',
  regioncode: 'regionCode',
  region_code: 'regionCode',
  kode_wilayah: 'regionCode',
  electionid: 'electionId',
  election_id: 'electionId',
};

interface RawFields {
  platform?: unknown;
  handle?: unknown;
  url?: unknown;
  text?: unknown;
  postedAt?: unknown;
  kind?: unknown;
  mediaUrls?: unknown;
  asnNip?: unknown;
  displayName?: unknown;
  agency?: unknown;
  regionCode?: unknown;
  electionId?: unknown;
}

function fieldsOf(record: Record<string, unknown>): RawFields {
  const fields: RawFields = {};
  for (const [key, value] of Object.entries(record)) {
    const name = FIELD_ALIASES[key.trim().toLowerCase()];
    if (name && fields[name] === undefined) fields[name] = value;
  }
  return fields;
}

const optionalText = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
};

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const REASONS = {
  badJson: (detail: string): LineReason => ({ code: 'bad_json', message: { id: `Baris bukan JSON yang sah (${detail}).`, en: `The line is not valid JSON (${detail}).` } }),
  notObject: (): LineReason => ({ code: 'bad_json', message: { id: 'Baris harus berupa objek JSON {…}.', en: 'The line must be a JSON object {…}.' } }),
  missing: (field: string): LineReason => ({ code: `missing_${field}`, message: { id: `Kolom ${field} wajib diisi.`, en: `The ${field} field is required.` } }),
  missingText: (): LineReason => ({ code: 'missing_text', message: { id: 'Teks unggahan kosong.', en: 'The post text is empty.' } }),
  tooLong: (): LineReason => ({ code: 'text_too_long', message: { id: `Teks lebih dari ${MAX_TEXT} karakter.`, en: `The text is over ${MAX_TEXT} characters.` } }),
  unknownKind: (kind: string): LineReason => ({
    code: 'unknown_kind',
    message: { id: `Jenis "${kind}" tidak dikenal; gunakan ${POST_KINDS.join('/')}.`, en: `Unknown kind "${kind}"; use ${POST_KINDS.join('/')}.` },
  }),
  badDate: (value: string): LineReason => ({
    code: 'bad_date',
    message: { id: `Waktu unggah "${value}" tidak dapat dibaca; gunakan ISO 8601 (2024-10-01T08:30:00+07:00).`, en: `Posting time "${value}" cannot be read; use ISO 8601 (2024-10-01T08:30:00+07:00).` },
  }),
  futureDate: (value: string): LineReason => ({ code: 'bad_date', message: { id: `Waktu unggah ${value} ada di masa depan.`, en: `Posting time ${value} is in the future.` } }),
  badUrl: (value: string): LineReason => ({ code: 'bad_url', message: { id: `"${value}" bukan alamat http(s) yang sah.`, en: `"${value}" is not a valid http(s) URL.` } }),
  badMediaUrl: (value: string): LineReason => ({ code: 'bad_media_url', message: { id: `URL media "${value}" tidak sah.`, en: `Media URL "${value}" is not valid.` } }),
  badPlatform: (value: string): LineReason => ({ code: 'bad_platform', message: { id: `Platform "${value}" tidak sah (huruf, angka, titik, garis).`, en: `Platform "${value}" is not valid (letters, digits, dots, dashes).` } }),
  badRegion: (value: string): LineReason => ({ code: 'bad_region', message: { id: `"${value}" bukan kode wilayah Kemendagri.`, en: `"${value}" is not a Kemendagri region code.` } }),
  badNip: (value: string): LineReason => ({ code: 'bad_nip', message: { id: `NIP "${value}" harus 18 angka.`, en: `NIP "${value}" must be 18 digits.` } }),
};

/** Checks one record's fields; every problem is reported, not just the first. */
export function checkPostRecord(line: number, record: Record<string, unknown>, now: Date): PostLine {
  const f = fieldsOf(record);
  const reasons: LineReason[] = [];
  const platform = optionalText(f.platform)?.toLowerCase() ?? null;
  if (!platform) reasons.push(REASONS.missing('platform'));
  else if (!/^[a-z0-9._-]{1,30}$/.test(platform)) reasons.push(REASONS.badPlatform(platform));
  const handle = optionalText(f.handle)?.replace(/^@+/, '').toLowerCase() ?? null;
  if (!handle) reasons.push(REASONS.missing('handle'));
  const url = optionalText(f.url);
  if (!url) reasons.push(REASONS.missing('url'));
  else if (!isHttpUrl(url)) reasons.push(REASONS.badUrl(url));
  const text = typeof f.text === 'string' || typeof f.text === 'number' ? String(f.text).trim() : '';
  if (!text) reasons.push(REASONS.missingText());
  else if (text.length > MAX_TEXT) reasons.push(REASONS.tooLong());
  const kindText = optionalText(f.kind)?.toLowerCase() ?? 'post';
  const kind = POST_KINDS.find((k) => k === kindText);
  if (!kind) reasons.push(REASONS.unknownKind(kindText));
  const postedText = optionalText(f.postedAt);
  let postedAt: Date | null = null;
  if (!postedText) reasons.push(REASONS.missing('postedAt'));
  else {
    // ISO dates only: Date.parse also accepts "10/01/2024", which reads differently per locale.
    const parsed = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(postedText) ? new Date(postedText) : null;
    if (!parsed || Number.isNaN(parsed.getTime())) reasons.push(REASONS.badDate(postedText));
    else if (parsed.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) reasons.push(REASONS.futureDate(postedText));
    else postedAt = parsed;
  }
  const mediaUrls: string[] = [];
  if (f.mediaUrls !== undefined && f.mediaUrls !== null && f.mediaUrls !== '') {
    const list = Array.isArray(f.mediaUrls) ? f.mediaUrls.map(String) : String(f.mediaUrls).split(/[\s|]+/);
    for (const media of list.map((m) => m.trim()).filter(Boolean)) {
      if (isHttpUrl(media)) mediaUrls.push(media);
      else reasons.push(REASONS.badMediaUrl(media));
    }
  }
  const nipText = optionalText(f.asnNip);
  const asnNip = nipText ? normaliseNip(nipText) : null;
  if (nipText && !/^\d{18}$/.test(asnNip ?? '')) reasons.push(REASONS.badNip(nipText));
  const regionCode = optionalText(f.regionCode);
  if (regionCode && !isRegionCode(regionCode)) reasons.push(REASONS.badRegion(regionCode));

  if (reasons.length > 0) return { line, reasons };
  return {
    line,
    draft: {
      line,
      platform: platform!,
      handle: handle!,
      url: url!,
      text,
      postedAt: postedAt!,
      kind: kind!,
      mediaUrls,
      asnNip,
      displayName: optionalText(f.displayName),
      agencyHint: optionalText(f.agency),
      regionCode,
      electionId: optionalText(f.electionId),
    },
  };
}

/** The format from the file name, else from the first character (a JSON object starts with "{"). */
export function formatOf(fileName: string, firstChunk?: string): PostFileFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (/\.(jsonl|ndjson|json)$/.test(lower)) return 'jsonl';
  return firstChunk?.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

async function* jsonlLines(source: Readable, now: Date): AsyncGenerator<PostLine> {
  const lines = readline.createInterface({ input: source, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, reasons: [REASONS.badJson((error as Error).message)] };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, reasons: [REASONS.notObject()] };
      continue;
    }
    yield checkPostRecord(line, value as Record<string, unknown>, now);
  }
}

async function* csvLines(source: Readable, now: Date): AsyncGenerator<PostLine> {
  let header: string[] | null = null;
  for await (const record of csvRecords(source)) {
    if (!header) {
      header = record.cells.map((c) => c.trim());
      const known = header.filter((h) => FIELD_ALIASES[h.toLowerCase()]);
      if (known.length === 0) {
        yield {
          line: record.line,
          reasons: [{ code: 'bad_header', message: { id: 'Baris judul CSV tidak memuat kolom yang dikenal (platform, handle, url, text, posted_at, kind …).', en: 'The CSV header names no known column (platform, handle, url, text, posted_at, kind …).' } }],
        };
        // Without a header no row can be read; drain so the upload completes.
        source.resume();
        return;
      }
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((name, i) => {
      if (record.cells[i] !== undefined) fields[name] = record.cells[i];
    });
    yield checkPostRecord(record.line, fields, now);
  }
}

/** The checked lines of a posts file, in order. */
export function readPostLines(source: Readable, format: PostFileFormat, now: Date): AsyncGenerator<PostLine> {
  return format === 'csv' ? csvLines(source, now) : jsonlLines(source, now);
}
