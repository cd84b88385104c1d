/**
 * The elections as stored: the core's model of each election (stages, participation, rulebook and
 * its versions) and the candidate pairs contesting each region, read by every capability that
 * needs an election's calendar, rules or contestants. This folder
 * owns the election tables and stands low (on the database and `http/` only), so a capability
 * that only reads elections does not stand on their administration (`elections/`: the API, the
 * console's changes and their audit), which writes through the functions at the end.
 */
import type { Election, ElectionStage } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import * as pairs from './pairs.repository.ts';
import * as repo from './repository.ts';

/** An election as stored: the core model and the version of its current rulebook. */
export type StoredElection = Election & { rulebookVersion: number };

/** Only the database is needed: callers without a request (imports, the CLI) pass `{ db }`. */
type Reader = Pick<AppContext, 'db'>;

export function stageDto(stage: ElectionStage, language: Language) {
  return { code: stage.code, name: stage.name[language], start: stage.start, end: stage.end, critical: stage.critical, basis: stage.basis };
}

/** The election as the core domain models it, or undefined. */
export async function findElection(ctx: Reader, id: string): Promise<Election | undefined> {
  return repo.findElection(ctx.db, id);
}

export async function requireElection(ctx: Reader, id: string): Promise<StoredElection> {
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
/** The election and whether the region takes part in it, read together (filing a report). */
export async function findElectionForRegion(ctx: Reader, id: string, regionCode: string) {
  return repo.findElectionForRegion(ctx.db, id, regionCode);
}

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

/** Which rulebook version a case's clocks use, and the election's current one (the case page). */
export async function rulebookVersionOf(ctx: Reader, electionId: string, version: number) {
  const row = await repo.rulebookVersionMeta(ctx.db, electionId, version);
  return {
    version,
    currentVersion: row?.currentVersion ?? version,
    changedAt: row ? new Date(row.changedAt).toISOString() : null,
    regulation: row?.regulation ?? null,
  };
}

// ---- What a reader may keep (issue 11, sixth pass). A capability that keeps something read from
// the election tables for a few seconds (the intake's placement cache) keys it with this
// database's catalog generation; the administration (`elections/`) calls `catalogChanged` after
// each write commits, so everything this server kept from before is dropped at once. Other
// servers (and writes outside the administration: seeds, imports from the command line) are
// bound only by the keeper's own time limit.
const generations = new WeakMap<object, number>();

/** The catalog's generation on this server for this database: changes whenever the administration wrote. */
export function catalogGeneration(ctx: Reader): number {
  return generations.get(ctx.db) ?? 0;
}

/** The election tables changed (after the commit): what readers kept from before is stale. */
export function catalogChanged(ctx: Reader): void {
  generations.set(ctx.db, catalogGeneration(ctx) + 1);
}

// ---- Writes, for the administration (`elections/`), inside its transaction with its audit entry:
// the repository's own functions, which no other capability may import from there.
export {
  addParticipatingRegions,
  electionExists,
  insertElectionRow as insertElection,
  insertRulebookVersion,
  lockCurrentRulebook,
  removeParticipatingRegion,
  replaceStages,
  rulebookVersions,
  updateElectionRow,
} from './repository.ts';

// ---- The candidate pairs of each contest. Reads for every capability; writes for the candidates
// capability's import and edits, inside its transaction with its audit entry.
export { findPair, listPairs, updatePair, upsertPair, type PairWrite, type StoredPair } from './pairs.repository.ts';

/** The pairs standing in one region's contest, whatever the caller's scope (the rotation watch looks for incumbents among them). */
export function pairsOfContest(ctx: Reader, electionId: string, regionCode: string): Promise<pairs.StoredPair[]> {
  return pairs.pairsOfContest(ctx.db, electionId, regionCode);
}
