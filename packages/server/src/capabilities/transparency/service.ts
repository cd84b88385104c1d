/**
 * The public transparency page of an election, for the nation, a province or a regency/city:
 * what was reported, what was proven, what was sanctioned, whether the PPKs follow up, and
 * whether the region stays "nihil pelanggaran" (no proven violation by its civil servants and
 * nothing still under review, seed 003). No login, no personal data: only region names and
 * counts, every count suppressed below five and no rate that could give one away
 * (suppression.ts), from the same aggregates as the staff dashboards. Reports are placed in the
 * election's stages by the date of the act (what the public asks: "during the campaign?"), with
 * the day-of-receipt view beside it where the two differ.
 */
import { regionLevel, stagesForRegion, type Localised } from '@netra/core';
import { readOnlyContext, type AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import type { Territory } from '../../db/territory.ts';
import { participatingRegions, requireElection } from '../election-catalog/service.ts';
import { findRegion } from '../regions/service.ts';
import { PROVINCE_TILES, regencyTiles } from '../dashboards/tile-layout.ts';
import { dashboardsRefreshedAt, refreshIfStale } from '../figures/refresh.ts';
import { childRegions, headline, loadCube } from '../figures/service.ts';
import { reportsByActStage, undecidedCases } from './repository.ts';
import { publicColumn, publicCount, publicPercent } from './suppression.ts';

const NATIONAL: Localised = { id: 'Indonesia', en: 'Indonesia' };
const PROVINCE_LEVEL: Localised = { id: 'Tingkat provinsi', en: 'Province level' };
const OUTSIDE_STAGES: Localised = { id: 'Di luar tahapan', en: 'Outside the stages' };

async function territoryOf(ctx: AppContext, regionCode: string | undefined) {
  if (!regionCode) return { territory: { level: 'national', regionCode: null } as Territory, region: null };
  const region = await findRegion(ctx, regionCode);
  const level = region ? regionLevel(region.code) : null;
  if (!region || (level !== 'province' && level !== 'regency')) throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` });
  return { territory: { level, regionCode: region.code } as Territory, region };
}

export async function transparency(primary: AppContext, electionId: string, regionCode: string | undefined, language: Language) {
  // Public figures are read from the replica when there is one; a refresh is asked of the primary.
  const ctx = readOnlyContext(primary);
  const election = await requireElection(ctx, electionId);
  const { territory, region } = await territoryOf(ctx, regionCode);
  const refreshedAt = await dashboardsRefreshedAt(ctx.db);
  refreshIfStale(primary, refreshedAt);
  // Every case counts (minReach 0) and no agency narrows the public figures.
  const [{ cube }, participating, children, byAct, undecided] = await Promise.all([
    loadCube(ctx, { ...territory, electionId: election.id, minReach: 0, agencyIds: null }),
    participatingRegions(ctx, election.id),
    territory.level === 'regency' ? Promise.resolve([]) : childRegions(ctx, territory),
    refreshedAt ? reportsByActStage(ctx.db, election.id, territory.regionCode, refreshedAt) : Promise.resolve(new Map<string, number>()),
    undecidedCases(ctx.db, election.id, territory.regionCode),
  ]);
  // Cases still before Bawaslu's decision, in a region (a regency code, or a province's own and its regencies').
  const openIn = (code: string | null) => [...undecided].reduce((n, [region, count]) => n + (code === null || region === code || region.startsWith(`${code}.`) ? count : 0), 0);
  const tiles = territory.level === 'province' ? await regencyTiles(children.map((c) => c.code)) : new Map(Object.entries(PROVINCE_TILES));
  const taking = new Set(participating.map((r) => r.code));
  // A regency takes part in a national election through its province's rows, in Pilkada on its own.
  const participates = (code: string | null) => code === null || election.scope === 'national' || taking.has(code);
  const totals = headline(cube);
  // Every column must add up to the total shown above it (suppression.ts): the province's own
  // cases are a row of their own.
  const rowsOfTable = territory.level === 'province' ? [...children, { code: territory.regionCode!, name: PROVINCE_LEVEL[language], level: 'province' }] : children;
  const childFigures = rowsOfTable.map((c) => ({ ...c, figures: headline(cube, c.code) }));
  const column = (pick: (f: ReturnType<typeof headline>) => number) => publicColumn(childFigures.map((c) => pick(c.figures)), language);
  const [reports, proven] = [column((f) => f.reports), column((f) => f.proven)];
  const stages = stagesForRegion(election, territory.regionCode);
  const OFF = ['before', 'between', 'after'];
  const received = [...stages.map((s) => cube.count('report', 'stage', s.code)), OFF.reduce((n, key) => n + cube.count('report', 'stage', key), 0)];
  const acted = [...stages.map((s) => byAct.get(s.code) ?? 0), OFF.reduce((n, key) => n + (byAct.get(key) ?? 0), 0)];
  const stageReports = publicColumn(acted, language);
  const stageReceived = publicColumn(received, language);
  const receiptDiffers = acted.some((n, i) => n !== received[i]);
  // "Nihil pelanggaran": held here, figures exist, nothing proven and nothing still undecided.
  const nihil = (code: string | null, proven: number) => participates(code) && refreshedAt !== null && proven === 0 && openIn(code) === 0;

  return {
    election: { id: election.id, name: election.name[language], year: election.year },
    region: region ? { code: region.code, name: region.name, level: territory.level, parentCode: region.parentCode, parentName: region.parentName } : null,
    name: region?.name ?? NATIONAL[language],
    participates: participates(territory.regionCode),
    dataAsOf: refreshedAt?.toISOString() ?? null,
    counts: {
      reports: publicCount(totals.reports, language),
      provenViolations: publicCount(totals.proven, language),
      sanctions: publicCount(totals.sanctioned, language),
    },
    // Percent of the cases BKN recommended to the PPKs on which a sanction was decided; shown only
    // when at least five were recommended.
    followUpRate: publicPercent(totals.ppkFollowedUp, totals.ppkRecommended),
    // Only meaningful where the election is held, and once figures exist.
    nihil: nihil(territory.regionCode, totals.proven),
    stagesCountedBy: 'act_date' as const,
    receiptViewDiffers: receiptDiffers,
    byStage: [
      ...stages.map((s, i) => ({ code: s.code, name: s.name[language], start: s.start, end: s.end, critical: s.critical, reports: stageReports[i], reportsByReceipt: stageReceived[i] })),
      { code: 'outside', name: OUTSIDE_STAGES[language], start: null, end: null, critical: false, reports: stageReports[stages.length], reportsByReceipt: stageReceived[stages.length] },
    ],
    children: childFigures.map((c, i) => {
      // A province takes part when it or any of its regencies holds the election (DIY: only its regencies).
      const takesPart = participates(c.code) || participating.some((r) => r.code.startsWith(`${c.code}.`));
      return {
        code: c.code,
        name: c.name,
        short: territory.level === 'national' ? (PROVINCE_TILES[c.code]?.short ?? null) : null,
        tile: tiles.has(c.code) ? { col: tiles.get(c.code)!.col, row: tiles.get(c.code)!.row } : null,
        participates: takesPart,
        reports: reports[i],
        provenViolations: proven[i],
        nihil: takesPart && refreshedAt !== null && c.figures.proven === 0 && openIn(c.code) === 0,
      };
    }),
  };
}

export type Transparency = Awaited<ReturnType<typeof transparency>>;
