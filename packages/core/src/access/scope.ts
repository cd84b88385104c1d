/**
 * Territorial (and, for personnel roles, agency) scope of a staff account. A user sees and acts
 * only inside their scope; these helpers are the single definition of "inside" that both the
 * data layer's SQL filters and the case state machine use.
 */
import type { Localised } from '../elections/types.ts';
import { isRegionCode, isWithinRegion, regionLevel, type RegionLevel } from '../regions/region-code.ts';
import { ROLES, type RoleCode, type ScopeLevel } from './roles.ts';

export type Scope =
  | { kind: 'national' }
  /** `agencyIds` absent = every agency of the region. */
  | { kind: 'region'; regionCode: string; agencyIds?: readonly string[] };

export interface Actor {
  role: RoleCode;
  scope: Scope;
}

/** Where a case (or any scoped record) lives. `agencyId` null = not yet known. */
export interface ScopedLocation {
  regionCode: string;
  agencyId?: string | null;
}

export const NATIONAL_SCOPE: Scope = { kind: 'national' };

/**
 * A staff account's scope as stored (a region code, and for personnel roles perhaps agency ids;
 * no region = national). Sign-in, the case assignment list and the demo accounts read it the same way.
 */
export function scopeOfAccount(account: { scopeRegionCode: string | null; scopeAgencyIds: readonly number[] | null }): Scope {
  if (!account.scopeRegionCode) return { kind: 'national' };
  return account.scopeAgencyIds?.length
    ? { kind: 'region', regionCode: account.scopeRegionCode, agencyIds: account.scopeAgencyIds.map(String) }
    : { kind: 'region', regionCode: account.scopeRegionCode };
}

export function regionWithinScope(scope: Scope, regionCode: string): boolean {
  return scope.kind === 'national' || isWithinRegion(regionCode, scope.regionCode);
}

/**
 * Region and agency both inside the scope. An agency-restricted actor cannot act on a record
 * whose agency is not known yet: guessing would let them reach other agencies' civil servants.
 */
export function locationWithinScope(scope: Scope, location: ScopedLocation): boolean {
  if (!regionWithinScope(scope, location.regionCode)) return false;
  if (scope.kind === 'national' || scope.agencyIds === undefined) return true;
  return location.agencyId != null && scope.agencyIds.includes(location.agencyId);
}

/**
 * The prefix for a SQL filter `region_code LIKE prefix || '%'`, or null for no filter
 * (national). Every segment of a Kemendagri code has a fixed width, so the region's own code is
 * an exact prefix: `35.1%` could match `35.10` and `35.11`, but `35.10%` matches only `35.10`
 * and what lies inside it, and `35%` cannot match a `351…` code because none exists. A B-tree
 * index with `text_pattern_ops` serves the filter.
 */
export function scopeRegionPrefix(scope: Scope): string | null {
  return scope.kind === 'national' ? null : scope.regionCode;
}

export function scopeLevel(scope: Scope): 'national' | RegionLevel {
  return scope.kind === 'national' ? 'national' : regionLevel(scope.regionCode);
}

export type RoleScopeProblemCode = 'invalid_region_code' | 'wrong_level' | 'agencies_not_allowed' | 'empty_agency_list';

export type RoleScopeCheck = { ok: true } | { ok: false; code: RoleScopeProblemCode; message: Localised };

const LEVEL_LABELS: Record<'national' | RegionLevel, Localised> = {
  national: { id: 'nasional', en: 'national' },
  province: { id: 'provinsi (PP)', en: 'province (PP)' },
  regency: { id: 'kabupaten/kota (PP.KK)', en: 'regency/city (PP.KK)' },
  district: { id: 'kecamatan', en: 'district' },
  village: { id: 'desa/kelurahan', en: 'village' },
};

const listLevels = (levels: readonly ScopeLevel[], lang: keyof Localised) =>
  levels.map((level) => LEVEL_LABELS[level][lang]).join(lang === 'id' ? ' atau ' : ' or ');

/** Whether `scope` is a valid scope for `role` (right level, agencies only where allowed). */
export function validateRoleScope(role: RoleCode, scope: Scope): RoleScopeCheck {
  const definition = ROLES[role];
  if (scope.kind === 'region' && !isRegionCode(scope.regionCode)) {
    return {
      ok: false,
      code: 'invalid_region_code',
      message: {
        id: `Kode wilayah "${scope.regionCode}" bukan kode Kemendagri.`,
        en: `Region code "${scope.regionCode}" is not a Kemendagri code.`,
      },
    };
  }
  const level = scopeLevel(scope);
  if (!definition.scopeLevels.some((allowed) => allowed === level)) {
    return {
      ok: false,
      code: 'wrong_level',
      message: {
        id: `Peran ${definition.label.id} harus berwilayah ${listLevels(definition.scopeLevels, 'id')}, bukan ${LEVEL_LABELS[level].id}.`,
        en: `Role ${definition.label.en} needs a ${listLevels(definition.scopeLevels, 'en')} scope, not ${LEVEL_LABELS[level].en}.`,
      },
    };
  }
  if (scope.kind === 'region' && scope.agencyIds !== undefined) {
    if (!definition.agencyScoped) {
      return {
        ok: false,
        code: 'agencies_not_allowed',
        message: {
          id: `Peran ${definition.label.id} tidak dapat dibatasi per instansi.`,
          en: `Role ${definition.label.en} cannot be limited to agencies.`,
        },
      };
    }
    if (scope.agencyIds.length === 0) {
      return {
        ok: false,
        code: 'empty_agency_list',
        message: {
          id: 'Daftar instansi kosong: kosongkan pembatasan untuk semua instansi, atau pilih minimal satu.',
          en: 'The agency list is empty: omit it for every agency, or choose at least one.',
        },
      };
    }
  }
  return { ok: true };
}
