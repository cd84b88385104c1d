/**
 * Staff roles as data. Each role says which territorial level its scope must have and whether it
 * may be narrowed to agencies; the data layer enforces scope, so a role whose scope has the wrong
 * level must be refused when the account is configured, not discovered when it acts.
 */
import type { Localised } from '../elections/types.ts';

export type RoleCode =
  | 'bawaslu_regency'
  | 'bawaslu_province'
  | 'bawaslu_national'
  | 'bkn_verifier'
  | 'bkpsdm_officer'
  | 'ppk_delegate'
  | 'analyst'
  | 'administrator';

/** The level a scope is set at: the whole country, or a province `PP` or regency/city `PP.KK`. */
export type ScopeLevel = 'national' | 'province' | 'regency';

export interface RoleDefinition {
  code: RoleCode;
  label: Localised;
  /**
   * Officials must sign in with TOTP (PRODUCT.md "Trust"). Every role except the analyst is an
   * official: all of them see personal data or change cases, and the administrator can grant any
   * role, which makes that account the most valuable one to steal. Analysts see aggregated,
   * depersonalised statistics only.
   */
  official: boolean;
  /** The levels this role's scope may be set at. */
  scopeLevels: readonly ScopeLevel[];
  /** Personnel roles may be narrowed to some agencies of their region (FACTS.md §1). */
  agencyScoped: boolean;
}

const role = (
  code: RoleCode,
  id: string,
  en: string,
  scopeLevels: readonly ScopeLevel[],
  { official = true, agencyScoped = false } = {},
): RoleDefinition => ({ code, label: { id, en }, official, scopeLevels, agencyScoped });

export const ROLES: Readonly<Record<RoleCode, RoleDefinition>> = {
  bawaslu_regency: role('bawaslu_regency', 'Bawaslu Kabupaten/Kota', 'Regency/city Bawaslu', ['regency']),
  bawaslu_province: role('bawaslu_province', 'Bawaslu Provinsi', 'Provincial Bawaslu', ['province']),
  bawaslu_national: role('bawaslu_national', 'Bawaslu RI', 'National Bawaslu (Bawaslu RI)', ['national']),
  bkn_verifier: role('bkn_verifier', 'Verifikator BKN', 'BKN verifier', ['national']),
  // A province's BKD serves the provincial government, a BKPSDM its regency/city; the PPK is the
  // governor, regent or mayor (FACTS.md §1). Central agencies' PPKs (ministers) are not modelled.
  bkpsdm_officer: role('bkpsdm_officer', 'Petugas BKPSDM/BKD', 'BKPSDM/BKD officer', ['province', 'regency'], {
    agencyScoped: true,
  }),
  ppk_delegate: role('ppk_delegate', 'PPK atau pejabat yang ditunjuk', 'PPK or delegate', ['province', 'regency'], {
    agencyScoped: true,
  }),
  analyst: role('analyst', 'Analis', 'Analyst', ['national', 'province', 'regency'], { official: false }),
  administrator: role('administrator', 'Administrator', 'Administrator', ['national']),
};

export const ROLE_CODES = Object.keys(ROLES) as RoleCode[];

export const BAWASLU_ROLES: readonly RoleCode[] = ['bawaslu_regency', 'bawaslu_province', 'bawaslu_national'];

export function isRoleCode(value: string): value is RoleCode {
  return Object.hasOwn(ROLES, value);
}

export function isOfficial(role: RoleCode): boolean {
  return ROLES[role].official;
}
