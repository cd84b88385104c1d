/**
 * bench/intake — concurrent public report submissions (multipart, one small JPEG each) against
 * the real server on loopback (embedded PostgreSQL with its durable settings: fsync and
 * synchronous commit on), side by side with a baseline route on the same server that does one
 * plain INSERT into a bare table. Rounds alternate baseline and reports so both see the same
 * machine. Afterwards every acknowledged (201) report must be in the database: counted, by receipt.
 *
 *   npx tsx bench/intake/intake.bench.ts [--concurrency 16] [--requests 300] [--rounds 3] [--photo large] [--profile FILE]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildApp } from '../../packages/server/src/app.ts';
import { startAuditSequencer } from '../../packages/server/src/capabilities/audit/service.ts';
import { bootDatabase } from '../../packages/server/src/boot.ts';
import { benchDataDir, embeddedConfig } from '../lib/database.ts';
import { JOB_SCHEMA, startJobs } from '../../packages/server/src/jobs/boss.ts';
import { RECEIVED_QUEUE } from '../../packages/server/src/capabilities/reports/jobs.ts';
import sharp from 'sharp';
import { freePort } from '../../packages/server/src/testing/free-port.ts';

const { values } = parseArgs({
  options: { concurrency: { type: 'string', default: '16' }, requests: { type: 'string', default: '300' }, rounds: { type: 'string', default: '3' }, photo: { type: 'string', default: 'small' }, profile: { type: 'string' } },
});
const concurrency = Number(values.concurrency);
const requestsPerPhase = Number(values.requests);
const rounds = Number(values.rounds);

const dataDir = benchDataDir('intake');
const log = (line: string) => console.error(`[bench] ${line}`);

const booted = await bootDatabase(
  await embeddedConfig(dataDir),
  log,
  // As `npm start` serves: the least-privilege runtime role (issue 11).
  { runtimeRole: true },
);
// The limits protect the public from abuse; one loopback address sending hundreds is the bench.
const app = await buildApp(booted.ctx, { rateLimitPerMinute: 1_000_000, reports: { submissionsPerHour: 1_000_000, trackingPerHour: 1_000_000 } });
await booted.database.pool.query('CREATE TABLE IF NOT EXISTS bench_intake_baseline (id bigserial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
// The baseline: the same server, the same text fields, one plain INSERT and a 201.
app.post('/bench/baseline', { config: { rateLimit: false } }, async (request, reply) => {
  const { rows } = await booted.database.pool.query('INSERT INTO bench_intake_baseline (body) VALUES ($1) RETURNING id', [JSON.stringify(request.body)]);
  return reply.status(201).send({ id: Number(rows[0].id) });
});
const jobs = await startJobs(booted.ctx, booted.database.pool);
// As `npm start` runs it (main.ts): the audit sequencer chaining committed entries every 500 ms.
const sequencer = startAuditSequencer(booted.ctx, { onError: (error) => log(`audit sequencer: ${error.message}`) });
const port = await freePort();
await app.listen({ port, host: '127.0.0.1' });
const base = `http://127.0.0.1:${port}`;

// A photo with EXIF (which a job strips for the public copy): `small` a 1.4 KB picture, `large`
// a phone-sized 3 MB JPEG (2160 × 1620 of noise, which does not compress).
const photo =
  values.photo === 'large'
    ? await sharp(crypto.randomBytes(2160 * 1620 * 3), { raw: { width: 2160, height: 1620, channels: 3 } })
        .jpeg({ quality: 92 })
        .withMetadata({ exif: { IFD0: { Artist: 'Pelapor fiktif' } } })
        .toBuffer()
    : await sharp({ create: { width: 320, height: 240, channels: 3, background: '#2e86c1' } })
        .jpeg()
        .withMetadata({ exif: { IFD0: { Artist: 'Pelapor fiktif' } } })
        .toBuffer();
const today = new Date().toISOString().slice(0, 10);
const fields: Record<string, string | string[]> = {
  electionId: 'pilkada-2024',
  regionCode: '35.10',
  place: 'Balai Desa Sukamaju, Kecamatan Fiktif',
  occurredOn: today,
  knownOn: today,
  description: 'Seorang guru (fiktif) mengunggah foto bersama pasangan calon sambil mengacungkan dua jari di media sosial.',
  actCodes: ['A07', 'A02'],
  reportedName: 'Bambang Fiktif',
  reportedAgency: 'Dinas Pendidikan',
  anonymous: 'true',
};
// Every report carries a different photo (a JPEG comment segment with a counter after SOI), so
// the content-addressed store really writes and fsyncs each one; the body around it is built once.
const boundary = `netra-bench-${crypto.randomBytes(8).toString('hex')}`;
const head = Buffer.from(
  Object.entries(fields)
    .flatMap(([name, value]) => [value].flat().map((item) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${item}\r\n`))
    .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
);
const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
let sent = 0;
const uniquePhoto = () => {
  const comment = Buffer.from(`netra-bench-${process.pid}-${sent++}`);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(comment.length + 2, 2);
  return Buffer.concat([photo.subarray(0, 2), segment, comment, photo.subarray(2)]);
};
const report = { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: () => Buffer.concat([head, uniquePhoto(), tail]) };
const baselineBody = JSON.stringify(fields);

/**
 * Processor time, in ms: this process (server and client, every thread) and this PostgreSQL (the
 * postmaster and its children, read from /proc). Per request it is steadier than a rate on a
 * shared machine (fourth pass); kernel workers (fsync, writeback) are not attributable and missing.
 */
