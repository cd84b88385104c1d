/**
 * The part of the country a figure or a list covers (nation, province, regency/city), as SQL.
 * Dashboards, prevention and transparency filter their aggregates and lists by it; unlike the
 * staff scope (scope.ts) it is what the viewer asked to look at, already checked against that scope.
 */
import { sql, type RawBuilder } from 'kysely';

export type TerritoryLevel = 'national' | 'province' | 'regency';

export interface Territory {
  level: TerritoryLevel;
  /** Null for national. */
  regionCode: string | null;
}

/** The children of a territory are provinces (PP) nationally, regencies/cities (PP.KK) below. */
export const childCodeLength = (level: TerritoryLevel) => (level === 'national' ? 2 : 5);

/** Region filter on a view whose `province_code` and `region_code` (PP or PP.KK) columns are given. */
export function territoryFilter(territory: Territory, province: RawBuilder<unknown>, region: RawBuilder<unknown>) {
  if (territory.level === 'national') return sql`true`;
  if (territory.level === 'province') return sql`${province} = ${territory.regionCode}`;
  return sql`${region} = ${territory.regionCode}`;
}

/** Personnel officers narrowed to agencies see only theirs; null = every agency. */
export const agencyFilter = (column: RawBuilder<unknown>, agencyIds: number[] | null) => (agencyIds ? sql`${column} = ANY(${agencyIds}::int[])` : sql`true`);
