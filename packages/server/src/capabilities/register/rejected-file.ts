/**
 * The rejected-rows file of an import, in the format the officer uploaded (CSV with the same
 * delimiter, or XLSX) and with the same columns in the same order, plus `alasan_penolakan`: fix
 * the cells, delete the reason column or not (it is ignored), and import the file again.
 * Rows are read from the database page by page and streamed out, so a file with a million
 * rejected rows costs no more memory than one with ten.
 */
import { PassThrough, Readable } from 'node:stream';
import { asnRowToRecord, resolveAsnHeader, type AsnColumnKey, type Localised, type NormalisedAsnRow } from '@netra/core';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import { reasonsText, type ImportReason } from './reasons.ts';
import { rejectedRowsAfter } from './repository.ts';

export const REASON_COLUMN = 'alasan_penolakan';
const PAGE = 5000;

interface ImportFileShape {
  id: string;
  file_name: string;
  file_format: 'csv' | 'xlsx';
  header: string[] | null;
  delimiter: string | null;
}

type RejectRow = { line: number; cells: string[] | null; record: Record<string, unknown> | null; reasons: unknown };

async function* rejectPages(db: Db, importId: string): AsyncGenerator<RejectRow[]> {
  let after = 0;
  for (;;) {
    const rows = await rejectedRowsAfter(db, importId, after, PAGE);
    if (rows.length === 0) return;
    yield rows as RejectRow[];
    after = rows[rows.length - 1].line;
  }
}

/** The row's cells in the file's own column order. */
function cellsOf(row: RejectRow, header: string[], columns: Array<AsnColumnKey | null>): string[] {
  if (row.cells) return header.map((_, i) => row.cells![i] ?? '');
  // Refused by the register check: rebuilt from the normalised values, which read back the same.
  const values = asnRowToRecord(row.record as unknown as NormalisedAsnRow);
  return columns.map((key) => (key === null ? '' : values[key]));
}

function delimitedLine(values: readonly string[], delimiter: string): string {
  return values
    .map((value) => (value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value))
    .join(delimiter);
}

export function rejectedFileName(fileName: string, format: 'csv' | 'xlsx'): string {
  const base = fileName.replace(/\.(csv|xlsx)$/i, '');
  return `${base}-ditolak.${format}`;
}

export function rejectedFile(db: Db, file: ImportFileShape, language: keyof Localised): Readable {
  const header = file.header ?? [];
  const columns = resolveAsnHeader(header).columns;
  const rows = async function* () {
    for await (const page of rejectPages(db, file.id)) {
      for (const row of page) yield [...cellsOf(row, header, columns), reasonsText(row.reasons as ImportReason[], language)];
    }
  };
  if (file.file_format === 'csv') {
    const delimiter = file.delimiter ?? ',';
    return Readable.from(
      (async function* () {
        // A byte order mark so Excel opens the UTF-8 file with its accents intact.
        yield `\uFEFF${delimitedLine([...header, REASON_COLUMN], delimiter)}\r\n`;
        for await (const values of rows()) yield `${delimitedLine(values, delimiter)}\r\n`;
      })(),
    );
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Ditolak');
  (async () => {
    sheet.addRow([...header, REASON_COLUMN]).commit();
    for await (const values of rows()) sheet.addRow(values).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}
