/**
 * The counted figures: the aggregate tables (materialised views of migration 0007), their refresh
 * (refresh.ts) and the reads of them that the dashboards, the public transparency pages, the
 * prevention coverage page, the recap document and the exports share. Every read takes a territory
 * already checked against the viewer's scope (regions' territoryView, dashboards' resolveView).
 */
import type { AppContext } from '../../context.ts';
import { dashboardsRefreshedAt } from './refresh.ts';
import * as repo from './repository.ts';

// What the dashboards read of the aggregates beside the shared reads below. Other capabilities
// take these from here, never from repository.ts.
export {
  agencyPage,
  candidateFigures,
  eventsByChild,
  optionalSources,
  PER_CHILD_DIMENSIONS,
  preventionByChild,
  rotationFigures,
  screeningQueued,
  TOTAL_CHILD,
  type AgencyFigures,
  type AgencySort,
  type CandidateFigures,
  type CubeRow,
  type FigureFilter,
  type PreventionRow,
  type RotationFigures,
  type Territory,
  type TerritoryLevel,
} from './repository.ts';

/**
 * Counts of one aggregate query, by child region and key. Totals come from the rows of child
 * `TOTAL_CHILD` when the query sent them (aggregates), else are summed over the children (live).
 */
export class Cube {
  private readonly byChild = new Map<string, number>();
  private readonly total = new Map<string, number>();

  constructor(rows: readonly repo.CubeRow[]) {
    const totalsSent = rows.some((row) => row.child === repo.TOTAL_CHILD);
    for (const row of rows) {
      const key = `${row.subject}|${row.dimension}|${row.key}`;
      if (row.child !== repo.TOTAL_CHILD) this.byChild.set(`${row.child}|${key}`, (this.byChild.get(`${row.child}|${key}`) ?? 0) + row.n);
      if (row.child === repo.TOTAL_CHILD || !totalsSent) this.total.set(key, (this.total.get(key) ?? 0) + row.n);
    }
  }

  count(subject: 'case' | 'report', dimension: string, key: string, child?: string): number {
    const k = `${subject}|${dimension}|${key}`;
    return (child === undefined ? this.total.get(k) : this.byChild.get(`${child}|${k}`)) ?? 0;
  }

  /** Keys of a dimension that have a count, sorted. */
  keys(subject: 'case' | 'report', dimension: string): string[] {
    const prefix = `${subject}|${dimension}|`;
    return [...this.total.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)).sort();
  }

  /** Every total as "subject|dimension|key" → count (for comparing two ways of counting). */
  totals(): ReadonlyMap<string, number> {
    return this.total;
  }
}

export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The headline figures of a (child) region. */
export function headline(cube: Cube, child?: string) {
  const flag = (key: string) => cube.count('case', 'flag', key, child);
  return {
    reports: cube.count('report', 'total', 'all', child),
    cases: cube.count('case', 'total', 'all', child),
    proven: flag('proven'),
    sanctioned: flag('sanctioned'),
    ppkRecommended: flag('ppk_recommended'),
    ppkFollowedUp: flag('ppk_followed_up'),
    siasnBlocks: flag('siasn_block'),
  };
}

/** The figures of a territory: from the aggregates, or live for viewers narrowed to agencies. */
export async function loadCube(ctx: AppContext, filter: repo.FigureFilter, perChild: readonly string[] = repo.PER_CHILD_DIMENSIONS): Promise<{ cube: Cube; live: boolean }> {
  const live = filter.agencyIds !== null;
  const rows = live ? await repo.cubeLive(ctx.db, filter) : await repo.cubeFromAggregates(ctx.db, filter, perChild);
  return { cube: new Cube(rows), live };
}

/** Every row of the agency table, in the page's order (exports). */
export async function allAgencyFigures(ctx: AppContext, filter: repo.FigureFilter, sort: repo.AgencySort) {
  return repo.allAgencies(ctx.db, filter, sort);
}

/** The regions a territory's figures are listed by: provinces nationally, a province's regencies/cities. */
export async function childRegions(ctx: AppContext, territory: repo.Territory) {
  return repo.childRegions(ctx.db, territory);
}

/**
 * The prevention figures of a territory for prevention's coverage page: active ASN, pledges and
 * people reached per child region (aggregates), events held per child region, and when the
 * aggregates were taken.
 */
export async function preventionFigures(ctx: AppContext, filter: Omit<repo.FigureFilter, 'minReach'>) {
  const [byChild, events, refreshedAt] = await Promise.all([repo.preventionByChild(ctx.db, filter), repo.eventsByChild(ctx.db, filter), dashboardsRefreshedAt(ctx.db)]);
  return { byChild, events, refreshedAt };
}
