/** Running an export through the API and reading its file back (CSV rows, XLSX rows and cover sheet). */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { StaffClient } from './staff.ts';

export interface ExportJobView {
  id: string;
  status: string;
  rowsTotal: number | null;
  rowsWritten: number;
  downloadUrl: string | null;
  fileName: string | null;
}

export async function exportOf(client: StaffClient, source: string, format: 'csv' | 'xlsx', filter: Record<string, unknown>) {
  const res = await client.post('/api/v1/exports', { source, format, filter });
  return { status: res.statusCode, job: res.json() as ExportJobView, body: res.body };
}

export async function download(client: StaffClient, job: ExportJobView) {
  const res = await client.get(job.downloadUrl!);
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

export async function csvRows(client: StaffClient, job: ExportJobView): Promise<string[][]> {
  const res = await download(client, job);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  return parse(res.rawPayload, { bom: true }) as string[][];
}

export async function xlsxRows(client: StaffClient, job: ExportJobView): Promise<{ rows: unknown[][]; about: Map<string, string> }> {
  const res = await download(client, job);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="netra-.+\.xlsx"$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(res.rawPayload));
  const [data, info] = workbook.worksheets;
  const rows: unknown[][] = [];
  data.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const about = new Map<string, string>();
  info.eachRow((row) => about.set(String(row.getCell(1).value), String(row.getCell(2).value)));
  return { rows, about };
}
