/**
 * The set-based half of an ASN import, all inside the import's transaction: from the staging
 * table of validated rows into the register in a handful of statements, whatever the row count.
 *
 *   1. rows whose NIP is registered outside the importer's scope are refused (not updated);
 *   2. new units (OPD) are created;
 *   3. rows whose position changes close the old position into `asn_positions`;
 *   4. the register is merged: new NIPs inserted, changed rows updated (a stored column differs),
 *      unchanged rows not touched at all (updated_at stays);
 *   5. refused rows are kept for the rejected-rows file.
 *
 * A load larger than the register itself runs in bulk mode: the register's secondary indexes
 * are dropped inside the transaction and rebuilt after the load, and its foreign-key triggers
 * suspended (see suspendForeignKeyChecks), which is several times cheaper than maintaining them
 * row by row; the rebuild re-checks uniqueness and the references are checked set-based, so
 * nothing is trusted blindly. The price is an exclusive lock on `asn` (only) until the import
 * commits, acceptable only because such a load replaces most of the register anyway.
 */
import { duplicateNipReason, type Scope } from '@netra/core';
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { agencyInScope, regionInScope } from '../../db/scope.ts';
import type { Database } from '../../db/schema.ts';
import { registerReason } from './reasons.ts';
import { STAGING_COLUMNS } from './import-worker.ts';

export const STAGING_TABLE = 'asn_import_staging';
const LINE_PLACEHOLDER = '{{first_line}}';

/**
 * The reasons (jsonb) of a row rejected as a later occurrence of a NIP, with the line of the first
 * filled in by SQL: the wording stays the core's, however many rows PostgreSQL finds.
 */
export const duplicateNipReasons = (firstLine: RawBuilder<unknown>) =>
  sql`replace(${JSON.stringify([duplicateNipReason(LINE_PLACEHOLDER)])}, ${LINE_PLACEHOLDER}, (${firstLine})::text)::jsonb`;
/** Staged lines whose NIP the register already holds, with the register row's id. */
const MATCHED_TABLE = 'asn_import_matched';

/** Advisory lock that serialises merges into the register (and the name-index rebuild). */
export const REGISTER_LOCK_KEY = 7_351_005;

/** Named points of the merge, where a test can inject a failure to prove the rollback. */
export type MergeStep = 'staged' | 'units' | 'positions' | 'asn' | 'rejects';

export interface MergeCounts {
  valid: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  bulk: boolean;
  /** Whether the name search table was updated in the transaction (else refresh it after). */
  nameSearchSynced: boolean;
}

/** Below this, maintaining indexes row by row is cheaper than rebuilding them. */
export const BULK_MIN_ROWS = 100_000;

export async function createStagingTable(trx: Transaction<Database>): Promise<void> {
  // TEMP: private to the import's connection, never WAL-logged, dropped at commit or rollback.
  await sql`
    CREATE TEMP TABLE ${sql.raw(STAGING_TABLE)} (
      line integer NOT NULL,
      nip text, name text, kind text, gender text, birth_date date,
      position_title text, position_type text, grade text,
      agency_code text, agency_name text, unit text, region_code text,
      position_start date, active boolean,
      cells jsonb, reasons jsonb
    ) ON COMMIT DROP`.execute(trx);
}

export const STAGING_COPY = `COPY ${STAGING_TABLE} (${STAGING_COLUMNS.join(', ')}) FROM STDIN`;

/** A register row within the scope, as the shared scope filters write it (they do not use the expression builder). */
function inScope(regionColumn: string, agencyColumn: string, scope: Scope): RawBuilder<SqlBool> {
  const eb = undefined as unknown as ExpressionBuilder<Database, 'asn'>;
  const region: Expression<SqlBool> = regionInScope(eb, regionColumn, scope);
  const agency: Expression<SqlBool> = agencyInScope(eb, agencyColumn, scope);
  return sql<SqlBool>`(${region} AND ${agency})`;
}

