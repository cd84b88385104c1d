/**
 * What every Netra import file (ASN register, candidates) shares: columns described as data, so
 * the same description drives validation, the documentation page and the downloadable template;
 * header resolution that accepts the spellings personnel systems actually export; and CSV writing.
 */
import type { Localised } from '../elections/types.ts';

export interface ImportColumnSpec<Key extends string> {
  /** The canonical header, as written in Netra's template. */
  key: Key;
  /** Other headers accepted for this column, as personnel systems and spreadsheets spell them. */
  aliases: readonly string[];
  /** 'conditional': required unless `requirementNote` says why it may be left out. */
  required: 'yes' | 'no' | 'conditional';
  requirementNote?: Localised;
  format: Localised;
  example: string;
  description: Localised;
  /** Longest value accepted (characters), matching the database column. */
  maxLength?: number;
}

/** One problem with one cell of an imported row, in both UI languages. */
export interface RowReason<Key extends string, Code extends string> {
  column: Key;
  code: Code;
  message: Localised;
}

export type RowValidation<Value, Key extends string, Code extends string> =
  | { ok: true; row: Value }
  | { ok: false; reasons: Array<RowReason<Key, Code>> };

/**
 * "NIP / NI PPPK", "Nip_Baru", "\uFEFFnip" and "nip baru" all compare equal: lower case, no byte
 * order mark, every run of non-alphanumerics turned into one underscore.
 */
export function normaliseHeaderName(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface HeaderResolution<Key extends string> {
  ok: boolean;
  /** For each column of the file, the canonical key it holds, or null when Netra ignores it. */
  columns: Array<Key | null>;
  /** Required columns the file lacks. */
  missing: Key[];
  /** Headers Netra does not know (ignored, reported so a misspelt required column is noticed). */
  unknown: string[];
  /** Columns present more than once under different spellings: ambiguous, so the file is refused. */
  repeated: Key[];
}

/**
 * Maps a file's header row to canonical keys. Done once per file, so rows can then be read by
 * position without any per-row header lookup.
 */
export function resolveHeader<Key extends string>(
  specs: readonly ImportColumnSpec<Key>[],
  headers: readonly string[],
  requiredKeys: ReadonlySet<Key>,
): HeaderResolution<Key> {
  const byName = new Map<string, Key>();
  for (const spec of specs) {
    for (const name of [spec.key, ...spec.aliases]) byName.set(normaliseHeaderName(name), spec.key);
  }
  const seen = new Set<Key>();
  const repeated: Key[] = [];
  const unknown: string[] = [];
  const columns = headers.map((header) => {
    const key = byName.get(normaliseHeaderName(header)) ?? null;
    if (key === null) {
      if (header.trim() !== '') unknown.push(header);
    } else if (seen.has(key)) {
      repeated.push(key);
    } else {
      seen.add(key);
    }
    return key;
  });
  const missing = [...requiredKeys].filter((key) => !seen.has(key));
  return { ok: missing.length === 0 && repeated.length === 0, columns, missing, unknown, repeated };
}

/**
 * One data row as a record keyed by canonical column, ready for a row validator. `reuse`: a record
 * from an earlier call to overwrite (a bulk import validates millions of rows and keeps none of
 * them); a cell missing from a short row is then undefined, which validators read as empty.
 */
export function recordFromCells<Key extends string>(
  cells: readonly string[],
  columns: ReadonlyArray<Key | null>,
  reuse?: Partial<Record<Key, string>>,
): Partial<Record<Key, string>> {
  const record: Partial<Record<Key, string>> = reuse ?? {};
  for (let i = 0; i < columns.length; i += 1) {
    const key = columns[i];
    if (key !== null) {
      if (i < cells.length) record[key] = cells[i];
      else if (reuse) record[key] = undefined;
    }
  }
  return record;
}

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** RFC 4180 field: quoted only when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

/** A template file: the canonical header and one example row, as offered for download. */
export function templateCsv<Key extends string>(specs: readonly ImportColumnSpec<Key>[]): string {
  return `${csvLine(specs.map((spec) => spec.key))}\n${csvLine(specs.map((spec) => spec.example))}\n`;
}

/** The reason for an empty required cell, worded once for every import. */
export function requiredReason<Key extends string>(column: Key): RowReason<Key, 'required'> {
  return {
    column,
    code: 'required',
    message: { id: `Kolom ${column} wajib diisi.`, en: `Column ${column} is required.` },
  };
}

export function tooLongReason<Key extends string>(column: Key, maxLength: number, length: number): RowReason<Key, 'too_long'> {
  return {
    column,
    code: 'too_long',
    message: {
      id: `Kolom ${column} paling panjang ${maxLength} karakter, bukan ${length}.`,
      en: `Column ${column} holds at most ${maxLength} characters, not ${length}.`,
    },
  };
}
