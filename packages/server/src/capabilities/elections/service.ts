import {
  changedParts,
  dateInTimeZone,
  rulebookTemplate,
  stageOn,
  stagesForRegion,
  validateRulebook,
  validateStages,
  type ElectionRulebook,
  type ElectionStage,
  type IsoDate,
  type RuleProblem,
} from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Trx } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import { findRegion } from '../regions/service.ts';
import { importParticipatingRegions } from './import-regions.ts';
import * as catalog from '../election-catalog/service.ts';

export async function electionDetail(ctx: AppContext, id: string, language: Language) {
  const election = await catalog.requireElection(ctx, id);
  const regions = await catalog.participatingRegions(ctx, id);
  return {
    id: election.id,
    kind: election.kind,
    name: election.name[language],
    year: election.year,
    votingDay: election.votingDay,
    scope: election.scope,
    basis: election.basis,
    regionCount: regions.length,
    stages: election.stages.map((s) => catalog.stageDto(s, language)),
    participation: {
      provinces: regions.filter((r) => r.level === 'province').length,
      regencies: regions.filter((r) => r.level === 'regency' && !r.isCity).length,
      cities: regions.filter((r) => r.isCity).length,
      incomplete: election.participation.incomplete ?? null,
      placementNotes: (election.participation.placementNotes ?? []).map((n) => ({ code: n.code, kind: n.kind, note: n.note[language] })),
    },
    regions,
    rulebookVersion: election.rulebookVersion,
    rulebook: election.rulebook,
  };
}

export async function calendarFor(
  ctx: AppContext,
  electionId: string,
  query: { region?: string; date?: IsoDate },
  language: Language,
) {
  const election = await catalog.requireElection(ctx, electionId);
  if (!query.region && election.scope === 'regional') {
    throw new ApiError(
      400,
      'validation_failed',
      { id: 'Pilih wilayah: pemilihan ini berbeda per daerah.', en: 'Choose a region: this election differs per region.' },
      [{ field: 'query.region', message: { id: 'Wajib diisi untuk pilkada, misalnya 35.10', en: 'Required for regional elections, e.g. 35.10' } }],
    );
  }
  const region = query.region ? await findRegion(ctx, query.region) : undefined;
  if (query.region && !region) throw notFound({ id: `Wilayah ${query.region}`, en: `Region ${query.region}` });
  const timeZone = region?.timeZone ?? 'Asia/Jakarta';
  const date = query.date ?? dateInTimeZone(ctx.now(), timeZone);
  const participates = region ? await catalog.regionParticipates(ctx, electionId, region.code) : true;
  const onDate = stageOn(election, region?.code ?? null, date);
  const stages = stagesForRegion(election, region?.code ?? null).map((s) => ({
    ...catalog.stageDto(s, language),
    status: s.end < date ? ('past' as const) : s.start > date ? ('upcoming' as const) : ('current' as const),
  }));
  return {
    election: { id: election.id, name: election.name[language] },
    region: region ? { code: region.code, name: region.name, timeZone } : null,
    participates,
    date,
    phase: onDate.phase,
    stage: onDate.current ? catalog.stageDto(onDate.current, language) : null,
    activeStages: onDate.active.map((s) => catalog.stageDto(s, language)),
    critical: onDate.critical,
    nextStage: onDate.next ? catalog.stageDto(onDate.next, language) : null,
    daysUntilNextStage: onDate.daysUntilNext,
    stages,
  };
}

// ---- Administration (issue 14): create an election, its stages, regions and rulebook versions.
// Elections are national data: only national accounts hold `elections.manage` (permission table).

type CreateElection = { id: string; kind: 'pilkada' | 'pemilu'; nameId: string; nameEn: string; votingDay: IsoDate; basis: string };
type StageInput = { code: ElectionStage['code']; nameId: string; nameEn: string; start: IsoDate; end: IsoDate; critical: boolean; basis: string };

/**
 * Every write of the administration: its transaction, then (committed or not: an unknown outcome
 * counts as a change) what this server's readers kept from the election tables is dropped, so the
 * next report filed here is placed under the change (`catalogChanged`, election-catalog).
 */
async function writeCatalog<T>(ctx: AppContext, write: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute(write);
  } finally {
    catalog.catalogChanged(ctx);
  }
}

