/**
 * SIASN blocks as records (`siasn_blocks`, migration 0014): requested by the deadline sweep,
 * imposed by BKN, lifted by the sanction or by BKN. At most one open (not lifted) block per case.
 */
import { sql, type Updateable } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import type { SiasnBlockTable } from '../../db/schema.ts';
import { caseVisibleTo, regionInScope } from '../../db/scope.ts';
import type { Viewer } from './repository.ts';

const blockColumns = [
  'b.id',
  'b.case_id as caseId',
  'b.status',
  'b.requested_at as requestedAt',
  'b.requested_basis as basis',
  'b.imposed_on as imposedOn',
  'b.imposed_reference as imposedReference',
  'im.name as imposedByName',
  'b.lifted_on as liftedOn',
  'b.lift_cause as liftCause',
  'b.lift_reason as liftReason',
  'li.name as liftedByName',
] as const;

function withNames(db: Db) {
  return db.selectFrom('siasn_blocks as b').leftJoin('users as im', 'im.id', 'b.imposed_by').leftJoin('users as li', 'li.id', 'b.lifted_by');
}

export type BlockRow = Awaited<ReturnType<typeof blocksOfCase>>[number];

/** Every block of a case, newest first. */
export async function blocksOfCase(db: Db, caseId: string) {
  return withNames(db).select(blockColumns).where('b.case_id', '=', caseId).orderBy('b.requested_at', 'desc').execute();
}

/** The open block of a case, locked for a change. */
export async function lockOpenBlock(trx: Trx, caseId: string) {
  return trx.selectFrom('siasn_blocks').selectAll().where('case_id', '=', caseId).where('status', '!=', 'lifted').forUpdate().executeTakeFirst();
}

/** A requested block; undefined when the case has an open one already. */
export async function insertRequested(trx: Trx, caseId: string, at: Date, basis: unknown): Promise<string | undefined> {
  const row = await trx
    .insertInto('siasn_blocks')
    .values({ case_id: caseId, status: 'requested', requested_at: at, requested_basis: JSON.stringify(basis ?? {}) })
    .onConflict((oc) => oc.column('case_id').where('status', '!=', 'lifted').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateBlock(trx: Trx, id: string, values: Updateable<SiasnBlockTable>): Promise<void> {
  await trx.updateTable('siasn_blocks').set(values).where('id', '=', id).execute();
}

/** Blocks on the cases of a person that the viewer may see, newest first. */
export async function blocksOfPerson(db: Db, viewer: Viewer, asnId: number) {
  return withNames(db)
    .innerJoin('cases as c', 'c.id', 'b.case_id')
    .innerJoin('case_people as cp', 'cp.case_id', 'c.id')
    .select([...blockColumns, 'c.number as caseNumber'])
    .where('cp.asn_id', '=', asnId)
    .where((eb) => caseVisibleTo(eb, viewer))
    .orderBy('b.requested_at', 'desc')
    .limit(100)
    .execute();
}

/**
 * Open blocks in the viewer's territory, per regency/city and per agency (of the case, else of its
 * first person). Counts only: the analyst may read them too.
 */
export async function openBlockCounts(db: Db, viewer: Viewer, region: string | undefined) {
  let base = db
    .selectFrom('siasn_blocks as b')
    .innerJoin('cases as c', 'c.id', 'b.case_id')
    .leftJoin('asn as a', 'a.id', 'c.asn_id')
    .leftJoin('agencies as ag', (join) => join.on(sql<boolean>`ag.id = coalesce(c.agency_id, a.agency_id)`))
    .innerJoin('regions as r', (join) => join.on(sql<boolean>`r.code = left(c.region_code, 5)`))
    .where('b.status', '!=', 'lifted')
    .where((eb) => caseVisibleTo(eb, viewer));
  if (region) base = base.where((eb) => regionInScope(eb, 'c.region_code', { kind: 'region', regionCode: region }));
  const requested = sql<number>`count(*) FILTER (WHERE b.status = 'requested')::int`;
  const imposed = sql<number>`count(*) FILTER (WHERE b.status = 'imposed')::int`;
  const [byRegion, byAgency] = await Promise.all([
    base.select(['r.code', 'r.name', requested.as('requested'), imposed.as('imposed')]).groupBy(['r.code', 'r.name']).orderBy('r.code').execute(),
    base
      .select(['ag.id', sql<string>`coalesce(ag.name, '-')`.as('name'), 'r.code as regionCode', requested.as('requested'), imposed.as('imposed')])
      .groupBy(['ag.id', 'ag.name', 'r.code'])
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('ag.name')
      .limit(200)
      .execute(),
  ]);
  return { byRegion, byAgency };
}
