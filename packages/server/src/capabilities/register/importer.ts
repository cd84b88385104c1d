/**
 * Netra's ASN importer, shared by the web console, the CLI and the demo generator. One import is
 * one transaction:
 *
 *   worker threads (one per part of a large CSV)      this thread / PostgreSQL
 *   read → validate → COPY text                 ──▶   COPY into a TEMP staging table
 *                                                     set-based merge into the register (merge.repository.ts)
 *                                                     summary + audit entry, COMMIT
 *
 * or, for a large file into an empty register (first-load.repository.ts), COPY straight into `asn`. Either
 * way a failure anywhere (bad header, lost connection, crash) leaves the register exactly as it
 * was. Progress is written to `asn_imports` from another connection while the transaction runs,
 * so the console can poll it. Memory stays flat: the file, its rows and its rejected rows only
 * ever pass through in chunks, and duplicates are found by PostgreSQL, not tracked in memory.
 */
import fs from 'node:fs';
import { dateInTimeZone, scopeRegionPrefix, type Localised, type Scope } from '@netra/core';
import type { Db } from '../../db/database.ts';
import os from 'node:os';
import path from 'node:path';
import { appendAudit } from '../audit/service.ts';
import { beginFirstLoad, finishFirstLoad, REGISTER_COPY, registerIsEmpty, UnitIds } from './first-load.repository.ts';
import type { ImportWorkerInput } from './import-worker.ts';
import { loadFile, type HeaderMessage } from './load.repository.ts';
import * as repo from './imports.repository.ts';
import { BULK_MIN_ROWS, createStagingTable, mergeStaging, STAGING_COPY, type MergeCounts, type MergeStep } from './merge.repository.ts';
import { refreshNameSearch } from './name-search.repository.ts';

export type ImportFormat = 'csv' | 'xlsx';

export interface AsnImportRequest {
  source: 'web' | 'cli' | 'demo';
  filePath: string;
  fileName: string;
  format: ImportFormat;
  actor: { userId: string | null; scope: Scope };
  /** For rows that leave kode_wilayah empty; must lie within the actor's scope. */
  defaultRegionCode?: string | null;
  meta?: { ip: string | null; userAgent: string | null };
}

export interface ImportProgress {
  phase: 'reading' | 'merging' | 'indexing';
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}

export interface RunOptions {
  now: Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Delete the file when done (uploads); the CLI leaves the officer's file alone. */
  removeFile?: boolean;
  /** Test hook: fail after a step of the merge, inside the transaction. */
  failAfter?: MergeStep;
  /** See MergeOptions.bulkMinRows; also the smallest file (in estimated rows) loaded straight into an empty register. */
  bulkMinRows?: number;
  /** Overrides the number of workers a CSV file is split between (tests). */
  workers?: number;
  /** Seconds per phase and merge statement, for the benchmark's breakdown. */
  onTiming?: (label: string, seconds: number) => void;
}

export type AsnImportResult =
  | ({ id: string; status: 'done'; rows: number; searchIndex: 'in_transaction' | 'updated' | 'rebuilt' } & Omit<MergeCounts, 'nameSearchSynced'>)
  | { id: string; status: 'failed'; error: Localised & { code: string } };

/** Small imports update the name index inside their transaction; larger ones refresh it after. */
const SEARCH_SYNC_MAX_ROWS = 50_000;
/** A file's bytes per row, roughly: decides before the first row whether a file is a bulk load. */
const BYTES_PER_ROW_ESTIMATE = 120;
const PROGRESS_INTERVAL_MS = 1000;

/** A file-level problem: the import stops before any row is stored. */
export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    readonly localised: Localised,
  ) {
    super(localised.en);
  }
}

export async function createAsnImport(db: Db, request: AsnImportRequest): Promise<string> {
  const scope = request.actor.scope;
  return repo.insertImport(db, {
    source: request.source,
    fileName: request.fileName,
    fileFormat: request.format,
    fileBytes: fs.statSync(request.filePath).size,
    defaultRegionCode: request.defaultRegionCode ?? null,
    scopeRegionCode: scopeRegionPrefix(scope),
    scopeAgencyIds: scope.kind === 'region' && scope.agencyIds ? scope.agencyIds.map(Number) : null,
    createdBy: request.actor.userId,
  });
}

