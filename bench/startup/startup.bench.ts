/**
 * bench/startup — time from `npm start`'s server process to a healthy /api/v1/health:
 *   cold: empty data directory (initdb, migrations, reference and demo data)
 *   warm: the same directory again (data reused)
 * Baseline, side by side: the embedded PostgreSQL alone (initdb + start, then start), the
 * floor any start on it pays. Reports medians and the ratio Netra / bare PostgreSQL.
 *
 *   npx tsx bench/startup/startup.bench.ts [--runs 3]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../../packages/server/src/db/embedded-postgres.ts';
import { freePort } from '../../packages/server/src/testing/free-port.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-bench-startup-'));
  fs.chmodSync(dir, 0o755);
  return dir;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Start Netra as `npm start` does (web app already built) and time it to a healthy /health. */
async function timeNetraStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NETRA_DATA_DIR: dataDir, NETRA_PG_PORT: String(await freePort()) },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('Netra exited before becoming healthy');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 180_000) throw new Error('Netra did not become healthy in 180 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
  }
}

async function timeBarePostgres(dataDir: string): Promise<number> {
  const started = performance.now();
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const elapsed = performance.now() - started;
  await server.stop();
  return elapsed;
}

const results = { netraCold: [] as number[], netraWarm: [] as number[], pgCold: [] as number[], pgWarm: [] as number[] };
for (let i = 0; i < runs; i++) {
  const netraDir = tempDir();
  results.netraCold.push(await timeNetraStart(netraDir));
  results.netraWarm.push(await timeNetraStart(netraDir));
  fs.rmSync(netraDir, { recursive: true, force: true });
  const pgDir = tempDir();
  results.pgCold.push(await timeBarePostgres(pgDir));
  results.pgWarm.push(await timeBarePostgres(pgDir));
  fs.rmSync(pgDir, { recursive: true, force: true });
  console.error(`run ${i + 1}/${runs} done`);
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rows = [
  ['cold (empty data dir)', median(results.netraCold), median(results.pgCold)],
  ['warm (data reused)', median(results.netraWarm), median(results.pgWarm)],
] as const;
console.log(`| start | Netra to healthy /health | bare embedded PostgreSQL | ratio |`);
console.log(`|---|---|---|---|`);
for (const [label, netra, pg] of rows) console.log(`| ${label} | ${s(netra)} | ${s(pg)} | ${(netra / pg).toFixed(2)}× |`);
console.log(`\nmedian of ${runs} runs; ${os.cpus().length} cores; ${new Date().toISOString().slice(0, 10)}`);
