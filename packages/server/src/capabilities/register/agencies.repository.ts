/**
 * Agencies and units as the administration console changes them: create, rename, merge. A merge
 * re-points every row that names the absorbed agency or unit (the register, its position
 * history, cases, accounts' and imports' agency scopes) and then removes it, in the caller's
 * transaction.
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';

export async function findAgency(db: Db, id: number) {
  return db.selectFrom('agencies').select(['id', 'code', 'name', 'region_code as regionCode']).where('id', '=', id).executeTakeFirst();
}

export async function lockAgencies(trx: Trx, ids: number[]) {
  return trx.selectFrom('agencies').select(['id', 'code', 'name', 'region_code as regionCode']).where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

export async function agenciesByCode(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('agencies').select(['id', 'code', 'name', 'region_code as regionCode']).where('code', 'in', codes).execute();
}

export async function updateAgency(trx: Trx, id: number, values: { name: string; regionCode: string }) {
  await trx.updateTable('agencies').set({ name: values.name, region_code: values.regionCode }).where('id', '=', id).execute();
}

/** Counts of what names the agency (shown before a merge, and recorded in its audit entry). */
export async function agencyUsage(db: Db, id: number) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('asn').select(eb.fn.countAll<string>().as('n')).where('agency_id', '=', id).as('asn'),
      eb.selectFrom('units').select(eb.fn.countAll<string>().as('n')).where('agency_id', '=', id).as('units'),
      eb.selectFrom('cases').select(eb.fn.countAll<string>().as('n')).where('agency_id', '=', id).as('cases'),
    ])
    .executeTakeFirstOrThrow();
  return { asn: Number(row.asn ?? 0), units: Number(row.units ?? 0), cases: Number(row.cases ?? 0) };
}

/**
 * Moves everything of agency `from` into agency `into`: units of the same name become one (their
 * civil servants re-pointed), the others move; the register, position history and cases follow;
 * agency scopes of accounts and imports name `into` instead. Then `from` is removed.
 */
export async function mergeAgencyRows(trx: Trx, from: number, into: number) {
  // Units with a twin (same name, case-insensitive) in the target become the twin; the rest move.
  // One pass over the register and one over the position history re-point agency and unit together.
  const twins = sql`SELECT f.id AS from_unit, t.id AS into_unit FROM units f
    JOIN units t ON t.agency_id = ${into} AND lower(t.name) = lower(f.name) WHERE f.agency_id = ${from}`;
  const asn = await sql`
    UPDATE asn a SET agency_id = ${into}, unit_id = coalesce(tw.into_unit, a.unit_id)
    FROM asn x LEFT JOIN (${twins}) tw ON tw.from_unit = x.unit_id
    WHERE x.id = a.id AND x.agency_id = ${from}`.execute(trx);
  await sql`
    UPDATE asn_positions p SET agency_id = ${into}, unit_id = coalesce(tw.into_unit, p.unit_id)
    FROM asn_positions x LEFT JOIN (${twins}) tw ON tw.from_unit = x.unit_id
    WHERE x.id = p.id AND x.agency_id = ${from}`.execute(trx);
  const merged = await sql`DELETE FROM units u USING (${twins}) tw WHERE u.id = tw.from_unit`.execute(trx);
  await trx.updateTable('units').set({ agency_id: into }).where('agency_id', '=', from).execute();
  const cases = await trx.updateTable('cases').set({ agency_id: into }).where('agency_id', '=', from).executeTakeFirst();
  const rescope = (table: 'users' | 'asn_imports') =>
    sql`UPDATE ${sql.table(table)} SET scope_agency_ids = ARRAY(SELECT DISTINCT unnest(array_replace(scope_agency_ids, ${from}::int, ${into}::int)))
        WHERE ${from}::int = ANY(scope_agency_ids)`.execute(trx);
  await rescope('users');
  await rescope('asn_imports');
  await trx.deleteFrom('agencies').where('id', '=', from).execute();
  return { asn: Number(asn.numAffectedRows ?? 0), cases: Number(cases.numUpdatedRows), unitsMerged: Number(merged.numAffectedRows ?? 0) };
}

export async function insertUnit(trx: Trx, agencyId: number, name: string) {
  return trx.insertInto('units').values({ agency_id: agencyId, name }).onConflict((oc) => oc.doNothing()).returning(['id', 'name']).executeTakeFirst();
}

export async function findUnit(db: Db, id: number) {
  return db
    .selectFrom('units as u')
    .innerJoin('agencies as ag', 'ag.id', 'u.agency_id')
    .select(['u.id', 'u.name', 'u.agency_id as agencyId', 'ag.region_code as regionCode'])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export async function unitNamed(db: Db, agencyId: number, name: string) {
  return db.selectFrom('units').select(['id']).where('agency_id', '=', agencyId).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
}

export async function renameUnit(trx: Trx, id: number, name: string) {
  await trx.updateTable('units').set({ name }).where('id', '=', id).execute();
}

export async function mergeUnitRows(trx: Trx, from: number, into: number) {
  const asn = await trx.updateTable('asn').set({ unit_id: into }).where('unit_id', '=', from).executeTakeFirst();
  await trx.updateTable('asn_positions').set({ unit_id: into }).where('unit_id', '=', from).execute();
  await trx.deleteFrom('units').where('id', '=', from).execute();
  return { asn: Number(asn.numUpdatedRows) };
}

export async function insertAgencyRow(trx: Trx, agency: { code: string; name: string; regionCode: string }) {
  return trx.insertInto('agencies').values({ code: agency.code, name: agency.name, region_code: agency.regionCode }).returning('id').executeTakeFirstOrThrow();
}
