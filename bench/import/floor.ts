/**
 * bench/import/floor — what PostgreSQL alone needs for a first load with the register's
 * guarantees at commit, with no validation and no JavaScript at all, beside the raw `COPY` baseline:
 *
 *   raw        the baseline: the CSV file into a bare table of text columns;
 *   typed      the typed rows Netra's workers write (ids, dates, booleans), into a table shaped
 *              like `asn` with its primary key (kept during a load, as Netra keeps it: dropping it
 *              would lock every table that references the register);
 *   + indexes  building what a register needs before it can be used: the unique NIP index and
 *              the region index (maintenance_work_mem 512MB, parallel build on).
 *
 *   npx tsx bench/import/floor.ts --rows 1000000
 *
 * Run after import.bench.ts (it reuses its database, file and agencies). Netra's import can only
 * be compared fairly with `typed + keys`: the ratio of that to `raw` is the floor of the issue's
 * ratio on this machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MessageChannel } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { runImportWorker } from '../../packages/server/src/capabilities/register/import-worker.ts';
import { startEmbeddedPostgres } from '../../packages/server/src/db/embedded-postgres.ts';
import { freePort } from '../../packages/server/src/testing/free-port.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.join(root, 'bench/.data/import');
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);
const csv = path.join(dataDir, `asn-${rows}.csv`);
if (!fs.existsSync(csv)) throw new Error(`${csv} is missing: run import.bench.ts --rows ${rows} first`);

const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), onProgress: () => {} });
const client = new pg.Client({ connectionString: server.connectionString('netra_bench') });
await client.connect();

// The typed rows, exactly as Netra's worker encodes them for `asn`.
const typed = path.join(dataDir, `asn-${rows}.typed`);
if (!fs.existsSync(typed)) {
  const agencies = (await client.query<{ code: string; region_code: string; id: number }>('SELECT code, region_code, id FROM agencies')).rows;
  const regencies = (await client.query<{ code: string }>("SELECT code FROM regions WHERE level = 'regency'")).rows.map((r) => r.code);
  const out = fs.openSync(`${typed}.tmp`, 'w');
  const { port1, port2 } = new MessageChannel();
  let unit = 0;
  port1.on('message', (m: { type: string; data?: Uint8Array; pairs?: unknown[] }) => {
    if (m.type === 'chunk') {
      fs.writeSync(out, m.data!);
      port1.postMessage({ type: 'ack' });
    } else if (m.type === 'units') port1.postMessage({ type: 'units', ids: m.pairs!.map(() => (unit += 1)) });
  });
  await runImportWorker(
    {
      filePath: csv,
      format: 'csv',
      target: 'register',
      register: { idBase: 0, importId: '00000000-0000-0000-0000-000000000000', rejectsFile: `${typed}.rejects`, units: [] },
      today: '2024-10-01',
      agencies: agencies.map((a) => [a.code, a.region_code, a.id]),
      scopeAgencyCodes: null,
      regencyCodes: regencies,
    },
    port2 as never,
  );
  port1.close();
  fs.closeSync(out);
  fs.rmSync(`${typed}.rejects`, { force: true });
  fs.renameSync(`${typed}.tmp`, typed);
}

const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
const cpu = () => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
async function measure(label: string, run: () => Promise<unknown>) {
  await client.query('CHECKPOINT');
  const [c0, t0] = [cpu(), performance.now()];
  await run();
  const result = { label, seconds: (performance.now() - t0) / 1000, cpu: cpu() - c0 };
  console.error(`${label}: ${result.seconds.toFixed(2)} s, backend CPU ${result.cpu.toFixed(2)} s`);
  return result;
}
const copy = (statement: string, file: string) => pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(statement)));

await client.query('DROP TABLE IF EXISTS floor_raw, floor_typed');
await client.query('CREATE TABLE floor_raw (nip text, nama text, status_kepegawaian text, jabatan text, jenis_jabatan text, golongan text, kode_instansi text, instansi text, unit_kerja text, kode_wilayah text, tmt_jabatan text, aktif text)');
await client.query(`CREATE TABLE floor_typed (id bigint PRIMARY KEY, nip varchar(18) NOT NULL, kind text NOT NULL CHECK (kind IN ('pns', 'pppk')), name text NOT NULL, gender text NOT NULL,
  birth_date date NOT NULL, position_title text NOT NULL, position_type text NOT NULL, grade text, agency_id integer NOT NULL, unit_id integer, region_code text NOT NULL,
  active boolean NOT NULL DEFAULT true, position_start date, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`);

const raw = await measure('raw COPY of the CSV', () => copy('COPY floor_raw FROM STDIN (FORMAT csv, HEADER true)', csv));
const load = await measure('typed COPY with the primary key', () => copy('COPY floor_typed (id, nip, kind, name, gender, birth_date, position_title, position_type, grade, agency_id, unit_id, region_code, active, position_start) FROM STDIN', typed));
await client.query("SET maintenance_work_mem = '512MB'");
const keys = [
  await measure('unique NIP', () => client.query('ALTER TABLE floor_typed ADD UNIQUE (nip)')),
  await measure('region index', () => client.query('CREATE INDEX ON floor_typed (region_code text_pattern_ops, agency_id)')),
];
const floor = load.seconds + keys.reduce((sum, k) => sum + k.seconds, 0);
console.log(`| ${rows.toLocaleString('en-US')} | ${raw.seconds.toFixed(1)} | ${load.seconds.toFixed(1)} | ${keys.map((k) => k.seconds.toFixed(1)).join(' | ')} | ${floor.toFixed(1)} | **${(floor / raw.seconds).toFixed(2)}×** |`);
await client.query('DROP TABLE floor_raw, floor_typed');
await client.end();
await server.stop();
