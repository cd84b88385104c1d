import { sql } from 'kysely';
import type { Election, ElectionRulebook, ElectionStage, ParticipationRule, Rulebook } from '@netra/core';
import type { Db, Trx } from '../../db/database.ts';
import { electionStageRows } from '../../db/seed/reference.ts';

/** The columns of an election in a list. */
const LISTED = ['e.id', 'e.kind', 'e.name_id', 'e.name_en', 'e.year'] as const;

export async function listElections(db: Db) {
  return db
    .selectFrom('elections as e')
    .select([
      ...LISTED,
      'e.voting_day',
      'e.scope',
      (eb) => eb.selectFrom('election_regions as er').whereRef('er.election_id', '=', 'e.id').select(eb.fn.countAll<number>().as('n')).as('region_count'),
    ])
    .orderBy('e.voting_day', 'desc')
    .execute();
}

type StageRow = { code: string; name_id: string; name_en: string; start_date: string; end_date: string; critical: boolean; basis: string; levels: string[] | null };

/**
 * The election with its stages in ONE statement (stages as a JSON array), and, when a region is
 * named, whether it takes part: filing a report reads all three (issue 11: every statement costs a
 * socket write on the hot path).
 */
async function electionRow(db: Db, id: string, regionCode: string | null) {
  return db
    .selectFrom('elections as e')
    .selectAll('e')
    .select([
      sql<StageRow[]>`coalesce((select jsonb_agg(to_jsonb(s) order by s.start_date, s.end_date) from election_stages s where s.election_id = e.id), '[]'::jsonb)`.as('stage_rows'),
      (regionCode === null
        ? sql<boolean | null>`null`
        : sql<boolean | null>`exists (select 1 from election_regions er where er.election_id = e.id and er.region_code = ${contestRegion(regionCode)})`
      ).as('region_participates'),
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

function electionOf(row: NonNullable<Awaited<ReturnType<typeof electionRow>>>): Election & { rulebookVersion: number } {
  return {
    id: row.id,
    kind: row.kind,
    name: { id: row.name_id, en: row.name_en },
    year: row.year,
    votingDay: row.voting_day,
    scope: row.scope,
    basis: row.basis,
    rulebookVersion: row.rulebook_version,
    participation: row.participation as ParticipationRule,
    rulebook: row.rulebook as Rulebook,
    stages: row.stage_rows.map(
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

/** The election as the core domain models it, or undefined. */
export async function findElection(db: Db, id: string): Promise<(Election & { rulebookVersion: number }) | undefined> {
  const row = await electionRow(db, id, null);
  return row ? electionOf(row) : undefined;
}

/** The election (as findElection) and whether the region (or its contest region) takes part in it. */
export async function findElectionForRegion(db: Db, id: string, regionCode: string) {
  const row = await electionRow(db, id, regionCode);
  return row ? { election: electionOf(row), participates: row.region_participates === true } : undefined;
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
      ...LISTED,
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

// ---- Administration (issue 14): elections created in the console, stages, rulebook versions

export async function electionExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('elections').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertElectionRow(
  trx: Trx,
  e: { id: string; kind: 'pilkada' | 'pemilu'; nameId: string; nameEn: string; votingDay: string; basis: string; rulebook: ElectionRulebook; createdBy: string },
): Promise<void> {
  await trx
    .insertInto('elections')
    .values({
      id: e.id,
      kind: e.kind,
      name_id: e.nameId,
      name_en: e.nameEn,
      year: Number(e.votingDay.slice(0, 4)),
      voting_day: e.votingDay,
      // A Pemilu is one national contest; a Pilkada differs per region.
      scope: e.kind === 'pemilu' ? 'national' : 'regional',
      basis: e.basis,
      // Participation lives in election_regions (imported lists); the rule names no region.
      participation: JSON.stringify({ provinces: 'none', regencies: 'none' } satisfies ParticipationRule),
      rulebook: JSON.stringify(e.rulebook),
      rulebook_version: 1,
      created_by: e.createdBy,
    })
    .execute();
  await trx
    .insertInto('election_rulebooks')
    .values({ election_id: e.id, version: 1, rulebook: JSON.stringify(e.rulebook), reason: 'Buku aturan awal dari templat', regulation: e.basis, changed_by: e.createdBy })
    .execute();
}

export async function updateElectionRow(trx: Trx, id: string, e: { nameId: string; nameEn: string; votingDay: string; basis: string }) {
  await trx
    .updateTable('elections')
    .set({ name_id: e.nameId, name_en: e.nameEn, voting_day: e.votingDay, year: Number(e.votingDay.slice(0, 4)), basis: e.basis })
    .where('id', '=', id)
    .execute();
}

export async function replaceStages(trx: Trx, electionId: string, stages: ElectionStage[]): Promise<void> {
  await trx.deleteFrom('election_stages').where('election_id', '=', electionId).execute();
  await trx.insertInto('election_stages').values(electionStageRows(electionId, stages)).execute();
}

export async function removeParticipatingRegion(trx: Trx, electionId: string, regionCode: string): Promise<boolean> {
  const result = await trx.deleteFrom('election_regions').where('election_id', '=', electionId).where('region_code', '=', regionCode).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The election row locked for a rulebook change, with its current version. */
export async function lockCurrentRulebook(trx: Trx, electionId: string) {
  return trx.selectFrom('elections').select(['rulebook', 'rulebook_version']).where('id', '=', electionId).forUpdate().executeTakeFirst();
}

export async function insertRulebookVersion(
  trx: Trx,
  v: { electionId: string; version: number; rulebook: ElectionRulebook; reason: string; regulation: string; changedBy: string },
): Promise<{ changedAt: Date }> {
  const row = await trx
    .insertInto('election_rulebooks')
    .values({ election_id: v.electionId, version: v.version, rulebook: JSON.stringify(v.rulebook), reason: v.reason, regulation: v.regulation, changed_by: v.changedBy })
    .returning('changed_at')
    .executeTakeFirstOrThrow();
  await trx.updateTable('elections').set({ rulebook: JSON.stringify(v.rulebook), rulebook_version: v.version }).where('id', '=', v.electionId).execute();
  return { changedAt: row.changed_at };
}

/** One page of an election's rulebook versions, newest first, each with the version before it and its number of cases. */
export async function rulebookVersions(db: Db, electionId: string, page: { limit: number; offset: number }) {
  const [total, rows] = await Promise.all([
    db.selectFrom('election_rulebooks').select((eb) => eb.fn.countAll<string>().as('n')).where('election_id', '=', electionId).executeTakeFirstOrThrow(),
    db
      .selectFrom('election_rulebooks as v')
      .leftJoin('users as u', 'u.id', 'v.changed_by')
      .leftJoin('election_rulebooks as p', (j) => j.onRef('p.election_id', '=', 'v.election_id').on('p.version', '=', sql<number>`v.version - 1`))
      .select([
        'v.version',
        'v.rulebook',
        'v.reason',
        'v.regulation',
        'v.changed_at as changedAt',
        'u.id as userId',
        'u.name as userName',
        'p.rulebook as previous',
        (eb) =>
          eb
            .selectFrom('cases as c')
            .whereRef('c.election_id', '=', 'v.election_id')
            .whereRef('c.rulebook_version', '=', 'v.version')
            .select(eb.fn.countAll<string>().as('n'))
            .as('cases'),
      ])
      .where('v.election_id', '=', electionId)
      .orderBy('v.version', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(total.n), rows };
}

/** One version's meta (for a case page: which rulebook its clocks use). */
export async function rulebookVersionMeta(db: Db, electionId: string, version: number) {
  return db
    .selectFrom('election_rulebooks as v')
    .innerJoin('elections as e', 'e.id', 'v.election_id')
    .select(['v.version', 'v.changed_at as changedAt', 'v.regulation', 'e.rulebook_version as currentVersion'])
    .where('v.election_id', '=', electionId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}
