/**
 * Backup and restore of a whole Netra system as ONE file (`netra-backup-<time>.tar.gz`):
 *
 *   manifest.json            format, time, schema version (the migrations applied), the encryption
 *                            key's fingerprint (never the key), and per table / per file its
 *                            entry, row count or size and SHA-256
 *   db/<nnn>-<table>.copy    every table of the `public` schema in PostgreSQL's COPY text format,
 *                            numbered in foreign-key order (a parent before its children)
 *   files/<storage key>      every stored file the database refers to (evidence originals and
 *                            public copies, finished exports), read from the local directory or
 *                            the object store
 *
 * The tables are read in one REPEATABLE READ snapshot, so the archive is consistent even while
 * the servers keep working; stored files are content-addressed or written once, so reading them
 * after the snapshot gives the bytes the rows name. A COPY-based dump (rather than pg_dump) needs
 * no PostgreSQL client binaries — the embedded PostgreSQL ships none — and works the same against
 * `DATABASE_URL`; the schema itself is rebuilt by the migrations named in the manifest.
 *
 * Restore reads the manifest first and refuses, before touching anything, a target that holds
 * data, a key whose fingerprint differs from the archive's, and an archive made by a newer schema;
 * then every entry is checked against its hash while it is unpacked, the schema is migrated to
 * the archive's version, the rows are loaded in one transaction (counts checked), sequences moved
 * past the restored ids, the files put into the target store and the dashboards rebuilt.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import type { Db } from '../../db/database.ts';
import { migrations } from '../../db/migrations/index.ts';
import { keyFingerprint } from '../../security/keys.ts';
import type { FileStore } from '../../storage/file-store.ts';
import { refreshDashboards } from '../figures/refresh.ts';
import * as repo from './backup.repository.ts';
import { runPurge } from './retention.service.ts';

export const BACKUP_FORMAT = 'netra-backup/1';

export interface ManifestTable {
  name: string;
  entry: string;
  columns: string[];
  references: string[];
  rows: number;
  bytes: number;
  sha256: string;
}

export interface ManifestFile {
  key: string;
  entry: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  schema: { migrations: string[]; last: string | null };
  /** Fingerprints only (security/keys.ts): they name the key the data needs without revealing it. */
  keys: { encryption: string | null };
  storage: { driver: FileStore['driver'] };
  tables: ManifestTable[];
  files: ManifestFile[];
  /** Keys the database names but the store did not have when the backup ran (removed by hand). */
  missingFiles: string[];
  totals: { tables: number; rows: number; files: number; fileBytes: number };
}

export type Progress = (line: string) => void;

/** Why a restore was refused (nothing in the target was changed), in both languages. */
export class RestoreRefusedError extends Error {
  constructor(
    readonly reason: 'not-empty' | 'key-mismatch' | 'no-key' | 'newer-schema' | 'not-an-archive' | 'corrupt',
    message: { id: string; en: string },
  ) {
    super(`${message.id}\n${message.en}`);
  }
}

/** Parents before children; a table in a cycle (none today) keeps its alphabetical place. */
export function dependencyOrder(tables: repo.TableInfo[]): repo.TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: repo.TableInfo[] = [];
  const visit = (table: repo.TableInfo) => {
    if (done.has(table.name) || visiting.has(table.name)) return;
    visiting.add(table.name);
    for (const parent of table.references) {
      const p = byName.get(parent);
      if (p) visit(p);
    }
    visiting.delete(table.name);
    done.add(table.name);
    out.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return out;
}

const n = (value: number) => value.toLocaleString('en-US');

/** Hashes, counts bytes and lines (COPY text: one line per row), and says how far it got every few seconds. */
function meter(onProgress?: (lines: number) => void) {
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  let lastReport = Date.now();
  const stream = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
      if (onProgress && Date.now() - lastReport > 2000) {
        lastReport = Date.now();
        onProgress(lines);
      }
      callback(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), bytes, lines }) };
}

const timestamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