export interface DroppedObject {
  kind: 'constraint' | 'index';
  name: string;
  definition: string;
}

/**
 * The unique constraints and plain indexes of `asn` (not its primary key, which the tables that
 * reference the register depend on). Dropping and rebuilding them locks only `asn`.
 */
export async function secondaryObjects(trx: Transaction<Database>): Promise<DroppedObject[]> {
  const constraints = await sql<{ name: string; definition: string }>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE conrelid = 'asn'::regclass AND contype = 'u'
    ORDER BY conname`.execute(trx);
  const indexes = await sql<{ name: string; definition: string }>`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = 'asn'::regclass
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = 'asn'::regclass)
    ORDER BY i.relname`.execute(trx);
  return [
    ...constraints.rows.map((r) => ({ kind: 'constraint' as const, ...r })),
    ...indexes.rows.map((r) => ({ kind: 'index' as const, ...r })),
  ];
}

export async function dropObjects(trx: Transaction<Database>, objects: DroppedObject[]): Promise<void> {
  for (const o of objects) {
    if (o.kind === 'constraint') await sql`ALTER TABLE asn DROP CONSTRAINT ${sql.id(o.name)}`.execute(trx);
    else await sql`DROP INDEX ${sql.id(o.name)}`.execute(trx);
  }
}

export async function restoreObject(trx: Transaction<Database>, o: DroppedObject): Promise<void> {
  if (o.kind === 'index') await sql.raw(o.definition).execute(trx);
  else await sql`ALTER TABLE asn ADD CONSTRAINT ${sql.id(o.name)} ${sql.raw(o.definition)}`.execute(trx);
}

/**
 * Suspends the register's foreign-key checks (agency, unit, region) for a bulk load: checking each
 * row through its triggers costs more than the load itself. They are not dropped: dropping a
 * foreign key locks the table it references, and `regions` is read by every public page, which
 * would then wait for the whole import. Instead the triggers on `asn` are disabled (a lock on
 * `asn` only; this needs a superuser, as the embedded database's owner is), every referenced row
 * is locked against deletion until the commit, and `resumeForeignKeyChecks` checks the written
 * rows set-based before enabling the triggers again. False when checks stay on (no superuser, or
 * `asn` has triggers of its own that must keep firing): slower, equally correct.
 */
export async function suspendForeignKeyChecks(trx: Transaction<Database>): Promise<boolean> {
  const { rows } = await sql<{ superuser: boolean; own_triggers: number }>`
    SELECT current_setting('is_superuser') = 'on' AS superuser,
      (SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'asn'::regclass AND NOT tgisinternal) AS own_triggers`.execute(trx);
  if (!rows[0].superuser || rows[0].own_triggers > 0) return false;
  // FOR KEY SHARE blocks deleting a referenced row or changing its key, not reading or editing it.
  await sql`SELECT count(*) FROM (SELECT 1 FROM agencies FOR KEY SHARE) a`.execute(trx);
  await sql`SELECT count(*) FROM (SELECT 1 FROM units FOR KEY SHARE) u`.execute(trx);
  await sql`SELECT count(*) FROM (SELECT 1 FROM regions FOR KEY SHARE) r`.execute(trx);
  await sql`ALTER TABLE asn DISABLE TRIGGER ALL`.execute(trx);
  return true;
}

/**
 * Checks, set-based, the references of the rows this transaction wrote (`all`: the whole register,
 * after a first load) and enables the triggers again. A missing reference fails the import.
 */
export async function resumeForeignKeyChecks(trx: Transaction<Database>, rows: 'all' | 'written'): Promise<void> {
  const written = rows === 'all' ? sql`true` : sql`x.updated_at = now()`;
  const { rows: broken } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM asn x
    LEFT JOIN agencies a ON a.id = x.agency_id
    LEFT JOIN units u ON u.id = x.unit_id
    LEFT JOIN regions r ON r.code = x.region_code
    WHERE ${written} AND (a.id IS NULL OR (x.unit_id IS NOT NULL AND u.id IS NULL) OR r.code IS NULL)`.execute(trx);
  if (broken[0].n > 0) throw new Error(`${broken[0].n} register rows refer to an agency, unit or region that does not exist`);
  await sql`ALTER TABLE asn ENABLE TRIGGER ALL`.execute(trx);
}

