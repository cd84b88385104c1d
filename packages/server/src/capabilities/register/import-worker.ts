/**
 * The CPU half of an ASN import, in a worker thread: read the file, map its header, validate
 * every row (core `validateAsnRow` and the duplicate tracker), and encode each row as a line of
 * COPY text for the staging table. The main thread only forwards the chunks into PostgreSQL, so
 * parsing and validation run on one core while PostgreSQL ingests on the other.
 *
 * Nothing here holds more than one chunk: rows, valid or rejected, leave as soon as they are
 * encoded. Flow control is by credit: at most MAX_IN_FLIGHT chunks wait in the main thread.
 */
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import {
  createDuplicateTracker,
  recordFromCells,
  resolveAsnHeader,
  validateAsnRow,
  type AsnColumnKey,
  type AsnRowContext,
  type NormalisedAsnRow,
} from '@netra/core';
import { csvRecords, type FileRecord } from '../../imports/csv-records.ts';
import { copyField } from '../../imports/copy.ts';
import { xlsxRecords } from '../../imports/xlsx-records.ts';
import { registerReason, type ImportReason } from './reasons.ts';

export interface ImportWorkerInput {
  filePath: string;
  format: 'csv' | 'xlsx';
  today: string;
  defaultRegionCode?: string;
  /** The importer's territory (absent: national). */
  allowedRegionPrefix?: string;
  /** Every registered agency: [code, region code]. */
  agencies: Array<[string, string]>;
  /** For an importer limited to some agencies: their codes. */
  scopeAgencyCodes: string[] | null;
  /** Regency/city codes known to Netra. */
  regencyCodes: string[];
  /** Expected rows (file size / ~130 bytes): sizes the duplicate tracker once. */
  expectedRows: number;
}

export type WorkerMessage =
  | { type: 'header'; header: string[]; delimiter: string | null; missing: AsnColumnKey[]; repeated: AsnColumnKey[]; unknown: string[] }
  | { type: 'chunk'; data: Uint8Array; rows: number; bytesRead: number }
  /** `units`: the distinct [agency code, unit name] pairs of the valid rows. */
  | { type: 'done'; rows: number; valid: number; rejected: number; bytesRead: number; units: Array<[string, string]> }
  | { type: 'failed'; message: string };

export type MainMessage = { type: 'ack' };

/** Columns of the staging table, in COPY order. */
export const STAGING_COLUMNS = [
  'line',
  'nip',
  'name',
  'kind',
  'gender',
  'birth_date',
  'position_title',
  'position_type',
  'grade',
  'agency_code',
  'agency_name',
  'unit',
  'region_code',
  'position_start',
  'active',
  'cells',
  'reasons',
] as const;

const CHUNK_CHARS = 1 << 20;
const MAX_IN_FLIGHT = 4;
const NULLS_FOR_REJECTED = '\t\\N'.repeat(STAGING_COLUMNS.length - 3);

function encodeValid(line: number, row: NormalisedAsnRow): string {
  const nip = row.nip;
  // Both identifiers carry the birth date in digits 1–8 and the gender in digit 15.
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  const gender = nip[14] === '2' ? 'female' : 'male';
  return (
    `${line}\t${nip}\t${copyField(row.name)}\t${row.status}\t${gender}\t${birthDate}\t${copyField(row.positionTitle)}\t${row.positionType}` +
    `\t${copyField(row.grade)}\t${copyField(row.agencyCode)}\t${copyField(row.agencyName)}\t${copyField(row.unit)}\t${row.regionCode}` +
    `\t${row.positionStart ?? '\\N'}\t${row.active ? 't' : 'f'}\t\\N\t\\N\n`
  );
}

function encodeRejected(line: number, cells: string[], reasons: readonly ImportReason[]): string {
  return `${line}${NULLS_FOR_REJECTED}\t${copyField(JSON.stringify(cells))}\t${copyField(JSON.stringify(reasons))}\n`;
}

