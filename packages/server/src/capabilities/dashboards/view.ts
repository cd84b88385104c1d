/**
 * What a dashboard request looks at: the election, the part of the country (regions'
 * territoryView: the region asked for or the viewer's own, checked against the scope, 404
 * outside it) and the filter its figures are counted with.
 */
import type { Election, RoleCode } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Viewer } from '../../db/scope.ts';
import type { Language } from '../../http/language.ts';
import { requireElection } from '../election-catalog/service.ts';
import type { FigureFilter, Territory } from '../figures/service.ts';
import { territoryView, type BreadcrumbItem } from '../regions/territory-view.ts';

export type { BreadcrumbItem } from '../regions/territory-view.ts';

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

export interface DashboardView {
  election: Election;
  territory: Territory;
  filter: FigureFilter;
  /** National → province → regency, up to the territory itself. */
  breadcrumb: BreadcrumbItem[];
}

export async function resolveView(ctx: AppContext, viewer: Viewer, electionId: string, requestedRegion: string | undefined, language: Language): Promise<DashboardView> {
  const election = await requireElection(ctx, electionId);
  const { territory, agencyIds, breadcrumb } = await territoryView(ctx, viewer, requestedRegion, language);
  return {
    election,
    territory,
    filter: { ...territory, electionId: election.id, minReach: minimumReach(viewer.role), agencyIds },
    breadcrumb,
  };
}
