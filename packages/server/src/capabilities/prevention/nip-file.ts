/**
 * The CSV files prevention accepts: one civil servant per line, by NIP, with the date they signed
 * (pledges) or just the NIP (attendance). Read as a stream in batches, so a national file of
 * millions of lines never sits in memory; every line that cannot be used is reported with its
 * line number and reason, none silently dropped.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { isValidYmd, type Localised } from '@netra/core';

export const BATCH_LINES = 5_000;

export interface NipLine {
  /** 1-based line number in the file. */
  line: number;
  nip: string;
  /** ISO date, when the file has a date column and it parsed. */
  date: string | null;
  /** The date cell as written (for the message when it does not parse). */
  dateText: string;
}

export type LineProblem = 'invalid_nip' | 'invalid_date' | 'future_date' | 'not_in_register' | 'inactive' | 'duplicate';

export const LINE_PROBLEMS: Readonly<Record<LineProblem, Localised>> = {
  invalid_nip: { id: 'NIP harus 18 angka.', en: 'A NIP has 18 digits.' },
  invalid_date: { id: 'Tanggal tidak sah: tulis TTTT-BB-HH atau HH/BB/TTTT.', en: 'Invalid date: write YYYY-MM-DD or DD/MM/YYYY.' },
  future_date: { id: 'Tanggal penandatanganan belum terjadi.', en: 'The signing date is in the future.' },
  not_in_register: { id: 'NIP tidak ada di register ASN wilayah/instansi tugas Anda.', en: 'The NIP is not in the ASN register of your region/agencies.' },
  inactive: { id: 'ASN tercatat tidak aktif.', en: 'The civil servant is recorded as inactive.' },
  duplicate: { id: 'NIP yang sama sudah ada di baris sebelumnya.', en: 'The same NIP is on an earlier line.' },
};

export interface RejectedLine {
  line: number;
  nip: string;
  reason: LineProblem;
  message: string;
}

/** 2024-09-17, 17/09/2024, 17-09-2024 or 17.09.2024 → 2024-09-17; null when not a real date. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, mo, d] = m ? [m[1], m[2], m[3]] : (m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)) ? [m[3], m[2], m[1]] : [null, null, null];
  if (!y || !isValidYmd(Number(y), Number(mo), Number(d))) return null;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** NIPs are often written with spaces (19860926 201505 1 001) or as text with a leading quote. */
export const normaliseNip = (text: string) => text.replace(/[\s'’.-]/g, '');

/**
 * Batches of lines from a CSV (comma, semicolon or tab; an optional header row is recognised by
 * its first cell not being a number).
 */
export async function* nipLineBatches(input: Readable): AsyncGenerator<NipLine[]> {
  const parser = input.pipe(parse({ delimiter: [',', ';', '\t'], relax_column_count: true, skip_empty_lines: true, bom: true, trim: true, info: true }));
  let batch: NipLine[] = [];
  let first = true;
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const [nipCell = '', dateCell = ''] = record.record;
    if (first) {
      first = false;
      if (!/\d/.test(nipCell)) continue;
    }
    batch.push({ line: record.info.lines, nip: normaliseNip(nipCell), date: dateCell ? parseDay(dateCell) : null, dateText: dateCell });
    if (batch.length >= BATCH_LINES) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
