/**
 * bench/chaos — crashes under intake load (issue 11), bounded and on loopback only.
 *
 *   npx tsx bench/chaos/chaos.bench.ts [--server-kills 10] [--postgres-kills 3] [--clients 6] [--settle 4]
 *
 * Runs the real server (`packages/server/src/main.ts`, as `npm start` does) on its own embedded
 * PostgreSQL in a throwaway directory, and keeps `--clients` reporters sending public reports
 * (anonymous and named, one small photo each) the whole time. Then, `--settle` seconds apart:
 * `kill -9` of the server (started again at once, as a supervisor such as systemd would, with no
 * other step) and `kill -9` of the PostgreSQL postmaster (the running server's supervisor must
 * bring it back). After each kill it measures the time until `/api/v1/health` answers 200 again.
 * At the end, every acknowledged (201) report must be in the database with its evidence row and
 * file, and every named one with its sealed identity: `lost` must be 0 (exit 1 otherwise).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import sharp from 'sharp';
import { runningPostmaster } from '../../packages/server/src/db/embedded-postgres.ts';
import { freePort } from '../../packages/server/src/testing/free-port.ts';
import { spawnSourceServer } from '../../packages/server/src/testing/server-process.ts';

const { values } = parseArgs({
  options: { 'server-kills': { type: 'string', default: '10' }, 'postgres-kills': { type: 'string', default: '3' }, clients: { type: 'string', default: '6' }, settle: { type: 'string', default: '4' } },
});
const serverKills = Number(values['server-kills']);
const postgresKills = Number(values['postgres-kills']);
const clients = Number(values.clients);
const settleMs = Number(values.settle) * 1000;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-chaos-'));
fs.chmodSync(dataDir, 0o755);
const port = await freePort();
const pgPort = await freePort();
const base = `http://127.0.0.1:${port}`;
const say = (line: string) => console.error(`[chaos] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: ChildProcess | null = null;
const tailOutput: string[] = [];
function startServer(): ChildProcess {
  return spawnSourceServer({
    dataDir,
    pgPort,
    port,
    // Reporters here come from varied TEST-NET addresses through a pretend proxy on loopback.
    env: { NETRA_TRUST_PROXY: '127.0.0.1', NETRA_REPORTS_PER_HOUR: '1000000' },
    onOutput: (text) => {
      tailOutput.push(text);
      if (tailOutput.length > 200) tailOutput.shift();
    },
  });
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(2_000) })).status === 200;
  } catch {
    return false;
  }
}
/** Milliseconds until /health answers 200 (fails after two minutes). */
async function recovery(): Promise<number> {
  const started = Date.now();
  while (!(await healthy())) {
    if (Date.now() - started > 120_000) throw new Error(`not healthy within 120 s:\n${tailOutput.join('').slice(-3000)}`);
    await sleep(100);
  }
  return Date.now() - started;
}

const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#1f8a70' } }).jpeg().withMetadata({ exif: { IFD0: { Artist: 'Pelapor fiktif' } } }).toBuffer();
const today = new Date().toISOString().slice(0, 10);
const named = { reporterName: 'Sri Lestari Fiktif', reporterAddress: 'Jl. Kenanga 3, Desa Fiktif', reporterBirthPlace: 'Jember', reporterBirthDate: '1990-05-01', reporterGender: 'P', reporterOccupation: 'Guru honorer', reporterNationality: 'Indonesia' };
let sent = 0;
function reportForm(anonymous: boolean): FormData {
  const form = new FormData();
  const fields: Record<string, string> = {
    electionId: 'pilkada-2024',
    regionCode: '35.10',
    place: 'Pasar Desa Fiktif, Kecamatan Uji',
    occurredOn: today,
    knownOn: today,
    description: `Seorang camat (fiktif) membagikan kalender pasangan calon di pasar, laporan uji kekacauan nomor ${sent}.`,
    reportedName: 'Hendra Kusuma Fiktif',
    reportedAgency: 'Kecamatan Fiktif',
    anonymous: String(anonymous),
    ...(anonymous ? {} : named),
  };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('actCodes', 'A07');
  // A different photo every time (a counter in a JPEG comment), so each file is really written.
  const comment = Buffer.from(`netra-chaos-${sent}`);
  const segment = Buffer.from([0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff]);
  form.append('evidence', new Blob([Buffer.concat([photo.subarray(0, 2), segment, comment, photo.subarray(2)])], { type: 'image/jpeg' }), 'foto.jpg');
  return form;
}

