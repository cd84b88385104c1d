/**
 * The CPU half of an ASN import, in worker threads: read (a part of) the file, validate every
 * row (core `validateAsnRow` plus the agency checks), and encode each row as COPY text. The main
 * thread only forwards the chunks into PostgreSQL, so parsing and validation run on every core
 * PostgreSQL leaves free. A large CSV file is cut into parts at record boundaries
 * (`csv-parts.ts`), one worker per part.
 *
 * Two targets:
 *   staging  — every row, valid or rejected (with its reasons), into the import's TEMP staging
 *              table; the set-based merge (merge.repository.ts) takes it from there.
 *   register — a first load into an empty register: valid rows straight into `asn` (no second
 *              write), with id = idBase + line, agency and unit ids resolved here (new units get
 *              ids from the main thread, once per chunk); rejected rows go to a file of COPY text
 *              for `asn_import_rejects`, loaded after the rows.
 *
 * Duplicate NIPs within the file are not tracked here: PostgreSQL finds them set-based (in the
 * staging table, or when the unique index is built), so memory does not grow with the file and
 * parts can be validated independently. Nothing here holds more than one chunk; flow control is
 * by credit: at most MAX_IN_FLIGHT chunks of a worker wait in the main thread.
 */
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parentPort, workerData } from 'node:worker_threads';
import {
  recordFromCells,
  resolveAsnHeader,
  validateAsnRow,
  type AsnColumnKey,
  type AsnRowContext,
  type NormalisedAsnRow,
} from '@netra/core';
import { CsvParser, finalRecords, type CsvDelimiter, type FileRecord } from '../../imports/csv-records.ts';
import { copyField } from '../../imports/copy.ts';
import { xlsxRecords } from '../../imports/xlsx-records.ts';
import { registerReason, type ImportReason } from './reasons.ts';

export interface ImportWorkerInput {
  filePath: string;
  format: 'csv' | 'xlsx';
  /**
   * A CSV part: bytes [start, end) after the header, which the main thread has read, and the
   * records before `start` (line numbers continue from there). Absent: the whole file, header
   * included (XLSX, or a file too small to split).
   */
  part?: { start: number; end: number; startLine: number; delimiter: CsvDelimiter; columns: Array<AsnColumnKey | null> };
  target: 'staging' | 'register';
  /** For target 'register'. */
  register?: { idBase: number; importId: string; rejectsFile: string; units: Array<[agencyId: number, name: string, id: number]> };
  today: string;
  defaultRegionCode?: string;
  /** The importer's territory (absent: national). */
  allowedRegionPrefix?: string;
  /** Every registered agency: [code, region code, id]. */
  agencies: Array<[string, string, number]>;
  /** For an importer limited to some agencies: their codes. */
  scopeAgencyCodes: string[] | null;
  /** Regency/city codes known to Netra. */
  regencyCodes: string[];
}

export type WorkerMessage =
  | { type: 'header'; header: string[]; delimiter: string | null; missing: AsnColumnKey[]; repeated: AsnColumnKey[]; unknown: string[] }
  | { type: 'chunk'; data: Uint8Array; rows: number; bytesRead: number }
  /** Target 'register': ids for units this worker has not seen yet. */
  | { type: 'units'; pairs: Array<[agencyId: number, name: string]> }
  /** `units` (target 'staging'): the distinct [agency code, unit name] pairs of the valid rows. */
  | { type: 'done'; rows: number; valid: number; rejected: number; bytesRead: number; units: Array<[string, string]> }
  | { type: 'failed'; message: string };

export type MainMessage = { type: 'ack' } | { type: 'units'; ids: number[] };

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

/** Columns of `asn` a first load writes, in COPY order (created_at and updated_at default to now()). */
export const REGISTER_COLUMNS = [
  'id',
  'nip',
  'kind',
  'name',
  'gender',
  'birth_date',
  'position_title',
  'position_type',
  'grade',
  'agency_id',
  'unit_id',
  'region_code',
  'active',
  'position_start',
] as const;

/** Columns of `asn_import_rejects` the register target's rejects file holds. */
export const REJECT_COLUMNS = ['import_id', 'line', 'cells', 'reasons'] as const;

const CHUNK_BYTES = 1 << 20;
const READ_BYTES = 1 << 20;
const MAX_IN_FLIGHT = 4;
const NULLS_FOR_REJECTED = '\t\\N'.repeat(STAGING_COLUMNS.length - 3);

