/**
 * Retention and legal hold: the rules (per kind of data and election, with their legal basis),
 * the holds (placed and lifted with a reason, audited), what expires in the coming days, and the
 * purge that forgets what has expired: identities by destroying their keys (security/vault.ts),
 * files from storage, personal fields blanked or rows deleted, each action logged per rule and
 * region with ids and counts only. Anything a hold covers is never touched. The rules themselves
 * are evaluated by the core (core retention/rules.ts); this file fetches, applies and records.
 */
import {
  addDays,
  dateInTimeZone,
  forecast,
  holdsCovering,
  mergeForecasts,
  latestAnchorExpiringBy,
  RETENTION_KIND_DEFINITIONS,
  RETENTION_KINDS,
  retentionOf,
  retentionRuleProblem,
  regionWithinScope,
  type ForecastRow,
  type HoldTarget,
  type LegalHold,
  type RetainedRecord,
  type RetentionKind,
  type RetentionRule,
  type Scope,
} from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { Viewer } from '../../db/scope.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext, RequestMeta } from '../../http/request-context.ts';
import { destroyIdentityKeys, upgradeLegacyIdentities } from '../../security/vault.ts';
import type { FileStore } from '../../storage/file-store.ts';
import { appendAudit } from '../audit/service.ts';
import * as repo from './retention.repository.ts';

/** Purge days are counted in WIB. */
export const PURGE_ZONE = 'Asia/Jakarta';

const todayOf = (ctx: Pick<AppContext, 'now'>) => dateInTimeZone(ctx.now(), PURGE_ZONE);
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

// ---- Rules

export async function loadRules(db: Db): Promise<RetentionRule[]> {
  const rows = await repo.listRules(db);
  return rows.map((r) => ({ kind: r.kind as RetentionKind, electionId: r.electionId, keepDays: r.keepDays, legalBasis: r.legalBasis, unsure: r.unsure }));
}

export async function rulesView(ctx: AppContext, rc: RequestContext) {
  const rows = await repo.listRules(ctx.db);
  const lang = rc.language;
  return {
    kinds: RETENTION_KINDS.map((kind) => {
      const d = RETENTION_KIND_DEFINITIONS[kind];
      return { kind, label: d.label[lang], anchor: d.anchor, anchorLabel: d.anchorLabel[lang], action: d.action, configurable: d.configurable, perElection: d.perElection };
    }),
    rules: rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt)! })),
  };
}

const ruleError = (field: string, id: string, en: string) => new ApiError(400, 'validation_failed', { id: 'Aturan retensi tidak valid.', en: 'The retention rule is not valid.' }, [{ field: `body.${field}`, message: { id, en } }]);

export async function saveRule(
  ctx: AppContext,
  rc: RequestContext,
  input: { kind: RetentionKind; electionId: string | null; keepDays: number | null; legalBasis: string; unsure: boolean; reason: string },
) {
  const problem = retentionRuleProblem(input);
  if (problem === 'not_configurable') throw ruleError('kind', 'Log audit disimpan tetap: rantai hash tidak boleh kehilangan entri.', 'The audit log is kept for good: its hash chain cannot lose an entry.');
  if (problem === 'not_per_election') throw ruleError('electionId', 'Jenis data ini tidak terikat pada pemilihan; ubah aturan umumnya.', 'This kind of data belongs to no election; change its general rule.');
  if (problem === 'keep_days_range') throw ruleError('keepDays', 'Masa simpan 0 sampai 36.500 hari, atau kosong untuk selamanya.', 'Keep for 0 to 36,500 days, or empty for good.');
  if (input.electionId !== null && !(await repo.electionExists(ctx.db, input.electionId))) throw ruleError('electionId', 'Pemilihan tidak dikenal.', 'Unknown election.');
  const at = ctx.now();
  const before = await repo.findRule(ctx.db, input.kind, input.electionId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const ruleId = await repo.upsertRule(trx, { ...input, updatedBy: rc.actor.id, at });
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'retention.rule_changed',
      entityType: 'retention_rule',
      entityId: ruleId,
      data: {
        kind: input.kind,
        electionId: input.electionId,
        reason: input.reason,
        before: before ? { keepDays: before.keep_days, legalBasis: before.legal_basis, unsure: before.unsure } : null,
        after: { keepDays: input.keepDays, legalBasis: input.legalBasis, unsure: input.unsure },
      },
      ...rc.meta,
      at,
    });
    return ruleId;
  });
  return { id };
}