export interface BackupResult {
  archive: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * Write one archive into `outDir` (created when missing). Parts are staged in a temporary folder
 * beside it (so the disk needs room for about twice the archive) and removed afterwards.
 */
export async function createBackup(
  deps: { db: Db; files: FileStore; now?: () => Date },
  outDir: string,
  progress: Progress = () => {},
): Promise<BackupResult> {
  const now = deps.now?.() ?? new Date();
  await fsp.mkdir(outDir, { recursive: true });
  const staging = await fsp.mkdtemp(path.join(outDir, '.netra-backup-'));
  try {
    const { tables, schema, fingerprint, fileKeys } = await repo.inSnapshot(deps.db, async (trx) => {
      const ordered = dependencyOrder(await repo.listTables(trx));
      const applied = await repo.appliedMigrations(trx);
      const written: ManifestTable[] = [];
      await fsp.mkdir(path.join(staging, 'db'), { recursive: true });
      for (const [i, table] of ordered.entries()) {
        const entry = `db/${String(i + 1).padStart(3, '0')}-${table.name}.copy`;
        const m = meter((lines) => progress(`  ${table.name}: ${n(lines)} …`));
        await pipeline(await repo.openCopyOut(trx, table), m.stream, fs.createWriteStream(path.join(staging, entry)));
        const { sha256, bytes, lines } = m.result();
        written.push({ name: table.name, entry, columns: table.columns, references: table.references, rows: lines, bytes, sha256 });
        progress(`[${i + 1}/${ordered.length}] ${table.name}: ${n(lines)} baris/rows`);
      }
      return { tables: written, schema: applied, fingerprint: await repo.encryptionFingerprint(trx), fileKeys: await repo.referencedFileKeys(trx) };
    });

    const files: ManifestFile[] = [];
    const missing: string[] = [];
    for (const [i, key] of fileKeys.entries()) {
      const entry = `files/${key}`;
      const target = path.join(staging, entry);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      let source: Readable;
      try {
        source = await deps.files.open(key);
      } catch (error) {
        // A row whose file is gone (removed by hand): the backup says so instead of failing.
        missing.push(key);
        progress(`  ! ${key}: ${(error as Error).message}`);
        continue;
      }
      const m = meter();
      await pipeline(source, m.stream, fs.createWriteStream(target));
      const { sha256, bytes } = m.result();
      files.push({ key, entry, bytes, sha256 });
      if ((i + 1) % 100 === 0 || i + 1 === fileKeys.length) progress(`berkas/files ${n(i + 1)}/${n(fileKeys.length)}`);
    }
    if (missing.length > 0) progress(`! ${missing.length} berkas tidak ditemukan di penyimpanan / files missing from storage`);

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: now.toISOString(),
      schema: { migrations: schema, last: schema.at(-1) ?? null },
      keys: { encryption: fingerprint },
      storage: { driver: deps.files.driver },
      tables,
      files,
      missingFiles: missing,
      totals: {
        tables: tables.length,
        rows: tables.reduce((sum, t) => sum + t.rows, 0),
        files: files.length,
        fileBytes: files.reduce((sum, f) => sum + f.bytes, 0),
      },
    };

    const archive = path.join(outDir, `netra-backup-${timestamp(now)}.tar.gz`);
    const partial = `${archive}.partial`;
    const pack = tar.pack();
    const written = pipeline(pack, zlib.createGzip({ level: 1 }), fs.createWriteStream(partial));
    const addEntry = (name: string, size: number, source: Readable | Buffer) =>
      new Promise<void>((resolve, reject) => {
        const sink = pack.entry({ name, size, mode: 0o600, mtime: now }, (error) => (error ? reject(error) : resolve()));
        if (Buffer.isBuffer(source)) sink.end(source);
        else source.on('error', reject).pipe(sink as unknown as NodeJS.WritableStream);
      });
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
    await addEntry('manifest.json', manifestBytes.length, manifestBytes);
    for (const part of [...tables, ...files]) await addEntry(part.entry, part.bytes, fs.createReadStream(path.join(staging, part.entry)));
    pack.finalize();
    await written;
    await fsp.rename(partial, archive);
    const { size } = await fsp.stat(archive);
    progress(`Cadangan selesai / backup written: ${archive} (${n(size)} bytes; ${n(manifest.totals.rows)} rows, ${n(files.length)} files)`);
    return { archive, bytes: size, manifest };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

function parseManifest(bytes: Buffer): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as BackupManifest;
  } catch {
    throw new RestoreRefusedError('not-an-archive', { id: 'manifest.json arsip rusak.', en: "The archive's manifest.json is damaged." });
  }
  if (manifest.format !== BACKUP_FORMAT) {
    throw new RestoreRefusedError('not-an-archive', {
      id: `Format arsip tidak dikenal: ${String(manifest.format)} (diharapkan ${BACKUP_FORMAT}).`,
      en: `Unknown archive format: ${String(manifest.format)} (expected ${BACKUP_FORMAT}).`,
    });
  }
  return manifest;
}