// Both identifiers carry the birth date in digits 1–8 and the gender in digit 15.
const birthDateOf = (nip: string) => `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
const genderOf = (nip: string) => (nip[14] === '2' ? 'female' : 'male');

function encodeStaging(line: number, row: NormalisedAsnRow): string {
  const nip = row.nip;
  return (
    `${line}\t${nip}\t${copyField(row.name)}\t${row.status}\t${genderOf(nip)}\t${birthDateOf(nip)}\t${copyField(row.positionTitle)}\t${row.positionType}` +
    `\t${copyField(row.grade)}\t${copyField(row.agencyCode)}\t${copyField(row.agencyName)}\t${copyField(row.unit)}\t${row.regionCode}` +
    `\t${row.positionStart ?? '\\N'}\t${row.active ? 't' : 'f'}\t\\N\t\\N\n`
  );
}

function encodeRegister(id: number, row: NormalisedAsnRow, agencyId: number, unitId: number): string {
  const nip = row.nip;
  return (
    `${id}\t${nip}\t${row.status}\t${copyField(row.name)}\t${genderOf(nip)}\t${birthDateOf(nip)}\t${copyField(row.positionTitle)}\t${row.positionType}` +
    `\t${copyField(row.grade)}\t${agencyId}\t${unitId}\t${row.regionCode}\t${row.active ? 't' : 'f'}\t${row.positionStart ?? '\\N'}\n`
  );
}

function encodeStagingRejected(line: number, cells: string[], reasons: readonly ImportReason[]): string {
  return `${line}${NULLS_FOR_REJECTED}\t${copyField(JSON.stringify(cells))}\t${copyField(JSON.stringify(reasons))}\n`;
}

/** Records of the worker's share of the file, one array per chunk read. */
async function* recordBatches(input: ImportWorkerInput, onBytes: (bytes: number) => void, onDelimiter: (d: CsvDelimiter) => void): AsyncGenerator<FileRecord[]> {
  if (input.format === 'xlsx') {
    const file = fs.createReadStream(input.filePath, { highWaterMark: READ_BYTES });
    file.on('data', (chunk) => onBytes(chunk.length));
    let batch: FileRecord[] = [];
    for await (const record of xlsxRecords(file)) {
      batch.push(record);
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  const part = input.part;
  const parser = new CsvParser(part ? { delimiter: part.delimiter, startLine: part.startLine } : { onDelimiter });
  const decoder = new StringDecoder('utf8');
  // Synchronous reads: the worker has nothing else to do while it waits, and a stream adds a
  // promise and an event per chunk.
  const fd = fs.openSync(input.filePath, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    let position = part?.start ?? 0;
    const end = part?.end ?? Number.POSITIVE_INFINITY;
    for (;;) {
      const want = Math.min(READ_BYTES, end - position);
      const read = want > 0 ? fs.readSync(fd, buffer, 0, want, position) : 0;
      if (read === 0) break;
      position += read;
      onBytes(read);
      const records = parser.push(decoder.write(buffer.subarray(0, read)));
      if (records.length > 0) yield records;
    }
  } finally {
    fs.closeSync(fd);
  }
  const records = finalRecords(parser, decoder);
  if (records.length > 0) yield records;
}

/** `region` lies inside the agency's region (a province agency's regencies), without building a prefix string per row. */
const isWithinAgencyRegion = (region: string, agencyRegion: string) =>
  region.length > agencyRegion.length && region.charCodeAt(agencyRegion.length) === 46 && region.startsWith(agencyRegion);

interface ValidRow {
  line: number;
  row: NormalisedAsnRow;
  agencyId: number;
}

export async function runImportWorker(input: ImportWorkerInput, port: NonNullable<typeof parentPort>): Promise<void> {
  let credits = MAX_IN_FLIGHT;
  let waiting: (() => void) | null = null;
  let unitReply: ((ids: number[]) => void) | null = null;
  port.on('message', (message: MainMessage) => {
    if (message.type === 'units') {
      unitReply?.(message.ids);
      unitReply = null;
      return;
    }
    credits += 1;
    waiting?.();
    waiting = null;
  });

  let bytesRead = 0;
  let delimiter: string | null = input.part?.delimiter ?? null;

  const agencies = new Map(input.agencies.map(([code, region, id]) => [code, { region, id }]));
  const scopeAgencies = input.scopeAgencyCodes ? new Set(input.scopeAgencyCodes) : null;
  const context: AsnRowContext = {
    today: input.today,
    defaultRegionCode: input.defaultRegionCode,
    knownAgencyCodes: (code) => agencies.has(code),
    allowedRegionPrefix: input.allowedRegionPrefix,
    knownRegionCodes: new Set(input.regencyCodes),
  };
  const register = input.target === 'register' ? input.register! : null;
  // Target 'staging': a few hundred units per agency at most, collected here to save the merge a pass over every row.
  const stagingUnits = new Map<string, Set<string>>();
  // Target 'register': unit ids by agency id and name.
  const unitIds = new Map<number, Map<string, number>>();
  for (const [agencyId, name, id] of register?.units ?? []) {
    let names = unitIds.get(agencyId);
    if (!names) unitIds.set(agencyId, (names = new Map()));
    names.set(name, id);
  }
  const rejectsFd = register ? fs.openSync(register.rejectsFile, 'w') : null;

  let columns: Array<AsnColumnKey | null> | null = input.part?.columns ?? null;
  // Overwritten for every row: the validator keeps nothing of it.
  const cellsByColumn: Partial<Record<AsnColumnKey, string>> = {};
  // COPY text is written straight into a byte buffer: concatenating a megabyte of strings and
  // encoding it afterwards cost more than validating the rows.
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  let bufferedRows = 0;
  let rejectsBuffer = '';
  let rows = 0;
  let valid = 0;
  let rejected = 0;

  const flush = async () => {
    if (rejectsFd !== null && rejectsBuffer !== '') {
      fs.writeSync(rejectsFd, rejectsBuffer);
      rejectsBuffer = '';
    }
    if (used === 0) return;
    while (credits === 0) await new Promise<void>((resolve) => (waiting = resolve));
    credits -= 1;
    const data = new Uint8Array(chunk.buffer, chunk.byteOffset, used);
    port.postMessage({ type: 'chunk', data, rows: bufferedRows, bytesRead } satisfies WorkerMessage, [chunk.buffer]);
    chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    used = 0;
    bufferedRows = 0;
  };

  // One line of COPY text: `room` says whether it surely fits (UTF-8 needs at most 3 bytes per
  // UTF-16 unit); if not, the caller awaits a flush first. Synchronous, because a promise per row
  // costs as much as the row.
  const room = (line: string) => used + line.length * 3 <= chunk.length;
  const put = (line: string) => {
    if (used === 0 && line.length * 3 > chunk.length) chunk = Buffer.allocUnsafe(line.length * 3);
    used += chunk.write(line, used);
    bufferedRows += 1;
  };

  /** Ids for the units of `batch` this worker has not met yet: one round trip per chunk at most. */
  const resolveUnits = async (batch: ValidRow[]) => {
    const missing: Array<[number, string]> = [];
    const asked = new Set<string>();
    for (const { row, agencyId } of batch) {
      if (unitIds.get(agencyId)?.has(row.unit)) continue;
      const key = `${agencyId}\u0000${row.unit}`;
      if (asked.has(key)) continue;
      asked.add(key);
      missing.push([agencyId, row.unit]);
    }
    if (missing.length === 0) return;
    const ids = await new Promise<number[]>((resolve) => {
      unitReply = resolve;
      port.postMessage({ type: 'units', pairs: missing } satisfies WorkerMessage);
    });
    missing.forEach(([agencyId, name], i) => {
      let names = unitIds.get(agencyId);
      if (!names) unitIds.set(agencyId, (names = new Map()));
      names.set(name, ids[i]);
    });
  };

  /** A rejected row; awaited only when it fills a chunk (rare), as rejected rows are. */
  const reject = async (record: FileRecord, reasons: ImportReason[]) => {
    rejected += 1;
    if (register) {
      rejectsBuffer += `${register.importId}\t${record.line}\t${copyField(JSON.stringify(record.cells))}\t${copyField(JSON.stringify(reasons))}\n`;
      if (rejectsBuffer.length >= CHUNK_BYTES) await flush();
    } else {
      const line = encodeStagingRejected(record.line, record.cells, reasons);
      if (!room(line)) await flush();
      put(line);
    }
  };

  try {
    for await (const batch of recordBatches(input, (n) => (bytesRead += n), (d) => (delimiter = d))) {
      const accepted: ValidRow[] = [];
      for (const record of batch) {
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
          if (!header.ok) return;
          columns = header.columns;
          continue;
        }
        rows += 1;
        const result = validateAsnRow(recordFromCells(record.cells, columns, cellsByColumn), context);
        if (!result.ok) {
          await reject(record, result.reasons);
          continue;
        }
        const row = result.row;
        const agency = agencies.get(row.agencyCode)!;
        if (scopeAgencies && !scopeAgencies.has(row.agencyCode)) {
          await reject(record, [registerReason.agencyOutsideScope(row.agencyCode)]);
        } else if (row.regionCode !== agency.region && !isWithinAgencyRegion(row.regionCode, agency.region)) {
          await reject(record, [registerReason.agencyRegionMismatch(row.agencyCode, agency.region, row.regionCode)]);
        } else {
          valid += 1;
          accepted.push({ line: record.line, row, agencyId: agency.id });
        }
      }
      if (register) {
        await resolveUnits(accepted);
        for (const { line, row, agencyId } of accepted) {
          const text = encodeRegister(register.idBase + line, row, agencyId, unitIds.get(agencyId)!.get(row.unit)!);
          if (!room(text)) await flush();
          put(text);
        }
      } else {
        for (const { line, row } of accepted) {
          const text = encodeStaging(line, row);
          if (!room(text)) await flush();
          put(text);
          let agencyUnits = stagingUnits.get(row.agencyCode);
          if (!agencyUnits) stagingUnits.set(row.agencyCode, (agencyUnits = new Set()));
          agencyUnits.add(row.unit);
        }
      }
    }
    if (columns === null) {
      // An empty file: no header at all.
      port.postMessage({ type: 'header', header: [], delimiter, missing: ['nip'], repeated: [], unknown: [] } satisfies WorkerMessage);
      return;
    }
    await flush();
  } finally {
    if (rejectsFd !== null) fs.closeSync(rejectsFd);
  }
  const unitPairs = [...stagingUnits].flatMap(([agency, names]) => [...names].map((name): [string, string] => [agency, name]));
  port.postMessage({ type: 'done', rows, valid, rejected, bytesRead, units: unitPairs } satisfies WorkerMessage);
}

if (parentPort) {
  const port = parentPort;
  runImportWorker(workerData as ImportWorkerInput, port).catch((error: unknown) => {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  });
}
