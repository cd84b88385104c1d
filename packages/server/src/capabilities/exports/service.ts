/**
 * Exports: a list or dashboard table as CSV or XLSX, with the filter of the screen and the
 * caller's scope. Small exports are written while the request waits; large ones (more rows than
 * `syncRowLimit`) run as a background job that reports rows written out of the total, and the
 * file is downloaded when ready. Files live a day in the file store (storage/: the data directory
 * or S3-compatible object storage, so any server can hand out a file another wrote), then are
 * deleted. Rows of large exports are read from the replica when there is one. Each
 * finished export is an audit entry with its source, filter, format and row count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { can, dateInTimeZone, formatLocalDateTime, isRoleCode, timeZoneOfRegion, type Scope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import { FileNotFoundError } from '../../storage/file-store.ts';
import { recordAudit } from '../audit/service.ts';
import type { RequestContext } from '../../http/request-context.ts';
import * as repo from './repository.ts';
import { EXPORT_SOURCES, type ExportPlan, type ExportViewer } from './sources.ts';
import { describeFilter } from './types.ts';
import { csvWriter, xlsxWriter, type AboutLines, type TableWriter } from './writer.ts';

const FILE_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Progress is written at most this often. */
const PROGRESS_EVERY_MS = 500;

/** Above this many rows an export runs as a job (NETRA_EXPORT_SYNC_ROWS overrides it). */
export function syncRowLimit(): number {
  return Number(process.env.NETRA_EXPORT_SYNC_ROWS ?? 50_000);
}

/** An export is written on this server's disk first, then stored in the file store under its key. */
function scratchDir(ctx: AppContext): string {
  return path.join(ctx.evidenceDir, 'exports-in-progress');
}

const fileKey = (job: Pick<repo.ExportJob, 'id' | 'format'>) => `exports/${job.id}.${job.format}`;
const scratchPath = (ctx: AppContext, job: Pick<repo.ExportJob, 'id' | 'format'>) => path.join(scratchDir(ctx), `${job.id}.${job.format}`);
const CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** Set by the job runner of this process (jobs/boss.ts); null when it runs none (tests, CLI). */
let enqueueExport: ((jobId: string) => Promise<unknown>) | null = null;

export function useExportQueue(enqueue: ((jobId: string) => Promise<unknown>) | null): void {
  enqueueExport = enqueue;
}

export interface ExportRequest {
  source: string;
  format: 'csv' | 'xlsx';
  filter: Record<string, unknown>;
}

function sourceFor(viewer: Pick<ExportViewer, 'role'>, id: string) {
  const source = EXPORT_SOURCES[id];
  if (!source) throw notFound({ id: `Sumber ekspor ${id}`, en: `Export source ${id}` });
  if (!can(viewer.role, source.action)) {
    throw new ApiError(403, 'forbidden', { id: 'Peran Anda tidak berwenang mengekspor data ini.', en: 'Your role may not export this data.' });
  }
  return source;
}

function parseFilter(sourceId: string, raw: unknown) {
  const parsed = EXPORT_SOURCES[sourceId].filter.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ApiError(
    400,
    'validation_failed',
    { id: 'Filter ekspor tidak valid.', en: 'The export filter is invalid.' },
    parsed.error.issues.map((issue) => ({ field: ['body', 'filter', ...issue.path.map(String)].join('.'), message: { id: issue.message, en: issue.message } })),
  );
}

async function rowCount(ctx: AppContext, plan: ExportPlan): Promise<number> {
  return plan.rows ? plan.rows.length : repo.countQuery(ctx.db, plan.query!.compiled);
}

