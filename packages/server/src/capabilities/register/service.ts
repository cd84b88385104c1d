/**
 * The register as the console uses it: agencies and units, imports (start, progress, rejected
 * rows), search and a civil servant's page, each within the staff member's scope; and what other
 * capabilities read of the register. The bulk import itself is importer.ts.
 */
import { formatNip, POSITION_TYPES, regionWithinScope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { appendAudit, recordAudit } from '../audit/service.ts';
import { createAsnImport, runAsnImport, type ImportFormat } from './importer.ts';
import { rejectedFile, rejectedFileName } from './rejected-file.ts';
import * as repo from './repository.ts';
import type { PersonCaseRecord } from './schema.ts';

/** A running import that has not reported for this long died with its server (and rolled back). */
const STALE_AFTER_MS = 2 * 60 * 1000;

const POSITION_LABELS = new Map(POSITION_TYPES.map((p) => [p.code as string, p.label]));
export const positionLabel = (code: string, language: Language) => POSITION_LABELS.get(code)?.[language] ?? code;

type ImportRow = Awaited<ReturnType<typeof repo.listImports>>['items'][number];

function importDto(row: ImportRow, language: Language, now: Date) {
  const running = row.status === 'queued' || row.status === 'reading' || row.status === 'merging';
  const interrupted = running && now.getTime() - new Date(row.heartbeatAt).getTime() > STALE_AFTER_MS;
  const error = row.error as { id: string; en: string } | null;
  return {
    id: row.id,
    source: row.source,
    fileName: row.fileName,
    fileFormat: row.fileFormat,
    fileBytes: Number(row.fileBytes),
    status: row.status,
    interrupted,
    bytesRead: Number(row.bytesRead),
    rowsRead: row.rowsRead,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    error: error
      ? error[language]
      : interrupted
        ? language === 'id'
          ? 'Impor terhenti karena server dimulai ulang; seluruhnya dibatalkan. Unggah ulang berkasnya.'
          : 'The import stopped because the server restarted; it was rolled back entirely. Upload the file again.'
        : null,
    defaultRegionCode: row.defaultRegionCode,
    createdAt: new Date(row.createdAt).toISOString(),
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
    searchIndexed: row.searchIndexedAt !== null,
    createdByName: row.createdByName,
  };
}

export const regionOutsideScope = (regionCode: string) =>
  new ApiError(403, 'out_of_scope', { id: 'Wilayah ini di luar wilayah tugas Anda.', en: 'This region is outside your scope.' }, [
    { field: 'body.regionCode', message: { id: `${regionCode} di luar wilayah tugas Anda.`, en: `${regionCode} is outside your scope.` } },
  ]);

export async function listAgencies(ctx: AppContext, rc: RequestContext, query: { regionCode?: string; q?: string; limit: number; offset: number }) {
  return repo.listAgencies(ctx.db, rc.actor.scope, query);
}

/** Register an agency in a province or regency of the staff member's scope; 409 when its code is taken. */
export async function createAgency(ctx: AppContext, rc: RequestContext, agency: { code: string; name: string; regionCode: string }) {
  const { code, name, regionCode } = agency;
  if (!regionWithinScope(rc.actor.scope, regionCode)) throw regionOutsideScope(regionCode);
  if (!(await repo.agencyRegionExists(ctx.db, regionCode))) {
    throw new ApiError(400, 'validation_failed', { id: 'Wilayah tidak dikenal.', en: 'Unknown region.' }, [
      { field: 'body.regionCode', message: { id: `Wilayah ${regionCode} tidak terdaftar.`, en: `Region ${regionCode} is not registered.` } },
    ]);
  }
  const created = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertAgency(trx, { code, name, regionCode });
    if (!inserted) return null;
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'register.agency.created',
      entityType: 'agency',
      entityId: String(inserted.id),
      data: { code, name, regionCode },
      ...rc.meta,
    });
    return inserted;
  });
  if (!created) {
    throw new ApiError(409, 'agency_exists', { id: 'Kode instansi sudah dipakai.', en: 'The agency code is taken.' }, [
      { field: 'body.code', message: { id: `Kode ${code} sudah terdaftar.`, en: `Code ${code} is already registered.` } },
    ]);
  }
  return created;
}

export async function listUnits(ctx: AppContext, rc: RequestContext, agencyId: number) {
  return repo.listUnits(ctx.db, rc.actor.scope, agencyId);
}

/** The region an upload's rows belong to when they leave kode_wilayah empty; 403 outside the scope. */
export function uploadRegion(rc: RequestContext, regionCode: string | undefined): string | undefined {
  if (regionCode && !regionWithinScope(rc.actor.scope, regionCode)) throw regionOutsideScope(regionCode);
  const scope = rc.actor.scope;
  // A regency officer's rows belong to their regency unless a row says otherwise.
  if (!regionCode && scope.kind === 'region' && /^\d{2}\.\d{2}$/.test(scope.regionCode)) return scope.regionCode;
  return regionCode;
}

/**
 * Start the import of an uploaded file (already on disk, deleted when done). It outlives the
 * request: the console polls its progress; a failure of the background run goes to `onError`.
 */