async function workerInput(db: Db, request: AsnImportRequest, now: Date): Promise<Omit<ImportWorkerInput, 'target'>> {
  const { agencies, regencyCodes } = await repo.importReferenceData(db);
  const scope = request.actor.scope;
  const scopeAgencyIds = scope.kind === 'region' && scope.agencyIds ? new Set(scope.agencyIds.map(String)) : null;
  return {
    filePath: request.filePath,
    format: request.format,
    // Indonesia's easternmost time zone: a date that is already today anywhere is not "in the future".
    today: dateInTimeZone(now, 'Asia/Jayapura'),
    defaultRegionCode: request.defaultRegionCode ?? undefined,
    allowedRegionPrefix: scopeRegionPrefix(scope) ?? undefined,
    agencies: agencies.map((a) => [a.code, a.region_code, a.id]),
    scopeAgencyCodes: scopeAgencyIds ? agencies.filter((a) => scopeAgencyIds.has(String(a.id))).map((a) => a.code) : null,
    regencyCodes,
  };
}

function headerError(message: HeaderMessage): ImportFileError | null {
  if (message.header.length === 0) {
    return new ImportFileError('empty_file', { id: 'Berkas kosong: tidak ada baris judul kolom.', en: 'The file is empty: there is no header row.' });
  }
  if (message.missing.length === 0 && message.repeated.length === 0) return null;
  const parts: Localised[] = [];
  if (message.missing.length > 0) {
    parts.push({ id: `Kolom wajib tidak ada: ${message.missing.join(', ')}.`, en: `Required columns are missing: ${message.missing.join(', ')}.` });
  }
  if (message.repeated.length > 0) {
    parts.push({ id: `Kolom muncul lebih dari sekali: ${message.repeated.join(', ')}.`, en: `Columns appear more than once: ${message.repeated.join(', ')}.` });
  }
  if (message.unknown.length > 0) {
    parts.push({ id: `Kolom tidak dikenal (mungkin salah ketik): ${message.unknown.join(', ')}.`, en: `Unknown columns (perhaps misspelt): ${message.unknown.join(', ')}.` });
  }
  return new ImportFileError('header_invalid', {
    id: `Baris judul tidak sesuai format. ${parts.map((p) => p.id).join(' ')} Unduh templat untuk melihat kolomnya.`,
    en: `The header row does not match the format. ${parts.map((p) => p.en).join(' ')} Download the template to see the columns.`,
  });
}

/** Progress for `asn_imports`, written from the pool (outside the import's transaction) at most once a second. */
function progressWriter(db: Db, importId: string, report?: (progress: ImportProgress) => void) {
  let last = 0;
  let pending: Promise<unknown> = Promise.resolve();
  let latest: ImportProgress | null = null;
  const write = (progress: ImportProgress) => repo.writeImportProgress(db, importId, { merging: progress.phase === 'merging', bytesRead: progress.bytesRead, rows: progress.rows });
  return {
    update(progress: ImportProgress) {
      latest = progress;
      report?.(progress);
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS && progress.phase === 'reading') return;
      last = now;
      pending = pending.then(() => write(progress)).catch(() => {});
    },
    /** Keeps the heartbeat fresh during a long merge. */
    beat() {
      if (latest) pending = pending.then(() => write(latest!)).catch(() => {});
    },
    settled: () => pending,
  };
}