/** Remove an election's own rule: the default applies again. */
export async function removeRule(ctx: AppContext, rc: RequestContext, id: string, reason: string) {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await repo.deleteRule(trx, id);
    if (!removed) throw notFound({ id: 'Aturan khusus pemilihan', en: 'Election rule' });
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'retention.rule_removed',
      entityType: 'retention_rule',
      entityId: id,
      data: { kind: removed.kind, electionId: removed.election_id, keepDays: removed.keep_days, reason },
      ...rc.meta,
      at,
    });
  });
}

// ---- Holds

type HoldRow = NonNullable<Awaited<ReturnType<typeof repo.findHold>>>;

function holdDto(h: HoldRow) {
  return {
    id: h.id,
    targetType: h.targetType,
    caseId: h.caseId,
    caseNumber: h.caseNumber,
    reportId: h.reportId,
    receiptNumber: h.receiptNumber,
    asnId: h.asnId === null ? null : Number(h.asnId),
    personName: h.personName,
    regionCode: h.regionCode ?? h.targetRegion,
    electionId: h.electionId,
    reason: h.reason,
    placedAt: iso(h.placedAt)!,
    placedByName: h.placedByName,
    liftedAt: iso(h.liftedAt),
    liftedByName: h.liftedByName,
    liftReason: h.liftReason,
  };
}

export async function holdList(ctx: AppContext, rc: RequestContext, filter: repo.HoldFilter, page: { limit: number; offset: number }) {
  const { items, total } = await repo.listHolds(ctx.db, rc.actor.scope, filter, page);
  return { total, items: items.map(holdDto) };
}

function toLegalHold(row: Awaited<ReturnType<typeof repo.activeHolds>>[number]): LegalHold {
  const target: HoldTarget =
    row.targetType === 'case'
      ? { type: 'case', caseId: row.caseId! }
      : row.targetType === 'report'
        ? { type: 'report', reportId: row.reportId! }
        : row.targetType === 'person'
          ? { type: 'person', asnId: Number(row.asnId) }
          : row.targetType === 'region'
            ? { type: 'region', regionCode: row.regionCode!, electionId: row.electionId }
            : { type: 'election', electionId: row.electionId! };
  return { id: row.id, target, lifted: false };
}

async function activeLegalHolds(db: Db): Promise<LegalHold[]> {
  return (await repo.activeHolds(db)).map(toLegalHold);
}

const outOfScope = (what: { id: string; en: string }) => notFound(what);
const CASE = { id: 'Perkara', en: 'Case' };
const REPORT = { id: 'Laporan', en: 'Report' };
const PERSON = { id: 'ASN', en: 'Civil servant' };

/** The record a page shows, for the holds that cover it (404 outside the caller's scope). */
async function recordFor(db: Db, viewer: Viewer, on: { caseId?: string; reportId?: string; asnId?: number }): Promise<RetainedRecord> {
  const scope = viewer.scope;
  if (on.caseId) {
    const c = await repo.caseHoldFacts(db, on.caseId, viewer);
    if (!c) throw outOfScope(CASE);
    const asnIds = [c.asnId, ...c.reportAsnIds].filter((v): v is number => v !== null).map(Number);
    return { kind: 'closed_case', electionId: c.electionId, regionCode: c.regionCode, anchorOn: null, caseId: c.id, reportIds: c.reportIds, asnIds };
  }
  if (on.reportId) {
    const r = await repo.reportTarget(db, on.reportId, viewer);
    if (!r) throw outOfScope(REPORT);
    const asnIds = [r.asnId, r.caseAsnId, ...(await repo.casePeopleIds(db, r.caseId))].filter((v): v is number => v !== null).map(Number);
    return { kind: 'closed_case', electionId: r.electionId, regionCode: r.regionCode, anchorOn: null, caseId: r.caseId, reportIds: [r.id], asnIds };
  }
  const p = await repo.personTarget(db, on.asnId!, scope);
  if (!p) throw outOfScope(PERSON);
  return { kind: 'account_link', electionId: null, regionCode: p.regionCode, anchorOn: null, caseId: null, reportIds: [], asnIds: [Number(p.id)] };
}

