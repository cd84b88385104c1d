/**
 * The public read cache: answers that change only when the dashboards refresh (transparency
 * pages), kept per server, serialised once, with an ETag so that browsers, nginx and a CDN can
 * revalidate them (304) and a Cache-Control that lets them serve a slightly stale copy while
 * they fetch a new one.
 *
 * Keyed by the *generation* of the public data: the time of the last dashboards refresh. Every
 * server learns of a refresh through PostgreSQL (LISTEN/NOTIFY on PUBLIC_DATA_CHANNEL, see
 * public-cache-listener.ts), whichever server ran it; entries of an older generation are never
 * served. An entry also expires after `ttlMs`, so a missed notification (a dropped listening
 * connection) costs at most that much staleness. Concurrent misses of one key share one
 * computation, so a surge on a cold key reaches the database once per server.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const PUBLIC_DATA_CHANNEL = 'netra_public_data';

export interface PublicCacheOptions {
  /** How long an entry may be served without a notification (default 60 s). */
  ttlMs?: number;
  /** max-age for browsers and proxies, seconds (default 60). */
  maxAgeSeconds?: number;
  /** stale-while-revalidate, seconds (default 300: the dashboards' refresh interval). */
  staleSeconds?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  generation: string;
  storedAt: number;
  /** The serialised answer, encoded once. */
  body: Buffer;
  etag: string;
}

export interface CacheStats {
  hits: number;
  misses: number;
  notModified: number;
  generation: string;
}

export class PublicCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private generationValue = `start-${Date.now()}`;
  readonly stats: CacheStats = { hits: 0, misses: 0, notModified: 0, generation: this.generationValue };
  readonly cacheControl: string;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: PublicCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
    this.cacheControl = `public, max-age=${options.maxAgeSeconds ?? 60}, stale-while-revalidate=${options.staleSeconds ?? 300}`;
  }

  get generation(): string {
    return this.generationValue;
  }

  /** A new generation of public data (a refresh, here or on another server): older entries are dropped. */
  invalidate(generation: string = `local-${Date.now()}`): void {
    if (generation === this.generationValue) return;
    this.generationValue = generation;
    this.stats.generation = generation;
    this.entries.clear();
  }

  private fresh(entry: Entry | undefined): entry is Entry {
    return entry !== undefined && entry.generation === this.generationValue && this.now() - entry.storedAt < this.ttlMs;
  }

  private async entry(key: string, compute: () => Promise<string>): Promise<Entry> {
    const found = this.entries.get(key);
    if (this.fresh(found)) {
      this.stats.hits += 1;
      return found;
    }
    const running = this.pending.get(key);
    if (running) {
      this.stats.hits += 1;
      return running;
    }
    this.stats.misses += 1;
    const generation = this.generationValue;
    const work = compute()
      .then((body) => {
        const entry: Entry = { generation, storedAt: this.now(), body: Buffer.from(body, 'utf8'), etag: etagOf(body) };
        // Computed across a refresh: serve it to the requests that waited, keep it only if still current.
        if (generation === this.generationValue) {
          if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
          this.entries.set(key, entry);
        }
        return entry;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, work);
    return work;
  }

  /**
   * Answer a public GET from the cache: 304 when the client's If-None-Match names the current
   * ETag, else the stored JSON. `compute` returns what the route would return; it is serialised
   * with the route's own response schema. Errors (404 …) are not cached.
   */
  async serve(request: FastifyRequest, reply: FastifyReply, key: string, compute: () => Promise<unknown>): Promise<FastifyReply> {
    const entry = await this.entry(key, async () => reply.serialize(await compute()) as string);
    reply.header('cache-control', this.cacheControl);
    reply.header('etag', entry.etag);
    reply.header('vary', 'Accept-Language, Accept-Encoding');
    if (matches(request.headers['if-none-match'], entry.etag)) {
      this.stats.notModified += 1;
      return reply.code(304).send();
    }
    return reply.type('application/json; charset=utf-8').send(entry.body);
  }
}

/** Weak: the same JSON may travel compressed or not. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match against an ETag, by the weak comparison RFC 9110 prescribes for it. */
export function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return value.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** The one cache of this process (the listener and the public routes share it). */
export const publicCache = new PublicCache();