const acked: Array<{ receipt: string; named: boolean }> = [];
const outcome = { sent: 0, acked: 0, refused: new Map<number, number>(), failedConnections: 0 };
let running = true;
async function reporter(id: number): Promise<void> {
  while (running) {
    const anonymous = sent % 3 !== 0;
    sent++;
    outcome.sent++;
    try {
      const res = await fetch(`${base}/api/v1/reports`, {
        method: 'POST',
        body: reportForm(anonymous),
        headers: { 'x-forwarded-for': `198.51.100.${(id * 37 + sent) % 250 + 1}` },
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await res.json()) as { receiptNumber?: string };
      if (res.status === 201 && body.receiptNumber) {
        acked.push({ receipt: body.receiptNumber, named: !anonymous });
        outcome.acked++;
      } else {
        outcome.refused.set(res.status, (outcome.refused.get(res.status) ?? 0) + 1);
        await sleep(200);
      }
    } catch {
      // The server was killed under the request: not acknowledged, the reporter's app retries later.
      outcome.failedConnections++;
      await sleep(200);
    }
  }
}

const recoveries: Array<{ kind: 'server' | 'postgres'; ms: number }> = [];
try {
  say(`data directory ${dataDir}; first start (initdb, migrations) …`);
  server = startServer();
  say(`healthy after ${(await recovery()) / 1000} s; ${clients} reporters start`);
  const load = Array.from({ length: clients }, (_, i) => reporter(i));
  // Interleave: the PostgreSQL kills fall between server kills.
  const plan: Array<'server' | 'postgres'> = [];
  for (let i = 0; i < serverKills; i++) {
    plan.push('server');
    if (i % Math.max(1, Math.floor(serverKills / Math.max(1, postgresKills))) === 1 && plan.filter((p) => p === 'postgres').length < postgresKills) plan.push('postgres');
  }
  while (plan.filter((p) => p === 'postgres').length < postgresKills) plan.push('postgres');
  for (const [i, kind] of plan.entries()) {
    await sleep(settleMs);
    if (kind === 'server') {
      const victim = server!;
      victim.kill('SIGKILL');
      await new Promise((resolve) => (victim.exitCode !== null || victim.signalCode !== null ? resolve(null) : victim.once('exit', resolve)));
      server = startServer();
    } else {
      const postmaster = runningPostmaster(path.join(dataDir, 'pg'));
      if (!postmaster) throw new Error('no postmaster to kill');
      process.kill(postmaster.pid, 'SIGKILL');
      await sleep(300);
    }
    const ms = await recovery();
    recoveries.push({ kind, ms });
    say(`kill ${i + 1}/${plan.length} (${kind}): healthy again after ${(ms / 1000).toFixed(1)} s; acknowledged so far ${outcome.acked}`);
  }
  await sleep(settleMs);
  running = false;
  await Promise.all(load);

  // Everything acknowledged is stored: checked as the owner, straight in PostgreSQL.
  const db = new pg.Client({ connectionString: `postgresql://netra:netra@127.0.0.1:${pgPort}/netra` });
  await db.connect();
  const { rows } = await db.query<{ receipt_number: string; evidence: number; identity: boolean; keys: string[] }>(
    `SELECT r.receipt_number,
            (SELECT count(*)::int FROM evidence e WHERE e.report_id = r.id) AS evidence,
            EXISTS (SELECT 1 FROM reporter_identities i WHERE i.report_id = r.id AND i.named) AS identity,
            ARRAY(SELECT e.storage_key FROM evidence e WHERE e.report_id = r.id) AS keys
       FROM reports r WHERE r.receipt_number = ANY($1)`,
    [acked.map((a) => a.receipt)],
  );
  await db.end();
  const byReceipt = new Map(rows.map((r) => [r.receipt_number, r]));
  const lost: string[] = [];
  for (const a of acked) {
    const row = byReceipt.get(a.receipt);
    if (!row) lost.push(`${a.receipt}: no report`);
    else if (row.evidence !== 1) lost.push(`${a.receipt}: ${row.evidence} evidence rows`);
    else if (!row.keys.every((key) => fs.existsSync(path.join(dataDir, 'evidence', key)))) lost.push(`${a.receipt}: evidence file missing`);
    else if (a.named && !row.identity) lost.push(`${a.receipt}: named, identity missing`);
  }
  const of = (kind: 'server' | 'postgres') => recoveries.filter((r) => r.kind === kind).map((r) => r.ms / 1000);
  const summary = (xs: number[]) => (xs.length ? `median ${xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1)} s, max ${Math.max(...xs).toFixed(1)} s` : '–');
  console.log(
    [
      `| kills | acknowledged (named) | stored with evidence (and identity) | lost | recovery after kill -9 of the server | recovery after kill -9 of PostgreSQL |`,
      '|---|---|---|---|---|---|',
      `| ${of('server').length} server, ${of('postgres').length} PostgreSQL | ${acked.length} (${acked.filter((a) => a.named).length}) | ${acked.length - lost.length} | ${lost.length} | ${summary(of('server'))} | ${summary(of('postgres'))} |`,
      '',
      `Sent ${outcome.sent}; refused ${[...outcome.refused.entries()].map(([s, n]) => `${s}:${n}`).join(' ') || 'none'}; connections cut by a kill ${outcome.failedConnections}. ${clients} reporters, ${settleMs / 1000} s between kills, ${os.cpus().length} CPU(s), Node ${process.version}.`,
    ].join('\n'),
  );
  if (lost.length > 0) {
    console.error(`LOST ACKNOWLEDGED REPORTS:\n${lost.slice(0, 20).join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  running = false;
  if (server && server.exitCode === null) {
    server.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  const left = runningPostmaster(path.join(dataDir, 'pg'));
  if (left) process.kill(left.pid, 'SIGINT');
  await sleep(1_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
