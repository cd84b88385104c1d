/**
 * The staff dashboard of one election and territory: every figure of the view in one answer,
 * assembled from aggregate rows (figures/) so that totals, breakdowns, the map and the
 * drill-down list always agree with each other.
 */
import { ACT_CODES, CASE_STATES, POSITION_TYPES, prohibitedWindow, stagesForRegion, type Election, type Localised } from '@netra/core';
import { readOnlyContext, type AppContext } from '../../context.ts';
import type { Language } from '../../http/language.ts';
import type { ViewerContext } from '../../http/request-context.ts';
import { dashboardsRefreshedAt, refreshIfStale, refreshingHere } from '../figures/refresh.ts';
import {
  agencyPage,
  candidateFigures,
  childRegions,
  eventsByChild,
  headline,
  loadCube,
  optionalSources,
  preventionByChild,
  rate,
  rotationFigures,
  screeningQueued,
  type AgencySort,
  type FigureFilter,
  type Territory,
} from '../figures/service.ts';
import { DEADLINE_PARTY_LABELS, REPORT_SOURCE_LABELS, actLabel, positionLabel, sourceLabel, stageLabel, stateLabel } from './labels.ts';
import { PROVINCE_TILES, regencyTiles, type TilePosition } from './tile-layout.ts';
import { resolveView, type BreadcrumbItem } from './view.ts';

export interface ChildFigures extends ReturnType<typeof headline> {
  code: string;
  name: string;
  level: 'province' | 'regency';
  /** The province's own cases (handled by the provincial Bawaslu), listed beside its regencies. */
  ownLevel: boolean;
  short: string | null;
  tile: TilePosition | null;
  asnTotal: number;
  pledged: number;
  reached: number;
  events: number;
}

const PROVINCE_OWN_LEVEL: Localised = { id: 'Tingkat provinsi', en: 'Province level' };

async function childList(ctx: AppContext, territory: Territory, language: Language) {
  const regions = await childRegions(ctx, territory);
  if (territory.level === 'national') {
    return regions.map((r) => ({ code: r.code, name: r.name, level: 'province' as const, ownLevel: false, short: PROVINCE_TILES[r.code]?.short ?? null, tile: PROVINCE_TILES[r.code] ?? null }));
  }
  if (territory.level === 'regency') return [];
  const tiles = await regencyTiles(regions.map((r) => r.code));
  return [
    ...regions.map((r) => ({ code: r.code, name: r.name, level: 'regency' as const, ownLevel: false, short: null, tile: tiles.get(r.code) ?? null })),
    { code: territory.regionCode!, name: PROVINCE_OWN_LEVEL[language], level: 'province' as const, ownLevel: true, short: null, tile: null },
  ];
}

function stageList(election: Election, regionCode: string | null, language: Language) {
  return stagesForRegion(election, regionCode).map((s) => ({ code: s.code, name: s.name[language], start: s.start, end: s.end, critical: s.critical }));
}