export function presentJob(job: repo.ExportJob, now: Date) {
  const interrupted = job.status === 'running' && job.heartbeat_at !== null && now.getTime() - new Date(job.heartbeat_at).getTime() > repo.STALE_RUN_MS;
  return {
    id: job.id,
    source: job.source,
    format: job.format,
    filter: job.filter as Record<string, unknown>,
    status: interrupted ? ('interrupted' as const) : job.status,
    rowsTotal: job.rows_total,
    rowsWritten: job.rows_written,
    fileName: job.status === 'done' ? job.file_name : null,
    sizeBytes: job.size_bytes === null ? null : Number(job.size_bytes),
    downloadUrl: job.status === 'done' ? `/api/v1/exports/${job.id}/file` : null,
    error: job.error,
    createdAt: new Date(job.created_at).toISOString(),
    finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
    expiresAt: new Date(job.expires_at).toISOString(),
  };
}

/** Start an export: checks the source, the role, the filter and the scope before anything is queued. */
export async function startExport(ctx: AppContext, rc: RequestContext, input: ExportRequest) {
  const { actor: staff, language } = rc;
  const source = sourceFor(staff, input.source);
  const filter = parseFilter(source.id, input.filter);
  // Planning checks the scope (a region or event outside it is 404) and sizes the export.
  const plan = await source.plan(ctx, staff, filter, language);
  const total = await rowCount(ctx, plan);
  // Files, heartbeats and expiry are wall-clock matters, not the application's legal "today".
  const now = new Date();
  const job = await repo.insertJob(ctx.db, {
    created_by: staff.id,
    role: staff.role,
    scope: staff.scope,
    source: source.id,
    format: input.format,
    filter,
    language,
    rows_total: total,
    expires_at: new Date(now.getTime() + FILE_LIFETIME_MS),
  });
  void purgeExpiredExports(ctx).catch(() => {});
  if (total <= syncRowLimit()) {
    await runExportJob(ctx, job.id);
  } else if (enqueueExport) {
    await enqueueExport(job.id);
  } else {
    void runExportJob(ctx, job.id).catch((error: Error) => console.error(`[netra] export ${job.id} failed: ${error.message}`));
  }
  return presentJob((await repo.findJob(ctx.db, job.id))!, new Date());
}

/** The zone an export's own times are written in: the exporter's region's, or WIB for a national scope. */
const zoneOfScope = (scope: Scope) => (scope.kind === 'national' ? 'Asia/Jakarta' : timeZoneOfRegion(scope.regionCode));

function aboutLines(job: repo.ExportJob, plan: ExportPlan, rows: number, language: Language): AboutLines {
  const source = EXPORT_SOURCES[job.source];
  const scope = job.scope as Scope;
  const id = language === 'id';
  return [
    [id ? 'Data' : 'Data', source.title[language]],
    [id ? 'Judul' : 'Title', plan.title],
    [id ? 'Filter' : 'Filter', describeFilter(job.filter as Record<string, unknown>, language, source.filterLabels)],
    [id ? 'Wilayah tugas pengekspor' : "Exporter's scope", scope.kind === 'national' ? (id ? 'nasional' : 'national') : `${scope.regionCode}${scope.agencyIds ? ` (${id ? 'instansi' : 'agencies'} ${scope.agencyIds.join(', ')})` : ''}`],
    [id ? 'Jumlah baris' : 'Rows', String(rows)],
    [id ? 'Dibuat' : 'Created', formatLocalDateTime(new Date(job.created_at), zoneOfScope(scope), { language, seconds: true })],
    ...(plan.dataAsOf !== undefined ? [[id ? 'Data per' : 'Data as of', plan.dataAsOf ?? '-'] as [string, string]] : []),
    ['Netra', id ? 'Data bersifat terbatas; gunakan sesuai kewenangan.' : 'Restricted data; use within your authority.'],
  ];
}

/**
 * Write an export's file. Idempotent and safe to retry (pg-boss retries a failed job): it runs
 * only a queued job or one whose server stopped, and rewrites the file from the start.
 */
