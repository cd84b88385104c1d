import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { startEmbeddedPostgres } from '../../packages/server/src/db/embedded-postgres.ts';
import { freePort } from '../../packages/server/src/testing/free-port.ts';
const server = await startEmbeddedPostgres({ dataDir: 'bench/.data/import', port: await freePort(), onProgress: () => {} });
const client = new pg.Client({ connectionString: server.connectionString('netra_bench') });
await client.connect();
const pid = (await client.query('SELECT pg_backend_pid() AS p')).rows[0].p;
const cpu = () => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
async function run(label: string, setup: string[], copy: string, file: string) {
  for (const q of setup) await client.query(q);
  await client.query('CHECKPOINT');
  const c0 = cpu(); const t0 = performance.now();
  await client.query('BEGIN');
  await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(copy)));
  await client.query('COMMIT');
  console.log(label, ((performance.now() - t0) / 1000).toFixed(2), 's', (cpu() - c0).toFixed(2), 'cpu-s');
}
const csv = 'bench/.data/import/asn-1000000.csv';
for (const exp of process.argv.slice(2)) {
  if (exp === 'raw') await run('raw csv', ['DROP TABLE IF EXISTS raw_copy', 'CREATE TABLE raw_copy (nip text, nama text, status_kepegawaian text, jabatan text, jenis_jabatan text, golongan text, kode_instansi text, instansi text, unit_kerja text, kode_wilayah text, tmt_jabatan text, aktif text)'], 'COPY raw_copy FROM STDIN (FORMAT csv, HEADER true)', csv);
  if (exp === 'typed') await run('typed no pk', ['DROP TABLE IF EXISTS t_asn', 'CREATE TABLE t_asn (id bigint, nip varchar(18), kind text, name text, gender text, birth_date date, position_title text, position_type text, grade text, agency_id int, unit_id int, region_code text, active boolean, position_start date, created_at timestamptz default now(), updated_at timestamptz default now())'], 'COPY t_asn (id, nip, kind, name, gender, birth_date, position_title, position_type, grade, agency_id, unit_id, region_code, active, position_start) FROM STDIN', '/tmp/asn.copy');
  if (exp === 'typedpk') await run('typed pk+check', ['DROP TABLE IF EXISTS t_asn', "CREATE TABLE t_asn (id bigint primary key, nip varchar(18) not null, kind text not null check (kind in ('pns','pppk')), name text not null, gender text not null, birth_date date not null, position_title text not null, position_type text not null, grade text, agency_id int not null, unit_id int, region_code text not null, active boolean not null default true, position_start date, created_at timestamptz not null default now(), updated_at timestamptz not null default now())"], 'COPY t_asn (id, nip, kind, name, gender, birth_date, position_title, position_type, grade, agency_id, unit_id, region_code, active, position_start) FROM STDIN', '/tmp/asn.copy');
  if (exp === 'text') await run('all text', ['DROP TABLE IF EXISTS t_asn', 'CREATE TABLE t_asn (id text, nip text, kind text, name text, gender text, birth_date text, position_title text, position_type text, grade text, agency_id text, unit_id text, region_code text, active text, position_start text)'], 'COPY t_asn FROM STDIN', '/tmp/asn.copy');
  if (exp === 'idx') {
    for (const [label, q] of [
      ['pk build', 'ALTER TABLE t_asn ADD PRIMARY KEY (id)'],
      ['nip unique serial', "SET max_parallel_maintenance_workers = 0; ALTER TABLE t_asn ADD CONSTRAINT t_nip UNIQUE (nip)"],
      ['region serial', "SET max_parallel_maintenance_workers = 0; CREATE INDEX t_reg ON t_asn (region_code text_pattern_ops, agency_id)"],
      ['drop', "ALTER TABLE t_asn DROP CONSTRAINT t_nip; DROP INDEX t_reg"],
      ['nip unique parallel', "SET max_parallel_maintenance_workers = 2; SET maintenance_work_mem = '512MB'; ALTER TABLE t_asn ADD CONSTRAINT t_nip UNIQUE (nip)"],
      ['region parallel', "CREATE INDEX t_reg ON t_asn (region_code text_pattern_ops, agency_id)"],
      ['drop', "ALTER TABLE t_asn DROP CONSTRAINT t_nip; DROP INDEX t_reg"],
      ['in trx nip parallel', "BEGIN; SET LOCAL max_parallel_maintenance_workers = 2; SET LOCAL maintenance_work_mem = '512MB'; ALTER TABLE t_asn ADD CONSTRAINT t_nip UNIQUE (nip); CREATE INDEX t_reg ON t_asn (region_code text_pattern_ops, agency_id); COMMIT"],
      ['nip 512MB serial', "ALTER TABLE t_asn DROP CONSTRAINT t_nip; DROP INDEX t_reg; SET max_parallel_maintenance_workers = 0; SET maintenance_work_mem = '512MB'; ALTER TABLE t_asn ADD CONSTRAINT t_nip UNIQUE (nip)"],
    ] as const) { const t0 = performance.now(); await client.query(q); console.log(label, ((performance.now() - t0) / 1000).toFixed(2)); }
  }
  if (exp === 'temp') await run('staging temp', ['DROP TABLE IF EXISTS raw_copy'], 'COPY raw_copy FROM STDIN (FORMAT csv, HEADER true)', csv);
}
await client.end();
await server.stop();
