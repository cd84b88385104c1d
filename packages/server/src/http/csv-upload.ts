/**
 * The HTTP side of a small CSV import (candidate pairs, rotations): take the uploaded file, map its
 * header to canonical columns, read every row into a record, and turn a rejected row into the
 * field errors a form shows. The rows are validated and saved by the capability's service.
 */
import type { MultipartFile } from '@fastify/multipart';
import { recordFromCells, type HeaderResolution } from '@netra/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from './errors.ts';
import { csvRecords } from '../imports/csv-records.ts';

const CHOOSE_CSV = { id: 'Pilih berkas CSV.', en: 'Choose a CSV file.' };

/** The uploaded file of a multipart request; 400 `file_missing` when the request carries none. */
export async function uploadedCsv(request: FastifyRequest): Promise<MultipartFile> {
  const part = request.isMultipart() ? await request.file() : undefined;
  if (!part) throw new ApiError(400, 'file_missing', CHOOSE_CSV, [{ field: 'file', message: CHOOSE_CSV }]);
  return part;
}

/**
 * Every data row of the file as a record keyed by canonical column. The first row is the header:
 * when `resolveHeader` refuses it, the rest of the upload is drained and a 400 `header_invalid`
 * naming the missing required columns is thrown.
 */
export async function csvImportRows<Key extends string>(
  file: MultipartFile['file'],
  resolveHeader: (headers: string[]) => HeaderResolution<Key>,
): Promise<Array<{ line: number; cells: Partial<Record<Key, string>> }>> {
  const rows: Array<{ line: number; cells: Partial<Record<Key, string>> }> = [];
  let columns: Array<Key | null> | null = null;
  for await (const record of csvRecords(file)) {
    if (columns === null) {
      const header = resolveHeader(record.cells);
      if (!header.ok) {
        file.resume();
        const missing = header.missing.join(', ');
        const message = { id: `Kolom wajib tidak ada: ${missing}.`, en: `Required columns are missing: ${missing}.` };
        throw new ApiError(400, 'header_invalid', message, [{ field: 'file', message }]);
      }
      columns = header.columns;
      continue;
    }
    rows.push({ line: record.line, cells: recordFromCells(record.cells, columns) });
  }
  return rows;
}

/** A form saved as a one-row import whose row was rejected: 400 `validation_failed`, one field error per reason. */
export function rejectedRowError(reasons: ReadonlyArray<{ column: string; message: string }>, fieldOf: (column: string) => string): ApiError {
  return new ApiError(
    400,
    'validation_failed',
    { id: 'Ada isian yang tidak valid. Periksa kolom yang ditandai.', en: 'Some input is invalid. Check the marked fields.' },
    reasons.map((r) => ({ field: fieldOf(r.column), message: { id: r.message, en: r.message } })),
  );
}

/**
 * What saving an import answers: the counts, then every row with its outcome, the id of the record
 * it saved under `idKey` (`pairId`, `rotationId`), and a rejected row's reasons.
 */
export function importSummarySchema<IdKey extends string>(idKey: IdKey) {
  const savedId = { [idKey]: z.string().optional() } as Record<IdKey, z.ZodOptional<z.ZodString>>;
  return z.object({
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
    rows: z.array(z.object({ line: z.number(), status: z.string(), ...savedId, reasons: z.array(z.object({ column: z.string(), code: z.string(), message: z.string() })).optional() })),
  });
}
