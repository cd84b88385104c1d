/**
 * Prevention (seed 001: "apel siaga, sosialisasi di media sosial, serta pemasangan spanduk"):
 * neutrality pledges signed per civil servant per election, socialisation events and who attended
 * them. Each change is one transaction ending with its audit entry, and asks for the dashboard
 * aggregates to be refreshed so coverage moves without waiting for the next scheduled refresh.
 */
import type { Readable } from 'node:stream';
import { dateInTimeZone, isIsoDate, regionWithinScope, type Localised, type Scope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Territory } from '../../db/territory.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { RequestContext, ViewerContext } from '../../http/request-context.ts';
import type { Trx } from '../../db/database.ts';
import { appendAudit } from '../audit/service.ts';
import { requestDashboardRefresh } from '../figures/refresh.ts';
import { preventionFigures, rate } from '../figures/service.ts';
import { requireElection } from '../election-catalog/service.ts';
import { territoryView } from '../regions/territory-view.ts';
import { LINE_PROBLEMS, nipLineBatches, normaliseNip, type LineProblem, type NipLine, type RejectedLine } from './nip-file.ts';
import * as repo from './repository.ts';

/** Rejected lines returned in full up to this many; the count is always complete. */
export const REJECTED_SHOWN = 1_000;

/** The latest "today" in Indonesia (WIT): a date later than that has not happened anywhere yet. */
const latestToday = (ctx: AppContext) => dateInTimeZone(ctx.now(), 'Asia/Jayapura');

function assertDay(date: string, field: string) {
  if (!isIsoDate(date)) throw new ApiError(400, 'validation_failed', LINE_PROBLEMS.invalid_date, [{ field, message: LINE_PROBLEMS.invalid_date }]);
}

function assertSignDate(ctx: AppContext, date: string, field: string) {
  assertDay(date, field);
  if (date > latestToday(ctx)) {
    throw new ApiError(422, 'future_date', LINE_PROBLEMS.future_date, [{ field, message: LINE_PROBLEMS.future_date }]);
  }
}

const ASN_NOT_FOUND = { id: 'ASN dengan NIP tersebut di wilayah/instansi Anda', en: 'A civil servant with that NIP in your region/agencies' };
const AGENCY_NOT_FOUND = { id: 'Instansi', en: 'Agency' };
const EVENT_NOT_FOUND = { id: 'Kegiatan sosialisasi', en: 'Socialisation event' };

async function agencyOrNotFound(ctx: AppContext, rc: RequestContext, agencyId: number, unitId: number | null) {
  const agency = await repo.findAgencyInScope(ctx.db, rc.actor.scope, agencyId);
  if (!agency) throw notFound(AGENCY_NOT_FOUND);
  if (unitId !== null && !(await repo.findUnit(ctx.db, agencyId, unitId))) throw notFound({ id: 'Unit kerja', en: 'Unit' });
  return agency;
}

/**
 * The election and the part of the country a prevention page looks at (404 for an unknown
 * election, or a region outside the viewer's scope: regions' territoryView), and the filter of
 * its coverage figures.
 */
async function preventionView(ctx: AppContext, viewer: { scope: Scope }, electionId: string, requestedRegion: string | undefined, language: Language) {
  const election = await requireElection(ctx, electionId);
  const { territory, agencyIds } = await territoryView(ctx, viewer, requestedRegion, language);
  return { election, territory, filter: { ...territory, electionId: election.id, agencyIds } };
}

// ---------------------------------------------------------------- pledges