/**
 * The columns an import writes, as a row value: an incoming row equal to the stored one in all of
 * them is unchanged and not written (its updated_at stays). Compared in SQL rather than by a
 * fingerprint computed per row in JavaScript, which cost as much CPU as validating the row.
 */
const storedColumns = (alias: string) =>
  sql.raw(
    `(${['kind', 'name', 'gender', 'birth_date', 'position_title', 'position_type', 'grade', 'agency_id', 'unit_id', 'region_code', 'active', 'position_start'].map((c) => `${alias}.${c}`).join(', ')})`,
  );

const countOf = async (trx: Transaction<Database>, query: RawBuilder<{ n: number }>) => Number((await query.execute(trx)).rows[0]?.n ?? 0);

export interface MergeOptions {
  importId: string;
  scope: Scope;
  /** Update the name search table in this transaction (small imports); otherwise a refresh follows the commit. */
  syncNameSearch: boolean;
  /** Test hook: throw after this step. */
  failAfter?: MergeStep;
  /** Rows the worker already rejected (staged with their reasons). */
  stagedRejected: number;
  /** Distinct [agency code, unit name] pairs of the valid rows. */
  units: Array<[string, string]>;
  /** Bulk mode from this many valid rows (when larger than the register); tests lower it. */
  bulkMinRows?: number;
  /** Seconds each statement took (the benchmark prints the breakdown). */
  onTiming?: (label: string, seconds: number) => void;
}

/** Runs one bulk-load statement and reports its seconds to `onTiming` (the benchmark prints the breakdown). */
export async function timed<T>(options: Pick<MergeOptions, 'onTiming'>, label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  options.onTiming?.(label, (performance.now() - started) / 1000);
  return result;
}

function checkpoint(step: MergeStep, options: MergeOptions): void {
  if (options.failAfter === step) throw new Error(`Injected failure after merge step "${step}"`);
}

