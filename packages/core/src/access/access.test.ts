import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_CODES, isOfficial, isRoleCode, type RoleCode } from './roles.ts';
import { locationWithinScope, regionWithinScope, scopeOfAccount, scopeRegionPrefix, validateRoleScope, type Scope } from './scope.ts';

const national: Scope = { kind: 'national' };
const region = (regionCode: string, agencyIds?: string[]): Scope => ({ kind: 'region', regionCode, ...(agencyIds ? { agencyIds } : {}) });

describe('roles', () => {
  it('defines the eight roles with Indonesian and English labels', () => {
    expect(ROLE_CODES).toEqual([
      'bawaslu_regency',
      'bawaslu_province',
      'bawaslu_national',
      'bkn_verifier',
      'bkpsdm_officer',
      'ppk_delegate',
      'analyst',
      'administrator',
    ]);
    for (const code of ROLE_CODES) {
      expect(ROLES[code].code).toBe(code);
      expect(ROLES[code].label.id).not.toBe('');
      expect(ROLES[code].label.en).not.toBe('');
    }
  });

  it('makes every role but the analyst an official who must use TOTP', () => {
    expect(ROLE_CODES.filter((code) => !isOfficial(code))).toEqual(['analyst']);
  });

  it('recognises role codes, not look-alikes or inherited properties', () => {
    expect(isRoleCode('bkn_verifier')).toBe(true);
    expect(isRoleCode('BKN_VERIFIER')).toBe(false);
    expect(isRoleCode('toString')).toBe(false);
  });
});

describe('regionWithinScope', () => {
  it('lets a national scope see every region', () => {
    expect(regionWithinScope(national, '35.10')).toBe(true);
    expect(regionWithinScope(national, '91')).toBe(true);
  });

  it('covers the region itself and what lies inside it, never a neighbour or a parent', () => {
    const banyuwangi = region('35.10');
    expect(regionWithinScope(banyuwangi, '35.10')).toBe(true);
    expect(regionWithinScope(banyuwangi, '35.10.01')).toBe(true);
    expect(regionWithinScope(banyuwangi, '35.10.01.2001')).toBe(true);
    expect(regionWithinScope(banyuwangi, '35.16')).toBe(false);
    expect(regionWithinScope(banyuwangi, '35.1')).toBe(false);
    expect(regionWithinScope(banyuwangi, '35')).toBe(false);
    const eastJava = region('35');
    expect(regionWithinScope(eastJava, '35.76')).toBe(true);
    expect(regionWithinScope(eastJava, '64')).toBe(false);
    expect(regionWithinScope(eastJava, '36.01')).toBe(false);
  });
});

describe('locationWithinScope', () => {
  it('ignores agencies for a scope that lists none', () => {
    expect(locationWithinScope(region('35.10'), { regionCode: '35.10', agencyId: 'dinas-pendidikan' })).toBe(true);
    expect(locationWithinScope(region('35.10'), { regionCode: '35.10', agencyId: null })).toBe(true);
  });

  it('limits an agency-scoped actor to its agencies, and refuses a record whose agency is unknown', () => {
    const scope = region('35.10', ['dinas-pendidikan', 'dinas-kesehatan']);
    expect(locationWithinScope(scope, { regionCode: '35.10', agencyId: 'dinas-kesehatan' })).toBe(true);
    expect(locationWithinScope(scope, { regionCode: '35.10', agencyId: 'bappeda' })).toBe(false);
    expect(locationWithinScope(scope, { regionCode: '35.10', agencyId: null })).toBe(false);
    expect(locationWithinScope(scope, { regionCode: '35.10' })).toBe(false);
    expect(locationWithinScope(scope, { regionCode: '35.16', agencyId: 'dinas-kesehatan' })).toBe(false);
  });
});

describe('scopeOfAccount', () => {
  it('reads no region as national, whatever the agencies say', () => {
    expect(scopeOfAccount({ scopeRegionCode: null, scopeAgencyIds: null })).toEqual({ kind: 'national' });
    expect(scopeOfAccount({ scopeRegionCode: null, scopeAgencyIds: [4] })).toEqual({ kind: 'national' });
  });
  it('reads a region, with its agencies as strings only when there are some', () => {
    expect(scopeOfAccount({ scopeRegionCode: '35.10', scopeAgencyIds: null })).toEqual({ kind: 'region', regionCode: '35.10' });
    expect(scopeOfAccount({ scopeRegionCode: '35.10', scopeAgencyIds: [] })).toEqual({ kind: 'region', regionCode: '35.10' });
    expect(scopeOfAccount({ scopeRegionCode: '35.10', scopeAgencyIds: [7, 12] })).toEqual({ kind: 'region', regionCode: '35.10', agencyIds: ['7', '12'] });
  });
});

