import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { connectDatabase, type DatabaseHandle } from '../../db/database.ts';
import { checkEncryptionKey, keyFingerprint } from '../../security/keys.ts';
import { openIdentity } from '../../security/vault.ts';
import { localFileStore } from '../../storage/local-store.ts';
import { createCase } from '../../testing/cases.ts';
import { fictionalReport, jpegWithExif, samplePdf, submitReport } from '../../testing/reports.ts';
import { verifyAuditChain } from '../audit/service.ts';
import { createBackup, dependencyOrder, restoreBackup, RestoreRefusedError, type BackupResult } from './backup.service.ts';

let t: TestApp;
let backup: BackupResult;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-backup-test-'));
const opened: Array<{ name: string; handle: DatabaseHandle }> = [];

function urlFor(database: string): string {
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

/** A database with nothing in it: what `netra restore` expects. */
async function emptyDatabase(): Promise<DatabaseHandle> {
  const name = `restore_${randomBytes(6).toString('hex')}`;
  const admin = connectDatabase(urlFor('postgres'), 1);
  try {
    await admin.pool.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await admin.close();
  }
  const handle = connectDatabase(urlFor(name), 4);
  opened.push({ name, handle });
  return handle;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  t = await createTestApp();
  // As on a real start: the key's fingerprint is recorded in the database.
  await checkEncryptionKey(t.ctx.db, t.ctx.encryptionKey);
  const anonymous = await submitReport(t, fictionalReport(), [{ name: 'foto.jpg', data: await jpegWithExif() }]);
  expect(anonymous.statusCode, anonymous.body).toBe(201);
  const named = await submitReport(
    t,
    fictionalReport({ anonymous: 'false', reporterName: 'Rina Kusumawati Fiktif', reporterAddress: 'Jl. Melati 12, Sukamaju', reporterPhone: '+62 812-0000-0000' }),
    [{ name: 'surat.pdf', data: await samplePdf() }],
  );
  expect(named.statusCode, named.body).toBe(201);
  await createCase(t);
  const lines: string[] = [];
  backup = await createBackup({ db: t.ctx.db, files: t.ctx.files }, path.join(work, 'out'), (line) => lines.push(line));
  expect(lines.some((line) => line.includes('reports'))).toBe(true);
});

afterAll(async () => {
  for (const { name, handle } of opened) {
    await handle.close();
    const admin = connectDatabase(urlFor('postgres'), 1);
    await admin.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
  await t?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes one archive whose manifest names the schema, the key by fingerprint only, counts and hashes', () => {
    expect(fs.existsSync(backup.archive)).toBe(true);
    expect(fs.readdirSync(path.dirname(backup.archive))).toEqual([path.basename(backup.archive)]);
    const { manifest } = backup;
    expect(manifest.keys.encryption).toBe(keyFingerprint(t.ctx.encryptionKey));
    const raw = fs.readFileSync(backup.archive);
    expect(raw.includes(t.ctx.encryptionKey.toString('base64'))).toBe(false);
    expect(manifest.schema.last).toBe(manifest.schema.migrations.at(-1));
    // Two submitted reports and the one behind the case.
    expect(manifest.tables.find((table) => table.name === 'reports')?.rows).toBe(3);
    expect(manifest.tables.find((table) => table.name === 'reporter_identities')?.rows).toBe(1);
    // Two originals and the metadata-free copy of the photo.
    expect(manifest.files.length).toBe(3);
    expect(manifest.missingFiles).toEqual([]);
    expect(manifest.files.every((file) => /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);
    // Parents come before the tables that refer to them.
    const order = manifest.tables.map((table) => table.name);
    expect(order.indexOf('reports')).toBeLessThan(order.indexOf('evidence'));
    expect(order.indexOf('regions')).toBeLessThan(order.indexOf('reports'));
    expect(order).not.toContain('kysely_migration');
  });

  it('names a file the database refers to but the store no longer has, and warns', async () => {
    const copy = await t.ctx.db.selectFrom('evidence').select('public_copy_key').where('public_copy_key', 'is not', null).executeTakeFirstOrThrow();
    await t.ctx.files.remove(copy.public_copy_key!);
    const lines: string[] = [];
    const again = await createBackup({ db: t.ctx.db, files: t.ctx.files }, path.join(work, 'again'), (line) => lines.push(line));
    expect(again.manifest.missingFiles).toEqual([copy.public_copy_key]);
    expect(again.manifest.files).toHaveLength(2);
    expect(lines.some((line) => line.includes('files missing from storage'))).toBe(true);
  });

  it('orders tables parents first, whatever order they are listed in', () => {
    const ordered = dependencyOrder([
      { name: 'a', columns: [], references: ['c'] },
      { name: 'b', columns: [], references: ['a'] },
      { name: 'c', columns: [], references: [] },
    ]);
    expect(ordered.map((table) => table.name)).toEqual(['c', 'a', 'b']);
  });
});