export async function runImportWorker(input: ImportWorkerInput, port: NonNullable<typeof parentPort>): Promise<void> {
  let credits = MAX_IN_FLIGHT;
  let waiting: (() => void) | null = null;
  port.on('message', (message: MainMessage) => {
    if (message.type !== 'ack') return;
    credits += 1;
    waiting?.();
    waiting = null;
  });

  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.length;
      callback(null, chunk);
    },
  });
  const file = fs.createReadStream(input.filePath, { highWaterMark: 1 << 20 });
  file.on('error', (error) => counter.destroy(error));
  file.pipe(counter);
  let delimiter: string | null = null;
  const records: AsyncIterable<FileRecord> =
    input.format === 'csv' ? csvRecords(counter, { onDelimiter: (d) => (delimiter = d) }) : xlsxRecords(counter);

  const agencyRegion = new Map(input.agencies);
  const scopeAgencies = input.scopeAgencyCodes ? new Set(input.scopeAgencyCodes) : null;
  const context: AsnRowContext = {
    today: input.today,
    defaultRegionCode: input.defaultRegionCode,
    knownAgencyCodes: (code) => agencyRegion.has(code),
    allowedRegionPrefix: input.allowedRegionPrefix,
    knownRegionCodes: new Set(input.regencyCodes),
  };
  const tracker = createDuplicateTracker(input.expectedRows);
  // A few hundred units per agency at most: collected here saves the merge a pass over every row.
  const units = new Map<string, Set<string>>();

  let columns: Array<AsnColumnKey | null> | null = null;
  let buffer = '';
  let bufferedRows = 0;
  let rows = 0;
  let valid = 0;
  let rejected = 0;

  const flush = async () => {
    if (buffer === '') return;
    while (credits === 0) await new Promise<void>((resolve) => (waiting = resolve));
    credits -= 1;
    const data = new TextEncoder().encode(buffer);
    port.postMessage({ type: 'chunk', data, rows: bufferedRows, bytesRead } satisfies WorkerMessage, [data.buffer]);
    buffer = '';
    bufferedRows = 0;
  };

  for await (const record of records) {
    if (columns === null) {
      const header = resolveAsnHeader(record.cells, { defaultRegionCode: input.defaultRegionCode });
      port.postMessage({
        type: 'header',
        header: record.cells,
        delimiter,
        missing: header.missing,
        repeated: header.repeated,
        unknown: header.unknown,
      } satisfies WorkerMessage);
      if (!header.ok) {
        file.destroy();
        return;
      }
      columns = header.columns;
      continue;
    }
    rows += 1;
    bufferedRows += 1;
    const result = validateAsnRow(recordFromCells(record.cells, columns), context);
    let reasons: ImportReason[] | null = result.ok ? null : result.reasons;
    if (result.ok) {
      const row = result.row;
      const agencyRegionCode = agencyRegion.get(row.agencyCode)!;
      if (scopeAgencies && !scopeAgencies.has(row.agencyCode)) {
        reasons = [registerReason.agencyOutsideScope(row.agencyCode)];
      } else if (row.regionCode !== agencyRegionCode && !row.regionCode.startsWith(`${agencyRegionCode}.`)) {
        reasons = [registerReason.agencyRegionMismatch(row.agencyCode, agencyRegionCode, row.regionCode)];
      } else {
        // Only rows that would be stored claim their NIP: a rejected first occurrence does not
        // shadow a valid later one.
        const duplicate = tracker.check(row.nip, record.line);
        if (duplicate) reasons = [duplicate];
      }
      if (reasons === null) {
        valid += 1;
        buffer += encodeValid(record.line, row);
        let agencyUnits = units.get(row.agencyCode);
        if (!agencyUnits) units.set(row.agencyCode, (agencyUnits = new Set()));
        agencyUnits.add(row.unit);
      }
    }
    if (reasons !== null) {
      rejected += 1;
      buffer += encodeRejected(record.line, record.cells, reasons);
    }
    if (buffer.length >= CHUNK_CHARS) await flush();
  }
  if (columns === null) {
    // An empty file: no header at all.
    port.postMessage({ type: 'header', header: [], delimiter, missing: ['nip'], repeated: [], unknown: [] } satisfies WorkerMessage);
    return;
  }
  await flush();
  const unitPairs = [...units].flatMap(([agency, names]) => [...names].map((name): [string, string] => [agency, name]));
  port.postMessage({ type: 'done', rows, valid, rejected, bytesRead, units: unitPairs } satisfies WorkerMessage);
}

if (parentPort) {
  const port = parentPort;
  runImportWorker(workerData as ImportWorkerInput, port).catch((error: unknown) => {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  });
}
