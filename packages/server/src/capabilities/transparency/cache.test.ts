/**
 * The public read cache on the transparency routes, on a real PostgreSQL: one computation per
 * generation, ETag + 304, Cache-Control for proxies, errors never cached, and invalidation
 * through LISTEN/NOTIFY when the dashboards refresh — also a refresh "on another server" (a
 * NOTIFY this process did not send).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { refreshDashboards } from '../figures/refresh.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { listenForPublicData, type Listener } from '../../http/public-cache-listener.ts';
import { etagOf, matches, PUBLIC_DATA_CHANNEL, PublicCache, publicCache } from '../../http/public-cache.ts';

let t: TestApp;
let listener: Listener;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  const address = new URL(inject('postgresUrl'));
  address.pathname = `/${t.database.name}`;
  url = address.toString();
  await refreshDashboards(t.ctx.db);
  listener = listenForPublicData(url, publicCache);
  await listener.ready;
});
afterAll(async () => {
  await listener?.stop();
  await t?.close();
});

const PAGE = '/api/v1/transparency/pilkada-2024/35.10';

describe('public read cache', () => {
  it('computes once, answers with an ETag and Cache-Control for proxies, and 304 on revalidation', async () => {
    const misses = publicCache.stats.misses;
    const first = await t.app.inject(PAGE);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const etag = String(first.headers.etag);
    expect(etag).toBe(etagOf(first.body));
    expect(first.json().name).toBe('Kabupaten Banyuwangi');

    const burst = await Promise.all(Array.from({ length: 20 }, () => t.app.inject(PAGE)));
    expect(new Set(burst.map((r) => r.body))).toEqual(new Set([first.body]));
    expect(publicCache.stats.misses - misses).toBe(1);

    const revalidated = await t.app.inject({ url: PAGE, headers: { 'if-none-match': etag } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    expect(revalidated.headers.etag).toBe(etag);
    const changed = await t.app.inject({ url: PAGE, headers: { 'if-none-match': 'W/"something-else"' } });
    expect(changed.statusCode).toBe(200);
  });

  it('keeps languages apart and never caches an error', async () => {
    const english = await t.app.inject(`${PAGE}?lang=en`);
    const indonesian = await t.app.inject(PAGE);
    expect(english.headers.etag).not.toBe(indonesian.headers.etag);
    const misses = publicCache.stats.misses;
    expect((await t.app.inject('/api/v1/transparency/pilkada-2024/99.99')).statusCode).toBe(404);
    expect((await t.app.inject('/api/v1/transparency/pilkada-2024/99.99')).statusCode).toBe(404);
    expect(publicCache.stats.misses - misses).toBe(2);
  });

  it('a refresh on another server (a NOTIFY from elsewhere) drops the cached answers here', async () => {
    await t.app.inject(PAGE);
    const misses = publicCache.stats.misses;
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('SELECT pg_notify($1, $2)', [PUBLIC_DATA_CHANNEL, 'refresh-on-another-server']);
    await other.end();
    for (let i = 0; i < 50 && publicCache.generation !== 'refresh-on-another-server'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(publicCache.generation).toBe('refresh-on-another-server');
    await t.app.inject(PAGE);
    expect(publicCache.stats.misses - misses).toBe(1);
  });

  it('a refresh here moves to the refresh time at once', async () => {
    const result = await refreshDashboards(t.ctx.db, { waitForRunning: true });
    expect(publicCache.generation).toBe(result.refreshedAt!.toISOString());
    const page = (await t.app.inject(PAGE)).json();
    expect(page.dataAsOf).toBe(result.refreshedAt!.toISOString());
  });
});

describe('the cache on its own', () => {
  it('expires an entry after its TTL even without a notification', async () => {
    let now = 0;
    const cache = new PublicCache({ ttlMs: 1000, now: () => now });
    let computed = 0;
    const route = async () => {
      computed += 1;
      return { n: computed };
    };
    // A stand-in reply: serve() only needs to serialise and set headers.
    const reply = { serialize: JSON.stringify, header: () => reply, code: () => reply, type: () => reply, send: (b: unknown) => b } as never;
    const request = { headers: {} } as never;
    await cache.serve(request, reply, 'k', route);
    await cache.serve(request, reply, 'k', route);
    expect(computed).toBe(1);
    now = 1500;
    await cache.serve(request, reply, 'k', route);
    expect(computed).toBe(2);
  });

  it('compares If-None-Match weakly, in lists and with *', () => {
    expect(matches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matches('"abc"', 'W/"abc"')).toBe(true);
    expect(matches('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matches('*', 'W/"abc"')).toBe(true);
    expect(matches('"abd"', 'W/"abc"')).toBe(false);
    expect(matches(undefined, 'W/"abc"')).toBe(false);
  });
});
