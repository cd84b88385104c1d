/**
 * bench/backup — `netra backup` (one archive: every table in COPY text, the stored files, a
 * manifest with SHA-256 of every part, gzip level 1) against its floor: a plain COPY-based dump
 * of the same tables to files in one REPEATABLE READ snapshot (no hashing, no archive, no
 * compression), on the same embedded PostgreSQL. Two systems:
 *
 *   demo: what `npm start` loads (reference data, demo people, reports, cases, evidence)
 *   1M:   the same plus a 1,000,000-row register (`netra demo generate --asn 1000000`, run as
 *         the real CLI against this PostgreSQL)
 *
 * and for each the restore into an empty database (migrations, COPY in, sequences, files,
 * dashboards rebuilt) beside a plain COPY FROM of the baseline's files into the migrated schema.
 * Finally `netra backup` and `netra restore` run once as CLI processes on the demo system (smoke:
 * exit codes and progress lines). Prints times and the ratios Netra / plain COPY.
 *
 *   npx tsx bench/backup/backup.bench.ts [--asn 1000000] [--runs 3]
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { bootDatabase } from '../../packages/server/src/boot.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { connectDatabase, migrateToLatest, type Db } from '../../packages/server/src/db/database.ts';
import { createBackup, restoreBackup } from '../../packages/server/src/capabilities/retention/backup.service.ts';
import * as repo from '../../packages/server/src/capabilities/retention/backup.repository.ts';
import { localFileStore } from '../../packages/server/src/storage/local-store.ts';
import { freePort } from '../../packages/server/src/testing/free-port.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { asn: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-bench-backup-'));
fs.chmodSync(work, 0o755);
const dataDir = path.join(work, 'data');
const pgPort = await freePort();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const quiet = () => {};

/** The floor: every table COPY'd to its own file from one snapshot. */
async function plainCopyDump(db: Db, outDir: string): Promise<{ bytes: number; tables: repo.TableInfo[] }> {
  await fsp.rm(outDir, { recursive: true, force: true });
  await fsp.mkdir(outDir, { recursive: true });
  return repo.inSnapshot(db, async (trx) => {
    const tables = await repo.listTables(trx);
    let bytes = 0;
    for (const table of tables) {
      const file = path.join(outDir, `${table.name}.copy`);
      await pipeline(await repo.openCopyOut(trx, table), fs.createWriteStream(file));
      bytes += (await fsp.stat(file)).size;
    }
    return { bytes, tables };
  });
}

/** The floor of a restore: the migrated schema, then COPY FROM each file in dependency order, one transaction. */
async function plainCopyLoad(url: string, dumpDir: string, order: string[], tables: repo.TableInfo[]): Promise<void> {
  const target = connectDatabase(url, 2);
  try {
    await migrateToLatest(target.db);
    await target.db.transaction().execute(async (trx) => {
      for (const name of order) {
        const table = tables.find((t) => t.name === name)!;
        await repo.copyTableIn(trx, table, fs.createReadStream(path.join(dumpDir, `${name}.copy`)));
      }
    });
  } finally {
    await target.close();
  }
}

const config = { ...loadConfig({ ...process.env, NETRA_DATA_DIR: dataDir, NETRA_PG_PORT: String(pgPort) }), demoData: true };
const booted = await bootDatabase(config, (m) => console.error(`[boot] ${m}`));
const { db } = booted.database;
const admin = connectDatabase(booted.embedded!.connectionString('postgres'), 1);
let restores = 0;
async function freshDatabase(): Promise<string> {
  const name = `bench_restore_${++restores}`;
  await admin.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.pool.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  return booted.embedded!.connectionString(name);
}

interface Row {
  system: string;
  rows: number;
  files: number;
  backup: number;
  plain: number;
  archiveBytes: number;
  plainBytes: number;
  restore: number;
  plainLoad: number;
}
const results: Row[] = [];