export async function dashboard(primary: AppContext, rc: ViewerContext, electionId: string, region: string | undefined) {
  // Read from the replica when there is one; a refresh is asked of the primary.
  const ctx = readOnlyContext(primary);
  const { language } = rc;
  const view = await resolveView(ctx, rc.actor, electionId, region, language);
  const { election, territory, filter } = view;
  const refreshedAt = await dashboardsRefreshedAt(ctx.db);
  refreshIfStale(primary, refreshedAt);
  const [{ cube, live }, prevention, events, children, optional] = await Promise.all([
    loadCube(ctx, filter),
    preventionByChild(ctx.db, filter),
    eventsByChild(ctx.db, filter),
    childList(ctx, territory, language),
    optionalSources(ctx.db),
  ]);
  const l = (label: Localised) => label[language];
  const stages = stageList(election, territory.regionCode, language);
  const stageKeys = [...stages.map((s) => s.code), ...['before', 'between', 'after'].filter((k) => cube.count('case', 'stage', k) + cube.count('report', 'stage', k) > 0)];
  const weeks = [...new Set([...cube.keys('case', 'week'), ...cube.keys('report', 'week')])].sort();
  const preventionOf = new Map(prevention.map((r) => [r.child, r]));
  const eventsOf = new Map(events.map((r) => [r.child, r.events]));
  const totals = headline(cube);
  const preventionTotals = {
    asnTotal: prevention.reduce((s, r) => s + r.asnTotal, 0),
    pledged: prevention.reduce((s, r) => s + r.pledged, 0),
    reached: prevention.reduce((s, r) => s + r.reached, 0),
    events: events.reduce((s, r) => s + r.events, 0),
  };

  const [candidates, rotations, screening] = await Promise.all([
    optional.candidates ? candidateFigures(ctx.db, filter) : null,
    optional.rotations ? rotationsFor(ctx, election, filter) : null,
    optional.screening ? screeningQueued(ctx.db, filter).then((queued) => ({ queued })) : null,
  ]);

  return {
    election: { id: election.id, name: l(election.name) },
    territory: { level: territory.level, code: territory.regionCode, name: view.breadcrumb.at(-1)!.name },
    breadcrumb: view.breadcrumb satisfies BreadcrumbItem[],
    dataAsOf: live ? new Date().toISOString() : refreshedAt?.toISOString() ?? null,
    live,
    refreshing: refreshingHere(),
    minReach: filter.minReach,
    totals: {
      ...totals,
      ppkFollowUpRate: rate(totals.ppkFollowedUp, totals.ppkRecommended),
      duringCampaign: cube.count('case', 'stage', 'campaign'),
      duringCriticalStages: stages.filter((s) => s.critical).reduce((n, s) => n + cube.count('case', 'stage', s.code), 0),
    },
    byState: CASE_STATES.map((key) => ({ key, label: l(stateLabel(key)), cases: cube.count('case', 'state', key), reports: cube.count('report', 'state', key) })),
    byStage: stageKeys.map((key) => {
      const stage = stages.find((s) => s.code === key);
      return {
        key,
        label: l(stageLabel(election, key)),
        start: stage?.start ?? null,
        end: stage?.end ?? null,
        critical: stage?.critical ?? false,
        cases: cube.count('case', 'stage', key),
        reports: cube.count('report', 'stage', key),
      };
    }),
    byAct: [...ACT_CODES, 'none'].map((key) => ({ key, label: l(actLabel(key)), cases: cube.count('case', 'act', key) })),
    byPosition: [...POSITION_TYPES.map((p) => p.code as string), 'unknown'].map((key) => ({ key, label: l(positionLabel(key)), cases: cube.count('case', 'position', key) })),
    bySource: Object.keys(REPORT_SOURCE_LABELS).map((key) => ({ key, label: l(sourceLabel(key)), reports: cube.count('report', 'source', key) })),
    deadlines: ['bawaslu', 'bkn', 'ppk', 'reporter'].map((party) => ({
      party,
      label: l(DEADLINE_PARTY_LABELS[party]),
      met: cube.count('case', 'deadline', `${party}.met`),
      missed: cube.count('case', 'deadline', `${party}.missed`),
      running: cube.count('case', 'deadline', `${party}.running`),
      overdue: cube.count('case', 'deadline', `${party}.overdue`),
    })),
    weekly: weeks.map((week) => ({ week, cases: cube.count('case', 'week', week), reports: cube.count('report', 'week', week) })),
    stages,
    children: children.map(
      (c): ChildFigures => ({
        ...c,
        ...headline(cube, c.code),
        asnTotal: preventionOf.get(c.code)?.asnTotal ?? 0,
        pledged: preventionOf.get(c.code)?.pledged ?? 0,
        reached: preventionOf.get(c.code)?.reached ?? 0,
        events: eventsOf.get(c.code) ?? 0,
      }),
    ),
    prevention: {
      ...preventionTotals,
      pledgeCoverage: rate(preventionTotals.pledged, preventionTotals.asnTotal),
      reachCoverage: rate(preventionTotals.reached, preventionTotals.asnTotal),
    },
    candidates,
    rotations,
    screening,
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

/** Rotations only concern regional elections with a determination of candidates (art. 71(2)). */
async function rotationsFor(ctx: AppContext, election: Election, filter: FigureFilter) {
  if (!election.stages.some((s) => s.code === 'determination')) return null;
  // Nationally, a province-level contest: its schedule (with the provincial recap) runs longest.
  const window = prohibitedWindow(election, filter.regionCode ?? '11');
  return { ...(await rotationFigures(ctx.db, filter, window)), windowFrom: window.from, windowTo: window.to };
}

export async function agencyTable(primary: AppContext, rc: ViewerContext, electionId: string, query: { region?: string; sort: AgencySort; limit: number; offset: number }) {
  const ctx = readOnlyContext(primary);
  const { filter } = await resolveView(ctx, rc.actor, electionId, query.region, rc.language);
  const page = await agencyPage(ctx.db, filter, query);
  return {
    total: page.total,
    limit: query.limit,
    offset: query.offset,
    nextOffset: query.offset + page.items.length < page.total ? query.offset + page.items.length : null,
    dataAsOf: (await dashboardsRefreshedAt(ctx.db))?.toISOString() ?? null,
    items: page.items.map((a) => ({ ...a, ppkFollowUpRate: rate(a.ppkFollowedUp, a.ppkRecommended) })),
  };
}
