/**
 * Recovery without a person (issue 11): the real server (`main.ts`, as `npm start` runs it) on its
 * own embedded PostgreSQL in a throwaway directory. kill -9 of the server leaves PostgreSQL as an
 * orphan; the next start stops it and comes up healthy. kill -9 of PostgreSQL: the running server
 * answers 503 with Retry-After, its supervisor restarts PostgreSQL, and it answers again within 30 s.
 * Another data directory's PostgreSQL (a live one started here) is never touched.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../testing/free-port.ts';
import { spawnSourceServer } from '../testing/server-process.ts';
import { runningPostmaster, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-recovery-'));
const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-recovery-other-'));
// PostgreSQL runs as its own user when the tests run as root: it must reach the directories.
for (const dir of [dataDir, otherDir]) fs.chmodSync(dir, 0o755);
let port = 0;
let pgPort = 0;
const servers: ChildProcess[] = [];
let other: EmbeddedDatabase | null = null;
const output: string[] = [];

function startServer(): ChildProcess {
  const child = spawnSourceServer({ dataDir, pgPort, port, onOutput: (text) => output.push(text) });
  servers.push(child);
  return child;
}

async function get(url: string): Promise<{ status: number; retryAfter: string | null; body: string } | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${url}`, { signal: AbortSignal.timeout(5_000) });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
  } catch {
    return null;
  }
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await probe();
    if (value) return { value, ms: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} not within ${timeoutMs} ms. Server output:\n${output.join('').slice(-3000)}`);
}

const healthy = () => waitFor('healthy', 120_000, async () => (await get('/api/v1/health'))?.status === 200);
const pgPid = () => runningPostmaster(path.join(dataDir, 'pg'))?.pid ?? null;

afterAll(async () => {
  for (const server of servers) if (server.exitCode === null) server.kill('SIGINT');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const left = pgPid();
  if (left) process.kill(left, 'SIGINT');
  await other?.stop();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(otherDir, { recursive: true, force: true });
});

describe('recovery without a person', () => {
  it('kill -9 of the server: the next start stops the orphaned PostgreSQL of its own directory and is healthy', async () => {
    port = await freePort();
    pgPort = await freePort();
    other = await startEmbeddedPostgres({ dataDir: otherDir, port: await freePort(), fast: true });
    const otherPid = runningPostmaster(path.join(otherDir, 'pg'))!.pid;

    const first = startServer();
    await healthy();
    const orphan = pgPid();
    expect(orphan).not.toBeNull();
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    // The orphan is still there, holding the data directory.
    expect(pgPid()).toBe(orphan);

    startServer();
    await healthy();
    expect(pgPid()).not.toBe(orphan);
    expect(output.join('')).toContain(`PostgreSQL yatim (pid ${orphan})`);
    // Another directory's PostgreSQL was left alone.
    expect(runningPostmaster(path.join(otherDir, 'pg'))?.pid).toBe(otherPid);
  }, 300_000);

  it('kill -9 of PostgreSQL: 503 with Retry-After, then back by itself within 30 s', async () => {
    const victim = pgPid()!;
    process.kill(victim, 'SIGKILL');
    const down = await waitFor('a 503', 10_000, async () => {
      const res = await get('/api/v1/elections');
      return res && res.status === 503 ? res : null;
    });
    expect(down.value.retryAfter).toBe('5');
    expect(JSON.parse(down.value.body).error.code).toBe('database_unavailable');
    const back = await waitFor('recovery', 30_000, async () => (await get('/api/v1/elections'))?.status === 200);
    expect(back.ms).toBeLessThan(30_000);
    const health = JSON.parse((await get('/api/v1/health'))!.body);
    expect(health).toMatchObject({ status: 'ok', parts: { embeddedPostgres: { up: true } } });
    expect(pgPid()).not.toBe(victim);
    // The server process itself survived (no unhandled pool error).
    expect(servers.at(-1)!.exitCode).toBeNull();
  }, 120_000);
});