export async function recordPledge(ctx: AppContext, rc: RequestContext, electionId: string, input: { nip: string; signedOn: string }) {
  const { actor: staff, meta } = rc;
  await requireElection(ctx, electionId);
  assertSignDate(ctx, input.signedOn, 'body.signedOn');
  return ctx.db.transaction().execute(async (trx) => {
    const [asn] = await repo.asnByNips(trx, staff.scope, [normaliseNip(input.nip)]);
    if (!asn) throw notFound(ASN_NOT_FOUND);
    if (!asn.active) throw new ApiError(422, 'inactive', LINE_PROBLEMS.inactive);
    const inserted = await repo.insertPledges(trx, electionId, [{ asnId: asn.id, signedOn: input.signedOn }], 'single', staff.id);
    if (inserted === 0) {
      const existing = (await repo.findPledge(trx, electionId, asn.id))!;
      return { status: 'already_signed' as const, nip: asn.nip, signedOn: existing.signed_on };
    }
    await appendAudit(trx, { actorId: staff.id, action: 'prevention.pledge_recorded', entityType: 'asn', entityId: String(asn.id), data: { electionId, signedOn: input.signedOn }, ...meta, at: ctx.now() });
    return { status: 'recorded' as const, nip: asn.nip, signedOn: input.signedOn };
  });
}

export async function pledgeForAgency(ctx: AppContext, rc: RequestContext, electionId: string, input: { agencyId: number; unitId?: number; signedOn: string }) {
  const { actor: staff, meta } = rc;
  await requireElection(ctx, electionId);
  assertSignDate(ctx, input.signedOn, 'body.signedOn');
  const unitId = input.unitId ?? null;
  const agency = await agencyOrNotFound(ctx, rc, input.agencyId, unitId);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const counts = await repo.pledgeAgency(trx, electionId, agency.id, unitId, input.signedOn, staff.id);
    await appendAudit(trx, {
      actorId: staff.id,
      action: 'prevention.pledges_recorded_for_agency',
      entityType: 'agency',
      entityId: String(agency.id),
      data: { electionId, unitId, signedOn: input.signedOn, staff: counts.staff, inserted: counts.inserted },
      ...meta,
      at: ctx.now(),
    });
    return counts;
  });
  requestDashboardRefresh(ctx);
  return { agency: { id: agency.id, name: agency.name }, staff: result.staff, recorded: result.inserted, alreadySigned: result.staff - result.inserted };
}

export async function removePledge(ctx: AppContext, rc: RequestContext, electionId: string, nip: string) {
  const { actor: staff, meta } = rc;
  await requireElection(ctx, electionId);
  return ctx.db.transaction().execute(async (trx) => {
    const [asn] = await repo.asnByNips(trx, staff.scope, [normaliseNip(nip)]);
    const removed = asn ? await repo.deletePledge(trx, electionId, asn.id) : undefined;
    if (!asn || !removed) throw notFound({ id: 'Pakta integritas ASN tersebut', en: "That civil servant's pledge" });
    await appendAudit(trx, { actorId: staff.id, action: 'prevention.pledge_removed', entityType: 'asn', entityId: String(asn.id), data: { electionId, signedOn: removed.signed_on, method: removed.method }, ...meta, at: ctx.now() });
    return { removed: true, nip: asn.nip };
  });
}

interface LineResolution {
  usable: Array<{ line: NipLine; asnId: number }>;
  rejected: RejectedLine[];
}

/**
 * Check a batch of lines against the register and the scope. `seen` carries the NIPs of earlier
 * batches, so a duplicate far down the file is still reported with the line it repeats.
 */
async function resolveLines(ctx: AppContext, rc: RequestContext, lines: NipLine[], seen: Map<string, number>, needsDate: boolean): Promise<LineResolution> {
  const { language } = rc;
  const reject = (line: NipLine, reason: LineProblem, extra = ''): RejectedLine => ({ line: line.line, nip: line.nip, reason, message: `${LINE_PROBLEMS[reason][language]}${extra}` });
  const rejected: RejectedLine[] = [];
  const candidates: NipLine[] = [];
  const today = latestToday(ctx);
  for (const line of lines) {
    if (!/^\d{18}$/.test(line.nip)) rejected.push(reject(line, 'invalid_nip'));
    else if (seen.has(line.nip)) rejected.push(reject(line, 'duplicate', language === 'id' ? ` (baris ${seen.get(line.nip)})` : ` (line ${seen.get(line.nip)})`));
    else if (needsDate && !line.date) rejected.push(reject(line, 'invalid_date'));
    else if (needsDate && line.date! > today) rejected.push(reject(line, 'future_date'));
    else {
      seen.set(line.nip, line.line);
      candidates.push(line);
    }
  }
  const found = new Map((await repo.asnByNips(ctx.db, rc.actor.scope, candidates.map((l) => l.nip))).map((a) => [a.nip, a]));
  const usable: LineResolution['usable'] = [];
  for (const line of candidates) {
    const asn = found.get(line.nip);
    if (!asn) rejected.push(reject(line, 'not_in_register'));
    else if (!asn.active) rejected.push(reject(line, 'inactive'));
    else usable.push({ line, asnId: asn.id });
  }
  return { usable, rejected };
}

