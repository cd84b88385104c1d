/**
 * A Netra server run from source as its own process (`main.ts` through tsx), without demo data:
 * for the tests and benchmarks that kill it, restart it or watch it come back (recovery test,
 * chaos run). Its output goes to `onOutput`, for the failure message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../config.ts';

export function spawnSourceServer(options: { dataDir: string; pgPort: number; port: number; env?: Record<string, string>; onOutput: (text: string) => void }): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NETRA_DATA_DIR: options.dataDir, NETRA_PG_PORT: String(options.pgPort), PORT: String(options.port), HOST: '127.0.0.1', NETRA_DEMO: '0', NETRA_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => options.onOutput(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => options.onOutput(chunk.toString()));
  return child;
}