/** Everything that must hold before the target is touched. */
async function checkTarget(db: Db, manifest: BackupManifest, encryptionKey: Buffer | null): Promise<void> {
  const expected = manifest.keys.encryption;
  if (expected !== null) {
    if (!encryptionKey) {
      throw new RestoreRefusedError('no-key', {
        id: `Tidak ada kunci enkripsi. Setel NETRA_ENCRYPTION_KEY ke kunci sistem yang dicadangkan (sidik ${expected}).`,
        en: `No encryption key. Set NETRA_ENCRYPTION_KEY to the backed-up system's key (fingerprint ${expected}).`,
      });
    }
    const actual = keyFingerprint(encryptionKey);
    if (actual !== expected) {
      throw new RestoreRefusedError('key-mismatch', {
        id: `Kunci enkripsi tidak cocok dengan arsip: arsip ${expected}, kunci ini ${actual}. Pakai kunci yang dicadangkan bersama sistem itu; tanpa kunci itu identitas pelapor tidak dapat dibaca.`,
        en: `The encryption key does not match the archive: archive ${expected}, this key ${actual}. Use the key backed up with that system; without it reporter identities cannot be read.`,
      });
    }
  }
  const known = new Set(Object.keys(migrations));
  const unknown = manifest.schema.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new RestoreRefusedError('newer-schema', {
      id: `Arsip dibuat oleh versi Netra yang lebih baru (migrasi ${unknown.join(', ')}). Pulihkan dengan versi itu atau yang lebih baru.`,
      en: `The archive was made by a newer Netra (migrations ${unknown.join(', ')}). Restore with that version or a later one.`,
    });
  }
  const contents = await repo.targetContents(db);
  if (contents.nonEmpty.length > 0) {
    const sample = contents.nonEmpty.slice(0, 5).join(', ');
    throw new RestoreRefusedError('not-empty', {
      id: `Basis data tujuan tidak kosong (${contents.nonEmpty.length} tabel berisi data, mis. ${sample}). Pulihkan ke basis data kosong (DATABASE_URL) atau direktori data baru (NETRA_DATA_DIR).`,
      en: `The target database is not empty (${contents.nonEmpty.length} tables hold data, e.g. ${sample}). Restore into an empty database (DATABASE_URL) or a new data directory (NETRA_DATA_DIR).`,
    });
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: number;
  files: number;
}

/**
 * Rebuild a system from an archive into an empty database and file store. `encryptionKey` is the
 * key the restored system will run with (null: none given); it must match the archive's fingerprint.
 */
