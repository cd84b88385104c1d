/**
 * Territorial scope as SQL. Every repository that reads or writes scoped records (reports, cases,
 * people) filters through here, so "outside your scope" is the same rule everywhere and is enforced
 * in the query: a row outside scope is never fetched, and the caller answers 404.
 */
import { scopeRegionPrefix, type RoleCode, type Scope } from '@netra/core';
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';

/** `column` holds a Kemendagri region code; true when it lies inside the scope. */
export function regionInScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  scope: Scope,
): Expression<SqlBool> {
  const prefix = scopeRegionPrefix(scope);
  if (prefix === null) return sql<SqlBool>`true`;
  const ref = sql.ref(column);
  // Codes have fixed-width segments, so the region itself or anything below it ("35.10.…").
  return sql<SqlBool>`(${ref} = ${prefix} OR ${ref} LIKE ${`${prefix}.%`})`;
}

/** For personnel roles narrowed to agencies: true when `column` (an agency id) is one of them. */
export function agencyInScope<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  column: string,
  scope: Scope,
): Expression<SqlBool> {
  if (scope.kind !== 'region' || !scope.agencyIds?.length) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(column)} = ANY(${scope.agencyIds.map(Number)}::int[])`;
}

/** Who is looking: the role decides stage visibility, the scope the territory. */
export interface Viewer {
  role: RoleCode;
  scope: Scope;
}

/**
 * Which cases (alias `c`) a staff member may read, with their reports, evidence and letters:
 * inside their territory (and agencies, for agency-scoped roles), and for the bodies that come
 * after Bawaslu only once the case has reached them. BKN sees a case from its forwarding, the PPK
 * and BKPSDM from the recommendation: an agency should not learn of a report against its own staff
 * before Bawaslu has decided it is a violation.
 */
export function caseVisibleTo<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, viewer: Viewer): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [regionInScope(eb, 'c.region_code', viewer.scope), agencyInScope(eb, 'c.agency_id', viewer.scope)];
  if (viewer.role === 'bkn_verifier') conditions.push(sql<SqlBool>`c.forwarded_to_bkn_on IS NOT NULL`);
  if (viewer.role === 'ppk_delegate' || viewer.role === 'bkpsdm_officer') conditions.push(sql<SqlBool>`c.recommended_to_ppk_on IS NOT NULL`);
  return eb.and(conditions);
}
