/**
 * One side of the import benchmark, in its own process so its peak RSS is its own:
 *   netra — Netra's importer (worker thread parse + validate, COPY into staging, merge);
 *   copy  — the baseline: the same file streamed with `COPY … FROM STDIN (FORMAT csv)` into a bare table.
 * Prints one JSON line: seconds, seconds until the name index caught up (netra), summary, peak RSS.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { connectDatabase } from '../../packages/server/src/db/database.ts';
import { createAsnImport, runAsnImport } from '../../packages/server/src/capabilities/register/importer.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, file: { type: 'string' }, mode: { type: 'string' } } });
const url = values.url!;
const file = values.file!;
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * CPU seconds PostgreSQL spent so far: the postmaster with the backends it has reaped (cutime,
 * cstime) plus the live ones. Machines here are shared, so wall time moves with other people's
 * load; CPU time does much less, and is reported beside it.
 */
function postgresCpuSeconds(): number {
  const postmaster = Number(fs.readFileSync('bench/.data/import/pg/postmaster.pid', 'utf8').split('\n')[0]);
  const ticks = (pid: number, withChildren: boolean) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // After the command: state is field 3, so utime (14) … cstime (17) sit at 11 … 14.
      const own = Number(fields[11]) + Number(fields[12]);
      return withChildren ? own + Number(fields[13]) + Number(fields[14]) : own;
    } catch {
      return 0;
    }
  };
  const children = fs.readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return (ticks(postmaster, true) + children.reduce((sum, pid) => sum + ticks(pid, false), 0)) / 100;
}
const nodeCpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

if (values.mode === 'copy') {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const [pgCpu0, nodeCpu0] = [postgresCpuSeconds(), nodeCpuSeconds()];
  const started = performance.now();
  await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom('COPY raw_copy FROM STDIN (FORMAT csv, HEADER true)')));
  const seconds = (performance.now() - started) / 1000;
  const cpu = { postgres: postgresCpuSeconds() - pgCpu0, node: nodeCpuSeconds() - nodeCpu0 };
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM raw_copy');
  await client.end();
  console.log(JSON.stringify({ seconds, cpu, rows: Number(rows[0].n), peakRssMb: peakRssMb() }));
} else {
  const database = connectDatabase(url, 4);
  const request = { source: 'cli' as const, filePath: file, fileName: file.split('/').pop()!, format: 'csv' as const, actor: { userId: null, scope: { kind: 'national' as const } } };
  const id = await createAsnImport(database.db, request);
  const [pgCpu0, nodeCpu0] = [postgresCpuSeconds(), nodeCpuSeconds()];
  const started = performance.now();
  let committed = 0;
  let cpuAtCommit = { postgres: 0, node: 0 };
  const timings: Record<string, number> = {};
  const result = await runAsnImport(database.db, id, request, {
    now: new Date('2024-10-01T03:00:00Z'),
    onTiming: (label, seconds) => {
      timings[label] = Math.round(seconds * 10) / 10;
    },
    onProgress: (p) => {
      if (p.phase === 'indexing' && committed === 0) {
        committed = (performance.now() - started) / 1000;
        cpuAtCommit = { postgres: postgresCpuSeconds() - pgCpu0, node: nodeCpuSeconds() - nodeCpu0 };
      }
    },
  });
  const total = (performance.now() - started) / 1000;
  const cpuTotal = { postgres: postgresCpuSeconds() - pgCpu0, node: nodeCpuSeconds() - nodeCpu0 };
  await database.close();
  if (result.status !== 'done') throw new Error(JSON.stringify(result.error));
  console.log(JSON.stringify({ seconds: committed || total, withNameIndexSeconds: total, cpu: committed ? cpuAtCommit : cpuTotal, cpuWithNameIndex: cpuTotal, summary: result, timings, peakRssMb: peakRssMb() }));
}
