/**
 * The production topology on loopback, without containers (the same parts deploy/compose.yaml
 * runs): Debian's PostgreSQL 15 as a primary and a streaming replica (initdb, pg_basebackup),
 * s3rver as the object store, three Netra servers from the production build
 * (packages/server/dist/main.js, no TypeScript loader), and Debian's nginx with deploy/nginx/netra.conf
 * in front. PostgreSQL refuses to run as root, so as root (CI) its commands run as `postgres`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../../packages/server/src/testing/free-port.ts';
import { startLocalS3, type LocalS3 } from '../../packages/server/src/testing/s3rver.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PG_BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find((dir) => fs.existsSync(path.join(dir, 'initdb')));
const AS_ROOT = process.getuid?.() === 0;

/** Run a PostgreSQL program, as `postgres` when we are root. */
function pgTool(tool: string, args: string[]): string {
  if (!PG_BIN) throw new Error('PostgreSQL server binaries not found: apt-get install postgresql (see .ci/run)');
  const binary = path.join(PG_BIN, tool);
  const [command, fullArgs] = AS_ROOT ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  return execFileSync(command, fullArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000, gaveUp: () => string | null = () => null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    const reason = gaveUp();
    if (reason) throw new Error(`${what}: ${reason}`);
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}

export interface PgServer {
  port: number;
  dataDir: string;
  url(database?: string): string;
  stop(): void;
}

function pgOptions(port: number, socketDir: string): string {
  // Loopback only; durability off (a test cluster; the app servers, not PostgreSQL, are killed).
  return `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${socketDir} -c fsync=off -c synchronous_commit=off -c max_connections=300 -c wal_level=replica -c max_wal_senders=5 -c hot_standby=on`;
}

function startPg(dataDir: string, port: number, socketDir: string, log: string): PgServer {
  pgTool('pg_ctl', ['-D', dataDir, '-l', log, '-o', pgOptions(port, socketDir), '-w', '-t', '60', 'start']);
  return {
    port,
    dataDir,
    url: (database = 'netra') => `postgresql://netra@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        pgTool('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } catch {
        // already stopped
      }
    },
  };
}

export async function startPostgresPair(base: string): Promise<{ primary: PgServer; replica: PgServer }> {
  const socketDir = path.join(base, 'sockets');
  const primaryDir = path.join(base, 'pg-primary');
  const replicaDir = path.join(base, 'pg-replica');
  const logDir = path.join(base, 'pg-logs');
  // Directories PostgreSQL writes to belong to its user (as root: `postgres`).
  for (const dir of [socketDir, logDir, primaryDir, replicaDir]) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (AS_ROOT) execFileSync('chown', ['postgres:postgres', dir]);
  }
  pgTool('initdb', ['-D', primaryDir, '-U', 'netra', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const primary = startPg(primaryDir, await freePort(), socketDir, path.join(logDir, 'primary.log'));
  const admin = new pg.Client({ connectionString: primary.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE netra');
  await admin.end();
  pgTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'netra', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast']);
  const replica = startPg(replicaDir, await freePort(), socketDir, path.join(logDir, 'replica.log'));
  await waitFor('the replica accepting reads in recovery', async () => {
    const client = new pg.Client({ connectionString: replica.url() });
    await client.connect();
    try {
      return (await client.query('SELECT pg_is_in_recovery() AS r')).rows[0].r === true;
    } finally {
      await client.end();
    }
  });
  return { primary, replica };
}

export interface NetraServer {
  name: string;
  port: number;
  child: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startNetra(name: string, base: string, env: Record<string, string>): Promise<NetraServer> {
  const port = await freePort();
  const dataDir = path.join(base, name);
  fs.mkdirSync(dataDir, { recursive: true });
  let output = '';
  const child = spawn(process.execPath, ['packages/server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NETRA_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const server: NetraServer = {
    name,
    port,
    child,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000).unref())]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  await waitFor(
    `${name} healthy`,
    async () => (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok,
    150_000,
    () => (child.exitCode !== null ? `exited with ${child.exitCode}` : null),
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });
  return server;
}

/** deploy/nginx/netra.conf with loopback upstreams, port and cache directory, inside a minimal main config. */
export function renderNginxConfig(base: string, port: number, upstreams: number[]): string {
  const site = fs.readFileSync(path.join(ROOT, 'deploy/nginx/netra.conf'), 'utf8');
  const replace = (text: string, marker: string, body: string) => {
    const pattern = new RegExp(`# BEGIN ${marker}\\n[\\s\\S]*?# END ${marker}\\n`);
    if (!pattern.test(text)) throw new Error(`deploy/nginx/netra.conf lost its ${marker} markers`);
    return text.replace(pattern, body);
  };
  let rendered = replace(site, 'upstreams', `upstream netra_app {\n${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}\n    keepalive 64;\n}\n`);
  rendered = replace(rendered, 'cache-path', `proxy_cache_path ${base}/nginx/cache levels=1:2 keys_zone=netra_public:10m max_size=100m inactive=1h use_temp_path=off;\n`);
  rendered = rendered.replace(/    # BEGIN listen\n[\s\S]*?    # END listen\n/, `    listen 127.0.0.1:${port};\n    server_name _;\n`);
  const temp = (name: string) => `${base}/nginx/${name}`;
  return [
    'daemon off;',
    'worker_processes 2;',
    `pid ${temp('nginx.pid')};`,
    `error_log ${temp('error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    `  access_log ${temp('access.log')};`,
    `  client_body_temp_path ${temp('body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    rendered,
    '}',
    '',
  ].join('\n');
}

export interface Nginx {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(base: string, upstreams: number[]): Promise<Nginx> {
  const port = await freePort();
  const dir = path.join(base, 'nginx');
  fs.mkdirSync(path.join(dir, 'cache'), { recursive: true });
  // Workers run as an unprivileged user when nginx starts as root: let them use the directory.
  fs.chmodSync(dir, 0o777);
  fs.chmodSync(path.join(dir, 'cache'), 0o777);
  const config = path.join(dir, 'nginx.conf');
  fs.writeFileSync(config, renderNginxConfig(base, port, upstreams));
  execFileSync('nginx', ['-t', '-q', '-c', config, '-p', dir], { stdio: 'pipe' });
  const child = spawn('nginx', ['-c', config, '-p', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('nginx answering', async () => (await fetch(`${url}/api/v1/health`)).ok, 30_000);
  return {
    port,
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export interface Cluster {
  base: string;
  primary: PgServer;
  replica: PgServer;
  s3: LocalS3;
  servers: NetraServer[];
  nginx: Nginx;
  encryptionKey: string;
  serverEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** Everything up: PostgreSQL pair, S3, the first server (migrations, demo data), two more, nginx. */
export async function startCluster(options: { serverEnv?: Record<string, string> } = {}): Promise<Cluster> {
  if (!fs.existsSync(path.join(ROOT, 'packages/server/dist/main.js'))) throw new Error('No production build: run `npm run build` first.');
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-cluster-'));
  fs.chmodSync(base, 0o755);
  const stops: Array<() => unknown> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => {});
    fs.rmSync(base, { recursive: true, force: true });
  };
  try {
    const { primary, replica } = await startPostgresPair(base);
    stops.push(() => primary.stop(), () => replica.stop());
    const s3 = await startLocalS3({ directory: path.join(base, 's3') });
    stops.push(() => s3.stop());
    const encryptionKey = randomBytes(32).toString('base64');
    const serverEnv: Record<string, string> = {
      ...s3.env,
      DATABASE_URL: primary.url(),
      DATABASE_READ_URL: replica.url(),
      NETRA_ENCRYPTION_KEY: encryptionKey,
      NETRA_TRUST_PROXY: '127.0.0.1',
      // Every burst client comes through the one proxy address.
      NETRA_REPORTS_PER_HOUR: '100000',
      // The dashboards refresh every minute here (every five in production), to see a schedule run.
      NETRA_JOB_SCHEDULES: 'dashboard-refresh=* * * * *',
      ...options.serverEnv,
    };
    const servers: NetraServer[] = [];
    stops.push(() => Promise.all(servers.map((s) => s.kill())));
    servers.push(await startNetra('app1', base, { ...serverEnv, NETRA_DEMO: '1' }));
    servers.push(...(await Promise.all(['app2', 'app3'].map((name) => startNetra(name, base, { ...serverEnv, NETRA_DEMO: '0' })))));
    const nginx = await startNginx(
      base,
      servers.map((s) => s.port),
    );
    stops.push(() => nginx.stop());
    return { base, primary, replica, s3, servers, nginx, encryptionKey, serverEnv, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
