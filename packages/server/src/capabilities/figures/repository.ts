/**
 * The figures' queries. Figures come from the materialised aggregates (migration 0007): a national
 * view reads the province cube (one row per province and key), a province or regency view reads
 * the region cube through its index, so no view scans the cases. The one exception is a viewer
 * narrowed to agencies, whose figures the region cube cannot separate: theirs are counted live
 * from the same definitions (`dash_keys`), over the few cases of their agencies.
 *
 * Every query takes a `Territory` already checked against the viewer's scope; the region filter
 * is part of the SQL.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { agencyFilter, childCodeLength, territoryFilter, type Territory } from '../../db/territory.ts';

export { agencyFilter, childCodeLength, territoryFilter, type Territory, type TerritoryLevel } from '../../db/territory.ts';

export interface FigureFilter extends Territory {
  electionId: string;
  /** Count only cases that reached this far (see dashboards/view.ts minimumReach). */
  minReach: number;
  /** Personnel officers narrowed to agencies; null = every agency. */
  agencyIds: number[] | null;
}

/** One aggregate row: a count for a key of a dimension, in one child region of the territory. */
export interface CubeRow {
  child: string;
  subject: 'case' | 'report';
  dimension: string;
  key: string;
  n: number;
}

/** The child region `TOTAL_CHILD` stands for the whole territory. */
export const TOTAL_CHILD = '*';
/** Dimensions a view needs per child region (the map and the regions table); the rest as totals only. */
export const PER_CHILD_DIMENSIONS = ['total', 'flag'] as const;

/**
 * The figures of a territory from the aggregates: every key as a total over the territory (child
 * `TOTAL_CHILD`), read from the rollup one level up (national → dash_national_cube, a province →
 * its row in dash_province_cube, a regency → its own rows), and the `perChild` dimensions per
 * child region. Nothing is added up at query time.
 */
export async function cubeFromAggregates(db: Db, filter: FigureFilter, perChild: readonly string[] = PER_CHILD_DIMENSIONS): Promise<CubeRow[]> {
  const slice = sql`election_id = ${filter.electionId} AND min_reach = ${filter.minReach}`;
  const dimensions = sql`dimension = ANY(${[...perChild]}::text[])`;
  const { rows } =
    filter.level === 'national'
      ? await sql<CubeRow>`
          SELECT ${TOTAL_CHILD} AS child, subject, dimension, key, n FROM dash_national_cube WHERE ${slice}
          UNION ALL
          SELECT province_code, subject, dimension, key, n FROM dash_province_cube WHERE ${slice} AND ${dimensions}`.execute(db)
      : filter.level === 'province'
        ? await sql<CubeRow>`
            SELECT ${TOTAL_CHILD} AS child, subject, dimension, key, n FROM dash_province_cube WHERE ${slice} AND province_code = ${filter.regionCode}
            UNION ALL
            SELECT region_code, subject, dimension, key, n FROM dash_region_cube WHERE ${slice} AND province_code = ${filter.regionCode} AND ${dimensions}`.execute(db)
        : await sql<CubeRow>`
            SELECT ${TOTAL_CHILD} AS child, subject, dimension, key, n FROM dash_region_cube
            WHERE ${slice} AND province_code = ${filter.regionCode!.slice(0, 2)} AND region_code = ${filter.regionCode}
            UNION ALL
            SELECT region_code, subject, dimension, key, n FROM dash_region_cube
            WHERE ${slice} AND province_code = ${filter.regionCode!.slice(0, 2)} AND region_code = ${filter.regionCode} AND ${dimensions}`.execute(db);
  return rows;
}

/**
 * The same figures counted live from the base tables (`dash_keys`): for agency-narrowed viewers,
 * and the plain GROUP BY that bench/dashboard compares the aggregates with.
 */
export function liveCubeQuery(filter: FigureFilter) {
  return sql<CubeRow>`
    SELECT left(region_code, ${childCodeLength(filter.level)}) AS child, subject, dimension, key, count(*)::int AS n
    FROM dash_keys
    WHERE election_id = ${filter.electionId} AND reach >= ${filter.minReach}
      AND ${territoryFilter(filter, sql`left(region_code, 2)`, sql.ref('region_code'))}
      AND ${agencyFilter(sql.ref('agency_id'), filter.agencyIds)}
    GROUP BY 1, subject, dimension, key`;
}

export async function cubeLive(db: Db, filter: FigureFilter): Promise<CubeRow[]> {
  return (await liveCubeQuery(filter).execute(db)).rows;
}

export interface AgencyFigures {
  agencyId: number;
  code: string;
  name: string;
  regionCode: string;
  cases: number;
  reports: number;
  proven: number;
  sanctioned: number;
  ppkRecommended: number;
  ppkFollowedUp: number;
  deadlinesMet: number;
  deadlinesMissed: number;
  deadlinesOverdue: number;
}

export type AgencySort = 'cases' | 'missed' | 'follow_up' | 'name';