async function measure(system: string, repeat: number): Promise<string> {
  const plainTimes: number[] = [];
  const backupTimes: number[] = [];
  let plainBytes = 0;
  let tables: repo.TableInfo[] = [];
  let archive = '';
  let archiveBytes = 0;
  let manifestRows = 0;
  let manifestFiles = 0;
  let order: string[] = [];
  for (let i = 0; i < repeat; i++) {
    let started = performance.now();
    const dump = await plainCopyDump(db, path.join(work, 'plain'));
    plainTimes.push(performance.now() - started);
    plainBytes = dump.bytes;
    tables = dump.tables;
    await fsp.rm(path.join(work, 'archives'), { recursive: true, force: true });
    started = performance.now();
    const result = await createBackup({ db, files: booted.ctx.files }, path.join(work, 'archives'), (line) => {
      if (i === 0) console.error(`[backup ${system}] ${line}`);
    });
    backupTimes.push(performance.now() - started);
    archive = result.archive;
    archiveBytes = result.bytes;
    manifestRows = result.manifest.totals.rows;
    manifestFiles = result.manifest.totals.files;
    order = result.manifest.tables.map((t) => t.name);
  }
  // Restore: once each (a fresh empty database every time).
  const restoreUrl = await freshDatabase();
  const target = connectDatabase(restoreUrl, 2);
  let started = performance.now();
  await restoreBackup({ db: target.db, files: localFileStore(path.join(work, `restored-${restores}`)), encryptionKey: booted.ctx.encryptionKey }, archive, quiet);
  const restore = performance.now() - started;
  await target.close();
  const loadUrl = await freshDatabase();
  started = performance.now();
  await plainCopyLoad(loadUrl, path.join(work, 'plain'), order, tables);
  const plainLoad = performance.now() - started;
  results.push({ system, rows: manifestRows, files: manifestFiles, backup: median(backupTimes), plain: median(plainTimes), archiveBytes, plainBytes, restore, plainLoad });
  console.error(`[${system}] backup ${seconds(median(backupTimes))} s vs plain COPY ${seconds(median(plainTimes))} s; restore ${seconds(restore)} s vs plain COPY FROM ${seconds(plainLoad)} s`);
  return archive;
}

try {
  const demoArchive = await measure('demo', runs);

  // The CLI, once, on the demo system: `netra backup` and `netra restore` as an operator runs them.
  const cliEnv = { ...process.env, DATABASE_URL: booted.databaseUrl, NETRA_ENCRYPTION_KEY: booted.ctx.encryptionKey.toString('base64'), NETRA_DATA_DIR: dataDir };
  const cliBackup = await run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', 'backup', '--out', path.join(work, 'cli')], { cwd: root, env: cliEnv, maxBuffer: 64 << 20 });
  const cliArchive = cliBackup.stdout.trim();
  console.error(`[cli] netra backup → ${cliArchive} (${cliBackup.stderr.split('\n').filter(Boolean).length} progress lines)`);
  const restoreEnv = { ...cliEnv, DATABASE_URL: await freshDatabase(), NETRA_DATA_DIR: path.join(work, 'cli-restore') };
  const cliRestore = await run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', 'restore', cliArchive], { cwd: root, env: restoreEnv, maxBuffer: 64 << 20 });
  console.error(`[cli] netra restore → ${cliRestore.stdout.trim()}`);
  const refused = await run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', 'restore', demoArchive], { cwd: root, env: restoreEnv }).then(
    () => 'accepted (WRONG)',
    (error: { code: number; stderr: string }) => `exit ${error.code}: ${error.stderr.trim().split('\n').slice(-2).join(' / ')}`,
  );
  console.error(`[cli] netra restore onto the restored database → ${refused}`);

  console.error(`[1M] netra demo generate --asn ${values.asn} …`);
  await run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', 'demo', 'generate', '--asn', values.asn!], { cwd: root, env: cliEnv, maxBuffer: 64 << 20 });
  await measure(`demo + ${Number(values.asn).toLocaleString('en-US')} ASN`, 1);

  console.log('\n| system | rows | files | plain COPY dump | netra backup | ratio | archive / plain size | plain COPY FROM | netra restore | ratio |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.system} | ${r.rows.toLocaleString('en-US')} | ${r.files} | ${seconds(r.plain)} s | ${seconds(r.backup)} s | ${(r.backup / r.plain).toFixed(2)}× | ${(r.archiveBytes / r.plainBytes).toFixed(2)} | ${seconds(r.plainLoad)} s | ${seconds(r.restore)} s | ${(r.restore / r.plainLoad).toFixed(2)}× |`,
    );
  }
  console.log(`\nload average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, cores: ${os.cpus().length}`);
} finally {
  await admin.close();
  await booted.shutdown();
  fs.rmSync(work, { recursive: true, force: true });
}