describe('scopeRegionPrefix', () => {
  it('is null for national scope (no filter) and the region code otherwise', () => {
    expect(scopeRegionPrefix(national)).toBeNull();
    expect(scopeRegionPrefix(region('35'))).toBe('35');
    expect(scopeRegionPrefix(region('35.10', ['x']))).toBe('35.10');
  });

  it('as a LIKE prefix selects exactly the regions regionWithinScope accepts', () => {
    const codes = ['35', '35.10', '35.10.01', '35.10.01.2001', '35.16', '35.76', '35.01', '36', '36.10', '16.07', '64', '64.72'];
    for (const scopeCode of ['35', '35.10', '35.01', '64', '36.10']) {
      const scope = region(scopeCode);
      const prefix = scopeRegionPrefix(scope)!;
      for (const code of codes) expect(code.startsWith(prefix), `${code} in ${scopeCode}`).toBe(regionWithinScope(scope, code));
    }
  });
});

describe('validateRoleScope', () => {
  const valid: Array<[RoleCode, Scope]> = [
    ['bawaslu_regency', region('35.10')],
    ['bawaslu_province', region('35')],
    ['bawaslu_national', national],
    ['bkn_verifier', national],
    ['bkpsdm_officer', region('35.76')],
    ['bkpsdm_officer', region('64', ['bkd-kaltim'])],
    ['ppk_delegate', region('16.07', ['dinas-pendidikan'])],
    ['ppk_delegate', region('64')],
    ['analyst', national],
    ['analyst', region('35')],
    ['analyst', region('35.10')],
    ['administrator', national],
  ];
  it.each(valid)('accepts %s with %o', (role, scope) => {
    expect(validateRoleScope(role, scope)).toEqual({ ok: true });
  });

  const wrongLevel: Array<[RoleCode, Scope]> = [
    ['bawaslu_regency', region('35')],
    ['bawaslu_regency', region('35.10.01')],
    ['bawaslu_regency', national],
    ['bawaslu_province', region('35.10')],
    ['bawaslu_province', national],
    ['bawaslu_national', region('35')],
    ['bkn_verifier', region('35.10')],
    ['bkpsdm_officer', national],
    ['bkpsdm_officer', region('35.10.01')],
    ['ppk_delegate', national],
    ['analyst', region('35.10.01.2001')],
    ['administrator', region('35')],
  ];
  it.each(wrongLevel)('refuses %s with %o as the wrong level', (role, scope) => {
    const check = validateRoleScope(role, scope);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.code).toBe('wrong_level');
      expect(check.message.en).toContain(ROLES[role].label.en);
      expect(check.message.id).toContain(ROLES[role].label.id);
    }
  });

  it('names the level a regency role needs', () => {
    const check = validateRoleScope('bawaslu_regency', region('35'));
    expect(check).toMatchObject({ ok: false, message: { en: expect.stringContaining('regency/city (PP.KK) scope, not province (PP)') } });
  });

  it('refuses a malformed region code', () => {
    expect(validateRoleScope('bawaslu_regency', region('3510'))).toMatchObject({ ok: false, code: 'invalid_region_code' });
    expect(validateRoleScope('bawaslu_province', region(''))).toMatchObject({ ok: false, code: 'invalid_region_code' });
  });

  it('refuses agencies on a role that is not agency-scoped, and an empty agency list', () => {
    expect(validateRoleScope('bawaslu_regency', region('35.10', ['dinas-pendidikan']))).toMatchObject({ ok: false, code: 'agencies_not_allowed' });
    expect(validateRoleScope('analyst', region('35.10', ['dinas-pendidikan']))).toMatchObject({ ok: false, code: 'agencies_not_allowed' });
    expect(validateRoleScope('bkpsdm_officer', region('35.10', []))).toMatchObject({ ok: false, code: 'empty_agency_list' });
  });
});
