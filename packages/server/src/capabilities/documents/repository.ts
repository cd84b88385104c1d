/**
 * What a recommendation letter is filled from: the case (found through the same visibility rule
 * as every case read, so a letter for a case outside the caller's scope does not exist), its civil
 * servant, its reports and the letter numbers recorded on its transitions.
 */
import type { RoleCode, Scope } from '@netra/core';
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import type { CaseDocumentKind } from '../../db/schema.ts';
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
      'c.recommended_to_ppk_on as recommendedToPpkOn',
      'c.other_class as otherClass',
      'c.closed_at as closedAt',
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
    .select(['id', 'receipt_number as receiptNumber', 'place', 'occurred_on as occurredOn', 'occurred_until as occurredUntil', 'description', 'reported_name as reportedName', 'reported_nip as reportedNip', 'reported_position as reportedPosition', 'reported_agency as reportedAgency', 'source'])
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

/** The civil servants linked to the case (issue 15), first linked first. */
export async function peopleOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('case_people as cp')
    .innerJoin('asn as a', 'a.id', 'cp.asn_id')
    .innerJoin('agencies as ag', 'ag.id', 'a.agency_id')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.name', 'a.nip', 'a.kind', 'a.grade', 'a.position_title as position', 'u.name as unitName', 'ag.name as agencyName', 'ag.region_code as agencyRegionCode'])
    .where('cp.case_id', '=', caseId)
    .orderBy('cp.linked_at')
    .orderBy('a.id')
    .execute();
}

/** The day (in the case's region) a transition was last taken, or null. */
export async function transitionDateOf(db: Db, caseId: string, transitions: readonly string[]): Promise<Date | null> {
  const row = await db.selectFrom('case_events').select('at').where('case_id', '=', caseId).where('transition', 'in', [...transitions]).orderBy('at', 'desc').limit(1).executeTakeFirst();
  return row ? new Date(row.at) : null;
}

/** A report of the case by id, with what a notice to its reporter needs. */
export async function reportForNotice(db: Db, caseId: string, reportId: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'receipt_number as receiptNumber', 'source', 'received_at as receivedAt', 'received_on as receivedOn', 'reported_name as reportedName', 'anonymous'])
    .where('case_id', '=', caseId)
    .where('id', '=', reportId)
    .executeTakeFirst();
}

// ---- Stored case documents (letters generated, the signed decree)

export async function insertCaseDocument(
  trx: Trx,
  doc: { caseId: string; kind: CaseDocumentKind; reportId: string | null; fileName: string; contentType: string; storageKey: string; sha256: string; sizeBytes: number; createdBy: string; at: Date },
): Promise<string> {
  const row = await trx
    .insertInto('case_documents')
    .values({
      case_id: doc.caseId,
      kind: doc.kind,
      report_id: doc.reportId,
      file_name: doc.fileName,
      content_type: doc.contentType,
      storage_key: doc.storageKey,
      sha256: doc.sha256,
      size_bytes: doc.sizeBytes,
      created_by: doc.createdBy,
      created_at: doc.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const documentColumns = ['d.id', 'd.kind', 'd.report_id as reportId', 'd.file_name as fileName', 'd.content_type as contentType', 'd.storage_key as storageKey', 'd.sha256', 'd.size_bytes as sizeBytes', 'd.created_at as createdAt', 'u.name as createdByName'] as const;

export async function documentsOfCase(db: Db, caseId: string) {
  return db.selectFrom('case_documents as d').leftJoin('users as u', 'u.id', 'd.created_by').select(documentColumns).where('d.case_id', '=', caseId).orderBy('d.created_at', 'desc').limit(200).execute();
}

export async function documentOfCase(db: Db, caseId: string, documentId: string) {
  return db.selectFrom('case_documents as d').leftJoin('users as u', 'u.id', 'd.created_by').select(documentColumns).where('d.case_id', '=', caseId).where('d.id', '=', documentId).executeTakeFirst();
}