export async function mergeStaging(trx: Transaction<Database>, options: MergeOptions): Promise<MergeCounts> {
  const staging = sql.raw(STAGING_TABLE);
  // Temporary tables are never analysed automatically; the joins below need row estimates.
  await timed(options, 'analyze staging', () => sql`ANALYZE ${staging}`.execute(trx));
  checkpoint('staged', options);

  // A NIP repeated within the file: the first valid occurrence is processed, every later one is
  // refused naming its line. Found here, set-based, rather than by a tracker in the workers, whose
  // memory would grow with the file and which could not see across the parts of a split file.
  const duplicates = await timed(options, 'duplicate NIPs within the file', async () => {
    const result = await sql`
      UPDATE ${staging} s SET reasons = ${duplicateNipReasons(sql`d.first`)}
      FROM (
        SELECT line, min(line) OVER (PARTITION BY nip) AS first FROM ${staging}
        WHERE reasons IS NULL AND nip IN (SELECT nip FROM ${staging} WHERE reasons IS NULL GROUP BY nip HAVING count(*) > 1)
      ) d
      WHERE s.line = d.line AND d.line <> d.first`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });

  // Matching once, into a table of its own, gives every later statement a join on the primary
  // key, and keeps the bulk path from anti-joining `asn` against itself while it grows.
  const matched = sql.raw(MATCHED_TABLE);
  await timed(options, 'match NIPs against the register', async () => {
    await sql`
      CREATE TEMP TABLE ${matched} ON COMMIT DROP AS
      SELECT s.line, x.id AS asn_id FROM ${staging} s JOIN asn x ON x.nip = s.nip WHERE s.reasons IS NULL`.execute(trx);
    await sql`ANALYZE ${matched}`.execute(trx);
  });

  let refused = 0;
  if (options.scope.kind !== 'national') {
    const reasons = JSON.stringify([registerReason.nipRegisteredOutsideScope()]);
    await timed(options, 'refuse out-of-scope NIPs', async () => {
      const result = await sql`
        UPDATE ${staging} s SET reasons = ${reasons}::jsonb
        FROM ${matched} m JOIN asn x ON x.id = m.asn_id
        WHERE s.line = m.line AND NOT ${inScope('x.region_code', 'x.agency_id', options.scope)}`.execute(trx);
      refused = Number(result.numAffectedRows ?? 0);
      await sql`DELETE FROM ${matched} m USING ${staging} s WHERE s.line = m.line AND s.reasons IS NOT NULL`.execute(trx);
    });
  }

  await timed(options, 'units', () => sql`
    INSERT INTO units (agency_id, name)
    SELECT a.id, u.name
    FROM unnest(${options.units.map((u) => u[0])}::text[], ${options.units.map((u) => u[1])}::text[]) AS u(code, name)
    JOIN agencies a ON a.code = u.code
    ON CONFLICT (agency_id, name) DO NOTHING`.execute(trx));
  checkpoint('units', options);

  // Incoming rows with their agency and unit resolved.
  const incoming = sql`
    SELECT s.*, a.id AS agency_id, u.id AS unit_id
    FROM ${staging} s
    JOIN agencies a ON a.code = s.agency_code
    JOIN units u ON u.agency_id = a.id AND u.name = s.unit
    WHERE s.reasons IS NULL`;

  // A position is who holds which post where: title, type, agency, unit. A new grade alone is a
  // promotion in rank, not a new position.
  await timed(options, 'position history', () => sql`
    INSERT INTO asn_positions (asn_id, position_title, position_type, grade, agency_id, unit_id, region_code, started_on, ended_on, import_id)
    SELECT x.id, x.position_title, x.position_type, x.grade, x.agency_id, x.unit_id, x.region_code, x.position_start, i.position_start, ${options.importId}::uuid
    FROM (${incoming}) i JOIN ${matched} m ON m.line = i.line JOIN asn x ON x.id = m.asn_id
    WHERE (x.position_title, x.position_type, x.agency_id, x.unit_id) IS DISTINCT FROM (i.position_title, i.position_type, i.agency_id, i.unit_id)`.execute(trx));
  checkpoint('positions', options);

  const valid = await countOf(trx, sql<{ n: number }>`SELECT count(*)::int AS n FROM ${staging} WHERE reasons IS NULL`);
  // Counted exactly (a second or so at national scale), only when the load is large enough to matter.
  const bulk =
    valid >= (options.bulkMinRows ?? BULK_MIN_ROWS) && valid > (await countOf(trx, sql<{ n: number }>`SELECT count(*)::int AS n FROM asn`));

  let inserted: number;
  let updated: number;
  const assignments = sql`
    kind = i.kind, name = i.name, gender = i.gender, birth_date = i.birth_date,
    position_title = i.position_title, position_type = i.position_type, grade = i.grade,
    agency_id = i.agency_id, unit_id = i.unit_id, region_code = i.region_code,
    active = i.active, position_start = i.position_start, updated_at = now()`;
  const columns = sql`(nip, kind, name, gender, birth_date, position_title, position_type, grade, agency_id, unit_id, region_code, active, position_start)`;
  const values = sql`i.nip, i.kind, i.name, i.gender, i.birth_date, i.position_title, i.position_type, i.grade, i.agency_id, i.unit_id, i.region_code, i.active, i.position_start`;

  if (bulk) {
    await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(trx);
    const objects = await secondaryObjects(trx);
    await timed(options, 'drop indexes', () => dropObjects(trx, objects));
    const suspended = await suspendForeignKeyChecks(trx);
    const updateResult = await timed(options, 'update changed rows', () => sql`
      UPDATE asn x SET ${assignments}
      FROM (${incoming}) i JOIN ${matched} m ON m.line = i.line
      WHERE x.id = m.asn_id AND ${storedColumns('x')} IS DISTINCT FROM ${storedColumns('i')}`.execute(trx));
    updated = Number(updateResult.numAffectedRows ?? 0);
    const insertResult = await timed(options, 'insert new rows', () => sql`
      INSERT INTO asn ${columns}
      SELECT ${values} FROM (${incoming}) i
      WHERE NOT EXISTS (SELECT 1 FROM ${matched} m WHERE m.line = i.line)`.execute(trx));
    inserted = Number(insertResult.numAffectedRows ?? 0);
    for (const o of objects) await timed(options, `rebuild ${o.name}`, () => restoreObject(trx, o));
    if (suspended) await timed(options, 'check references', () => resumeForeignKeyChecks(trx, 'written'));
  } else {
    const assignmentsFromExcluded = sql`
      kind = excluded.kind, name = excluded.name, gender = excluded.gender, birth_date = excluded.birth_date,
      position_title = excluded.position_title, position_type = excluded.position_type, grade = excluded.grade,
      agency_id = excluded.agency_id, unit_id = excluded.unit_id, region_code = excluded.region_code,
      active = excluded.active, position_start = excluded.position_start, updated_at = now()`;
    const search = options.syncNameSearch
      ? sql`, search AS (
          INSERT INTO asn_name_search (asn_id, name_folded)
          SELECT id, netra_fold(name) FROM merged
          ON CONFLICT (asn_id) DO UPDATE SET name_folded = excluded.name_folded
          WHERE asn_name_search.name_folded IS DISTINCT FROM excluded.name_folded)`
      : sql``;
    const result = await timed(options, 'merge (insert … on conflict update)', () => sql<{ inserted: number; updated: number }>`
      WITH merged AS (
        INSERT INTO asn AS x ${columns}
        SELECT ${values} FROM (${incoming}) i
        ON CONFLICT (nip) DO UPDATE SET ${assignmentsFromExcluded}
        WHERE ${storedColumns('x')} IS DISTINCT FROM ${storedColumns('excluded')}
        RETURNING x.id, x.name, (x.xmax = 0) AS inserted
      )${search}
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM merged`.execute(trx));
    inserted = result.rows[0].inserted;
    updated = result.rows[0].updated;
  }
  checkpoint('asn', options);

  // Rows the register check refused have no cells (valid rows are staged normalised): keep their
  // values by column so the rejected-rows file can still be written in the file's own columns.
  // A clean file (the usual national case) has nothing to keep: skip the pass over the staged rows.
  const rejects = options.stagedRejected + duplicates + refused === 0 ? { numAffectedRows: 0n } : await timed(options, 'keep rejected rows', () => sql`
    INSERT INTO asn_import_rejects (import_id, line, cells, record, reasons)
    SELECT ${options.importId}::uuid, line, cells,
      CASE WHEN cells IS NULL THEN jsonb_build_object(
        'nip', nip, 'name', name, 'status', kind, 'positionTitle', position_title, 'positionType', position_type,
        'grade', grade, 'agencyCode', agency_code, 'agencyName', agency_name, 'unit', unit, 'regionCode', region_code,
        'positionStart', position_start, 'active', active) END,
      reasons
    FROM ${staging} WHERE reasons IS NOT NULL`.execute(trx));
  const rejected = Number(rejects.numAffectedRows ?? 0);
  checkpoint('rejects', options);

  return { valid, inserted, updated, unchanged: valid - inserted - updated, rejected, bulk, nameSearchSynced: options.syncNameSearch && !bulk };
}
