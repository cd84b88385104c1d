/**
 * Administering agencies and units (issue 14): create units, rename and move agencies, merge an
 * agency into another (every register row, position, case and agency scope re-pointed, audited
 * with the counts), and import agencies from CSV. Every agency touched lies in the caller's
 * scope; one outside it answers 404 like one that does not exist.
 */
import { regionWithinScope, validateAgencyRow, type AgencyColumnKey, type Scope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import * as repo from './agencies.repository.ts';
import { agencyRegionExists } from './repository.ts';
import { regionOutsideScope } from './service.ts';

const AGENCY_NOT_FOUND = { id: 'Instansi', en: 'Agency' };
const UNIT_NOT_FOUND = { id: 'Unit kerja', en: 'Unit' };

function agencyVisible(scope: Scope, agency: { id: number; regionCode: string }) {
  if (scope.kind === 'national') return true;
  const region = regionWithinScope(scope, agency.regionCode) || agency.regionCode === scope.regionCode.slice(0, 2);
  return region && (!scope.agencyIds?.length || scope.agencyIds.map(Number).includes(agency.id));
}
/** Changing an agency needs it inside the territory itself (a regency officer reads, but does not change, the province's agencies). */
const agencyChangeable = (scope: Scope, agency: { id: number; regionCode: string }) => agencyVisible(scope, agency) && regionWithinScope(scope, agency.regionCode);

async function requireAgency(ctx: AppContext, rc: RequestContext, id: number) {
  const agency = await repo.findAgency(ctx.db, id);
  if (!agency || !agencyChangeable(rc.actor.scope, agency)) throw notFound(AGENCY_NOT_FOUND);
  return agency;
}

async function checkRegion(ctx: AppContext, rc: RequestContext, regionCode: string) {
  if (!regionWithinScope(rc.actor.scope, regionCode)) throw regionOutsideScope(regionCode);
  if (!(await agencyRegionExists(ctx.db, regionCode))) {
    throw new ApiError(400, 'validation_failed', { id: 'Wilayah tidak dikenal.', en: 'Unknown region.' }, [
      { field: 'body.regionCode', message: { id: `Wilayah ${regionCode} tidak terdaftar.`, en: `Region ${regionCode} is not registered.` } },
    ]);
  }
}

export async function agencyDetail(ctx: AppContext, rc: RequestContext, id: number) {
  const agency = await requireAgency(ctx, rc, id);
  return { ...agency, usage: await repo.agencyUsage(ctx.db, id) };
}

export async function updateAgency(ctx: AppContext, rc: RequestContext, id: number, body: { name: string; regionCode: string }) {
  const agency = await requireAgency(ctx, rc, id);
  await checkRegion(ctx, rc, body.regionCode);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateAgency(trx, id, body);
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'register.agency.updated',
      entityType: 'agency',
      entityId: String(id),
      data: { before: { name: agency.name, regionCode: agency.regionCode }, after: body },
      ...rc.meta,
    });
  });
  return { ...agency, ...body };
}

/** Merge agency `id` into `intoId` (e.g. a duplicate code from two imports). */
export async function mergeAgency(ctx: AppContext, rc: RequestContext, id: number, body: { intoId: number; reason: string }) {
  if (id === body.intoId) {
    const message = { id: 'Instansi tidak dapat digabung ke dirinya sendiri.', en: 'An agency cannot be merged into itself.' };
    throw new ApiError(400, 'validation_failed', message, [{ field: 'body.intoId', message }]);
  }
  const [from, into] = await Promise.all([requireAgency(ctx, rc, id), repo.findAgency(ctx.db, body.intoId)]);
  if (!into || !agencyChangeable(rc.actor.scope, into)) {
    const message = { id: 'Instansi tujuan tidak ditemukan di wilayah Anda.', en: 'The target agency is not found in your scope.' };
    throw new ApiError(400, 'validation_failed', message, [{ field: 'body.intoId', message }]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockAgencies(trx, [id, body.intoId]);
    if (locked.length !== 2) throw notFound(AGENCY_NOT_FOUND);
    const moved = await repo.mergeAgencyRows(trx, id, body.intoId);
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'register.agency.merged',
      entityType: 'agency',
      entityId: String(body.intoId),
      data: { from: { id, code: from.code, name: from.name }, into: { id: into.id, code: into.code }, reason: body.reason, ...moved },
      ...rc.meta,
    });
    return { into: { id: into.id, code: into.code, name: into.name, regionCode: into.regionCode }, removed: { id, code: from.code }, ...moved };
  });
}

export async function createUnit(ctx: AppContext, rc: RequestContext, agencyId: number, name: string) {
  await requireAgency(ctx, rc, agencyId);
  const created = await ctx.db.transaction().execute(async (trx) => {
    const unit = await repo.insertUnit(trx, agencyId, name);
    if (unit) await appendAudit(trx, { actorId: rc.actor.id, action: 'register.unit.created', entityType: 'agency', entityId: String(agencyId), data: { unitId: unit.id, name }, ...rc.meta });
    return unit;
  });
  if (!created) {
    const message = { id: `Unit ${name} sudah ada di instansi ini.`, en: `Unit ${name} already exists in this agency.` };
    throw new ApiError(409, 'unit_exists', message, [{ field: 'body.name', message }]);
  }
  return created;
}

