/**
 * Runtime configuration from the environment. Every setting has a default that makes
 * `npm start` work on a fresh machine; production overrides them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  port: number;
  host: string;
  /** An external PostgreSQL; when absent Netra runs its own embedded one. */
  databaseUrl: string | null;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  embeddedPostgresPort: number;
  /** Load fictional demo data on first start. */
  demoData: boolean;
  /** The built web app served at /. */
  webDist: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(REPO_ROOT, env.NETRA_DATA_DIR ?? '.netra');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    embeddedPostgresPort: Number(env.NETRA_PG_PORT ?? 54329),
    demoData: env.NETRA_DEMO !== '0',
    webDist: path.resolve(REPO_ROOT, env.NETRA_WEB_DIST ?? 'packages/web/dist'),
  };
}