const postmasterPid = Number(fs.readFileSync(`${dataDir}/pg/postmaster.pid`, 'utf8').split('\n')[0]);
const ticksMs = 1000 / 100; // USER_HZ
function cpuNow(): { node: number; pg: number } {
  const usage = process.cpuUsage();
  let pg = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[1] is the parent pid; [11], [12] user and system ticks; [13], [14] those of the
      // children it has reaped. The postmaster's reaped children count too: a backend or an
      // autovacuum worker that exits during a phase would otherwise take its time with it (sixth
      // pass: one round measured 0.14 ms of PostgreSQL time a report that way).
      if (Number(entry) === postmasterPid) pg += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * ticksMs;
      else if (Number(fields[1]) === postmasterPid) pg += (Number(fields[11]) + Number(fields[12])) * ticksMs;
    } catch {
      // Gone meanwhile.
    }
  }
  return { node: (usage.user + usage.system) / 1000, pg };
}

interface Phase {
  cpu?: { node: number; pg: number };
  accepted: number;
  failed: number;
  seconds: number;
  latencies: number[];
  receipts: string[];
}

/** `total` requests from `concurrency` workers; every response is read to the end. */
async function phase(send: () => Promise<Response>, total: number, onAccepted: (body: Record<string, unknown>, into: Phase) => void): Promise<Phase> {
  const result: Phase = { accepted: 0, failed: 0, seconds: 0, latencies: [], receipts: [] };
  let next = 0;
  const cpuBefore = cpuNow();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const t0 = performance.now();
        const res = await send();
        const body = (await res.json()) as Record<string, unknown>;
        result.latencies.push(performance.now() - t0);
        if (res.status === 201) {
          result.accepted += 1;
          onAccepted(body, result);
        } else {
          result.failed += 1;
          if (result.failed <= 3) log(`refused ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
        }
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuNow();
  result.cpu = { node: cpuAfter.node - cpuBefore.node, pg: cpuAfter.pg - cpuBefore.pg };
  return result;
}

const sendReport = () => fetch(`${base}/api/v1/reports`, { method: 'POST', body: report.body(), headers: report.headers });
const sendBaseline = () => fetch(`${base}/bench/baseline`, { method: 'POST', body: baselineBody, headers: { 'content-type': 'application/json' } });
const keepReceipt = (body: Record<string, unknown>, into: Phase) => into.receipts.push(String(body.receiptNumber));

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const median = (xs: number[]) => percentile(xs, 50);

/** Wait until the report-received queue is empty: how many jobs were waiting, and how long it took. */
async function drain(): Promise<{ backlog: number; seconds: number }> {
  const started = Date.now();
  const pending = async () =>
    (await booted.database.pool.query(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state < 'completed'`, [RECEIVED_QUEUE])).rows[0].n as number;
  const backlog = await pending();
  while ((await pending()) > 0 && Date.now() - started < 30 * 60 * 1000) await new Promise((r) => setTimeout(r, 250));
  return { backlog, seconds: (Date.now() - started) / 1000 };
}

const profiler = values.profile ? new inspector.Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
}