describe('restore', () => {
  it('rebuilds the system on an empty database: reports, evidence hashes, identities and the audit chain intact', async () => {
    const target = await emptyDatabase();
    const filesDir = path.join(work, 'restored-files');
    const files = localFileStore(filesDir);
    const result = await restoreBackup({ db: target.db, files, encryptionKey: t.ctx.encryptionKey }, backup.archive);
    expect(result.rows).toBe(backup.manifest.totals.rows);

    const reportsOf = (db: DatabaseHandle['db']) => db.selectFrom('reports').selectAll().orderBy('id').execute();
    expect(await reportsOf(target.db)).toEqual(await reportsOf(t.ctx.db));
    const casesOf = (db: DatabaseHandle['db']) => db.selectFrom('cases').selectAll().orderBy('id').execute();
    expect(await casesOf(target.db)).toEqual(await casesOf(t.ctx.db));

    const evidence = await target.db.selectFrom('evidence').select(['sha256', 'storage_key', 'public_copy_key']).execute();
    expect(evidence).toHaveLength(2);
    for (const row of evidence) expect(sha256(await readAll(await files.open(row.storage_key!)))).toBe(row.sha256);
    const copies = evidence.filter((row) => row.public_copy_key !== null);
    expect(copies).toHaveLength(1);
    expect((await readAll(await files.open(copies[0]!.public_copy_key!))).length).toBeGreaterThan(0);

    const identity = await target.db.selectFrom('reporter_identities').select('sealed').executeTakeFirstOrThrow();
    // Sealed under its own data key, whose wrapped form travelled in the archive.
    expect(await openIdentity(target.db, t.ctx.encryptionKey, identity.sealed)).toContain('Rina Kusumawati Fiktif');
    await expect(openIdentity(target.db, randomBytes(32), identity.sealed)).rejects.toThrow();

    const audit = await verifyAuditChain({ ...t.ctx, db: target.db });
    const original = await verifyAuditChain(t.ctx);
    expect(audit.ok).toBe(true);
    expect(original.ok && audit.ok && audit.count === original.count && audit.count > 0).toBe(true);

    // The restored system starts with the same key, keeps its receipts' HMAC root, and carries on numbering.
    const keys = await checkEncryptionKey(target.db, t.ctx.encryptionKey);
    expect(keys.recorded).toBe(false);
    await expect(checkEncryptionKey(target.db, randomBytes(32))).rejects.toThrow(/tidak cocok|does not match/);
    const identities = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%') AND table_name NOT LIKE 'kysely%'`.execute(target.db);
    expect(identities.rows.length).toBeGreaterThan(0);
    for (const { table_name, column_name } of identities.rows) {
      const max = await sql<{ max: number | null }>`SELECT max(${sql.ref(column_name)})::bigint AS max FROM ${sql.table(table_name)}`.execute(target.db);
      const next = await sql<{ next: number }>`SELECT nextval(pg_get_serial_sequence(${table_name}, ${column_name}))::bigint AS next`.execute(target.db);
      expect(Number(next.rows[0]!.next), `${table_name}.${column_name}`).toBeGreaterThan(Number(max.rows[0]!.max ?? 0));
    }

    // Restoring again onto the now filled database is refused, and nothing changes.
    const again = restoreBackup({ db: target.db, files, encryptionKey: t.ctx.encryptionKey }, backup.archive);
    await expect(again).rejects.toThrow(RestoreRefusedError);
    await expect(again).rejects.toThrow(/tidak kosong[\s\S]*not empty/);
    expect(await reportsOf(target.db)).toHaveLength(3);
  });

  it('forgets again on restore: an archive made before the purge does not bring an expired identity back', async () => {
    const named = await t.ctx.db.selectFrom('reporter_identities as ri').innerJoin('reports as r', 'r.id', 'ri.report_id').select(['r.id', 'r.case_id']).executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('cases').set({ state: 'not_accepted', closed_at: new Date('2024-10-10T03:00:00Z') }).where('id', '=', named.case_id).execute();
    const old = await createBackup({ db: t.ctx.db, files: t.ctx.files }, path.join(work, 'before-purge'));
    const target = await emptyDatabase();
    const lines: string[] = [];
    const later = () => new Date('2027-01-15T03:00:00Z');
    await restoreBackup({ db: target.db, files: localFileStore(path.join(work, 'forgotten-files')), encryptionKey: t.ctx.encryptionKey, now: later }, old.archive, (line) => lines.push(line));
    const sealed = await target.db.selectFrom('reporter_identities').select('sealed').where('report_id', '=', named.id).executeTakeFirstOrThrow();
    expect(await openIdentity(target.db, t.ctx.encryptionKey, sealed.sealed)).toBeNull();
    expect(lines.some((line) => line.includes('purged again'))).toBe(true);
    const run = await target.db.selectFrom('purge_runs').select(['trigger', 'total']).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ trigger: 'restore' });
    // The source, not purged, still reads it.
    expect(await openIdentity(t.ctx.db, t.ctx.encryptionKey, sealed.sealed)).toContain('Rina Kusumawati Fiktif');
  });

  it('refuses a key that does not match the archive, or no key, before touching the target', async () => {
    const target = await emptyDatabase();
    const files = localFileStore(path.join(work, 'refused-files'));
    const wrong = restoreBackup({ db: target.db, files, encryptionKey: randomBytes(32) }, backup.archive);
    await expect(wrong).rejects.toMatchObject({ reason: 'key-mismatch' });
    await expect(wrong).rejects.toThrow(/does not match the archive/);
    await expect(restoreBackup({ db: target.db, files, encryptionKey: null }, backup.archive)).rejects.toMatchObject({ reason: 'no-key' });
    const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`.execute(target.db);
    expect(tables.rows[0]!.n).toBe(0);
    expect(fs.existsSync(path.join(work, 'refused-files', 'sha256'))).toBe(false);
  });

  it('refuses a damaged archive and a file that is not an archive', async () => {
    const target = await emptyDatabase();
    const files = localFileStore(path.join(work, 'damaged-files'));
    const notArchive = path.join(work, 'notes.tar.gz');
    fs.writeFileSync(notArchive, 'bukan arsip');
    await expect(restoreBackup({ db: target.db, files, encryptionKey: t.ctx.encryptionKey }, notArchive)).rejects.toBeInstanceOf(RestoreRefusedError);
    await expect(restoreBackup({ db: target.db, files, encryptionKey: t.ctx.encryptionKey }, path.join(work, 'absent.tar.gz'))).rejects.toMatchObject({ reason: 'not-an-archive' });
    const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`.execute(target.db);
    expect(tables.rows[0]!.n).toBe(0);
  });

  it('refuses an archive whose rows were changed after the backup (hash mismatch), loading nothing', async () => {
    // Repack the archive with one character of the reports table changed (same size).
    const tampered = path.join(work, 'tampered.tar.gz');
    const extract = tar.extract();
    const pack = tar.pack();
    const done = pipeline(pack, zlib.createGzip(), fs.createWriteStream(tampered));
    const reading = pipeline(fs.createReadStream(backup.archive), zlib.createGunzip(), extract);
    for await (const entry of extract) {
      let bytes = await readAll(entry);
      if (/-reports\.copy$/.test(entry.header.name)) {
        bytes = Buffer.from(bytes);
        const at = bytes.indexOf('Balai Desa');
        expect(at).toBeGreaterThan(-1);
        bytes[at] = 'X'.charCodeAt(0);
      }
      await new Promise<void>((resolve, reject) => pack.entry({ name: entry.header.name, size: bytes.length }, bytes, (error) => (error ? reject(error) : resolve())));
    }
    await reading;
    pack.finalize();
    await done;
    const target = await emptyDatabase();
    const refused = restoreBackup({ db: target.db, files: localFileStore(path.join(work, 'tampered-files')), encryptionKey: t.ctx.encryptionKey }, tampered);
    await expect(refused).rejects.toMatchObject({ reason: 'corrupt' });
    await expect(refused).rejects.toThrow(/reports\.copy/);
    const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`.execute(target.db);
    expect(tables.rows[0]!.n).toBe(0);
  });
});
