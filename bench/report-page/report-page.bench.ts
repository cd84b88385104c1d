/**
 * bench/report-page — the public report page's first load on the wire (issue 16: ≤ 50 KB
 * gzipped on a weak signal), measured in Chromium against the real server.
 *
 * Netra runs as `npm start` runs it (embedded PostgreSQL, demo data, the built web app in
 * packages/web/dist — `npm run build -w @netra/web` first). A fresh Chromium context (empty cache,
 * no service worker yet) on a 390 px phone opens the page and waits until the form is there and
 * the network is idle; every response the page loaded is summed as it came over the wire
 * (headers + encoded body, Chromium's own accounting), so API answers count too.
 *
 *   measured: /lapor, the light page (Preact in React's clothes, its own entry);
 *   baseline: the same report page built the way the console app is built (React 19 and
 *             react-dom instead of preact/compat; the same components, the same CSS), built by
 *             this script into a temporary directory and served by the same server at
 *             /lapor-react.html. (The figure before issue 16 — the console app itself at /lapor,
 *             ~92 KB gzipped, 285 KB raw, then sent uncompressed — came from the issue; that build
 *             no longer exists to be re-run.)
 *
 * Each page is loaded with `Accept-Encoding: gzip` (the target's unit), with `br`, and with
 * `identity` (what an uncompressing server sends). The script also checks that the server sends
 * the pre-compressed copies (Content-Encoding on the page's script).
 *
 *   npx tsx bench/report-page/report-page.bench.ts [--runs 3]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { freePort } from '../../packages/server/src/testing/free-port.ts';
import { waitUntil } from '../lib/wait.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webDist = path.join(root, 'packages/web/dist');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const TARGET_BYTES = 50 * 1024;
if (!fs.existsSync(path.join(webDist, 'lapor.html'))) throw new Error('Run `npm run build -w @netra/web` first (packages/web/dist/lapor.html).');

// The baseline: the light entry built with React, into a copy of the build (so one server serves both).
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-bench-report-page-'));
fs.chmodSync(work, 0o755);
const servedDist = path.join(work, 'dist');
fs.cpSync(webDist, servedDist, { recursive: true });
const reactOut = path.join(work, 'react');
await build({
  configFile: false,
  root: path.join(root, 'packages/web'),
  logLevel: 'warn',
  build: { outDir: reactOut, emptyOutDir: true, rollupOptions: { input: { lapor: path.join(root, 'packages/web/lapor.html') } } },
});
fs.cpSync(path.join(reactOut, 'assets'), path.join(servedDist, 'assets'), { recursive: true });
// No service worker for the baseline (its scope, /lapor, would take this address in too).
const reactHtml = fs.readFileSync(path.join(reactOut, 'lapor.html'), 'utf8');
fs.writeFileSync(path.join(servedDist, 'lapor-react.html'), reactHtml);
// Pre-compressed like the real build's (vite.report.config.ts), so both are served alike.
for (const name of fs.readdirSync(path.join(reactOut, 'assets'))) {
  if (!/\.(js|css)$/.test(name)) continue;
  const file = path.join(servedDist, 'assets', name);
  const data = fs.readFileSync(file);
  fs.writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  fs.writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NETRA_DATA_DIR: path.join(work, 'data'), NETRA_PG_PORT: String(await freePort()), NETRA_WEB_DIST: servedDist, NETRA_LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const until = (what: string, check: () => Promise<boolean>, timeoutMs?: number) => waitUntil(child, what, check, timeoutMs);

interface Load {
  requests: number;
  wire: number;
  body: number;
  encodings: Set<string>;
  byKind: Record<string, number>;
}

const kind = (url: string) => (url.includes('/api/') ? 'api' : /\.js(\?|$)/.test(url) ? 'js' : /\.css(\?|$)/.test(url) ? 'css' : 'page');

/** One first load of `urlPath` in a fresh phone context, every response summed as it came over the wire. */
async function firstLoad(browser: Browser, urlPath: string, encoding: string): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    locale: 'id-ID',
    serviceWorkers: 'block',
    extraHTTPHeaders: { 'accept-encoding': encoding },
  });
  const page = await context.newPage();
  const load: Load = { requests: 0, wire: 0, body: 0, encodings: new Set(), byKind: {} };
  const pending: Array<Promise<void>> = [];
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        const wire = sizes.responseHeadersSize + sizes.responseBodySize;
        load.requests += 1;
        load.wire += wire;
        load.body += sizes.responseBodySize;
        load.byKind[kind(request.url())] = (load.byKind[kind(request.url())] ?? 0) + wire;
        if (kind(request.url()) === 'js') load.encodings.add((await response?.headerValue('content-encoding')) ?? 'none');
      })(),
    );
  });
  await page.goto(`${base}${urlPath}`);
  await page.getByLabel('Tempat kejadian').waitFor();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  return load;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let browser: Browser | undefined;
try {
  await until('healthy', async () => (await fetch(`${base}/api/v1/health`)).ok);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
  const rows: Array<{ page: string; encoding: string; load: Load; wire: number }> = [];
  for (const [name, urlPath] of [
    ['light /lapor (Preact)', '/lapor'],
    ['baseline: same page, React', '/lapor-react.html'],
  ] as const) {
    for (const encoding of ['gzip', 'br', 'identity']) {
      const loads: Load[] = [];
      for (let i = 0; i < runs; i += 1) loads.push(await firstLoad(browser, urlPath, encoding));
      const wire = median(loads.map((l) => l.wire));
      const load = loads.find((l) => l.wire === wire)!;
      rows.push({ page: name, encoding, load, wire });
      console.error(`${name} ${encoding}: ${kb(wire)} (${load.requests} responses; js ${kb(load.byKind.js ?? 0)}, css ${kb(load.byKind.css ?? 0)}, page ${kb(load.byKind.page ?? 0)}, api ${kb(load.byKind.api ?? 0)}; script sent as ${[...load.encodings].join(',')})`);
    }
  }
  const light = rows.find((r) => r.page.startsWith('light') && r.encoding === 'gzip')!;
  const baseline = rows.find((r) => r.page.startsWith('baseline') && r.encoding === 'gzip')!;
  const served = light.load.encodings.has('gzip');
  console.log('\n| page | Accept-Encoding | responses | on the wire (headers + body) | of which JS | CSS | HTML | API |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.page} | ${r.encoding} | ${r.load.requests} | ${kb(r.wire)} | ${kb(r.load.byKind.js ?? 0)} | ${kb(r.load.byKind.css ?? 0)} | ${kb(r.load.byKind.page ?? 0)} | ${kb(r.load.byKind.api ?? 0)} |`);
  }
  console.log(
    `\nlight page, gzip: ${kb(light.wire)} vs baseline ${kb(baseline.wire)} → ratio ${(light.wire / baseline.wire).toFixed(2)}; ` +
      `target ≤ ${kb(TARGET_BYTES)}: ${light.wire <= TARGET_BYTES ? 'met' : 'NOT met'}; script sent compressed (gzip): ${served ? 'yes' : 'NO'}`,
  );
} finally {
  await browser?.close();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000).unref())]);
  if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(work, { recursive: true, force: true });
}