/** 400 with each problem under its field (`body.<prefix><field>`). */
function problemsError(problems: RuleProblem[], prefix: string): ApiError {
  return new ApiError(
    400,
    'validation_failed',
    { id: 'Ada isian yang tidak valid. Periksa kolom yang ditandai.', en: 'Some input is invalid. Check the marked fields.' },
    problems.map((p) => ({ field: `body.${prefix}${p.field}`, message: p.message })),
  );
}

export async function createElection(ctx: AppContext, rc: RequestContext, body: CreateElection) {
  if (await catalog.electionExists(ctx.db, body.id)) {
    const message = { id: `Pengenal ${body.id} sudah dipakai.`, en: `The identifier ${body.id} is taken.` };
    throw new ApiError(409, 'election_exists', message, [{ field: 'body.id', message }]);
  }
  const rulebook = rulebookTemplate(body.kind, body.votingDay);
  await writeCatalog(ctx, async (trx) => {
    await catalog.insertElection(trx, { ...body, rulebook, createdBy: rc.actor.id });
    // The voting day is a stage from the start, so the calendar answers at once; the rest come from the console.
    await catalog.replaceStages(trx, body.id, [
      { code: 'voting', name: { id: 'Pemungutan suara', en: 'Voting' }, start: body.votingDay, end: body.votingDay, critical: true, basis: body.basis },
    ]);
    await appendAudit(trx, { actorId: rc.actor.id, action: 'election.created', entityType: 'election', entityId: body.id, data: { ...body, rulebookVersion: 1 }, ...rc.meta });
  });
  return electionDetail(ctx, body.id, rc.language);
}

export async function updateElection(ctx: AppContext, rc: RequestContext, id: string, body: Omit<CreateElection, 'id' | 'kind'>) {
  const election = await catalog.requireElection(ctx, id);
  const problems = validateStages(election.stages, body.votingDay);
  if (problems.length > 0) {
    const message = {
      id: 'Hari pemungutan suara harus berada dalam tahapan pemungutan suara; ubah tahapannya dahulu.',
      en: 'The voting day must fall within the voting stage; change the stages first.',
    };
    throw new ApiError(400, 'validation_failed', message, [{ field: 'body.votingDay', message }]);
  }
  await writeCatalog(ctx, async (trx) => {
    await catalog.updateElectionRow(trx, id, body);
    const before = { nameId: election.name.id, nameEn: election.name.en, votingDay: election.votingDay, basis: election.basis };
    await appendAudit(trx, { actorId: rc.actor.id, action: 'election.updated', entityType: 'election', entityId: id, data: { before, after: body }, ...rc.meta });
  });
  return electionDetail(ctx, id, rc.language);
}

export async function replaceElectionStages(ctx: AppContext, rc: RequestContext, id: string, stages: StageInput[]) {
  const election = await catalog.requireElection(ctx, id);
  const problems = validateStages(stages, election.votingDay);
  if (problems.length > 0) throw problemsError(problems, '');
  const next: ElectionStage[] = stages.map((s) => ({
    code: s.code,
    name: { id: s.nameId, en: s.nameEn },
    start: s.start,
    end: s.end,
    critical: s.critical,
    basis: s.basis,
    ...(s.code === 'recap_province' ? { levels: ['province' as const] } : {}),
  }));
  await writeCatalog(ctx, async (trx) => {
    await catalog.replaceStages(trx, id, next);
    const brief = (list: ElectionStage[]) => list.map((s) => `${s.code} ${s.start}–${s.end}`);
    await appendAudit(trx, { actorId: rc.actor.id, action: 'election.stages_replaced', entityType: 'election', entityId: id, data: { before: brief(election.stages), after: brief(next) }, ...rc.meta });
  });
  return electionDetail(ctx, id, rc.language);
}