/** Every active hold that covers a case, a report or a person (its own, and those on its case, people, region or election). */
export async function holdsOn(ctx: AppContext, rc: RequestContext, on: { caseId?: string; reportId?: string; asnId?: number }) {
  if (!on.caseId && !on.reportId && on.asnId === undefined) {
    throw new ApiError(400, 'validation_failed', { id: 'Sebutkan perkara, laporan, atau ASN.', en: 'Name a case, a report or a civil servant.' }, [
      { field: 'query.caseId', message: { id: 'Isi caseId, reportId, atau asnId.', en: 'Give caseId, reportId or asnId.' } },
    ]);
  }
  const record = await recordFor(ctx.db, { role: rc.actor.role, scope: rc.actor.scope }, on);
  const covering = holdsCovering(await activeLegalHolds(ctx.db), record);
  const rows = await Promise.all(covering.map((h) => repo.findHold(ctx.db, h.id)));
  return { items: rows.filter((r): r is HoldRow => r !== undefined).map(holdDto) };
}

export type HoldInput =
  | { targetType: 'case'; caseId: string; reason: string }
  | { targetType: 'report'; reportId: string; reason: string }
  | { targetType: 'person'; asnId: number; reason: string }
  | { targetType: 'region'; regionCode: string; electionId?: string | null; reason: string }
  | { targetType: 'election'; electionId: string; reason: string };

const forbiddenHold = (id: string, en: string) => new ApiError(403, 'hold_out_of_scope', { id, en });

export async function placeHold(ctx: AppContext, rc: RequestContext, input: HoldInput) {
  const scope = rc.actor.scope;
  let region: string | null = null;
  const fields: Parameters<typeof repo.insertHold>[1] = { targetType: input.targetType, reason: input.reason, placedBy: rc.actor.id, at: ctx.now() };
  if (input.targetType === 'case') {
    const c = await repo.caseTarget(ctx.db, input.caseId);
    if (!c || !regionWithinScope(scope, c.regionCode)) throw outOfScope(CASE);
    fields.caseId = c.id;
    region = c.regionCode;
  } else if (input.targetType === 'report') {
    const r = await repo.reportTarget(ctx.db, input.reportId);
    if (!r || !regionWithinScope(scope, r.regionCode)) throw outOfScope(REPORT);
    fields.reportId = r.id;
    region = r.regionCode;
  } else if (input.targetType === 'person') {
    const p = await repo.personTarget(ctx.db, input.asnId, scope);
    if (!p) throw outOfScope(PERSON);
    fields.asnId = Number(p.id);
    region = p.regionCode;
  } else if (input.targetType === 'region') {
    if (!(await repo.regionExists(ctx.db, input.regionCode))) {
      throw new ApiError(400, 'validation_failed', { id: 'Wilayah tidak dikenal.', en: 'Unknown region.' }, [{ field: 'body.regionCode', message: { id: 'Kode wilayah tidak dikenal.', en: 'Unknown region code.' } }]);
    }
    if (!regionWithinScope(scope, input.regionCode)) throw forbiddenHold('Wilayah ini di luar cakupan Anda.', 'This region is outside your scope.');
    fields.regionCode = input.regionCode;
    fields.electionId = input.electionId ?? null;
    region = input.regionCode;
  } else {
    if (scope.kind !== 'national') throw forbiddenHold('Penahanan atas seluruh pemilihan hanya oleh akun nasional.', 'Only a national account may hold a whole election.');
    fields.electionId = input.electionId;
  }
  if (fields.electionId && !(await repo.electionExists(ctx.db, fields.electionId))) {
    throw new ApiError(400, 'validation_failed', { id: 'Pemilihan tidak dikenal.', en: 'Unknown election.' }, [{ field: 'body.electionId', message: { id: 'Pemilihan tidak dikenal.', en: 'Unknown election.' } }]);
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const holdId = await repo.insertHold(trx, fields);
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'retention.hold_placed',
      entityType: 'legal_hold',
      entityId: holdId,
      data: { targetType: input.targetType, caseId: fields.caseId ?? null, reportId: fields.reportId ?? null, asnId: fields.asnId ?? null, regionCode: region, electionId: fields.electionId ?? null, reason: input.reason },
      ...rc.meta,
      at: fields.at,
    });
    return holdId;
  });
  return holdDto((await repo.findHold(ctx.db, id))!);
}