const AGENCY_ORDER: Record<AgencySort, RawBuilder<unknown>> = {
  cases: sql`cases DESC, name`,
  missed: sql`deadlines_missed + deadlines_overdue DESC, cases DESC, name`,
  // Lowest follow-up first: the agencies to chase. Agencies with nothing to follow up last.
  follow_up: sql`(ppk_followed_up::float / NULLIF(ppk_recommended, 0)) ASC NULLS LAST, ppk_recommended DESC, name`,
  name: sql`name`,
};

function agencyRows(filter: FigureFilter) {
  return sql`
    SELECT s.agency_id, a.code, a.name, a.region_code,
      sum(s.cases)::int AS cases, sum(s.reports)::int AS reports, sum(s.proven)::int AS proven, sum(s.sanctioned)::int AS sanctioned,
      sum(s.ppk_recommended)::int AS ppk_recommended, sum(s.ppk_followed_up)::int AS ppk_followed_up,
      sum(s.deadlines_met)::int AS deadlines_met, sum(s.deadlines_missed)::int AS deadlines_missed, sum(s.deadlines_overdue)::int AS deadlines_overdue
    FROM dash_agency_summary s JOIN agencies a ON a.id = s.agency_id
    WHERE s.election_id = ${filter.electionId} AND s.min_reach = ${filter.minReach}
      AND ${territoryFilter(filter, sql.ref('s.province_code'), sql.ref('s.region_code'))}
      AND ${agencyFilter(sql.ref('s.agency_id'), filter.agencyIds)}
    GROUP BY s.agency_id, a.code, a.name, a.region_code`;
}

interface AgencyRow {
  agency_id: number;
  code: string;
  name: string;
  region_code: string;
  cases: number;
  reports: number;
  proven: number;
  sanctioned: number;
  ppk_recommended: number;
  ppk_followed_up: number;
  deadlines_met: number;
  deadlines_missed: number;
  deadlines_overdue: number;
}

const agencyFigures = (r: AgencyRow): AgencyFigures => ({
  agencyId: r.agency_id,
  code: r.code,
  name: r.name,
  regionCode: r.region_code,
  cases: r.cases,
  reports: r.reports,
  proven: r.proven,
  sanctioned: r.sanctioned,
  ppkRecommended: r.ppk_recommended,
  ppkFollowedUp: r.ppk_followed_up,
  deadlinesMet: r.deadlines_met,
  deadlinesMissed: r.deadlines_missed,
  deadlinesOverdue: r.deadlines_overdue,
});

