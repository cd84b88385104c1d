/**
 * The rotations table: rotations in a staff member's scope (with their region's name and the
 * finding's case number), the upsert that tells inserted, updated and unchanged rows apart, and
 * the link to the finding a flagged rotation became.
 */
import type { Rotation, Scope } from '@netra/core';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { regionInScope } from '../../db/scope.ts';

const rotationColumns = [
  'ro.id',
  'ro.election_id',
  'ro.region_code',
  'r.name as region_name',
  'ro.asn_id',
  'ro.person_nip',
  'ro.person_name',
  'ro.from_position',
  'ro.to_position',
  'ro.decree_number',
  'ro.decree_date',
  'ro.signer_name',
  'ro.signer_role',
  'ro.approval_letter_number',
  'ro.approval_date',
  'ro.finding_report_id',
  'ro.finding_case_id',
  'c.number as finding_case_number',
  'ro.created_at',
] as const;

export interface StoredRotation {
  id: string;
  election_id: string;
  region_code: string;
  region_name: string;
  asn_id: number | null;
  person_nip: string;
  person_name: string;
  from_position: string;
  to_position: string;
  decree_number: string;
  decree_date: string;
  signer_name: string;
  signer_role: Rotation['signedBy']['role'];
  approval_letter_number: string | null;
  approval_date: string | null;
  finding_report_id: string | null;
  finding_case_id: string | null;
  finding_case_number: string | null;
  created_at: Date;
}

function scopedRotations(db: Db, scope: Scope) {
  return db
    .selectFrom('rotations as ro')
    .innerJoin('regions as r', 'r.code', 'ro.region_code')
    .leftJoin('cases as c', 'c.id', 'ro.finding_case_id')
    .where((eb) => regionInScope(eb, 'ro.region_code', scope));
}

/** Rotations in scope, newest decree first; at most `cap` (assessed in code, so a region's hundreds, not millions). */
export async function listRotations(db: Db, scope: Scope, filter: { electionId?: string; regionCode?: string }, cap: number): Promise<StoredRotation[]> {
  let query = scopedRotations(db, scope).select(rotationColumns);
  if (filter.electionId) query = query.where('ro.election_id', '=', filter.electionId);
  if (filter.regionCode) query = query.where('ro.region_code', '=', filter.regionCode);
  return (await query.orderBy('ro.decree_date', 'desc').orderBy('ro.created_at', 'desc').limit(cap).execute()) as StoredRotation[];
}

export async function findRotation(db: Db, scope: Scope, id: string): Promise<StoredRotation | undefined> {
  return (await scopedRotations(db, scope).select(rotationColumns).where('ro.id', '=', id).executeTakeFirst()) as StoredRotation | undefined;
}

/** Whether the region code is in the reference table. */
export async function regionExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export interface RotationValues {
  election_id: string;
  asn_id: number | null;
  person_name: string;
  from_position: string;
  to_position: string;
  decree_date: string;
  signer_name: string;
  signer_role: Rotation['signedBy']['role'];
  approval_letter_number: string | null;
  approval_date: string | null;
}

/**
 * Insert a rotation, or update the one with the same decree, region and person when anything
 * differs. Undefined when it was there unchanged (the update's condition held it back).
 */
export async function upsertRotation(
  trx: Transaction<Database>,
  key: { regionCode: string; nip: string; decreeNumber: string },
  values: RotationValues,
  createdBy: string,
): Promise<{ id: string; inserted: boolean } | undefined> {
  return trx
    .insertInto('rotations')
    .values({ ...values, region_code: key.regionCode, person_nip: key.nip, decree_number: key.decreeNumber, created_by: createdBy })
    .onConflict((oc) =>
      oc
        .constraint('rotations_decree_person_key')
        .doUpdateSet(values)
        .where(
          sql<boolean>`(rotations.election_id, rotations.asn_id, rotations.person_name, rotations.from_position, rotations.to_position, rotations.decree_date, rotations.signer_name, rotations.signer_role, rotations.approval_letter_number, rotations.approval_date)
                IS DISTINCT FROM (excluded.election_id, excluded.asn_id, excluded.person_name, excluded.from_position, excluded.to_position, excluded.decree_date, excluded.signer_name, excluded.signer_role, excluded.approval_letter_number, excluded.approval_date)`,
        ),
    )
    .returning(['id', sql<boolean>`xmax = 0`.as('inserted')])
    .executeTakeFirst();
}

export async function rotationIdByKey(trx: Transaction<Database>, key: { regionCode: string; nip: string; decreeNumber: string }): Promise<string> {
  const row = await trx.selectFrom('rotations').select('id').where('region_code', '=', key.regionCode).where('decree_number', '=', key.decreeNumber).where('person_nip', '=', key.nip).executeTakeFirstOrThrow();
  return row.id;
}

/** Link a rotation to the finding (report and case) it became. */
export async function setRotationFinding(trx: Transaction<Database>, id: string, finding: { reportId: string; caseId: string }): Promise<void> {
  await trx.updateTable('rotations').set({ finding_report_id: finding.reportId, finding_case_id: finding.caseId }).where('id', '=', id).execute();
}

/** The recorded ends of regional heads' terms for these regions (closing the art. 71(2) window). */
export async function termEnds(db: Db, regionCodes: readonly string[]): Promise<Map<string, string>> {
  if (regionCodes.length === 0) return new Map();
  const rows = await db.selectFrom('regional_head_terms').select(['region_code', 'term_end']).where('region_code', 'in', [...regionCodes]).execute();
  return new Map(rows.map((r) => [r.region_code, r.term_end]));
}

/** Recorded terms in a scope, by region code. */
export async function listTerms(db: Db, scope: Scope, page: { limit: number; offset: number }) {
  const base = db
    .selectFrom('regional_head_terms as t')
    .innerJoin('regions as r', 'r.code', 't.region_code')
    .where((eb) => regionInScope(eb, 't.region_code', scope));
  const [items, total] = await Promise.all([
    base
      .select(['t.region_code as regionCode', 'r.name as regionName', 't.head_name as headName', 't.term_end as termEnd', 't.basis', 't.updated_at as updatedAt'])
      .orderBy('t.region_code')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function regionLevelOf(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('regions').select('level').where('code', '=', code).executeTakeFirst())?.level;
}

export async function upsertTerm(db: Transaction<Database>, values: { region_code: string; head_name: string | null; term_end: string; basis: string; updated_by: string }, at: Date) {
  await db
    .insertInto('regional_head_terms')
    .values({ ...values, updated_at: at })
    .onConflict((oc) => oc.column('region_code').doUpdateSet({ head_name: values.head_name, term_end: values.term_end, basis: values.basis, updated_by: values.updated_by, updated_at: at }))
    .execute();
}