export async function liftHold(ctx: AppContext, rc: RequestContext, id: string, reason: string) {
  const hold = await repo.findHold(ctx.db, id);
  const inScope = hold && (hold.targetRegion === null ? rc.actor.scope.kind === 'national' : regionWithinScope(rc.actor.scope, hold.targetRegion));
  if (!hold || !inScope) throw notFound({ id: 'Penahanan', en: 'Hold' });
  if (hold.liftedAt !== null) throw new ApiError(409, 'hold_already_lifted', { id: 'Penahanan ini sudah dicabut.', en: 'This hold was already lifted.' });
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.liftHold(trx, id, rc.actor.id, reason, at))) throw new ApiError(409, 'hold_already_lifted', { id: 'Penahanan ini sudah dicabut.', en: 'This hold was already lifted.' });
    await appendAudit(trx, { actorId: rc.actor.id, action: 'retention.hold_lifted', entityType: 'legal_hold', entityId: id, data: { targetType: hold.targetType, reason }, ...rc.meta, at });
  });
  return holdDto((await repo.findHold(ctx.db, id))!);
}

// ---- What expires

function recordOf(kind: RetentionKind, c: repo.Candidate): RetainedRecord {
  return { kind, electionId: c.electionId, regionCode: c.regionCode, anchorOn: c.anchorOn, caseId: c.caseId, reportIds: c.reportIds, asnIds: c.asnIds };
}

const visibleTo = (scope: Scope) => (record: RetainedRecord) => (record.regionCode === null ? scope.kind === 'national' : regionWithinScope(scope, record.regionCode));

/** Candidates read per batch by the forecast: its memory stays bounded however much expires. */
export const FORECAST_BATCH = 5000;

/** What expires within 30 or 90 days per kind, election and region, with the holds that keep some back (inside the caller's scope). */
export async function expiryForecast(ctx: AppContext, rc: RequestContext, days: number, batch = FORECAST_BATCH) {
  const today = todayOf(ctx);
  const until = addDays(today, days);
  const [rules, holds] = await Promise.all([loadRules(ctx.db), activeLegalHolds(ctx.db)]);
  const visible = visibleTo(rc.actor.scope);
  let rows: ForecastRow[] = [];
  for (const kind of RETENTION_KINDS) {
    const cutoff = latestAnchorExpiringBy(rules, kind, until);
    if (cutoff === null) continue;
    for await (const candidates of repo.candidateBatches(ctx.db, kind, cutoff, batch)) {
      const records = candidates.map((c) => recordOf(kind, c)).filter(visible);
      rows = mergeForecasts([rows, forecast(records, rules, holds, today, days)]);
    }
  }
  return {
    today,
    until,
    zone: PURGE_ZONE,
    days,
    rows: rows.map((row) => {
      const rule = rules.find((r) => r.kind === row.kind && r.electionId === row.electionId) ?? rules.find((r) => r.kind === row.kind && r.electionId === null)!;
      return { ...row, ruleElectionId: rule.electionId, keepDays: rule.keepDays, legalBasis: rule.legalBasis, action: RETENTION_KIND_DEFINITIONS[row.kind].action };
    }),
  };
}

// ---- The purge

export interface PurgeOptions {
  dryRun: boolean;
  trigger: 'schedule' | 'console' | 'cli' | 'restore';
  actorId: string | null;
  meta?: RequestMeta;
  /** Leave no trace of a run that found nothing (a restore's purge of a fresh copy). */
  quietWhenEmpty?: boolean;
}

interface Planned {
  kind: RetentionKind;
  candidate: repo.Candidate;
  rule: RetentionRule;
}

function groupKey(p: Planned) {
  return [p.kind, p.candidate.electionId ?? '', p.candidate.regionCode?.slice(0, 5) ?? '', p.rule.electionId ?? ''].join('|');
}

function logEntries(planned: Planned[]): repo.PurgeLogEntry[] {
  const groups = new Map<string, repo.PurgeLogEntry>();
  for (const p of planned) {
    const key = groupKey(p);
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        kind: p.kind,
        action: RETENTION_KIND_DEFINITIONS[p.kind].action,
        electionId: p.candidate.electionId,
        regionCode: p.candidate.regionCode?.slice(0, 5) ?? null,
        ruleElectionId: p.rule.electionId,
        ruleKeepDays: p.rule.keepDays,
        ruleLegalBasis: p.rule.legalBasis,
        ids: [],
      };
      groups.set(key, entry);
    }
    entry.ids.push(p.candidate.id);
  }
  return [...groups.values()];
}

