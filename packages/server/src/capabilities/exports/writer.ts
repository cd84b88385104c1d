/**
 * Table files written as rows arrive, never held whole: CSV (UTF-8 with a byte-order mark so
 * spreadsheet programs read Indonesian names right) and XLSX through exceljs's streaming writer.
 * In CSV, text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
 * apostrophe; XLSX cells are typed, so text stays text as it is.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';

export type CellValue = string | number | boolean | null;

export interface TableColumn {
  header: string;
  /** Characters, for XLSX. */
  width?: number;
}

export interface TableWriter {
  addRows(rows: readonly CellValue[][]): Promise<void>;
  /** Close the file (XLSX: with a cover sheet of `about`); returns its size in bytes. */
  finish(about: AboutLines): Promise<number>;
}

/** Cover sheet lines (XLSX) — the filter, the scope and the time the file describes. */
export type AboutLines = ReadonlyArray<[string, string]>;

const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvWriter(filePath: string, columns: readonly TableColumn[]): TableWriter {
  const out = fs.createWriteStream(filePath);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let started = write(`\uFEFF${columns.map((c) => csvCell(c.header)).join(',')}\r\n`);
  return {
    async addRows(rows) {
      await started;
      started = write(rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join(''));
      await started;
    },
    async finish() {
      await started;
      out.end();
      await once(out, 'close');
      return fs.statSync(filePath).size;
    },
  };
}

export function xlsxWriter(filePath: string, sheetName: string, columns: readonly TableColumn[]): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Netra';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ key: String(i), width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)) }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  return {
    async addRows(rows) {
      for (const row of rows) sheet.addRow([...row]).commit();
    },
    async finish(about) {
      sheet.commit();
      const info = workbook.addWorksheet('Keterangan');
      info.columns = [{ width: 28 }, { width: 90 }];
      for (const line of about) info.addRow([...line]).commit();
      info.commit();
      await workbook.commit();
      return fs.statSync(filePath).size;
    },
  };
}
