import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ListRegionsQuery, RegionDto } from './schema.ts';

function selectRegions(db: Db) {
  return db
    .selectFrom('regions as r')
    .leftJoin('regions as p', 'p.code', 'r.parent_code')
    .select([
      'r.code',
      'r.name',
      'r.level',
      'r.parent_code as parentCode',
      'p.name as parentName',
      'r.province_code as provinceCode',
      'r.is_city as isCity',
      'r.time_zone as timeZone',
    ]);
}

export async function listRegions(db: Db, query: ListRegionsQuery): Promise<{ total: number; items: RegionDto[] }> {
  let base = selectRegions(db);
  if (query.level) base = base.where('r.level', 'in', query.level);
  if (query.parent) base = base.where('r.parent_code', '=', query.parent);
  if (query.q) {
    // A user's "%" or "_" is text to find, not a LIKE wildcard.
    const folded = query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    base = base.where((eb) =>
      eb.or([
        eb(sql`netra_fold(r.name)`, 'like', sql<string>`'%' || netra_fold(${folded}) || '%'`),
        eb('r.code', 'like', `${folded}%`),
      ]),
    );
  }
  const [{ total }] = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute();
  let ordered = base;
  if (query.q) {
    // Provinces before regencies before districts; then the closest name first.
    ordered = ordered
      .orderBy(sql`array_position(ARRAY['province','regency','district'], r.level)`)
      .orderBy(sql`similarity(netra_fold(r.name), netra_fold(${query.q}))`, 'desc');
  }
  const items = await ordered.orderBy('r.code').limit(query.limit).offset(query.offset).execute();
  return { total: Number(total), items };
}

export async function findRegion(db: Db, code: string): Promise<RegionDto | undefined> {
  return selectRegions(db).where('r.code', '=', code).executeTakeFirst();
}

export async function regionNames(db: Db, codes: readonly string[]) {
  return db.selectFrom('regions').select(['code', 'name']).where('code', 'in', [...codes]).execute();
}
