/**
 * Shared invalidation of the public read cache: one LISTEN connection per server to the primary
 * (notifications do not reach hot-standby replicas). A dashboards refresh on any server sends
 * NOTIFY on PUBLIC_DATA_CHANNEL with the refresh time; every server's cache moves to that
 * generation. The connection is re-opened after a failure; until then the cache's TTL bounds
 * how stale an answer can be.
 */
import pg from 'pg';
import { PUBLIC_DATA_CHANNEL, type PublicCache } from './public-cache.ts';

export interface Listener {
  /** Resolves once LISTEN is in place (for tests). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function listenForPublicData(connectionString: string, cache: PublicCache, options: { retryMs?: number; onError?: (error: Error) => void } = {}): Listener {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString, application_name: 'netra-listen' });
    const retry = (error: Error) => {
      options.onError?.(error);
      next.removeAllListeners();
      next.end().catch(() => {});
      if (client === next) client = null;
      // Whatever happened while we were not listening: start a new generation.
      cache.invalidate();
      if (!stopped) timer = setTimeout(() => void connect(), options.retryMs ?? 2000);
    };
    next.on('error', retry);
    next.on('notification', (message) => {
      if (message.channel === PUBLIC_DATA_CHANNEL) cache.invalidate(message.payload || undefined);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLIC_DATA_CHANNEL}`);
      client = next;
      markReady();
    } catch (error) {
      retry(error as Error);
    }
  };
  void connect();

  return {
    ready,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