export async function startWebImport(
  ctx: AppContext,
  rc: RequestContext,
  upload: { filePath: string; fileName: string; format: ImportFormat; defaultRegionCode: string | null },
  onError: (error: unknown) => void,
) {
  const importRequest = {
    source: 'web' as const,
    filePath: upload.filePath,
    fileName: upload.fileName,
    format: upload.format,
    actor: { userId: rc.actor.id, scope: rc.actor.scope },
    defaultRegionCode: upload.defaultRegionCode,
    meta: rc.meta,
  };
  const id = await createAsnImport(ctx.db, importRequest);
  void runAsnImport(ctx.db, id, importRequest, { now: ctx.now(), removeFile: true }).catch(onError);
  const created = await repo.findImport(ctx.db, rc.actor.scope, id);
  return importDto(created!, rc.language, new Date());
}

export async function listImports(ctx: AppContext, rc: RequestContext, page: { limit: number; offset: number }) {
  const { total, items } = await repo.listImports(ctx.db, rc.actor.scope, page);
  return { total, items: items.map((row) => importDto(row, rc.language, new Date())) };
}

export async function importDetail(ctx: AppContext, rc: RequestContext, id: string) {
  const row = await repo.findImport(ctx.db, rc.actor.scope, id);
  if (!row) throw notFound({ id: 'Impor', en: 'Import' });
  return importDto(row, rc.language, new Date());
}

/** A finished import's rejected rows as a file in its own format, the download audited. */
export async function rejectedRowsFile(ctx: AppContext, rc: RequestContext, id: string) {
  const row = await repo.findImport(ctx.db, rc.actor.scope, id);
  if (!row) throw notFound({ id: 'Impor', en: 'Import' });
  if (row.status !== 'done') {
    throw new ApiError(409, 'import_not_done', { id: 'Impor belum selesai.', en: 'The import has not finished.' });
  }
  await recordAudit(ctx.db, {
    actorId: rc.actor.id,
    action: 'register.import.rejected_downloaded',
    entityType: 'asn_import',
    entityId: row.id,
    ...rc.meta,
  });
  const file = { id: row.id, file_name: row.fileName, file_format: row.fileFormat, header: row.header as string[] | null, delimiter: row.delimiter };
  return { format: row.fileFormat, name: rejectedFileName(row.fileName, row.fileFormat), stream: rejectedFile(ctx.db, file, rc.language) };
}

export async function searchAsn(ctx: AppContext, rc: RequestContext, search: repo.AsnSearch) {
  const result = await repo.searchAsn(ctx.db, rc.actor.scope, search);
  return { ...result, items: result.items.map((item) => ({ ...item, positionTypeLabel: positionLabel(item.positionType, rc.language) })) };
}

/**
 * Reads a person's case record as the viewer may see it. Handed in by the app (the cases
 * capability's service): cases build on the register, so the register may not import cases.
 */
export type PersonCaseRecordOf = (ctx: AppContext, viewer: RequestContext['actor'], asnId: number, language: Language) => Promise<PersonCaseRecord>;

/** A civil servant's page: position history, and the reports and cases about them in scope. */
export async function asnDetail(ctx: AppContext, rc: RequestContext, id: number, personCaseRecord: PersonCaseRecordOf) {
  const { scope } = rc.actor;
  const language = rc.language;
  const asn = await repo.findAsn(ctx.db, scope, id);
  if (!asn) throw notFound({ id: 'ASN', en: 'Civil servant' });
  const [positions, related, record] = await Promise.all([repo.positionHistory(ctx.db, asn.id), repo.reportsOf(ctx.db, rc.actor, asn.id), personCaseRecord(ctx, rc.actor, asn.id, language)]);
  return {
    ...asn,
    nipFormatted: formatNip(asn.nip, asn.kind),
    positionTypeLabel: positionLabel(asn.positionType, language),
    updatedAt: new Date(asn.updatedAt).toISOString(),
    positions: positions.map((p) => ({ ...p, positionTypeLabel: positionLabel(p.positionType, language), endedAt: new Date(p.endedAt).toISOString() })),
    reports: related.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt).toISOString() })),
    // Cases through the people linked to them (issue 15), as the viewer may see them; pledges and SIASN blocks.
    cases: record.cases,
    pledges: record.pledges,
    siasnBlocks: record.siasnBlocks,
  };
}

/** A civil servant in the register within `scope` (undefined outside it): cases link people through this. */
export async function asnInScope(db: Db, scope: RequestContext['actor']['scope'], id: number) {
  return repo.findAsn(db, scope, id);
}

/** The register's id of a civil servant by NIP (any region), or undefined: other capabilities link people to it. */
export async function asnIdByNip(db: Db, nip: string): Promise<number | undefined> {
  return repo.asnIdByNip(db, nip);
}

/** The register's ids of the civil servants among `nips` (any region): candidates link pair members to them. */
export function asnIdsByNip(db: Db, nips: string[]): Promise<Map<string, number>> {
  return repo.asnIdsByNip(db, nips);
}

/** An import's rejected rows as a file in its own format, for the CLI (which has no scope to check). */
export async function rejectedRowsOfImport(db: Db, importId: string, language: Language) {
  const row = await repo.importFileOf(db, importId);
  return rejectedFile(db, { ...row, header: row.header as string[] | null }, language);
}

/** The SQL of the whole register search in the viewer's scope (exports stream it). */
export function registerExportQuery(ctx: AppContext, rc: Pick<RequestContext, 'actor'>, search: Omit<repo.AsnSearch, 'limit' | 'offset'>) {
  return repo.asnExportQuery(ctx.db, rc.actor.scope, search);
}