/**
 * Find what has expired and is not held, then (unless a dry run) forget it in one transaction:
 * keys destroyed, rows blanked or deleted, the log written; files no row refers to any more are
 * removed from storage before the commit (removal is idempotent: a run that fails after it is
 * finished by the next). Every run is recorded, dry runs too.
 */
export async function runPurge(ctx: Pick<AppContext, 'db' | 'files' | 'now' | 'encryptionKey'>, options: PurgeOptions) {
  const today = todayOf(ctx);
  if (!options.dryRun) await upgradeLegacyIdentities(ctx.db, ctx.encryptionKey);
  const [rules, holds] = await Promise.all([loadRules(ctx.db), activeLegalHolds(ctx.db)]);
  const runId = await repo.startRun(ctx.db, { dryRun: options.dryRun, trigger: options.trigger, actorId: options.actorId, today, at: ctx.now() });
  try {
    const result = await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.lockPurge(trx))) {
        throw new ApiError(409, 'purge_running', { id: 'Pemusnahan lain sedang berjalan. Coba lagi nanti.', en: 'Another purge is running. Try again later.' });
      }
      const planned: Planned[] = [];
      let held = 0;
      for (const kind of RETENTION_KINDS) {
        const cutoff = latestAnchorExpiringBy(rules, kind, today);
        if (cutoff === null) continue;
        for (const candidate of await repo.candidates(trx, kind, cutoff)) {
          const verdict = retentionOf(recordOf(kind, candidate), rules, holds, today);
          if (verdict.status === 'held' && verdict.expiresOn !== null && verdict.expiresOn <= today) held += 1;
          if (verdict.status === 'expired') planned.push({ kind, candidate, rule: verdict.rule! });
        }
      }
      if (planned.length === 0 && options.quietWhenEmpty) return null;
      const entries = logEntries(planned);
      const at = ctx.now();
      if (!options.dryRun) await apply(trx, ctx.files, planned, at);
      await repo.insertLog(trx, runId, entries, at);
      const counts = Object.fromEntries(RETENTION_KINDS.map((k) => [k, planned.filter((p) => p.kind === k).length]).filter(([, n]) => n !== 0));
      await appendAudit(trx, {
        actorId: options.actorId,
        action: options.dryRun ? 'retention.purge_dry_run' : 'retention.purged',
        entityType: 'purge_run',
        entityId: runId,
        data: { trigger: options.trigger, today, counts, held },
        ...(options.meta ?? {}),
        at,
      });
      await repo.finishRun(trx, runId, { status: 'done', total: planned.length, held, at });
      return { total: planned.length, held };
    });
    if (result === null) {
      await repo.deleteRun(ctx.db, runId);
      return { runId: null, dryRun: options.dryRun, today, total: 0, held: 0 };
    }
    return { runId, dryRun: options.dryRun, today, ...result };
  } catch (error) {
    await repo.finishRun(ctx.db, runId, { status: 'failed', total: 0, held: 0, error: error instanceof Error ? error.message : String(error), at: ctx.now() });
    throw error;
  }
}