try {
  log(`warm-up (${concurrency * 2} requests each)`);
  const warmBaseline = await phase(sendBaseline, concurrency * 2, () => {});
  const warm = await phase(sendReport, concurrency * 2, keepReceipt);
  const reportPhases: Phase[] = [];
  const baselinePhases: Phase[] = [];
  const drains: Array<{ backlog: number; seconds: number }> = [];
  for (let round = 1; round <= rounds; round++) {
    // The follow-up work of the previous reports phase is done first, outside the timed phases, so
    // it lands in neither route's figures (it yields to filings, not to other requests); its time
    // is reported on its own.
    if (round > 1) drains.push(await drain());
    baselinePhases.push(await phase(sendBaseline, requestsPerPhase, () => {}));
    // --profile FILE: a CPU profile of this process over the report phases only (node:inspector).
    if (profiler) await profiler.post('Profiler.start');
    reportPhases.push(await phase(sendReport, requestsPerPhase, keepReceipt));
    if (profiler) {
      const { profile } = (await profiler.post('Profiler.stop')) as { profile: unknown };
      fs.writeFileSync(`${values.profile}.${round}.cpuprofile`, JSON.stringify(profile));
    }
    const r = reportPhases.at(-1)!;
    const b = baselinePhases.at(-1)!;
    log(`round ${round}/${rounds}: reports ${(r.accepted / r.seconds).toFixed(1)}/s, baseline ${(b.accepted / b.seconds).toFixed(1)}/s, ratio ${(r.accepted / r.seconds / (b.accepted / b.seconds)).toFixed(3)}; processor ms per request ${((r.cpu!.node + r.cpu!.pg) / requestsPerPhase).toFixed(2)} vs ${((b.cpu!.node + b.cpu!.pg) / requestsPerPhase).toFixed(2)}`);
  }

  // Every acknowledged report is in the database, with its evidence.
  const acknowledged = [...warm.receipts, ...reportPhases.flatMap((p) => p.receipts)];
  const { rows } = await booted.database.pool.query(
    `SELECT count(*)::int AS reports, (SELECT count(*)::int FROM evidence e JOIN reports r ON r.id = e.report_id WHERE r.receipt_number = ANY($1)) AS evidence,
            count(DISTINCT xmin::text)::int AS transactions
       FROM reports WHERE receipt_number = ANY($1)`,
    [acknowledged],
  );
  // The follow-up work (public copies, duplicate proposals) is off the hot path, not free: how long
  // the job queue took to catch up after the last phase, and whether every photo got its copy.
  const { backlog, seconds: drainSeconds } = await drain();
  const copies = (
    await booted.database.pool.query(
      'SELECT count(*)::int AS n FROM evidence e JOIN reports r ON r.id = e.report_id WHERE r.receipt_number = ANY($1) AND e.public_copy_key IS NOT NULL',
      [acknowledged],
    )
  ).rows[0].n as number;
  const baselineAcked = [warmBaseline, ...baselinePhases].reduce((n, p) => n + p.accepted, 0);
  const baselineRows = (await booted.database.pool.query('SELECT count(*)::int AS n FROM bench_intake_baseline')).rows[0].n as number;

  const rate = (ps: Phase[]) => median(ps.map((p) => p.accepted / p.seconds));
  const lat = (ps: Phase[], p: number) => percentile(ps.flatMap((x) => x.latencies), p);
  const cpuPer = (ps: Phase[]) => {
    const n = ps.reduce((sum, p) => sum + p.accepted + p.failed, 0);
    const node = ps.reduce((sum, p) => sum + p.cpu!.node, 0) / n;
    const pg = ps.reduce((sum, p) => sum + p.cpu!.pg, 0) / n;
    return `${node.toFixed(2)} ms Node + ${pg.toFixed(2)} ms PostgreSQL = ${(node + pg).toFixed(2)} ms`;
  };
  const reportRate = rate(reportPhases);
  const baselineRate = rate(baselinePhases);
  const table = [
    `| route | accepted/s (median of ${rounds}) | p50 latency | p99 latency | refused |`,
    '|---|---|---|---|---|',
    `| POST /api/v1/reports (multipart, 1 JPEG of ${(photo.length / 1024).toFixed(1)} KB) | ${reportRate.toFixed(1)} | ${lat(reportPhases, 50).toFixed(1)} ms | ${lat(reportPhases, 99).toFixed(1)} ms | ${reportPhases.reduce((n, p) => n + p.failed, 0)} |`,
    `| baseline: one INSERT (JSON) | ${baselineRate.toFixed(1)} | ${lat(baselinePhases, 50).toFixed(1)} ms | ${lat(baselinePhases, 99).toFixed(1)} ms | ${baselinePhases.reduce((n, p) => n + p.failed, 0)} |`,
    '',
    `Throughput ratio reports / baseline: ${(reportRate / baselineRate).toFixed(3)} (baseline is ${(baselineRate / reportRate).toFixed(1)}× faster); p50 latency ratio ${(lat(reportPhases, 50) / lat(baselinePhases, 50)).toFixed(1)}×.`,
    `Acknowledged reports: ${acknowledged.length}; found in the database: ${rows[0].reports} reports, ${rows[0].evidence} evidence rows, written by ${rows[0].transactions} transactions. Baseline rows: ${baselineRows} of ${baselineAcked} acknowledged.`,
    `Processor time per request (kernel workers not counted): report ${cpuPer(reportPhases)}; baseline ${cpuPer(baselinePhases)}.`,
    `Follow-up jobs: ${backlog} waiting when the last phase ended, all done ${drainSeconds.toFixed(1)} s later (${drains.map((d) => `${d.backlog} in ${d.seconds.toFixed(1)} s`).join(', ') || 'no'} between rounds, untimed); ${((backlog + drains.reduce((n, d) => n + d.backlog, 0)) / (drainSeconds + drains.reduce((n, d) => n + d.seconds, 0))).toFixed(1)} jobs/s; public copies made for ${copies} of ${acknowledged.length} photos.`,
    `Settings: ${concurrency} concurrent clients, ${requestsPerPhase} requests per phase, ${rounds} rounds, ${os.cpus().length} CPU(s), Node ${process.version}, PostgreSQL embedded with fsync and synchronous_commit on.`,
  ];
  console.log(table.join('\n'));
  if (rows[0].reports !== acknowledged.length || rows[0].evidence !== acknowledged.length || baselineRows !== baselineAcked) {
    console.error('LOST ACKNOWLEDGED WRITES');
    process.exitCode = 1;
  }
} finally {
  await app.close();
  await sequencer.stop();
  await jobs.stop();
  await booted.shutdown();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
