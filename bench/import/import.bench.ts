/**
 * bench/import — Netra's ASN importer against the physical limit: a raw `COPY` of the same CSV
 * file into a bare table, on the same embedded PostgreSQL (durable settings: fsync on, full page
 * writes, synchronous commit), each in its own process so peak RSS is measured per side.
 *
 *   npx tsx bench/import/import.bench.ts --rows 1000000,7000000
 *
 * Files are generated once with the core's `generateAsnRows` (deterministic, fictional people)
 * and kept in bench/.data (gitignored). Every Netra run imports into an empty register.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { sql } from 'kysely';
import { connectDatabase, migrateToLatest } from '../../packages/server/src/db/database.ts';
import { startEmbeddedPostgres } from '../../packages/server/src/db/embedded-postgres.ts';
import { seedReference } from '../../packages/server/src/db/seed/reference.ts';
import { ensureRegionalGovernments, writeGeneratedRegister } from '../../packages/server/src/capabilities/register/demo-register.repository.ts';
import { freePort } from '../../packages/server/src/testing/free-port.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.join(root, 'bench/.data/import');
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000,7000000' } } });
const sizes = values.rows!.split(',').map((s) => Number(s.trim()));
const run = promisify(execFile);

fs.mkdirSync(dataDir, { recursive: true });
fs.chmodSync(dataDir, 0o755);
const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), onProgress: (m) => console.error(m) });
const admin = connectDatabase(server.connectionString('postgres'), 1);
await admin.pool.query('DROP DATABASE IF EXISTS netra_bench WITH (FORCE)');
await admin.pool.query('CREATE DATABASE netra_bench');
await admin.close();
const url = server.connectionString('netra_bench');
const database = connectDatabase(url, 4);
await migrateToLatest(database.db);
await seedReference(database.db);
const regions = await ensureRegionalGovernments(database.db);

async function side(mode: 'netra' | 'copy', file: string) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'bench/import/run-import.ts'), '--mode', mode, '--url', url, '--file', file], {
    cwd: root,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

const results: string[] = [];
for (const rows of sizes) {
  const file = path.join(dataDir, `asn-${rows}.csv`);
  if (!fs.existsSync(file)) {
    console.error(`generating ${rows} rows → ${file}`);
    await writeGeneratedRegister(`${file}.tmp`, { count: rows, regions, today: '2024-09-01', seed: 2024 });
    fs.renameSync(`${file}.tmp`, file);
  }
  const megabytes = (fs.statSync(file).size / 1024 / 1024).toFixed(0);

  await sql`DROP TABLE IF EXISTS raw_copy`.execute(database.db);
  await sql`CREATE TABLE raw_copy (nip text, nama text, status_kepegawaian text, jabatan text, jenis_jabatan text, golongan text, kode_instansi text, instansi text, unit_kerja text, kode_wilayah text, tmt_jabatan text, aktif text)`.execute(database.db);
  await sql`CHECKPOINT`.execute(database.db);
  console.error(`${rows}: raw COPY …`);
  const copy = await side('copy', file);
  await sql`DROP TABLE raw_copy`.execute(database.db);

  await sql`TRUNCATE asn, asn_positions, asn_name_search, asn_import_rejects, asn_imports CASCADE`.execute(database.db);
  await sql`CHECKPOINT`.execute(database.db);
  console.error(`${rows}: Netra import …`);
  const netra = await side('netra', file);
  const ratio = netra.seconds / copy.seconds;
  const cpu = (c: { postgres: number; node: number }) => c.postgres + c.node;
  const line = `| ${rows.toLocaleString('en-US')} | ${megabytes} | ${netra.seconds.toFixed(1)} | ${copy.seconds.toFixed(1)} | **${ratio.toFixed(2)}×** | ${Math.round(rows / netra.seconds).toLocaleString('en-US')} | ${Math.round(rows / copy.seconds).toLocaleString('en-US')} | ${cpu(netra.cpu).toFixed(1)} | ${cpu(copy.cpu).toFixed(1)} | ${(cpu(netra.cpu) / cpu(copy.cpu)).toFixed(2)}× | ${netra.peakRssMb} | ${copy.peakRssMb} | ${netra.withNameIndexSeconds.toFixed(1)} |`;
  console.error(JSON.stringify({ rows, netra, copy }));
  fs.writeFileSync(path.join(dataDir, `result-${rows}.json`), JSON.stringify({ rows, netra, copy }, null, 2));
  results.push(line);
}

console.log('| rows | file MB | Netra s | raw COPY s | ratio | Netra rows/s | COPY rows/s | Netra CPU s | COPY CPU s | CPU ratio | Netra peak RSS MB | COPY peak RSS MB | Netra s incl. after-commit work |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const line of results) console.log(line);
await database.close();
await server.stop();
