/**
 * bench/startup — time from the server process to a healthy /api/v1/health:
 *   cold: empty data directory (initdb, migrations, reference and demo data)
 *   warm: the same directory again (data reused)
 * in two modes: `prod` — `npm run start:prod`, the production build (packages/server/dist, plain
 * JavaScript, run `npm run build` first); `tsx` — `npm start`'s server, TypeScript through tsx.
 * Baseline, side by side: the embedded PostgreSQL alone (initdb + start, then start), the
 * floor any start on it pays. Reports medians and the ratio Netra / bare PostgreSQL.
 * Target (issue 12): warm production start under 3 s on this machine.
 *
 *   npx tsx bench/startup/startup.bench.ts [--runs 3] [--modes prod,tsx]
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
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, modes: { type: 'string', default: 'prod,tsx' } } });
const runs = Number(values.runs);
type Mode = 'prod' | 'tsx';
const modes = values.modes.split(',').filter((m): m is Mode => m === 'prod' || m === 'tsx');
const COMMAND: Record<Mode, string[]> = {
  prod: ['--enable-source-maps', 'packages/server/dist/main.js'],
  tsx: ['--import', 'tsx', 'packages/server/src/main.ts'],
};
if (modes.includes('prod') && !fs.existsSync(path.join(root, 'packages/server/dist/main.js'))) throw new Error('Run `npm run build` first (the production build).');

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-bench-startup-'));
  fs.chmodSync(dir, 0o755);
  return dir;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Start Netra as `npm run start:prod` or `npm start` does (web app already built) and time it to a healthy /health. */
async function timeNetraStart(dataDir: string, mode: Mode): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, COMMAND[mode], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NETRA_DATA_DIR: dataDir, NETRA_PG_PORT: String(await freePort()) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += chunk));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Netra (${mode}) exited before becoming healthy:\n${errors}`);
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
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
  }
}

async function timeBarePostgres(dataDir: string): Promise<number> {
  const started = performance.now();
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const elapsed = performance.now() - started;
  await server.stop();
  return elapsed;
}

const results = { pgCold: [] as number[], pgWarm: [] as number[] } as Record<string, number[]>;
const push = (key: string, value: number) => (results[key] ??= []).push(value);
for (let i = 0; i < runs; i++) {
  for (const mode of modes) {
    const netraDir = tempDir();
    push(`${mode}Cold`, await timeNetraStart(netraDir, mode));
    push(`${mode}Warm`, await timeNetraStart(netraDir, mode));
    fs.rmSync(netraDir, { recursive: true, force: true });
  }
  const pgDir = tempDir();
  results.pgCold.push(await timeBarePostgres(pgDir));
  results.pgWarm.push(await timeBarePostgres(pgDir));
  fs.rmSync(pgDir, { recursive: true, force: true });
  console.error(`run ${i + 1}/${runs} done`);
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const LABEL: Record<Mode, string> = { prod: 'production build (start:prod)', tsx: 'tsx (npm start)' };
console.log(`| mode | start | Netra to healthy /health | bare embedded PostgreSQL | ratio |`);
console.log(`|---|---|---|---|---|`);
for (const mode of modes) {
  for (const [label, key, pgKey] of [['cold (empty data dir)', `${mode}Cold`, 'pgCold'], ['warm (data reused)', `${mode}Warm`, 'pgWarm']] as const) {
    const [netra, pg] = [median(results[key]), median(results[pgKey])];
    console.log(`| ${LABEL[mode]} | ${label} | ${s(netra)} | ${s(pg)} | ${(netra / pg).toFixed(2)}× |`);
  }
}
console.log(`\nmedian of ${runs} runs; ${os.cpus().length} cores; ${new Date().toISOString().slice(0, 10)}`);
