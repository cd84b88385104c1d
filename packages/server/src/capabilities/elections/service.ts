import { dateInTimeZone, stageOn, stagesForRegion, type Election, type ElectionStage, type IsoDate } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import { findRegion } from '../regions/service.ts';
import * as repo from './repository.ts';

/** Only the database is needed: callers without a request (imports, the CLI) pass `{ db }`. */
type Reader = Pick<AppContext, 'db'>;

export function stageDto(stage: ElectionStage, language: Language) {
  return { code: stage.code, name: stage.name[language], start: stage.start, end: stage.end, critical: stage.critical, basis: stage.basis };
}

/** The election as the core domain models it, or undefined. */
export async function findElection(ctx: Reader, id: string): Promise<Election | undefined> {
  return repo.findElection(ctx.db, id);
}

export async function requireElection(ctx: Reader, id: string): Promise<Election> {
  const election = await repo.findElection(ctx.db, id);
  if (!election) throw notFound({ id: `Pemilihan ${id}`, en: `Election ${id}` });
  return election;
}

/** Every election, newest first, with how many regions take part. */
export async function electionList(ctx: Reader, language: Language) {
  const rows = await repo.listElections(ctx.db);
  return {
    items: rows.map((e) => ({
      id: e.id,
      kind: e.kind,
      name: language === 'id' ? e.name_id : e.name_en,
      year: e.year,
      votingDay: e.voting_day,
      scope: e.scope,
      regionCount: Number(e.region_count ?? 0),
    })),
  };
}

/** The regions taking part in an election (provinces, regencies/cities), by code. */
export async function participatingRegions(ctx: Reader, electionId: string) {
  return repo.participatingRegions(ctx.db, electionId);
}

/** Whether a region (or, for a district, its regency) takes part in the election. */
export async function regionParticipates(ctx: Reader, electionId: string, regionCode: string): Promise<boolean> {
  return repo.regionParticipates(ctx.db, electionId, regionCode);
}

/** Every election and whether the region takes part in it (the region page). */
export async function electionsOfRegion(ctx: Reader, regionCode: string, language: Language) {
  const elections = await repo.listElectionsForRegion(ctx.db, regionCode);
  return elections.map((e) => ({
    id: e.id,
    name: language === 'id' ? e.name_id : e.name_en,
    year: e.year,
    kind: e.kind,
    participates: e.participates,
  }));
}

export async function electionDetail(ctx: AppContext, id: string, language: Language) {
  const election = await requireElection(ctx, id);
  const regions = await repo.participatingRegions(ctx.db, id);
  return {
    id: election.id,
    kind: election.kind,
    name: election.name[language],
    year: election.year,
    votingDay: election.votingDay,
    scope: election.scope,
    basis: election.basis,
    regionCount: regions.length,
    stages: election.stages.map((s) => stageDto(s, language)),
    participation: {
      provinces: regions.filter((r) => r.level === 'province').length,
      regencies: regions.filter((r) => r.level === 'regency' && !r.isCity).length,
      cities: regions.filter((r) => r.isCity).length,
      incomplete: election.participation.incomplete ?? null,
      placementNotes: (election.participation.placementNotes ?? []).map((n) => ({ code: n.code, kind: n.kind, note: n.note[language] })),
    },
    regions,
    rulebook: election.rulebook,
  };
}

export async function calendarFor(
  ctx: AppContext,
  electionId: string,
  query: { region?: string; date?: IsoDate },
  language: Language,
) {
  const election = await requireElection(ctx, electionId);
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
  const participates = region ? await repo.regionParticipates(ctx.db, electionId, region.code) : true;
  const onDate = stageOn(election, region?.code ?? null, date);
  const stages = stagesForRegion(election, region?.code ?? null).map((s) => ({
    ...stageDto(s, language),
    status: s.end < date ? ('past' as const) : s.start > date ? ('upcoming' as const) : ('current' as const),
  }));
  return {
    election: { id: election.id, name: election.name[language] },
    region: region ? { code: region.code, name: region.name, timeZone } : null,
    participates,
    date,
    phase: onDate.phase,
    stage: onDate.current ? stageDto(onDate.current, language) : null,
    activeStages: onDate.active.map((s) => stageDto(s, language)),
    critical: onDate.critical,
    nextStage: onDate.next ? stageDto(onDate.next, language) : null,
    daysUntilNextStage: onDate.daysUntilNext,
    stages,
  };
}
