/**
 * The demo's own reads and writes. The fictional register is written here directly: the register
 * capability adds people only through an import run (a record in its imports list, workers, a
 * rejects file), which a demo loaded on first start should not leave behind. Everything else the
 * demo does (accounts, pairs, rotations, posts, reports, case steps) goes through services.
 */
import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AsnTable } from '../db/schema.ts';

/** Whether the demo register was loaded (its first regional government exists). */
export async function hasAgency(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** A demo region's regional government, its units and its civil servants, in the caller's transaction. */
export async function insertRegionRegister(
  trx: Db,
  region: { code: string; agencyCode: string; agencyName: string },
  unitNames: readonly string[],
  people: (agencyId: number, unitIds: number[]) => Array<Insertable<AsnTable>>,
): Promise<number> {
  const agency = await trx.insertInto('agencies').values({ code: region.agencyCode, name: region.agencyName, region_code: region.code }).returning('id').executeTakeFirstOrThrow();
  const units = await trx
    .insertInto('units')
    .values(unitNames.map((name) => ({ agency_id: agency.id, name })))
    .returning(['id', 'name'])
    .execute();
  const rows = people(agency.id, units.map((u) => u.id));
  await trx.insertInto('asn').values(rows).onConflict((oc) => oc.column('nip').doNothing()).execute();
  // Typo-tolerant name search reads its own table (kept by the register importer, see 0005).
  await sql`INSERT INTO asn_name_search (asn_id, name_folded) SELECT id, netra_fold(name) FROM asn WHERE region_code = ${region.code} ON CONFLICT DO NOTHING`.execute(trx);
  return rows.length;
}

export async function regionName(db: Db, code: string): Promise<string> {
  return (await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirstOrThrow()).name;
}

/** District names of a region (camat and lurah titles name one). */
export async function districtNames(db: Db, regionCode: string): Promise<string[]> {
  const rows = await db.selectFrom('regions').select('name').where('parent_code', 'like', `${regionCode}%`).where('level', '=', 'district').execute();
  return rows.map((r) => r.name);
}

/** Civil servants of a region in register order, with their unit's name; `inUnit`: only those placed in a unit. */
export async function demoPeople(db: Db, regionCode: string, page: { offset: number; limit: number; inUnit: boolean }) {
  return db
    .selectFrom('asn')
    .$if(page.inUnit, (qb) => qb.where('asn.unit_id', 'is not', null))
    .leftJoin('units', 'units.id', 'asn.unit_id')
    .select(['asn.nip', 'asn.name', 'asn.position_title', 'units.name as unit'])
    .where('asn.region_code', '=', regionCode)
    .orderBy('asn.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

/** Whether any case was filed in these regions (the demo cases were loaded). */
export async function hasCasesIn(db: Db, regionCodes: readonly string[]): Promise<boolean> {
  return (await db.selectFrom('cases').select('id').where('region_code', 'in', [...regionCodes]).executeTakeFirst()) !== undefined;
}