export async function runExportJob(ctx: AppContext, jobId: string): Promise<void> {
  const job = await repo.claimJob(ctx.db, jobId, new Date());
  if (!job) return;
  const target = scratchPath(ctx, job);
  try {
    if (!isRoleCode(job.role)) throw new Error(`Unknown role ${job.role}`);
    const viewer: ExportViewer = { id: job.created_by, role: job.role, scope: job.scope as Scope };
    const language = job.language;
    const plan = await EXPORT_SOURCES[job.source].plan(ctx, viewer, job.filter as Record<string, unknown>, language);
    fs.mkdirSync(scratchDir(ctx), { recursive: true });
    let rows = 0;
    let lastProgress = 0;
    const writer: TableWriter = job.format === 'csv' ? csvWriter(target, plan.columns) : xlsxWriter(target, plan.slug, plan.columns);
    const progress = async (force = false) => {
      if (!force && Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = Date.now();
      await repo.reportProgress(ctx.db, job.id, rows);
    };
    if (plan.rows) {
      await writer.addRows(plan.rows);
      rows = plan.rows.length;
    } else {
      const { compiled, toCells } = plan.query!;
      await repo.streamQuery(
        ctx.readDb,
        compiled,
        (total) => repo.reportProgress(ctx.db, job.id, 0, total),
        async (batch) => {
          await writer.addRows(batch.map(toCells));
          rows += batch.length;
          await progress();
        },
      );
    }
    const sizeBytes = await writer.finish(aboutLines(job, plan, rows, language));
    await ctx.files.putFile(fileKey(job), target, CONTENT_TYPE[job.format]);
    fs.rmSync(target, { force: true });
    const fileName = `netra-${plan.slug}-${dateInTimeZone(new Date(job.created_at), 'Asia/Jakarta')}.${job.format}`;
    await repo.finishJob(ctx.db, job.id, { fileName, sizeBytes, rows });
    await recordAudit(ctx.db, {
      actorId: job.created_by,
      action: 'export.created',
      entityType: 'export',
      entityId: job.id,
      data: { source: job.source, format: job.format, filter: job.filter as Record<string, string>, rows, fileName },
      at: ctx.now(),
    });
  } catch (error) {
    fs.rmSync(target, { force: true });
    await ctx.files.remove(fileKey(job)).catch(() => {});
    const message = error instanceof ApiError ? error.messages[job.language] : (error as Error).message;
    await repo.failJob(ctx.db, job.id, message);
    if (!(error instanceof ApiError)) throw error;
  }
}

export async function exportStatus(ctx: AppContext, rc: RequestContext, jobId: string) {
  const job = await repo.findJob(ctx.db, jobId);
  // Another person's export is not yours to see: as if it did not exist.
  if (!job || job.created_by !== rc.actor.id) throw notFound({ id: 'Ekspor', en: 'Export' });
  return presentJob(job, new Date());
}

export async function myExports(ctx: AppContext, rc: RequestContext) {
  const now = new Date();
  return { items: (await repo.recentJobs(ctx.db, rc.actor.id)).map((job) => presentJob(job, now)) };
}

export async function exportFile(ctx: AppContext, rc: RequestContext, jobId: string) {
  const job = await repo.findJob(ctx.db, jobId);
  if (!job || job.created_by !== rc.actor.id || job.status === 'expired') throw notFound({ id: 'Berkas ekspor', en: 'Export file' });
  if (job.status !== 'done') throw new ApiError(409, 'not_ready', { id: 'Berkas belum selesai dibuat.', en: 'The file is not ready yet.' });
  const stream = await ctx.files.open(fileKey(job)).catch((error: unknown) => {
    throw error instanceof FileNotFoundError ? notFound({ id: 'Berkas ekspor', en: 'Export file' }) : error;
  });
  return { stream, fileName: job.file_name!, format: job.format, sizeBytes: Number(job.size_bytes) };
}

/** Delete the files of exports older than a day. */
export async function purgeExpiredExports(ctx: AppContext): Promise<number> {
  const expired = await repo.expiredJobs(ctx.db, new Date());
  for (const job of expired) await ctx.files.remove(fileKey(job));
  await repo.markExpired(ctx.db, expired.map((j) => j.id));
  return expired.length;
}
