/**
 * A first load: a large file into an empty register (the first national load, a rebuilt
 * environment). Nothing can match, update or be refused against the register, so the staging
 * table and its `INSERT … SELECT` are skipped: the workers COPY validated rows straight into `asn`
 * (secondary indexes dropped and foreign-key checks suspended, as in the bulk merge), with
 *
 *   - ids reserved from the register's identity sequence: id = base + line, so the line of every
 *     stored row is known without storing it;
 *   - unit ids handed out here (the `UnitIds` authority), from blocks of the units sequence taken
 *     on another connection, so every worker gets the same id for the same unit;
 *   - duplicate NIPs within the file found by building the unique index: when it fails (rarely),
 *     every later occurrence is moved to the rejected rows, naming the line of the first.
 *
 * Everything stays in the import's transaction: a failure leaves the register empty as before.
 */
import fs from 'node:fs';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { copyIn } from '../../imports/copy.ts';
import { REGISTER_COLUMNS, REJECT_COLUMNS } from './import-worker.ts';
import { dropObjects, duplicateNipReasons, restoreObject, resumeForeignKeyChecks, secondaryObjects, suspendForeignKeyChecks, timed, type DroppedObject, type MergeCounts } from './merge.repository.ts';

export const REGISTER_COPY = `COPY asn (${REGISTER_COLUMNS.join(', ')}) FROM STDIN`;
const REJECTS_COPY = `COPY asn_import_rejects (${REJECT_COLUMNS.join(', ')}) FROM STDIN`;
const UNIT_BLOCK = 1000;

/** Whether the register holds no row at all (checked under the import's lock). */
export async function registerIsEmpty(trx: Transaction<Database>): Promise<boolean> {
  const { rows } = await sql<{ empty: boolean }>`SELECT NOT EXISTS (SELECT 1 FROM asn) AS empty`.execute(trx);
  return rows[0].empty;
}

/**
 * Unit ids for a first load. Units already registered keep theirs; a new (agency, name) pair gets
 * the next id of a block reserved from the units sequence (sequences are not transactional, so a
 * block taken on a pool connection is never handed to anyone else). The units are inserted
 * with those ids after the rows, before the commit.
 */
export class UnitIds {
  private readonly ids = new Map<string, number>();
  readonly created: Array<[agencyId: number, name: string, id: number]> = [];
  private reserved: number[] = [];

  private constructor(
    private readonly db: Db,
    private readonly sequence: string,
    readonly existing: Array<[number, string, number]>,
  ) {
    for (const [agencyId, name, id] of existing) this.ids.set(`${agencyId}\u0000${name}`, id);
  }

  /**
   * Reads the units on the import's transaction, before the load: once the register's foreign
   * keys are dropped, the transaction holds a lock on `units` that a pool connection would wait
   * for. Blocks of ids come from the sequence by name, which takes no lock on the table.
   */
  static async load(trx: Transaction<Database>, db: Db): Promise<UnitIds> {
    const units = await trx.selectFrom('units').select(['agency_id', 'name', 'id']).execute();
    const { rows } = await sql<{ sequence: string }>`SELECT pg_get_serial_sequence('units', 'id') AS sequence`.execute(trx);
    return new UnitIds(db, rows[0].sequence, units.map((u) => [u.agency_id, u.name, u.id]));
  }

  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Ids for `pairs`, in order. Calls from several workers are served one after another: two
   * interleaved at the await for a new block would each give the same new unit its own id.
   */
  resolve(pairs: Array<[number, string]>): Promise<number[]> {
    const next = this.queue.then(() => this.resolveNow(pairs));
    this.queue = next.catch(() => {});
    return next;
  }

  private async resolveNow(pairs: Array<[number, string]>): Promise<number[]> {
    const result: number[] = [];
    for (const [agencyId, name] of pairs) {
      const key = `${agencyId}\u0000${name}`;
      let id = this.ids.get(key);
      if (id === undefined) {
        if (this.reserved.length === 0) {
          const { rows } = await sql<{ id: number }>`
            SELECT nextval(${this.sequence}::regclass)::int AS id FROM generate_series(1, ${UNIT_BLOCK})`.execute(this.db);
          this.reserved = rows.map((r) => r.id).reverse();
        }
        id = this.reserved.pop()!;
        this.ids.set(key, id);
        this.created.push([agencyId, name, id]);
      }
      result.push(id);
    }
    return result;
  }
}

export interface FirstLoad {
  idBase: number;
  dropped: DroppedObject[];
  /** Whether the foreign-key triggers were suspended (see suspendForeignKeyChecks). */
  checksSuspended: boolean;
}

/**
 * Drops the register's secondary indexes, suspends its foreign-key checks and reserves the id
 * range. The primary key stays (maintained row by row, cheaply, as ids only grow): dropping it
 * would mean dropping the foreign keys of every table that references the register, locking
 * reports and cases for the whole load.
 */
