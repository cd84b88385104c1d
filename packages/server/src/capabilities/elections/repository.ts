import { sql } from 'kysely';
import type { Election, ElectionStage, ParticipationRule, Rulebook } from '@netra/core';
import type { Db } from '../../db/database.ts';

export async function listElections(db: Db) {
  return db
    .selectFrom('elections as e')
    .select([
      'e.id',
      'e.kind',
      'e.name_id',
      'e.name_en',
      'e.year',
      'e.voting_day',
      'e.scope',
      (eb) => eb.selectFrom('election_regions as er').whereRef('er.election_id', '=', 'e.id').select(eb.fn.countAll<number>().as('n')).as('region_count'),
    ])
    .orderBy('e.voting_day', 'desc')
    .execute();
}

/** The election as the core domain models it, or undefined. */
export async function findElection(db: Db, id: string): Promise<Election | undefined> {
  const row = await db.selectFrom('elections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const stages = await db
    .selectFrom('election_stages')
    .selectAll()
    .where('election_id', '=', id)
    .orderBy('start_date')
    .orderBy('end_date')
    .execute();
  return {
    id: row.id,
    kind: row.kind,
    name: { id: row.name_id, en: row.name_en },
    year: row.year,
    votingDay: row.voting_day,
    scope: row.scope,
    basis: row.basis,
    participation: row.participation as ParticipationRule,
    rulebook: row.rulebook as Rulebook,
    stages: stages.map(
      (s): ElectionStage => ({
        code: s.code as ElectionStage['code'],
        name: { id: s.name_id, en: s.name_en },
        start: s.start_date,
        end: s.end_date,
        critical: s.critical,
        basis: s.basis,
        ...(s.levels ? { levels: s.levels as ElectionStage['levels'] } : {}),
      }),
    ),
  };
}

export async function participatingRegions(db: Db, electionId: string) {
  return db
    .selectFrom('election_regions as er')
    .innerJoin('regions as r', 'r.code', 'er.region_code')
    .select(['r.code', 'r.name', 'r.level', 'r.is_city as isCity', 'er.source'])
    .where('er.election_id', '=', electionId)
    .orderBy('r.code')
    .execute();
}

/** The contest a region belongs to: a district votes in its regency's election. */
function contestRegion(code: string): string {
  return code.length > 5 ? code.slice(0, 5) : code;
}

export async function regionParticipates(db: Db, electionId: string, regionCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('election_regions')
    .select('region_code')
    .where('election_id', '=', electionId)
    .where('region_code', '=', contestRegion(regionCode))
    .executeTakeFirst();
  return row !== undefined;
}

export async function listElectionsForRegion(db: Db, regionCode: string) {
  return db
    .selectFrom('elections as e')
    .select([
      'e.id',
      'e.kind',
      'e.name_id',
      'e.name_en',
      'e.year',
      sql<boolean>`EXISTS (SELECT 1 FROM election_regions er WHERE er.election_id = e.id AND er.region_code = ${contestRegion(regionCode)})`.as('participates'),
    ])
    .orderBy('e.voting_day', 'desc')
    .execute();
}

/** Add participating regions from an imported list (e.g. Pilkada 2020's regencies). */
export async function addParticipatingRegions(db: Db, electionId: string, regionCodes: string[]): Promise<number> {
  if (regionCodes.length === 0) return 0;
  const result = await db
    .insertInto('election_regions')
    .values(regionCodes.map((code) => ({ election_id: electionId, region_code: code, source: 'import' as const })))
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