export interface LineImportResult {
  lines: number;
  recorded: number;
  alreadyRecorded: number;
  rejectedTotal: number;
  rejected: RejectedLine[];
}

/**
 * Read a CSV of NIPs batch by batch, checking each line (resolveLines) and handing the usable
 * ones to `store`, which returns how many were new. One transaction: the file counts whole or not
 * at all if the server stops half-way, and the audit entry is its last step.
 */
async function importLines(
  ctx: AppContext,
  rc: RequestContext,
  file: Readable,
  options: {
    needsDate: boolean;
    store: (trx: Trx, rows: Array<{ line: NipLine; asnId: number }>) => Promise<number>;
    audit: (result: LineImportResult) => Parameters<typeof appendAudit>[1];
  },
): Promise<LineImportResult> {
  const result: LineImportResult = { lines: 0, recorded: 0, alreadyRecorded: 0, rejectedTotal: 0, rejected: [] };
  await ctx.db.transaction().execute(async (trx) => {
    const seen = new Map<string, number>();
    for await (const batch of nipLineBatches(file)) {
      result.lines += batch.length;
      const { usable, rejected } = await resolveLines(ctx, rc, batch, seen, options.needsDate);
      result.rejectedTotal += rejected.length;
      result.rejected.push(...rejected.slice(0, REJECTED_SHOWN - result.rejected.length));
      const stored = await options.store(trx, usable);
      result.recorded += stored;
      result.alreadyRecorded += usable.length - stored;
    }
    await appendAudit(trx, options.audit(result));
  });
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}

export async function importPledges(ctx: AppContext, rc: RequestContext, electionId: string, file: { stream: Readable; name: string }) {
  const { actor: staff, meta } = rc;
  await requireElection(ctx, electionId);
  const result = await importLines(ctx, rc, file.stream, {
    needsDate: true,
    store: (trx, rows) => repo.insertPledges(trx, electionId, rows.map((r) => ({ asnId: r.asnId, signedOn: r.line.date! })), 'import', staff.id),
    audit: (r) => ({
      actorId: staff.id,
      action: 'prevention.pledges_imported',
      entityType: 'election',
      entityId: electionId,
      data: { fileName: file.name, lines: r.lines, recorded: r.recorded, alreadyRecorded: r.alreadyRecorded, rejected: r.rejectedTotal },
      ...meta,
      at: ctx.now(),
    }),
  });
  requestDashboardRefresh(ctx);
  return result;
}

export async function coverage(ctx: AppContext, rc: RequestContext, electionId: string, query: { region?: string; limit: number; offset: number }) {
  const { filter } = await preventionView(ctx, rc.actor, electionId, query.region, rc.language);
  const [page, { byChild: totals, events, refreshedAt }] = await Promise.all([repo.agencyCoveragePage(ctx.db, filter, query), preventionFigures(ctx, filter)]);
  const sum = (pick: (r: { asnTotal: number; pledged: number; reached: number }) => number) => totals.reduce((n, r) => n + pick(r), 0);
  const asnTotal = sum((r) => r.asnTotal);
  const pledged = sum((r) => r.pledged);
  const reached = sum((r) => r.reached);
  return {
    dataAsOf: refreshedAt?.toISOString() ?? null,
    totals: { asnTotal, pledged, reached, events: events.reduce((n, r) => n + r.events, 0), pledgeCoverage: rate(pledged, asnTotal), reachCoverage: rate(reached, asnTotal) },
    total: page.total,
    limit: query.limit,
    offset: query.offset,
    nextOffset: query.offset + page.items.length < page.total ? query.offset + page.items.length : null,
    items: page.items.map((r) => ({ ...r, pledgeCoverage: rate(r.pledged, r.asnTotal), reachCoverage: rate(r.reached, r.asnTotal) })),
  };
}

