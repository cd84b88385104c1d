/**
 * The queries of backup and restore (backup.service.ts): the tables of the `public` schema with
 * their columns and foreign keys, COPY out of a consistent snapshot and COPY back in, the files
 * the database refers to, and what makes a target "not empty".
 */
import { CompiledQuery, Migrator, sql, type MigrationProvider } from 'kysely';
import { to as copyTo } from 'pg-copy-streams';
import type { Readable } from 'node:stream';
import type { Db, Trx } from '../../db/database.ts';
import { copyIn } from '../../imports/copy.ts';
import { ENCRYPTION_FINGERPRINT, readMeta } from '../../security/keys.repository.ts';

/** Kysely's own bookkeeping: rebuilt by running the migrations, never copied. */
const SKIPPED = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface TableInfo {
  name: string;
  /** Stored columns in order (generated columns are left to PostgreSQL). */
  columns: string[];
  /** Tables this one refers to (foreign keys), itself excluded. */
  references: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function listTables(db: Db | Trx): Promise<TableInfo[]> {
  const tables = await sql<{ name: string; columns: string[] }>`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     GROUP BY c.relname
     ORDER BY c.relname`.execute(db);
  const edges = await sql<{ child: string; parent: string }>`
    SELECT DISTINCT c.relname AS child, p.relname AS parent
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_class p ON p.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`.execute(db);
  return tables.rows
    .filter((t) => !SKIPPED.has(t.name))
    .map((t) => ({ name: t.name, columns: t.columns, references: edges.rows.filter((e) => e.child === t.name).map((e) => e.parent) }));
}

export async function appliedMigrations(db: Db | Trx): Promise<string[]> {
  const exists = await sql<{ present: boolean }>`SELECT to_regclass('public.kysely_migration') IS NOT NULL AS present`.execute(db);
  if (!exists.rows[0]?.present) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

export function encryptionFingerprint(db: Db | Trx): Promise<string | null> {
  return readMeta(db, ENCRYPTION_FINGERPRINT);
}

/** Everything in one snapshot: a REPEATABLE READ, READ ONLY transaction. */
export function inSnapshot<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(work);
}

/** COPY a table out in PostgreSQL's text format: the stream holds the transaction's connection until read to its end. */
export async function openCopyOut(trx: Trx, table: TableInfo): Promise<Readable> {
  const stream = copyTo(`COPY ${ident(table.name)} (${table.columns.map(ident).join(', ')}) TO STDOUT`);
  await trx.executeQuery(CompiledQuery.raw(stream as unknown as string));
  return stream;
}

/** COPY text back into a table. */
export async function copyTableIn(trx: Trx, table: TableInfo, source: Readable): Promise<void> {
  await copyIn(trx, `COPY ${ident(table.name)} (${table.columns.map(ident).join(', ')}) FROM STDIN`, source);
}

/** Every storage key the database refers to: evidence originals, their public copies, finished exports, case letters and decrees. */
export async function referencedFileKeys(trx: Db | Trx): Promise<string[]> {
  const rows = await sql<{ key: string }>`
    SELECT storage_key AS key FROM evidence WHERE storage_key IS NOT NULL
    UNION SELECT public_copy_key FROM evidence WHERE public_copy_key IS NOT NULL
    UNION SELECT 'exports/' || id || '.' || format FROM export_jobs WHERE status = 'done'
    UNION SELECT storage_key FROM case_documents
    ORDER BY 1`.execute(trx);
  return rows.rows.map((r) => r.key);
}

/** Tables of the `public` schema that hold at least one row, with the number of tables overall. */
export async function targetContents(db: Db): Promise<{ tables: number; nonEmpty: string[] }> {
  const tables = (await listTables(db)).map((t) => t.name);
  const nonEmpty: string[] = [];
  for (const name of tables) {
    const row = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.raw(ident(name))}) AS any`.execute(db);
    if (row.rows[0]?.any) nonEmpty.push(name);
  }
  return { tables: tables.length, nonEmpty };
}

/** Bring an empty database to exactly the schema the archive was made with. */
export async function migrateTo(db: Db, provider: MigrationProvider, last: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(last);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Empty every table the migrations may have filled (reference rows) before the archive's rows go in. */
export async function truncateAll(trx: Trx, tables: string[]): Promise<void> {
  if (tables.length === 0) return;
  await sql`TRUNCATE ${sql.raw(tables.map(ident).join(', '))} CASCADE`.execute(trx);
}

export async function countRows(trx: Trx, table: string): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM ${sql.raw(ident(table))}`.execute(trx);
  return Number(row.rows[0]?.n ?? 0);
}

/** Identity and serial sequences continue after the highest restored value. */
export async function resetSequences(trx: Trx): Promise<void> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`.execute(trx);
  for (const { table_name, column_name } of columns.rows) {
    if (SKIPPED.has(table_name)) continue;
    await sql`SELECT setval(pg_get_serial_sequence(${ident(table_name)}, ${column_name}),
                            COALESCE((SELECT max(${sql.raw(ident(column_name))}) FROM ${sql.raw(ident(table_name))}), 0) + 1, false)`.execute(trx);
  }
}
