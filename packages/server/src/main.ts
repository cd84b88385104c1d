/**
 * `npm start`: the whole system on one machine, with progress lines while it works.
 */
import { buildApp } from './app.ts';
import { startAuditSequencer } from './capabilities/audit/service.ts';
import { registerHealthProbe } from './capabilities/health/service.ts';
import { bootDatabase } from './boot.ts';
import { loadConfig } from './config.ts';
import { isDatabaseUnavailable } from './http/errors.ts';
import type { LogLevel } from './http/logging.ts';
import { listenForPublicData } from './http/public-cache-listener.ts';
import { publicCache } from './http/public-cache.ts';
import { startJobs, type Jobs } from './jobs/boss.ts';

// pg-boss completes and fails jobs without awaiting the query (pg-boss/src/manager.js): with the
// database away, that rejection has no handler and would end the process. A lost connection is
// expected and recovered from (the job expires and is retried); anything else still ends it.
process.on('unhandledRejection', (reason) => {
  if (isDatabaseUnavailable(reason)) {
    console.error(`[netra] database unavailable (${(reason as Error).message}); recovering`);
    return;
  }
  console.error('[netra] unhandled rejection', reason);
  process.exit(1);
});

const started = performance.now();
const progress = (message: string) => console.log(`[netra] ${message}`);
const config = loadConfig();

progress('Memulai Netra …');
const booted = await bootDatabase(config, progress, { runtimeRole: true }).catch((error: unknown) => {
  console.error(`[netra] Gagal memulai: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const app = await buildApp(booted.ctx, { webDist: config.webDist, logger: (process.env.NETRA_LOG_LEVEL as LogLevel | undefined) ?? 'info', trustProxy: config.trustProxy });
// Deadline reminders and escalation (pg-boss on the same database): started once the server
// answers, so a (re)start behind the proxy is back in the pool as soon as possible.
let jobs: Jobs | null = null;
// Health names the part that is down: the supervised embedded PostgreSQL (restarting) and the job runner.
const embedded = booted.embedded;
if (embedded) registerHealthProbe('embeddedPostgres', () => ({ up: embedded.state() === 'up', state: embedded.state() }));
registerHealthProbe('jobs', () => ({ up: jobs !== null, state: jobs ? 'running' : 'starting' }));
// Public answers cached here are dropped when any server refreshes the dashboards.
const listener = listenForPublicData(booted.databaseUrl, publicCache, {
  onError: (error) => console.error(`[netra] public cache listener: ${error.message} (reconnecting)`),
});

// The audit sequencer links committed entries into the keyed chain and anchors its head outside
// the database (checkpoint files) every minute (capabilities/audit/chain.ts).
const sequencer = startAuditSequencer(booted.ctx, {
  checkpointMs: Number(process.env.NETRA_AUDIT_CHECKPOINT_SECONDS ?? 60) * 1000,
  onError: () => {},
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  progress(`${signal} diterima: menghentikan server dan PostgreSQL …`);
  await app.close();
  await sequencer.stop();
  await listener.stop();
  await jobs?.stop();
  await booted.shutdown();
  progress('Berhenti dengan bersih.');
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  console.error(`[netra] Port ${config.port} tidak bisa dipakai (${String(error)}). Setel PORT ke port lain.`);
  await booted.shutdown();
  process.exit(1);
}
jobs = await startJobs(booted.ctx, booted.database.pool);
progress(`Siap dalam ${((performance.now() - started) / 1000).toFixed(1)} dtk: http://localhost:${config.port}`);
progress(`Dokumentasi API: http://localhost:${config.port}/api/v1/docs`);