/** A CSV list of participating regions: every row comes back accepted, duplicate or rejected with its reason. */
export async function importElectionRegions(ctx: AppContext, rc: RequestContext, id: string, csvText: string) {
  await catalog.requireElection(ctx, id);
  const report = await writeCatalog(ctx, async (trx) => {
    const result = await importParticipatingRegions(trx, id, csvText);
    const counts = { inserted: result.inserted, rows: result.rows.length, rejected: result.rows.filter((r) => r.status === 'rejected').length };
    await appendAudit(trx, { actorId: rc.actor.id, action: 'election.regions_imported', entityType: 'election', entityId: id, data: counts, ...rc.meta });
    return result;
  });
  const language = rc.language;
  return {
    inserted: report.inserted,
    updated: 0,
    unchanged: report.rows.filter((r) => r.status === 'duplicate').length,
    rejected: report.rows.filter((r) => r.status === 'rejected').length,
    rows: report.rows.map((r) => ({
      line: r.line,
      status: r.status,
      value: r.value,
      ...(r.status === 'accepted' ? { regionName: r.region.name } : {}),
      ...(r.status === 'rejected' ? { reasons: [{ column: 'kode_wilayah', code: r.problem, message: r.reason[language] }] } : {}),
      ...(r.status === 'duplicate' ? { reasons: [{ column: 'kode_wilayah', code: 'duplicate', message: r.reason[language] }] } : {}),
    })),
  };
}

export async function removeElectionRegion(ctx: AppContext, rc: RequestContext, id: string, regionCode: string) {
  await catalog.requireElection(ctx, id);
  const removed = await writeCatalog(ctx, async (trx) => {
    const done = await catalog.removeParticipatingRegion(trx, id, regionCode);
    if (done) await appendAudit(trx, { actorId: rc.actor.id, action: 'election.region_removed', entityType: 'election', entityId: id, data: { regionCode }, ...rc.meta });
    return done;
  });
  if (!removed) throw notFound({ id: `Wilayah ${regionCode} dalam pemilihan ini`, en: `Region ${regionCode} in this election` });
  return { removed: regionCode };
}

function presentVersion(row: Awaited<ReturnType<typeof catalog.rulebookVersions>>['rows'][number], currentVersion: number) {
  const rulebook = row.rulebook as ElectionRulebook;
  return {
    version: row.version,
    current: row.version === currentVersion,
    reason: row.reason,
    regulation: row.regulation,
    changedBy: row.userId ? { id: row.userId, name: row.userName ?? '' } : null,
    changedAt: new Date(row.changedAt).toISOString(),
    changed: row.previous ? changedParts(row.previous as ElectionRulebook, rulebook) : [],
    cases: Number(row.cases ?? 0),
    rulebook,
  };
}

export async function rulebookHistory(ctx: AppContext, id: string, page: { limit: number; offset: number }) {
  const election = await catalog.requireElection(ctx, id);
  const { total, rows } = await catalog.rulebookVersions(ctx.db, id, page);
  return { total, limit: page.limit, offset: page.offset, currentVersion: election.rulebookVersion, items: rows.map((r) => presentVersion(r, election.rulebookVersion)) };
}

/**
 * A new version of the rulebook: checked (core `validateRulebook`), recorded with who, when, why
 * and the regulation, made current. Cases already open keep the version their clocks started
 * with; reports filed from now on run under the new one.
 */
export async function changeRulebook(ctx: AppContext, rc: RequestContext, id: string, body: { rulebook: ElectionRulebook; reason: string; regulation: string }) {
  await catalog.requireElection(ctx, id);
  const problems = validateRulebook(body.rulebook);
  if (problems.length > 0) throw problemsError(problems, 'rulebook.');
  const version = await writeCatalog(ctx, async (trx) => {
    const current = await catalog.lockCurrentRulebook(trx, id);
    if (!current) throw notFound({ id: `Pemilihan ${id}`, en: `Election ${id}` });
    const changed = changedParts(current.rulebook as ElectionRulebook, body.rulebook);
    if (changed.length === 0) {
      const message = { id: 'Buku aturan tidak berubah: tidak ada versi baru.', en: 'The rulebook did not change: no new version.' };
      throw new ApiError(400, 'validation_failed', message, [{ field: 'body.rulebook', message }]);
    }
    const next = current.rulebook_version + 1;
    await catalog.insertRulebookVersion(trx, { electionId: id, version: next, rulebook: body.rulebook, reason: body.reason, regulation: body.regulation, changedBy: rc.actor.id });
    await appendAudit(trx, {
      actorId: rc.actor.id,
      action: 'election.rulebook_changed',
      entityType: 'election',
      entityId: id,
      data: { from: current.rulebook_version, to: next, changed, reason: body.reason, regulation: body.regulation },
      ...rc.meta,
    });
    return next;
  });
  const history = await rulebookHistory(ctx, id, { limit: 1, offset: 0 });
  return history.items.find((v) => v.version === version)!;
}