export async function unsignedList(ctx: AppContext, rc: RequestContext, electionId: string, query: { region?: string; agencyId?: number; q?: string; limit: number; offset: number }) {
  const { territory } = await preventionView(ctx, rc.actor, electionId, query.region, rc.language);
  return repo.unsignedPage(ctx.db, { electionId, territory, scope: rc.actor.scope, agencyId: query.agencyId, q: query.q }, query);
}

export async function pledgeList(ctx: AppContext, rc: RequestContext, electionId: string, query: { region?: string; agencyId?: number; limit: number; offset: number }) {
  const { territory } = await preventionView(ctx, rc.actor, electionId, query.region, rc.language);
  return repo.pledgesPage(ctx.db, { electionId, territory, scope: rc.actor.scope, agencyId: query.agencyId }, query);
}

// ---------------------------------------------------------------- events

export const EVENT_KINDS: Readonly<Record<string, Localised>> = {
  apel_siaga: { id: 'Apel siaga netralitas', en: 'Neutrality assembly (apel siaga)' },
  sosialisasi: { id: 'Sosialisasi', en: 'Awareness session (sosialisasi)' },
  spanduk: { id: 'Pemasangan spanduk', en: 'Banners' },
  lainnya: { id: 'Kegiatan lain', en: 'Other activity' },
};

export interface EventInput {
  regionCode: string;
  kind: 'apel_siaga' | 'sosialisasi' | 'spanduk' | 'lainnya';
  title: string;
  heldOn: string;
  place: string;
  organiser: string;
  note?: string | null;
}

export async function createEvent(ctx: AppContext, rc: RequestContext, electionId: string, input: EventInput) {
  const { actor: staff, meta } = rc;
  // Writing into a region outside the scope is refused, not hidden: the caller named the region.
  if (!regionWithinScope(staff.scope, input.regionCode)) {
    const message = { id: `Wilayah ${input.regionCode} di luar wilayah tugas Anda.`, en: `Region ${input.regionCode} is outside your scope.` };
    throw new ApiError(403, 'out_of_scope', message, [{ field: 'body.regionCode', message }]);
  }
  const view = await preventionView(ctx, staff, electionId, input.regionCode, 'id');
  assertDay(input.heldOn, 'body.heldOn');
  return ctx.db.transaction().execute(async (trx) => {
    const event = await repo.insertEvent(trx, {
      electionId: view.election.id,
      regionCode: input.regionCode,
      kind: input.kind,
      title: input.title.trim(),
      heldOn: input.heldOn,
      place: input.place.trim(),
      organiser: input.organiser.trim(),
      note: input.note?.trim() || null,
      createdBy: staff.id,
    });
    await appendAudit(trx, { actorId: staff.id, action: 'prevention.event_created', entityType: 'socialisation_event', entityId: event.id, data: { electionId, ...input, note: input.note ?? null }, ...meta, at: ctx.now() });
    return { id: event.id };
  });
}

export async function eventList(ctx: AppContext, rc: RequestContext, electionId: string, query: { region?: string; limit: number; offset: number }) {
  const { language } = rc;
  const { territory } = await preventionView(ctx, rc.actor, electionId, query.region, language);
  const page = await repo.eventsPage(ctx.db, { electionId, territory }, query);
  return { ...page, items: page.items.map((e) => ({ ...e, attendance: Number(e.attendance ?? 0), kindLabel: EVENT_KINDS[e.kind][language] })) };
}

