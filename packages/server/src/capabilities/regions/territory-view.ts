/**
 * Which part of the country a request for figures or lists looks at, checked against the viewer's
 * scope: the region asked for, or the viewer's own territory when none is. A region outside the
 * scope answers 404, as if it did not exist, like every scoped record. The dashboards add the
 * election and what the viewer's role counts (dashboards/view.ts); prevention adds the election.
 */
import { regionLevel, regionWithinScope, type Scope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Territory } from '../../db/territory.ts';
import { notFound } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import { regionNames } from './service.ts';

export interface BreadcrumbItem {
  code: string | null;
  name: string;
  /** Inside the viewer's scope: the UI links it. */
  reachable: boolean;
}

export interface TerritoryView {
  territory: Territory;
  /** Personnel officers narrowed to agencies; null = every agency. */
  agencyIds: number[] | null;
  /** National → province → regency, up to the territory itself. */
  breadcrumb: BreadcrumbItem[];
}

const NATIONAL_NAME = { id: 'Nasional', en: 'National' };

export async function territoryView(ctx: Pick<AppContext, 'db'>, viewer: { scope: Scope }, requestedRegion: string | undefined, language: Language): Promise<TerritoryView> {
  const regionCode = requestedRegion ?? (viewer.scope.kind === 'region' ? viewer.scope.regionCode : null);
  if (regionCode !== null && !regionWithinScope(viewer.scope, regionCode)) throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` });
  const level = regionCode === null ? 'national' : regionLevel(regionCode);
  if (level !== 'national' && level !== 'province' && level !== 'regency') throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` });
  const lineage = regionCode === null ? [] : level === 'province' ? [regionCode] : [regionCode.slice(0, 2), regionCode];
  const names = await regionNames(ctx, lineage);
  if (names.length !== lineage.length) throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` });
  return {
    territory: { level, regionCode },
    agencyIds: viewer.scope.kind === 'region' && viewer.scope.agencyIds?.length ? viewer.scope.agencyIds.map(Number) : null,
    breadcrumb: [
      { code: null, name: NATIONAL_NAME[language], reachable: viewer.scope.kind === 'national' },
      ...lineage.map((code) => ({ code, name: names.find((n) => n.code === code)!.name, reachable: regionWithinScope(viewer.scope, code) })),
    ],
  };
}
