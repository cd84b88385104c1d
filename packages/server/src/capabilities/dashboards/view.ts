/**
 * Which part of the country a dashboard request looks at, checked against the viewer's scope:
 * the region asked for, or the viewer's own territory when none is. A region outside the scope
 * answers 404, as if it did not exist, like every scoped record.
 */
import { regionLevel, regionWithinScope, type Election, type RoleCode, type Scope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import { requireElection } from '../election-catalog/service.ts';
import { regionNames } from '../regions/service.ts';
import type { FigureFilter, Territory } from '../figures/service.ts';

export interface Viewer {
  role: RoleCode;
  scope: Scope;
}

/** Who looks and in which language: a request's context, or what an export job recorded of one. */
export interface ViewerContext {
  actor: Viewer;
  language: Language;
}

/**
 * How far a case must have gone for a role to count it: the same rule as the cases it may open
 * (db/scope.ts caseVisibleTo). BKN sees cases from their forwarding on, the personnel
 * roles (BKPSDM, PPK) from the recommendation to the PPK; Bawaslu, analysts and administrators
 * count every case.
 */
export function minimumReach(role: RoleCode): number {
  if (role === 'bkn_verifier') return 1;
  if (role === 'ppk_delegate' || role === 'bkpsdm_officer') return 2;
  return 0;
}

export interface BreadcrumbItem {
  code: string | null;
  name: string;
  /** Inside the viewer's scope: the UI links it. */
  reachable: boolean;
}

export interface DashboardView {
  election: Election;
  territory: Territory;
  filter: FigureFilter;
  /** National → province → regency, up to the territory itself. */
  breadcrumb: BreadcrumbItem[];
}

const NATIONAL_NAME = { id: 'Nasional', en: 'National' };

export async function resolveView(ctx: AppContext, viewer: Viewer, electionId: string, requestedRegion: string | undefined, language: Language): Promise<DashboardView> {
  const election = await requireElection(ctx, electionId);
  const regionCode = requestedRegion ?? (viewer.scope.kind === 'region' ? viewer.scope.regionCode : null);
  if (regionCode !== null && !regionWithinScope(viewer.scope, regionCode)) throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` });
  const level = regionCode === null ? 'national' : regionLevel(regionCode);
  if (level !== 'national' && level !== 'province' && level !== 'regency') throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` });
  const lineage = regionCode === null ? [] : level === 'province' ? [regionCode] : [regionCode.slice(0, 2), regionCode];
  const names = await regionNames(ctx, lineage);
  if (names.length !== lineage.length) throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` });
  const territory: Territory = { level, regionCode };
  const agencyIds = viewer.scope.kind === 'region' && viewer.scope.agencyIds?.length ? viewer.scope.agencyIds.map(Number) : null;
  return {
    election,
    territory,
    filter: { ...territory, electionId: election.id, minReach: minimumReach(viewer.role), agencyIds },
    breadcrumb: [
      { code: null, name: NATIONAL_NAME[language], reachable: viewer.scope.kind === 'national' },
      ...lineage.map((code) => ({ code, name: names.find((n) => n.code === code)!.name, reachable: regionWithinScope(viewer.scope, code) })),
    ],
  };
}