async function requireUnit(ctx: AppContext, rc: RequestContext, id: number) {
  const unit = await repo.findUnit(ctx.db, id);
  if (!unit || !agencyChangeable(rc.actor.scope, { id: unit.agencyId, regionCode: unit.regionCode })) throw notFound(UNIT_NOT_FOUND);
  return unit;
}

export async function renameUnit(ctx: AppContext, rc: RequestContext, id: number, name: string) {
  const unit = await requireUnit(ctx, rc, id);
  const twin = await repo.unitNamed(ctx.db, unit.agencyId, name);
  if (twin && twin.id !== id) {
    const message = { id: `Unit ${name} sudah ada; gabungkan saja.`, en: `Unit ${name} already exists; merge instead.` };
    throw new ApiError(409, 'unit_exists', message, [{ field: 'body.name', message }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.renameUnit(trx, id, name);
    await appendAudit(trx, { actorId: rc.actor.id, action: 'register.unit.renamed', entityType: 'agency', entityId: String(unit.agencyId), data: { unitId: id, before: unit.name, after: name }, ...rc.meta });
  });
  return { id, name };
}

export async function mergeUnit(ctx: AppContext, rc: RequestContext, id: number, intoId: number) {
  const [from, into] = await Promise.all([requireUnit(ctx, rc, id), requireUnit(ctx, rc, intoId).catch(() => null)]);
  if (!into || into.agencyId !== from.agencyId || into.id === from.id) {
    const message = { id: 'Unit tujuan harus unit lain dari instansi yang sama.', en: 'The target must be another unit of the same agency.' };
    throw new ApiError(400, 'validation_failed', message, [{ field: 'body.intoId', message }]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const moved = await repo.mergeUnitRows(trx, id, intoId);
    await appendAudit(trx, { actorId: rc.actor.id, action: 'register.unit.merged', entityType: 'agency', entityId: String(from.agencyId), data: { from: { id, name: from.name }, into: { id: intoId, name: into.name }, ...moved }, ...rc.meta });
    return { into: { id: intoId, name: into.name }, ...moved };
  });
}

type Row = { line: number; cells: Partial<Record<AgencyColumnKey, string>> };
type RowResult = { line: number; status: 'inserted' | 'updated' | 'unchanged' | 'rejected'; agencyId?: string; reasons?: Array<{ column: string; code: string; message: string }> };

/** Agencies from CSV: new codes are registered, known ones renamed or moved; each refused row comes back with its reasons. */
export async function importAgencies(ctx: AppContext, rc: RequestContext, rows: Row[]) {
  const language = rc.language;
  const results: RowResult[] = [];
  const checked = rows.map((r) => ({ line: r.line, check: validateAgencyRow(r.cells) }));
  const known = new Map((await repo.agenciesByCode(ctx.db, checked.flatMap((c) => (c.check.ok ? [c.check.row.code] : [])))).map((a) => [a.code, a]));
  const seen = new Map<string, number>();
  await ctx.db.transaction().execute(async (trx) => {
    for (const { line, check } of checked) {
      const reject = (column: string, code: string, message: { id: string; en: string }) => results.push({ line, status: 'rejected', reasons: [{ column, code, message: message[language] }] });
      if (!check.ok) {
        results.push({ line, status: 'rejected', reasons: check.reasons.map((r) => ({ column: r.column, code: r.code, message: r.message[language] })) });
        continue;
      }
      const row = check.row;
      const earlier = seen.get(row.code);
      if (earlier !== undefined) {
        reject('kode_instansi', 'duplicate', { id: `Kode ${row.code} sudah ada di baris ${earlier}.`, en: `Code ${row.code} already appears on line ${earlier}.` });
        continue;
      }
      seen.set(row.code, line);
      if (!regionWithinScope(rc.actor.scope, row.regionCode)) {
        reject('kode_wilayah', 'region_outside_scope', { id: `${row.regionCode} di luar wilayah tugas Anda.`, en: `${row.regionCode} is outside your scope.` });
        continue;
      }
      if (!(await agencyRegionExists(trx, row.regionCode))) {
        reject('kode_wilayah', 'unknown_region', { id: `Wilayah ${row.regionCode} tidak terdaftar.`, en: `Region ${row.regionCode} is not registered.` });
        continue;
      }
      const existing = known.get(row.code);
      if (existing) {
        if (!agencyChangeable(rc.actor.scope, existing)) {
          reject('kode_instansi', 'agency_outside_scope', { id: `Kode ${row.code} dipakai instansi di luar wilayah Anda.`, en: `Code ${row.code} belongs to an agency outside your scope.` });
          continue;
        }
        if (existing.name === row.name && existing.regionCode === row.regionCode) {
          results.push({ line, status: 'unchanged', agencyId: String(existing.id) });
          continue;
        }
        await repo.updateAgency(trx, existing.id, row);
        results.push({ line, status: 'updated', agencyId: String(existing.id) });
        continue;
      }
      const inserted = await repo.insertAgencyRow(trx, row);
      results.push({ line, status: 'inserted', agencyId: String(inserted.id) });
    }
    const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length;
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'register.agencies.imported',
      entityType: 'agency',
      entityId: 'import',
      data: { inserted: count('inserted'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected') },
      ...rc.meta,
    });
  });
  const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length;
  return { inserted: count('inserted'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), rows: results };
}
