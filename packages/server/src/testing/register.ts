/**
 * Register fixtures for tests: agencies in three seed regions, fictional generated rows, and a
 * valid row to plant bad cells into. Every person is generated; no real individual appears.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ASN_COLUMN_KEYS, asnRowToRecord, createRng, csvLine, generateAsnRows, type AsnColumnKey } from '@netra/core';
import { EXAMPLE_TEACHER_ROW } from '@netra/core/register/example-row';
import type { Db } from '../db/database.ts';
import type { StaffClient } from './staff.ts';

export const TEST_AGENCIES = [
  { code: 'PEMKAB-35.10', name: 'Pemerintah Kabupaten Banyuwangi', regionCode: '35.10' },
  { code: 'PEMKAB-16.07', name: 'Pemerintah Kabupaten Banyuasin', regionCode: '16.07' },
  { code: 'PEMPROV-35', name: 'Pemerintah Provinsi Jawa Timur', regionCode: '35' },
] as const;

export async function seedTestAgencies(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .insertInto('agencies')
    .values(TEST_AGENCIES.map((a) => ({ code: a.code, name: a.name, region_code: a.regionCode })))
    .returning(['id', 'code'])
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export type Cells = Record<AsnColumnKey, string>;

/**
 * Fictional rows of one regency, as the canonical columns' cells: rows [from, from + count) of
 * one generated sequence. The generator derives birth date, gender and sequence from the row's
 * index, so calls with disjoint ranges never share a NIP.
 */
export function generatedRows(count: number, regionCode: '35.10' | '16.07', from = 0): Cells[] {
  const agency = TEST_AGENCIES.find((a) => a.regionCode === regionCode)!;
  const rows = generateAsnRows(createRng(7 + from), { count: from + count, regions: [{ code: regionCode, agencies: [agency] }], today: '2024-09-01' });
  return Array.from(rows, asnRowToRecord).slice(from);
}

/** A valid PNS row of a fictional teacher in Banyuwangi; override cells to plant a problem. */
export const validRow = (overrides: Partial<Cells> = {}): Cells => ({ ...EXAMPLE_TEACHER_ROW, ...overrides });

export function csvOf(rows: readonly Cells[], header: readonly string[] = ASN_COLUMN_KEYS): string {
  return [csvLine(header), ...rows.map((row) => csvLine(ASN_COLUMN_KEYS.map((key) => row[key])))].join('\n') + '\n';
}

export function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-register-test-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

export async function uploadRegisterFile(client: StaffClient, name: string, content: string | Buffer, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const encoded = new Response(form);
  return client.request({
    method: 'POST',
    url: '/api/v1/register/imports',
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  });
}

export interface ImportStatus {
  id: string;
  status: string;
  inserted: number | null;
  updated: number | null;
  unchanged: number | null;
  rejected: number | null;
  rowsRead: number;
  error: string | null;
  searchIndexed: boolean;
}

/** Poll the import until it has finished (the console does the same). */
export async function waitForImport(client: StaffClient, id: string, timeoutMs = 60_000): Promise<ImportStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await client.get(`/api/v1/register/imports/${id}`);
    const body = response.json() as ImportStatus;
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`Import ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Upload and wait: the summary of one import. */
export async function importThroughConsole(client: StaffClient, name: string, content: string | Buffer, fields: Record<string, string> = {}) {
  const response = await uploadRegisterFile(client, name, content, fields);
  if (response.statusCode !== 202) throw new Error(`Upload refused ${response.statusCode}: ${response.body}`);
  return waitForImport(client, (response.json() as { id: string }).id);
}