export async function runAsnImport(db: Db, importId: string, request: AsnImportRequest, options: RunOptions): Promise<AsnImportResult> {
  const bytesTotal = fs.statSync(request.filePath).size;
  const progress = progressWriter(db, importId, options.onProgress);
  const heartbeat = setInterval(() => progress.beat(), 5000);
  let rows = 0;
  let startedAt: Date | null = null;
  try {
    const input = await workerInput(db, request, options.now);
    const counts = await db.transaction().execute(async (trx) => {
      startedAt = await repo.lockRegister(trx);
      progress.update({ phase: 'reading', bytesRead: 0, bytesTotal, rows: 0 });
      const bulkMinRows = options.bulkMinRows ?? BULK_MIN_ROWS;
      const firstLoad = bytesTotal / BYTES_PER_ROW_ESTIMATE >= bulkMinRows && (await registerIsEmpty(trx));
      const onHeader = (header: HeaderMessage) => {
        const problem = headerError(header);
        if (!problem) {
          void repo.writeImportHeader(db, importId, header).catch(() => {});
        }
        return problem;
      };
      const onProgress = (bytesRead: number, rowsRead: number) => progress.update({ phase: 'reading', bytesRead, bytesTotal, rows: rowsRead });
      const reading = performance.now();
      let merged: MergeCounts;
      if (firstLoad) {
        const units = await UnitIds.load(trx, db);
        const load = await beginFirstLoad(trx);
        const rejectsFile = path.join(os.tmpdir(), `netra-import-${importId}.rejects`);
        const totals = await loadFile(trx, {
          input: { ...input, target: 'register', register: { idBase: load.idBase, importId, rejectsFile, units: units.existing } },
          copyStatement: REGISTER_COPY,
          onHeader,
          onProgress,
          resolveUnits: (pairs) => units.resolve(pairs),
          workers: options.workers,
        });
        options.onTiming?.('read, validate and COPY into asn', (performance.now() - reading) / 1000);
        rows = totals.rows;
        progress.update({ phase: 'merging', bytesRead: totals.bytesRead, bytesTotal, rows });
        const counts = await finishFirstLoad(trx, load, { importId, valid: totals.valid, rejected: totals.rejected, rejectsFiles: totals.rejectsFiles, units, onTiming: options.onTiming });
        if (options.failAfter) throw new Error(`Injected failure after the first load (step "${options.failAfter}")`);
        merged = { ...counts, nameSearchSynced: false };
      } else {
        await createStagingTable(trx);
        const totals = await loadFile(trx, { input: { ...input, target: 'staging' }, copyStatement: STAGING_COPY, onHeader, onProgress, workers: options.workers });
        options.onTiming?.('read, validate and COPY into staging', (performance.now() - reading) / 1000);
        rows = totals.rows;
        progress.update({ phase: 'merging', bytesRead: totals.bytesRead, bytesTotal, rows });
        const syncNameSearch = totals.valid <= SEARCH_SYNC_MAX_ROWS;
        merged = await mergeStaging(trx, { importId, scope: request.actor.scope, syncNameSearch, stagedRejected: totals.rejected, units: totals.units, failAfter: options.failAfter, bulkMinRows, onTiming: options.onTiming });
      }
      await progress.settled();
      await repo.finishImport(trx, importId, {
        rows,
        bytes: bytesTotal,
        inserted: merged.inserted,
        updated: merged.updated,
        unchanged: merged.unchanged,
        rejected: merged.rejected,
        searchIndexed: merged.nameSearchSynced,
      });
      await appendAudit(trx, {
        actorId: request.actor.userId,
        action: 'register.import',
        entityType: 'asn_import',
        entityId: importId,
        data: {
          file: request.fileName,
          source: request.source,
          rows,
          inserted: merged.inserted,
          updated: merged.updated,
          unchanged: merged.unchanged,
          rejected: merged.rejected,
        },
        ip: request.meta?.ip ?? null,
        userAgent: request.meta?.userAgent ?? null,
        at: options.now,
      });
      return merged;
    });
    let searchIndex: 'in_transaction' | 'updated' | 'rebuilt' = 'in_transaction';
    if (!counts.nameSearchSynced) options.onProgress?.({ phase: 'indexing', bytesRead: bytesTotal, bytesTotal, rows });
    if (!counts.nameSearchSynced) {
      const indexing = performance.now();
      searchIndex = await refreshNameSearch(db, startedAt!, counts.inserted + counts.updated);
      options.onTiming?.(`name search ${searchIndex} (after commit)`, (performance.now() - indexing) / 1000);
      await repo.markSearchIndexed(db, importId);
    }
    const { nameSearchSynced: _synced, ...result } = counts;
    return { id: importId, status: 'done', rows, searchIndex, ...result };
  } catch (error) {
    const failure =
      error instanceof ImportFileError
        ? { code: error.code, ...error.localised }
        : {
            code: 'import_failed',
            id: `Impor gagal dan dibatalkan seluruhnya; register tidak berubah. (${error instanceof Error ? error.message : String(error)})`,
            en: `The import failed and was rolled back entirely; the register is unchanged. (${error instanceof Error ? error.message : String(error)})`,
          };
    await progress.settled();
    await repo.failImport(db, importId, failure, rows);
    return { id: importId, status: 'failed', error: failure };
  } finally {
    clearInterval(heartbeat);
    await progress.settled();
    if (options.removeFile) fs.rmSync(request.filePath, { force: true });
  }
}