export async function beginFirstLoad(trx: Transaction<Database>): Promise<FirstLoad> {
  await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(trx);
  const dropped = await secondaryObjects(trx);
  await dropObjects(trx, dropped);
  const checksSuspended = await suspendForeignKeyChecks(trx);
  const { rows } = await sql<{ base: string }>`SELECT nextval(pg_get_serial_sequence('asn', 'id')) AS base`.execute(trx);
  return { idBase: Number(rows[0].base), dropped, checksSuspended };
}

export interface FinishOptions {
  importId: string;
  valid: number;
  rejected: number;
  rejectsFiles: string[];
  units: UnitIds;
  onTiming?: (label: string, seconds: number) => void;
}

/**
 * After the rows are in: rejected rows, new units, the id sequence, then the constraints and
 * indexes back (unique NIP first, resolving duplicates if it fails).
 */
export async function finishFirstLoad(trx: Transaction<Database>, load: FirstLoad, options: FinishOptions): Promise<Omit<MergeCounts, 'nameSearchSynced'>> {
  for (const file of options.rejectsFiles) {
    if (fs.existsSync(file) && fs.statSync(file).size > 0) {
      await timed(options, 'load rejected rows', () => copyIn(trx, REJECTS_COPY, fs.createReadStream(file)));
    }
    fs.rmSync(file, { force: true });
  }
  const created = options.units.created;
  if (created.length > 0) {
    await timed(options, 'units', () => sql`
      INSERT INTO units (id, agency_id, name) OVERRIDING SYSTEM VALUE
      SELECT * FROM unnest(${created.map((u) => u[2])}::int[], ${created.map((u) => u[0])}::int[], ${created.map((u) => u[1])}::text[])`.execute(trx));
  }
  // Later inserts continue after the highest line's id.
  await sql`SELECT setval(pg_get_serial_sequence('asn', 'id'), greatest((SELECT max(id) FROM asn), ${load.idBase}))`.execute(trx);

  let duplicates = 0;
  for (const o of load.dropped) {
    if (o.kind === 'constraint' && o.definition.startsWith('UNIQUE (nip)')) {
      duplicates = await timed(options, `rebuild ${o.name}`, () => restoreUniqueNip(trx, load, options.importId, () => restoreObject(trx, o)));
    } else {
      await timed(options, `rebuild ${o.name}`, () => restoreObject(trx, o));
    }
  }
  if (load.checksSuspended) await timed(options, 'check references', () => resumeForeignKeyChecks(trx, 'all'));
  return {
    valid: options.valid - duplicates,
    inserted: options.valid - duplicates,
    updated: 0,
    unchanged: 0,
    rejected: options.rejected + duplicates,
    bulk: true,
  };
}

/**
 * Builds the unique NIP constraint. A file without duplicates (the usual case) pays nothing more;
 * otherwise the build fails, is rolled back to a savepoint, and every occurrence after the first
 * (the lowest id, so the first line) is moved to the rejected rows with its values by column.
 */
async function restoreUniqueNip(trx: Transaction<Database>, load: FirstLoad, importId: string, restore: () => Promise<void>): Promise<number> {
  await sql`SAVEPOINT unique_nip`.execute(trx);
  try {
    await restore();
    await sql`RELEASE SAVEPOINT unique_nip`.execute(trx);
    return 0;
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await sql`ROLLBACK TO SAVEPOINT unique_nip`.execute(trx);
  }
  const result = await sql`
    WITH repeated AS (
      SELECT id, min(id) OVER (PARTITION BY nip) AS first
      FROM asn WHERE nip IN (SELECT nip FROM asn GROUP BY nip HAVING count(*) > 1)
    ), removed AS (
      DELETE FROM asn x USING repeated r WHERE x.id = r.id AND r.id <> r.first
      RETURNING x.*, r.first
    )
    INSERT INTO asn_import_rejects (import_id, line, record, reasons)
    SELECT ${importId}::uuid, (r.id - ${load.idBase})::int,
      jsonb_build_object(
        'nip', r.nip, 'name', r.name, 'status', r.kind, 'positionTitle', r.position_title, 'positionType', r.position_type,
        'grade', r.grade, 'agencyCode', a.code, 'agencyName', a.name, 'unit', u.name, 'regionCode', r.region_code,
        'positionStart', r.position_start, 'active', r.active),
      ${duplicateNipReasons(sql`r.first - ${load.idBase}`)}
    FROM removed r JOIN agencies a ON a.id = r.agency_id LEFT JOIN units u ON u.id = r.unit_id`.execute(trx);
  await restore();
  return Number(result.numAffectedRows ?? 0);
}
