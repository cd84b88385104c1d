/**
 * Once per e2e run: the real system as `npm start` runs it (embedded PostgreSQL, migrations,
 * reference and demo data, API and built web app) on free ports in a throwaway data directory,
 * then stopped with SIGINT the way a person stops it with Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from '../packages/server/src/testing/free-port.ts';

/** The app secret the e2e server checks WhatsApp webhook signatures with (e2e/inbox.e2e.ts signs with it). */
export const E2E_WHATSAPP_SECRET = 'e2e-rahasia-aplikasi-whatsapp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Netra exited early (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Netra did not become healthy in ${timeoutMs} ms:\n${log()}`);
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(root, 'packages/web/dist/index.html'))) {
    throw new Error('The web app is not built: run `npm run build` (npm test does it first).');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NETRA_DATA_DIR: dataDir, NETRA_PG_PORT: String(pgPort),
      // The inbox's WhatsApp channel, so a test can post a webhook signed as Meta signs it; sending goes
      // nowhere (a closed loopback port), and the outbox records the failure.
      NETRA_WHATSAPP_APP_SECRET: E2E_WHATSAPP_SECRET, NETRA_WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9',
      // Every suite's browser and fetch calls come from 127.0.0.1, so the per-address hourly limits
      // (10 reports, 60 tracking reads) would make a suite's outcome depend on which suites ran
      // before it. The limits themselves are tested in the server's tests (reports/intake.test.ts).
      NETRA_REPORTS_PER_HOUR: '1000', NETRA_TRACKING_PER_HOUR: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(`${baseUrl}/api/v1/health`, child, () => output);
  project.provide('baseUrl', baseUrl);
  // For the few suites that must travel a case's clock (a date the API rightly never lets anyone
  // set): the embedded PostgreSQL's own database, as the server's tests use theirs.
  project.provide('databaseUrl', `postgresql://netra:netra@127.0.0.1:${pgPort}/netra`);
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000).unref())]);
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}