async function apply(trx: Parameters<typeof repo.anonymiseCases>[0], files: FileStore, planned: Planned[], at: Date): Promise<void> {
  const of = (kind: RetentionKind) => planned.filter((p) => p.kind === kind).map((p) => p.candidate);
  const ids = (list: repo.Candidate[]) => list.map((c) => c.id);
  const released = new Set<string>();
  const release = (keys: Iterable<string | null | undefined>) => {
    for (const key of keys) if (key) released.add(key);
  };

  const identities = of('reporter_identity');
  await destroyIdentityKeys(trx, identities.flatMap((c) => (c.keyId ? [c.keyId] : [])), at);
  await repo.deleteNoticeAddresses(trx, identities.filter((c) => c.noticeAddress).map((c) => c.id));
  await repo.forgetMessengerSenders(trx, identities.filter((c) => c.messenger).map((c) => c.id));

  const originals = of('evidence_original');
  release(originals.flatMap((c) => c.files ?? []));
  await repo.markOriginalsPurged(trx, ids(originals), at);
  const copies = of('evidence_copy');
  release(copies.flatMap((c) => c.files ?? []));
  await repo.markCopiesPurged(trx, ids(copies), at);

  // A report that led nowhere goes whole: its people's data, its files and its reporter's identity.
  const notAccepted = ids(of('not_accepted_report'));
  const evidence = await repo.evidenceFilesOfCases(trx, notAccepted);
  release(evidence.flatMap((e) => [e.original, e.copy]));
  await repo.markOriginalsPurged(trx, evidence.filter((e) => e.original !== null).map((e) => e.id), at);
  await repo.markCopiesPurged(trx, evidence.filter((e) => e.copy !== null).map((e) => e.id), at);
  await destroyIdentityKeys(trx, await repo.identityKeysOfCases(trx, notAccepted), at);
  await repo.deleteNoticeAddresses(trx, of('not_accepted_report').flatMap((c) => c.reportIds));
  await repo.forgetMessengerSenders(trx, of('not_accepted_report').flatMap((c) => c.reportIds));
  await repo.anonymiseCases(trx, [...ids(of('closed_case')), ...notAccepted], at);

  await repo.deletePosts(trx, ids(of('screened_post')));
  await repo.unlinkAccounts(trx, ids(of('account_link')), at);
  const conversations = of('inbox_conversation');
  release(conversations.flatMap((c) => c.files ?? []));
  await repo.deleteInboxConversations(trx, ids(conversations));
  const exports = of('export');
  release(exports.flatMap((c) => c.files ?? []));
  await repo.deleteExports(trx, ids(exports));
  await repo.deleteSessions(trx, ids(of('session')));

  // The same photo sent twice is one stored file: it goes only when no row refers to it any more.
  const keys = [...released];
  const stillUsed = await repo.referencedKeys(trx, keys);
  for (const key of keys) if (!stillUsed.has(key)) await files.remove(key);
}

// ---- Purge history

export async function purgeRuns(ctx: AppContext, page: { limit: number; offset: number }) {
  const { items, total } = await repo.listRuns(ctx.db, page);
  return { total, items: items.map((r) => ({ ...r, startedAt: iso(r.startedAt)!, finishedAt: iso(r.finishedAt) })) };
}

/** One run and its log; a regional account sees the log lines of its own territory only (no region: national accounts). */
export async function purgeRun(ctx: AppContext, rc: RequestContext, id: string) {
  const run = await repo.findRun(ctx.db, id);
  if (!run) throw notFound({ id: 'Catatan pemusnahan', en: 'Purge run' });
  const scope = rc.actor.scope;
  const log = (await repo.logOfRun(ctx.db, id)).filter((l) => (l.regionCode === null ? scope.kind === 'national' : regionWithinScope(scope, l.regionCode)));
  return {
    id: run.id,
    dryRun: run.dry_run,
    trigger: run.trigger,
    today: run.today,
    status: run.status,
    total: run.total,
    held: run.held,
    error: run.error,
    startedAt: iso(run.started_at)!,
    finishedAt: iso(run.finished_at),
    log: log.map((l) => ({ ...l, at: iso(l.at)! })),
  };
}

/** The console's purge: a dry run, or the real one after the typed confirmation. */
export async function purgeFromConsole(ctx: AppContext, rc: RequestContext, input: { dryRun: boolean; confirm?: string }) {
  if (!input.dryRun && input.confirm !== PURGE_CONFIRMATION) {
    throw new ApiError(400, 'validation_failed', { id: 'Konfirmasi pemusnahan belum diketik.', en: 'The purge confirmation was not typed.' }, [
      { field: 'body.confirm', message: { id: `Ketik ${PURGE_CONFIRMATION} untuk memusnahkan.`, en: `Type ${PURGE_CONFIRMATION} to purge.` } },
    ]);
  }
  const result = await runPurge(ctx, { dryRun: input.dryRun, trigger: 'console', actorId: rc.actor.id, meta: rc.meta });
  return purgeRun(ctx, rc, result.runId!);
}

export const PURGE_CONFIRMATION = 'MUSNAHKAN';

/** The scheduled purge (jobs.ts). */
export function scheduledPurge(ctx: AppContext) {
  return runPurge(ctx, { dryRun: false, trigger: 'schedule', actorId: null });
}

