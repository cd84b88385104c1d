/**
 * What a recommendation letter is filled from: the case (found through the same visibility rule
 * as every case read, so a letter for a case outside the caller's scope does not exist), its civil
 * servant, its reports and the letter numbers recorded on its transitions.
 */
import type { RoleCode, Scope } from '@netra/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { caseVisibleTo } from '../../db/scope.ts';

export interface LetterViewer {
  id: string;
  role: RoleCode;
  scope: Scope;
}

export async function caseForLetter(db: Db, viewer: LetterViewer, caseId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('regions as r', 'r.code', 'c.region_code')
    .innerJoin('elections as e', 'e.id', 'c.election_id')
    .leftJoin('asn as a', 'a.id', 'c.asn_id')
    .leftJoin('agencies as ag', (join) => join.on(sql<boolean>`ag.id = coalesce(c.agency_id, a.agency_id)`))
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'c.id',
      'c.number',
      'c.state',
      'c.election_id as electionId',
      'c.region_code as regionCode',
      'r.name as regionName',
      'c.act_codes as actCodes',
      'c.summary',
      'c.received_on as receivedOn',
      'c.sanction',
      'e.name_id as electionName',
      'e.rulebook',
      'c.forwarded_to_bkn_on as forwardedToBknOn',
      'a.name as asnName',
      'a.nip as asnNip',
      'a.kind as asnKind',
      'a.position_title as asnPosition',
      'ag.name as agencyName',
      'ag.region_code as agencyRegionCode',
      'u.name as unitName',
    ])
    .where('c.id', '=', caseId)
    .where((eb) => caseVisibleTo(eb, viewer))
    .executeTakeFirst();
}

export async function reportsOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('reports')
    .select(['place', 'occurred_on as occurredOn', 'occurred_until as occurredUntil', 'description', 'reported_name as reportedName', 'reported_nip as reportedNip', 'reported_position as reportedPosition', 'reported_agency as reportedAgency', 'source'])
    .where('case_id', '=', caseId)
    .orderBy('received_at')
    .execute();
}

/** The letter number written when the case was forwarded (Bawaslu) or recommended (BKN). */
export async function letterNumberOf(db: Db, caseId: string, transition: 'forward_to_bkn' | 'recommend_to_ppk'): Promise<string | null> {
  const row = await db
    .selectFrom('case_events')
    .select(sql<string | null>`data -> 'fields' ->> 'letterNumber'`.as('letterNumber'))
    .where('case_id', '=', caseId)
    .where('transition', '=', transition)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.letterNumber ?? null;
}

export async function regionNames(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
