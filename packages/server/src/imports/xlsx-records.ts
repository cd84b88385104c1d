/**
 * Rows of the first worksheet of an XLSX file, read with exceljs' streaming reader: the sheet is
 * never held whole in memory. Cells become the text a person sees (dates as YYYY-MM-DD, formulas
 * as their result), so the same row validators serve CSV and XLSX.
 *
 * A shared-strings table is kept by exceljs for the whole file; XLSX files are regional exports
 * (a sheet holds at most 1,048,576 rows), national files come as CSV.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FileRecord } from './csv-records.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of one cell value as exceljs reads it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  if (value instanceof Date) {
    // Spreadsheet dates have no time zone: exceljs reads them as UTC midnight.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

export async function* xlsxRecords(input: Readable): AsyncGenerator<FileRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      // row.values is 1-based and sparse.
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i]));
      if (cells.every((cell) => cell.trim() === '')) continue;
      yield { line: row.number, cells };
    }
    // Only the first worksheet is the register; the rest (notes, lookups) are ignored.
    break;
  }
}
