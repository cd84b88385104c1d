/**
 * What the public figures need beyond the dashboards' aggregates: reports counted by the date of
 * the act (the aggregates count by the day of receipt), and the cases still undecided (a region
 * is "nihil pelanggaran" only when nothing is proven AND nothing is still open).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** The territory: the nation (null), a province (PP: its own and its regencies') or a regency/city. */
const inTerritory = (column: string, regionCode: string | null) =>
  regionCode === null ? sql`true` : sql`(${sql.ref(column)} = ${regionCode} OR ${sql.ref(column)} LIKE ${`${regionCode}.%`})`;

/**
 * Reports of an election in a territory by the stage their act fell in (the first day of the act,
 * `occurred_on`), as the dashboards place days in stages (`dash_stage_days`, migration 0007).
 * Only reports received up to `asOf` (the aggregates' refresh), so both views count the same reports.
 */
export async function reportsByActStage(db: Db, electionId: string, regionCode: string | null, asOf: Date): Promise<Map<string, number>> {
  const { rows } = await sql<{ stage: string; n: number }>`
    SELECT coalesce(sd.stage_code, CASE WHEN rp.occurred_on < sb.first_day THEN 'before' WHEN rp.occurred_on > sb.last_day THEN 'after' ELSE 'between' END) AS stage,
           count(*)::int AS n
    FROM reports rp
    LEFT JOIN dash_stage_days sd
      ON sd.election_id = rp.election_id AND sd.level = (CASE WHEN length(rp.region_code) = 2 THEN 'province' ELSE 'regency' END) AND sd.day = rp.occurred_on
    LEFT JOIN dash_stage_bounds sb
      ON sb.election_id = rp.election_id AND sb.level = (CASE WHEN length(rp.region_code) = 2 THEN 'province' ELSE 'regency' END)
    WHERE rp.election_id = ${electionId} AND ${inTerritory('rp.region_code', regionCode)} AND rp.received_at <= ${asOf}
    GROUP BY 1`.execute(db);
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}

/** States in which Bawaslu has not yet decided whether there was a violation. */
export const UNDECIDED_STATES = ['received', 'formal_check', 'awaiting_information', 'under_review'] as const;

/** Undecided cases of an election in a territory, per regency/city (or province) code. */
export async function undecidedCases(db: Db, electionId: string, regionCode: string | null): Promise<Map<string, number>> {
  const { rows } = await sql<{ region: string; n: number }>`
    SELECT left(c.region_code, 5) AS region, count(*)::int AS n
    FROM cases c
    WHERE c.election_id = ${electionId} AND ${inTerritory('c.region_code', regionCode)} AND c.state = ANY(${[...UNDECIDED_STATES]}::text[])
    GROUP BY 1`.execute(db);
  return new Map(rows.map((r) => [r.region, Number(r.n)]));
}