export async function eventDetail(ctx: AppContext, rc: RequestContext, eventId: string, query: { limit: number; offset: number }) {
  const event = await requireEvent(ctx, rc.actor, eventId);
  return {
    event: { ...event, kindLabel: EVENT_KINDS[event.kind][rc.language], createdAt: new Date(event.createdAt).toISOString() },
    attendees: await repo.attendeesPage(ctx.db, rc.actor.scope, eventId, query),
  };
}

/** A socialisation event inside the viewer's scope; 404 otherwise, as if it did not exist. */
export async function requireEvent(ctx: AppContext, viewer: { scope: Scope }, eventId: string) {
  const event = await repo.findEventInScope(ctx.db, viewer.scope, eventId);
  if (!event) throw notFound(EVENT_NOT_FOUND);
  return event;
}

export async function addAgencyAttendance(ctx: AppContext, rc: RequestContext, eventId: string, input: { agencyId: number; unitId?: number }) {
  const { actor: staff, meta } = rc;
  await requireEvent(ctx, staff, eventId);
  const unitId = input.unitId ?? null;
  const agency = await agencyOrNotFound(ctx, rc, input.agencyId, unitId);
  const counts = await ctx.db.transaction().execute(async (trx) => {
    const added = await repo.addAgencyAttendees(trx, eventId, agency.id, unitId);
    await appendAudit(trx, { actorId: staff.id, action: 'prevention.attendance_added', entityType: 'socialisation_event', entityId: eventId, data: { agencyId: agency.id, unitId, staff: added.staff, added: added.inserted }, ...meta, at: ctx.now() });
    return added;
  });
  requestDashboardRefresh(ctx);
  return { staff: counts.staff, added: counts.inserted, alreadyPresent: counts.staff - counts.inserted };
}

export async function importAttendance(ctx: AppContext, rc: RequestContext, eventId: string, file: { stream: Readable; name: string }) {
  const { actor: staff, meta } = rc;
  await requireEvent(ctx, staff, eventId);
  const result = await importLines(ctx, rc, file.stream, {
    needsDate: false,
    store: (trx, rows) => repo.addAttendees(trx, eventId, rows.map((r) => r.asnId)),
    audit: (r) => ({
      actorId: staff.id,
      action: 'prevention.attendance_imported',
      entityType: 'socialisation_event',
      entityId: eventId,
      data: { fileName: file.name, lines: r.lines, added: r.recorded, alreadyPresent: r.alreadyRecorded, rejected: r.rejectedTotal },
      ...meta,
      at: ctx.now(),
    }),
  });
  requestDashboardRefresh(ctx);
  return result;
}

// ---------------------------------------------------------------- lists as exports stream them

/**
 * The same lists the pages show, whole, as SQL for the exports capability to stream through a
 * cursor: the viewer is the export's (its scope and language recorded with the job).
 */
export interface ListFilter {
  electionId: string;
  territory: Territory;
  agencyId?: number;
}

export function coverageRows(ctx: AppContext, filter: Parameters<typeof repo.agencyCoverageRows>[1]) {
  return repo.agencyCoverageRows(ctx.db, filter);
}

export function unsignedRows(ctx: AppContext, viewer: ViewerContext, filter: ListFilter & { q?: string }) {
  return repo.unsignedRows(ctx.db, { ...filter, scope: viewer.actor.scope });
}

export function pledgeRows(ctx: AppContext, viewer: ViewerContext, filter: ListFilter) {
  return repo.pledgeRows(ctx.db, { ...filter, scope: viewer.actor.scope });
}

export function eventRows(ctx: AppContext, filter: Omit<ListFilter, 'agencyId'>) {
  return repo.eventRows(ctx.db, filter);
}

export function attendeeRows(ctx: AppContext, viewer: ViewerContext, eventId: string) {
  return repo.attendeeRows(ctx.db, viewer.actor.scope, eventId);
}
