/**
 * Runs the import workers (import-worker.ts) over a file and streams their COPY chunks into one
 * `COPY … FROM STDIN` on the import's transaction: the staging table, or `asn` itself for a
 * first load. A CSV file large enough is cut into parts (csv-parts.ts), one worker per part, so
 * JavaScript validation uses every core PostgreSQL leaves free; chunks from the parts interleave
 * in the COPY, which is fine because every row carries its own line number (or id).
 */
import fs from 'node:fs';
import os from 'node:os';
import { resolveAsnHeader } from '@netra/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { openCopyIn } from '../../imports/copy.ts';
import { csvLayout } from '../../imports/csv-parts.ts';
import { startTsWorker } from '../../imports/worker.ts';
import type { ImportWorkerInput, MainMessage, WorkerMessage } from './import-worker.ts';

/** Files smaller than this are read by one worker: starting another costs more than it saves. */
const PARALLEL_MIN_BYTES = 8 << 20;
/** More workers than this only contend with PostgreSQL for the same cores. */
const MAX_WORKERS = 4;

export type HeaderMessage = Extract<WorkerMessage, { type: 'header' }>;

export interface LoadTotals {
  rows: number;
  valid: number;
  rejected: number;
  bytesRead: number;
  /** Target 'staging': the distinct [agency code, unit name] pairs of the valid rows. */
  units: Array<[string, string]>;
}

export interface LoadOptions {
  /** Everything a worker needs except the part it reads. */
  input: Omit<ImportWorkerInput, 'part'>;
  copyStatement: string;
  /** The header, once read: a non-null result stops the load with that error. */
  onHeader: (header: HeaderMessage) => Error | null;
  onProgress: (bytesRead: number, rows: number) => void;
  /** Target 'register': ids for units the workers meet (see first-load.repository.ts). */
  resolveUnits?: (pairs: Array<[number, string]>) => Promise<number[]>;
  /** Overrides the worker count (tests). */
  workers?: number;
}

/** One worker per part of the file; the whole file in one worker when it is XLSX or small. */
function planParts(options: LoadOptions): { inputs: ImportWorkerInput[]; header: HeaderMessage | null } {
  const { input } = options;
  const size = fs.statSync(input.filePath).size;
  const count = options.workers ?? (size < PARALLEL_MIN_BYTES ? 1 : Math.min(MAX_WORKERS, os.availableParallelism()));
  if (input.format !== 'csv' || count < 2) return { inputs: [input], header: null };
  const layout = csvLayout(input.filePath, count);
  if (layout.header === null) return { inputs: [input], header: null };
  const resolved = resolveAsnHeader(layout.header, { defaultRegionCode: input.defaultRegionCode });
  const header: HeaderMessage = {
    type: 'header',
    header: layout.header,
    delimiter: layout.delimiter,
    missing: resolved.missing,
    repeated: resolved.repeated,
    unknown: resolved.unknown,
  };
  const inputs = layout.parts.map((part, i): ImportWorkerInput => ({
    ...input,
    part: { ...part, delimiter: layout.delimiter, columns: resolved.columns },
    ...(input.register ? { register: { ...input.register, rejectsFile: `${input.register.rejectsFile}.${i}` } } : {}),
  }));
  return { inputs, header };
}

/** The rejects files a load with these options writes (target 'register'), to load and remove. */
function rejectsFiles(inputs: ImportWorkerInput[]): string[] {
  return inputs.flatMap((input) => (input.register ? [input.register.rejectsFile] : []));
}

export async function loadFile(trx: Transaction<Database>, options: LoadOptions): Promise<LoadTotals & { rejectsFiles: string[] }> {
  const { inputs, header } = planParts(options);
  const files = rejectsFiles(inputs);
  const totals: LoadTotals = { rows: 0, valid: 0, rejected: 0, bytesRead: 0, units: [] };
  if (header) {
    const problem = options.onHeader(header);
    if (problem) throw problem;
  }
  if (inputs.length === 0) return { ...totals, rejectsFiles: files };

  const copy = await openCopyIn(trx, options.copyStatement);
  const copyDone = new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve);
    copy.on('error', reject);
  });
  // A large young generation: the worker allocates a few short-lived strings per cell, and with
  // the default size garbage collection took a quarter of its time (a fixed cost, not per row).
  const workers = inputs.map((input) => startTsWorker(new URL('./import-worker.ts', import.meta.url), input, { maxYoungGenerationSizeMb: 96 }));
  const bytes = inputs.map(() => 0);
  const finished = inputs.map(() => false);
  let rows = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      let running = workers.length;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      copy.on('error', fail);
      workers.forEach((worker, index) => {
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (!finished[index]) fail(new Error(`The import worker stopped (exit code ${code})`));
        });
        worker.on('message', (message: WorkerMessage) => {
          switch (message.type) {
            case 'header': {
              const problem = options.onHeader(message);
              if (problem) fail(problem);
              return;
            }
            case 'chunk': {
              rows += message.rows;
              bytes[index] = message.bytesRead;
              options.onProgress(bytes.reduce((a, b) => a + b, 0), rows);
              const ack = () => worker.postMessage({ type: 'ack' } satisfies MainMessage);
              const data = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength);
              if (copy.write(data)) ack();
              else copy.once('drain', ack);
              return;
            }
            case 'units':
              options.resolveUnits!(message.pairs).then(
                (ids) => worker.postMessage({ type: 'units', ids } satisfies MainMessage),
                (error: Error) => fail(error),
              );
              return;
            case 'done':
              finished[index] = true;
              bytes[index] = message.bytesRead;
              totals.rows += message.rows;
              totals.valid += message.valid;
              totals.rejected += message.rejected;
              totals.bytesRead += message.bytesRead;
              totals.units.push(...message.units);
              running -= 1;
              if (running === 0) {
                settled = true;
                resolve();
              }
              return;
            case 'failed':
              return fail(new Error(message.message));
          }
        });
      });
    });
    options.onProgress(totals.bytesRead, totals.rows);
    copy.end();
    await copyDone;
    return { ...totals, rejectsFiles: files };
  } catch (error) {
    // Ending the COPY with an error aborts it, so the transaction can roll back cleanly.
    copy.destroy(error as Error);
    await copyDone.catch(() => {});
    for (const file of files) fs.rmSync(file, { force: true });
    throw error;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