/** One page of the agency table (agencies with at least one case), and how many there are. */
export async function agencyPage(db: Db, filter: FigureFilter, page: { sort: AgencySort; limit: number; offset: number }) {
  const rows = agencyRows(filter);
  const [{ rows: counted }, { rows: items }] = await Promise.all([
    sql<{ total: number }>`SELECT count(*)::int AS total FROM (${rows}) x`.execute(db),
    sql<AgencyRow>`SELECT * FROM (${rows}) x ORDER BY ${AGENCY_ORDER[page.sort]}, agency_id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db),
  ]);
  return { total: counted[0].total, items: items.map(agencyFigures) };
}

/** Every row of the agency table, in the page order (exports). */
export async function allAgencies(db: Db, filter: FigureFilter, sort: AgencySort): Promise<AgencyFigures[]> {
  const { rows } = await sql<AgencyRow>`SELECT * FROM (${agencyRows(filter)}) x ORDER BY ${AGENCY_ORDER[sort]}, agency_id`.execute(db);
  return rows.map(agencyFigures);
}

export interface PreventionRow {
  child: string;
  asnTotal: number;
  pledged: number;
  reached: number;
}

/**
 * Active ASN, pledges and people reached by socialisation, per child region, from the aggregates:
 * per region, or per agency for a viewer narrowed to agencies.
 */
export async function preventionByChild(db: Db, filter: Omit<FigureFilter, 'minReach'>): Promise<PreventionRow[]> {
  const child = childCodeLength(filter.level);
  const where = territoryFilter(filter, sql.ref('province_code'), sql.ref('region_code'));
  if (!filter.agencyIds) {
    const { rows } = await sql<PreventionRow>`
      SELECT left(region_code, ${child}) AS child, sum(asn_total)::int AS "asnTotal", sum(pledged)::int AS pledged, sum(reached)::int AS reached
      FROM dash_prevention_regions WHERE election_id = ${filter.electionId} AND ${where} GROUP BY 1`.execute(db);
    return rows;
  }
  const { rows } = await sql<PreventionRow>`
    SELECT child, sum(asn_total)::int AS "asnTotal", sum(pledged)::int AS pledged, sum(reached)::int AS reached FROM (
      SELECT left(region_code, ${child}) AS child, asn_total, 0 AS pledged, 0 AS reached FROM dash_asn_counts
      WHERE ${where} AND ${agencyFilter(sql.ref('agency_id'), filter.agencyIds)}
      UNION ALL
      SELECT left(region_code, ${child}), 0, pledged, reached FROM dash_prevention
      WHERE election_id = ${filter.electionId} AND ${where} AND ${agencyFilter(sql.ref('agency_id'), filter.agencyIds)}
    ) x GROUP BY child`.execute(db);
  return rows;
}

/** Socialisation events held, per child region (a small table: counted live). */
export async function eventsByChild(db: Db, filter: Pick<FigureFilter, 'electionId' | 'level' | 'regionCode'>): Promise<Array<{ child: string; events: number }>> {
  const { rows } = await sql<{ child: string; events: number }>`
    SELECT left(region_code, ${childCodeLength(filter.level)}) AS child, count(*)::int AS events FROM socialisation_events
    WHERE election_id = ${filter.electionId} AND ${territoryFilter(filter, sql`left(region_code, 2)`, sql`left(region_code, 5)`)}
    GROUP BY 1`.execute(db);
  return rows;
}

/** Which other capabilities' tables exist yet (their figures appear once they do). */
export async function optionalSources(db: Db): Promise<{ candidates: boolean; rotations: boolean; screening: boolean }> {
  const { rows } = await sql<{ candidates: boolean; rotations: boolean; screening: boolean }>`
    SELECT to_regclass('candidate_pairs') IS NOT NULL AND to_regclass('candidate_obligation_events') IS NOT NULL AS candidates,
           to_regclass('rotations') IS NOT NULL AS rotations,
           to_regclass('dash_screening_queue') IS NOT NULL AS screening`.execute(db);
  return rows[0];
}

export interface CandidateFigures {
  asnCandidates: number;
  noticeRecorded: number;
  resignationRecorded: number;
  dismissalRecorded: number;
}

/** ASN among the candidate pairs and the obligations recorded for them (candidates capability). */
export async function candidateFigures(db: Db, filter: Omit<FigureFilter, 'minReach'>): Promise<CandidateFigures> {
  const recorded = (obligation: string) =>
    sql`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM candidate_obligation_events e WHERE e.pair_id = m.pair_id AND e.member = m.member AND e.obligation = ${obligation}))::int`;
  const { rows } = await sql<CandidateFigures>`
    WITH members AS (
      SELECT p.id AS pair_id, p.region_code, m.member, m.asn_id
      FROM candidate_pairs p
      CROSS JOIN LATERAL (VALUES ('head', p.head_asn_id), ('deputy', p.deputy_asn_id)) AS m(member, asn_id)
      WHERE p.election_id = ${filter.electionId} AND m.asn_id IS NOT NULL
    )
    SELECT count(*)::int AS "asnCandidates", ${recorded('notice')} AS "noticeRecorded",
      ${recorded('resignation')} AS "resignationRecorded", ${recorded('dismissal')} AS "dismissalRecorded"
    FROM members m LEFT JOIN asn a ON a.id = m.asn_id
    WHERE ${territoryFilter(filter, sql`left(m.region_code, 2)`, sql`left(m.region_code, 5)`)} AND ${agencyFilter(sql.ref('a.agency_id'), filter.agencyIds)}`.execute(db);
  return rows[0];
}

export interface RotationFigures {
  inWindow: number;
  withoutApproval: number;
}

/** Rotations decreed inside the art. 71(2) window, and those without the Minister's approval. */
export async function rotationFigures(db: Db, filter: Pick<FigureFilter, 'electionId' | 'level' | 'regionCode'>, window: { from: string; to: string | null }): Promise<RotationFigures> {
  const { rows } = await sql<RotationFigures>`
    SELECT count(*)::int AS "inWindow", count(*) FILTER (WHERE approval_letter_number IS NULL)::int AS "withoutApproval"
    FROM rotations
    WHERE election_id = ${filter.electionId} AND decree_date >= ${window.from} AND (${window.to}::date IS NULL OR decree_date <= ${window.to}::date)
      AND ${territoryFilter(filter, sql`left(region_code, 2)`, sql`left(region_code, 5)`)}`.execute(db);
  return rows[0];
}

/** Posts waiting for human triage (screening capability), from its aggregate. */
export async function screeningQueued(db: Db, filter: Pick<FigureFilter, 'electionId' | 'level' | 'regionCode'>): Promise<number> {
  const { rows } = await sql<{ queued: number }>`
    SELECT coalesce(sum(queued), 0)::int AS queued FROM dash_screening_queue
    WHERE election_id = ${filter.electionId} AND ${territoryFilter(filter, sql.ref('province_code'), sql.ref('region_code'))}`.execute(db);
  return rows[0].queued;
}

/** The regions a view lists: provinces nationally, a province's regencies/cities, or the region itself. */
export async function childRegions(db: Db, territory: Territory): Promise<Array<{ code: string; name: string; level: string }>> {
  let query = db.selectFrom('regions').select(['code', 'name', 'level']);
  if (territory.level === 'national') query = query.where('level', '=', 'province');
  else if (territory.level === 'province') query = query.where('parent_code', '=', territory.regionCode).where('level', '=', 'regency');
  else query = query.where('code', '=', territory.regionCode!);
  return query.orderBy('code').execute();
}