export async function restoreBackup(
  deps: { db: Db; files: FileStore; encryptionKey: Buffer | null; now?: () => Date },
  archive: string,
  progress: Progress = () => {},
): Promise<RestoreResult> {
  if (!fs.existsSync(archive)) {
    throw new RestoreRefusedError('not-an-archive', { id: `Arsip tidak ditemukan: ${archive}`, en: `No such archive: ${archive}` });
  }
  const staging = await fsp.mkdtemp(path.join(path.dirname(path.resolve(archive)), '.netra-restore-'));
  try {
    const extract = tar.extract();
    const reading = pipeline(fs.createReadStream(archive), zlib.createGunzip(), extract as unknown as NodeJS.WritableStream).catch((error: Error) => {
      extract.destroy(error);
    });
    let manifest: BackupManifest | null = null;
    let expected = new Map<string, { sha256: string; bytes: number }>();
    const seen = new Set<string>();
    try {
      for await (const entry of extract) {
        const name = entry.header.name;
        if (manifest === null) {
          if (name !== 'manifest.json') throw new RestoreRefusedError('not-an-archive', { id: 'Ini bukan arsip cadangan Netra (manifest.json tidak di awal).', en: 'Not a Netra backup archive (no manifest.json first).' });
          const chunks: Buffer[] = [];
          for await (const chunk of entry) chunks.push(chunk as Buffer);
          manifest = parseManifest(Buffer.concat(chunks));
          await checkTarget(deps.db, manifest, deps.encryptionKey);
          expected = new Map([...manifest.tables, ...manifest.files].map((part) => [part.entry, part]));
          progress(`Arsip dari ${manifest.createdAt}: ${manifest.totals.tables} tabel, ${n(manifest.totals.rows)} baris, ${n(manifest.totals.files)} berkas; memeriksa dan membongkar…`);
          continue;
        }
        const part = expected.get(name);
        if (!part || name.includes('..')) {
          entry.resume();
          continue;
        }
        const target = path.join(staging, name);
        await fsp.mkdir(path.dirname(target), { recursive: true });
        const m = meter();
        await pipeline(entry as unknown as Readable, m.stream, fs.createWriteStream(target));
        const got = m.result();
        if (got.sha256 !== part.sha256 || got.bytes !== part.bytes) {
          throw new RestoreRefusedError('corrupt', { id: `Arsip rusak: ${name} tidak sesuai hash di manifest.`, en: `Damaged archive: ${name} does not match its hash in the manifest.` });
        }
        seen.add(name);
      }
    } catch (error) {
      if (error instanceof RestoreRefusedError) throw error;
      throw new RestoreRefusedError('corrupt', { id: `Arsip tidak dapat dibaca: ${(error as Error).message}`, en: `The archive cannot be read: ${(error as Error).message}` });
    }
    await reading;
    if (manifest === null) throw new RestoreRefusedError('not-an-archive', { id: 'Arsip kosong.', en: 'The archive is empty.' });
    const absent = [...expected.keys()].filter((entry) => !seen.has(entry));
    if (absent.length > 0) {
      throw new RestoreRefusedError('corrupt', { id: `Arsip tidak lengkap: ${absent.length} bagian hilang (mis. ${absent[0]}).`, en: `Incomplete archive: ${absent.length} parts missing (e.g. ${absent[0]}).` });
    }

    const m = manifest;
    if (m.schema.last) {
      progress(`Skema: migrasi sampai ${m.schema.last}`);
      await repo.migrateTo(deps.db, { getMigrations: async () => migrations }, m.schema.last);
    }
    await deps.db.transaction().execute(async (trx) => {
      await repo.truncateAll(trx, (await repo.listTables(trx)).map((t) => t.name));
      for (const [i, table] of m.tables.entries()) {
        await repo.copyTableIn(trx, table, fs.createReadStream(path.join(staging, table.entry)));
        const count = await repo.countRows(trx, table.name);
        if (count !== table.rows) throw new Error(`${table.name}: ${count} rows loaded, the archive has ${table.rows}`);
        progress(`[${i + 1}/${m.tables.length}] ${table.name}: ${n(count)} baris/rows`);
      }
      await repo.resetSequences(trx);
    });
    for (const [i, file] of m.files.entries()) {
      await deps.files.putFile(file.key, path.join(staging, file.entry));
      if ((i + 1) % 100 === 0 || i + 1 === m.files.length) progress(`berkas/files ${n(i + 1)}/${n(m.files.length)}`);
    }
    if (deps.encryptionKey) {
      // An archive made before a purge still holds what the purge forgot: forget it again now,
      // by the same rules and holds, before anyone can read it.
      const purge = await runPurge(
        { db: deps.db, files: deps.files, encryptionKey: deps.encryptionKey, now: deps.now ?? (() => new Date()) },
        { dryRun: false, trigger: 'restore', actorId: null, quietWhenEmpty: true },
      );
      if (purge.total > 0) progress(`Retensi / retention: ${n(purge.total)} item kedaluwarsa dimusnahkan lagi / expired items purged again`);
    }
    progress('Dasbor dibangun ulang / rebuilding dashboards');
    await refreshDashboards(deps.db);
    progress(`Pemulihan selesai / restore finished: ${n(m.totals.rows)} rows, ${n(m.files.length)} files`);
    return { manifest: m, rows: m.totals.rows, files: m.files.length };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}
