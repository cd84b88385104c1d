import type { AppContext } from '../../context.ts';
import { databaseStatus, storageStatus } from './repository.ts';

/**
 * What the health answer says about each part: the database (a query), the file store (a lookup),
 * and the parts the running server registers (the supervised embedded PostgreSQL, the job runner).
 * Only up/down and a state word: no versions, hosts or error texts for the public.
 */
export type PartState = { up: boolean; state?: string };
const probes = new Map<string, () => PartState>();

/** A part of the running system that health reports on (main.ts registers the embedded PostgreSQL and jobs). */
export function registerHealthProbe(name: string, probe: () => PartState): () => void {
  probes.set(name, probe);
  return () => probes.delete(name);
}

let storageCache: { at: number; up: boolean } | null = null;
const STORAGE_CHECK_MS = 5_000;

async function storageUp(ctx: AppContext): Promise<boolean> {
  const now = Date.now();
  if (storageCache && now - storageCache.at < STORAGE_CHECK_MS) return storageCache.up;
  const up = await storageStatus(ctx.files).then(() => true, () => false);
  storageCache = { at: now, up };
  return up;
}

/** "ok" when every part is up; "degraded" (503) naming the parts that are not. */
export async function healthReport(ctx: AppContext) {
  const uptimeSeconds = Math.round(process.uptime());
  const database = await databaseStatus(ctx.db).then(
    (status) => ({ up: true, latencyMs: status.latencyMs }),
    () => ({ up: false }),
  );
  const parts: Record<string, PartState> = { database: { up: database.up }, storage: { up: await storageUp(ctx) } };
  for (const [name, probe] of probes) parts[name] = probe();
  const down = Object.entries(parts).filter(([, part]) => !part.up).map(([name]) => name);
  return { status: down.length === 0 ? ('ok' as const) : ('degraded' as const), down, parts, database, uptimeSeconds };
}
