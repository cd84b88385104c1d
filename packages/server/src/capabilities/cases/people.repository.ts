/**
 * The civil servants a case is about (`case_people`), the note that the person is still unknown,
 * and what BKN and the PPK see beside them: their earlier cases (in the viewer's scope) and their
 * neutrality pledges. `cases.asn_id` is the first linked person (letters, sanction matrix,
 * dashboards); migration 0014's trigger copies any `asn_id` written elsewhere into `case_people`.
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import { caseVisibleTo } from '../../db/scope.ts';
import type { Viewer } from './repository.ts';

export async function peopleOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('case_people as cp')
    .innerJoin('asn as a', 'a.id', 'cp.asn_id')
    .innerJoin('agencies as ag', 'ag.id', 'a.agency_id')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('users as us', 'us.id', 'cp.linked_by')
    .leftJoin('reports as rp', 'rp.id', 'cp.report_id')
    .select([
      'a.id',
      'a.nip',
      'a.kind',
      'a.name',
      'a.grade',
      'a.position_title as positionTitle',
      'a.position_type as positionType',
      'a.active',
      'a.region_code as regionCode',
      'r.name as regionName',
      'ag.id as agencyId',
      'ag.name as agencyName',
      'u.name as unitName',
      'cp.report_id as reportId',
      'rp.receipt_number as reportReceipt',
      'cp.linked_at as linkedAt',
      'us.name as linkedByName',
    ])
    .where('cp.case_id', '=', caseId)
    .orderBy('cp.linked_at')
    .orderBy('a.id')
    .execute();
}

/** Whether the case has at least one linked civil servant. */
export async function hasPerson(db: Db, caseId: string): Promise<boolean> {
  const row = await db.selectFrom('case_people').select('asn_id').where('case_id', '=', caseId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Link a person; false when they were linked already. */
export async function insertPerson(trx: Trx, link: { caseId: string; asnId: number; reportId: string | null; linkedBy: string; at: Date }): Promise<boolean> {
  const row = await trx
    .insertInto('case_people')
    .values({ case_id: link.caseId, asn_id: link.asnId, report_id: link.reportId, linked_by: link.linkedBy, linked_at: link.at })
    .onConflict((oc) => oc.columns(['case_id', 'asn_id']).doNothing())
    .returning('asn_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deletePerson(trx: Trx, caseId: string, asnId: number): Promise<boolean> {
  const result = await trx.deleteFrom('case_people').where('case_id', '=', caseId).where('asn_id', '=', asnId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Point `cases.asn_id` at the first person still linked (or none), give the case the first
 * person's agency when it had none (agency-scoped offices then see it), clear the "unknown" note
 * once someone is linked, and move the case's version on.
 */
export async function syncPrimaryPerson(trx: Trx, caseId: string, at: Date): Promise<void> {
  await sql`
    UPDATE cases c SET
      asn_id = first.asn_id,
      agency_id = coalesce(c.agency_id, first.agency_id),
      person_unknown_reason = CASE WHEN first.asn_id IS NULL THEN c.person_unknown_reason END,
      person_unknown_at = CASE WHEN first.asn_id IS NULL THEN c.person_unknown_at END,
      person_unknown_by = CASE WHEN first.asn_id IS NULL THEN c.person_unknown_by END,
      version = c.version + 1,
      updated_at = ${at}
    FROM (SELECT NULL::int AS none) AS dummy
    LEFT JOIN LATERAL (
      SELECT cp.asn_id, a.agency_id FROM case_people cp JOIN asn a ON a.id = cp.asn_id
      WHERE cp.case_id = ${caseId} ORDER BY cp.linked_at, cp.asn_id LIMIT 1
    ) AS first ON true
    WHERE c.id = ${caseId}`.execute(trx);
}

export async function setPersonUnknown(trx: Trx, caseId: string, unknown: { reason: string; by: string; at: Date } | null): Promise<void> {
  await trx
    .updateTable('cases')
    .set({
      person_unknown_reason: unknown?.reason ?? null,
      person_unknown_by: unknown?.by ?? null,
      person_unknown_at: unknown?.at ?? null,
      version: sql<number>`version + 1`,
      ...(unknown ? { updated_at: unknown.at } : {}),
    })
    .where('id', '=', caseId)
    .execute();
}

export async function unknownNote(db: Db, caseId: string) {
  return db
    .selectFrom('cases as c')
    .leftJoin('users as u', 'u.id', 'c.person_unknown_by')
    .select(['c.person_unknown_reason as reason', 'c.person_unknown_at as at', 'u.name as byName'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
}

/** A report of the case (to say which report named the person). */
export async function reportOfCase(db: Db, caseId: string, reportId: string) {
  return db.selectFrom('reports').select('id').where('id', '=', reportId).where('case_id', '=', caseId).executeTakeFirst();
}

/** The other cases of these people that the viewer may see, newest first. */
export async function otherCasesOf(db: Db, viewer: Viewer, asnIds: readonly number[], exceptCaseId: string | null) {
  if (asnIds.length === 0) return [];
  let query = db
    .selectFrom('case_people as cp')
    .innerJoin('cases as c', 'c.id', 'cp.case_id')
    .select(['cp.asn_id as asnId', 'c.id', 'c.number', 'c.state', 'c.election_id as electionId', 'c.received_on as receivedOn', 'c.sanction', 'c.closed_at as closedAt'])
    .where('cp.asn_id', 'in', [...asnIds])
    .where((eb) => caseVisibleTo(eb, viewer));
  if (exceptCaseId) query = query.where('c.id', '!=', exceptCaseId);
  return query.orderBy('c.received_on', 'desc').orderBy('c.number').limit(200).execute();
}

/** The neutrality pledges these people signed, per election. */
export async function pledgesOf(db: Db, asnIds: readonly number[]) {
  if (asnIds.length === 0) return [];
  return db
    .selectFrom('pledges as p')
    .innerJoin('elections as e', 'e.id', 'p.election_id')
    .select(['p.asn_id as asnId', 'p.election_id as electionId', 'e.name_id as electionNameId', 'e.name_en as electionNameEn', 'p.signed_on as signedOn', 'p.method'])
    .where('p.asn_id', 'in', [...asnIds])
    .orderBy('p.signed_on', 'desc')
    .execute();
}
