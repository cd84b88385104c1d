/**
 * bench/public-reads — the public transparency answers under a read surge, beside the cheapest
 * route on the same server. Netra runs from the production build (`npm run build` first) with
 * its embedded PostgreSQL and the demo data; autocannon (pinned in bench/package.json) drives
 * 64 connections, each request from another client address (X-Forwarded-For, believed from
 * loopback through NETRA_TRUST_PROXY) so per-address limits do not interfere.
 *
 * Baseline: GET /api/v1/health (one trivial query). Measured: the national transparency page
 * of Pilkada 2024 and the Banyuwangi page. Target (issue 12): ≥ 0.5× the baseline's throughput,
 * p99 < 100 ms; and a conditional request (If-None-Match) answers 304.
 *
 *   npx tsx bench/public-reads/public-reads.bench.ts [--connections 64] [--duration 10]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort } from '../../packages/server/src/testing/free-port.ts';
import { waitUntil } from '../lib/wait.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { connections: { type: 'string', default: '64' }, duration: { type: 'string', default: '10' } } });
const connections = Number(values.connections);
const duration = Number(values.duration);
if (!fs.existsSync(path.join(root, 'packages/server/dist/main.js'))) throw new Error('Run `npm run build` first (the production build).');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-bench-public-'));
fs.chmodSync(dataDir, 0o755);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['packages/server/dist/main.js'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NETRA_DATA_DIR: dataDir, NETRA_PG_PORT: String(await freePort()), NETRA_TRUST_PROXY: '127.0.0.1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const until = (what: string, check: () => Promise<boolean>, timeoutMs?: number) => waitUntil(child, what, check, timeoutMs);

let address = 0;
/** A different client address on every request. */
const nextAddress = () => {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

interface Result {
  path: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function run(urlPath: string): Promise<Result> {
  const result = await autocannon({
    url: `${base}${urlPath}`,
    connections,
    duration,
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'x-forwarded-for': nextAddress() } }) }],
  });
  return { path: urlPath, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

try {
  await until('healthy', async () => (await fetch(`${base}/api/v1/health`)).ok);
  // The figures exist once the first dashboards refresh (asked for at start) has run.
  await until('first dashboards refresh', async () => ((await (await fetch(`${base}/api/v1/transparency/pilkada-2024`)).json()) as { dataAsOf: string | null }).dataAsOf !== null);

  const first = await fetch(`${base}/api/v1/transparency/pilkada-2024/35.10`);
  const etag = first.headers.get('etag');
  const conditional = await fetch(`${base}/api/v1/transparency/pilkada-2024/35.10`, { headers: { 'if-none-match': etag ?? '' } });
  console.error(`conditional request: ETag ${etag}, Cache-Control "${first.headers.get('cache-control')}" → ${conditional.status}`);

  const paths = ['/api/v1/health', '/api/v1/transparency/pilkada-2024', '/api/v1/transparency/pilkada-2024/35.10'];
  // Warm-up, then the measured runs.
  for (const p of paths) await autocannon({ url: `${base}${p}`, connections: 8, duration: 2 });
  const results: Result[] = [];
  for (const p of paths) {
    results.push(await run(p));
    console.error(`measured ${p}`);
  }
  const health = results[0];
  console.log(`| endpoint | req/s | p50 ms | p99 ms | non-2xx | × /health | target ≥ 0.5×, p99 < 100 ms |`);
  console.log(`|---|---|---|---|---|---|---|`);
  for (const r of results) {
    const ratio = r.rps / health.rps;
    const met = r === health ? '(baseline)' : ratio >= 0.5 && r.p99 < 100 ? 'yes' : 'no';
    console.log(`| \`GET ${r.path}\` | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx + r.errors} | ${ratio.toFixed(2)}× | ${met} |`);
  }
  console.log(`\nconditional request (If-None-Match: current ETag) → ${conditional.status}`);
  console.log(`${connections} connections, ${duration} s per endpoint; ${os.cpus().length} cores; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${new Date().toISOString().slice(0, 16)}Z`);
} finally {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
}
