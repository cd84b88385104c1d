/** Shared by the benchmarks that boot Netra's embedded PostgreSQL in-process (bootDatabase). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../packages/server/src/config.ts';
import { freePort } from '../../packages/server/src/testing/free-port.ts';

/** A fresh data directory under the system's temp folder, readable by the postgres user. */
export function benchDataDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `netra-bench-${name}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** The configuration `bootDatabase` needs for an embedded PostgreSQL in `dataDir`, without demo data. */
export async function embeddedConfig(dataDir: string) {
  return { port: 0, host: '127.0.0.1', databaseUrl: null, readDatabaseUrl: null, dataDir, embeddedPostgresPort: await freePort(), demoData: false, webDist: path.join(REPO_ROOT, 'packages/web/dist'), trustProxy: false };
}
