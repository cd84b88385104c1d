/**
 * Route limits shared by every app server: two apps on one database (two "servers") together
 * allow what one would — the 21st sign-in attempt from an address in a minute is refused on
 * whichever server it lands — while another address is not affected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { createTestApp, type TestApp } from '../testing/test-database.ts';

let t: TestApp;
let second: FastifyInstance;

beforeAll(async () => {
  t = await createTestApp();
  second = await buildApp(t.ctx, { trustProxy: true });
  await second.ready();
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const attempt = (app: FastifyInstance, ip: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': ip }, payload: { email: 'tidak.ada@uji.netra', password: 'salah-sekali-123' } });

describe('shared route rate limits', () => {
  it('counts sign-in attempts of one address across servers and refuses the 21st', async () => {
    const ip = '203.0.113.7';
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push((await attempt(i % 2 === 0 ? t.app : second, ip)).statusCode);
    expect(answers.filter((s) => s === 429)).toEqual([]);
    expect((await attempt(second, ip)).statusCode).toBe(429);
    expect((await attempt(t.app, ip)).statusCode).toBe(429);
    // Another address still gets its own twenty.
    expect((await attempt(second, '203.0.113.8')).statusCode).not.toBe(429);
  });

  it('keeps the counters in PostgreSQL, one per route and client', async () => {
    const { rows } = await t.database.pool.query<{ key: string; hits: number }>('SELECT key, hits FROM rate_limit_hits ORDER BY hits DESC');
    expect(rows[0]).toMatchObject({ hits: 22 });
    expect(rows[0].key).toContain('/api/v1/auth/login');
    // One counter per address (the route may key it by a hash of the address rather than the address).
    expect(rows.filter((r) => r.key.startsWith('POST /api/v1/auth/login|'))).toHaveLength(2);
  });
});

describe('the shared counter gathers hits (issue 11, fifth pass)', () => {
  type Store = { child(o: { groupId: string }): { incr(key: string, cb: (e: Error | null, r?: { current: number; ttl: number }) => void, windowMs: number, max: number): void } };
  const storeOn = async () => {
    const { sharedRateLimitStore } = await import('./rate-limit-store.ts');
    const Ctor = sharedRateLimitStore(t.ctx.db) as unknown as new (o: object) => Store;
    return new Ctor({}).child({ groupId: 'gather-test' });
  };
  const hit = (store: ReturnType<Store['child']>, key: string, max: number) =>
    new Promise<number>((resolve, reject) => store.incr(key, (e, r) => (e ? reject(e) : resolve(r!.current)), 60_000, max));

  it('counts concurrent hits on two servers exactly when the limit is small', async () => {
    const [a, b] = [await storeOn(), await storeOn()];
    const counts = await Promise.all(Array.from({ length: 30 }, (_, i) => hit(i % 2 ? a : b, 'small-limit', 20)));
    expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(counts.filter((c) => c <= 20)).toHaveLength(20);
  });

  it('counts part of a large limit in memory, within the bound, and writes it', async () => {
    const [a, b] = [await storeOn(), await storeOn()];
    const max = 500; // 1 % of it, 5 hits per server, may be counted in memory
    let admitted = 0;
    for (let round = 0; round < 200; round++) {
      const counts = await Promise.all([hit(a, 'large-limit', max), hit(b, 'large-limit', max), hit(a, 'large-limit', max)]);
      admitted += counts.filter((c) => c <= max).length;
    }
    expect(admitted).toBeGreaterThanOrEqual(max);
    expect(admitted).toBeLessThanOrEqual(max + 2 * 5);
    await new Promise((r) => setTimeout(r, 300));
    const { rows } = await t.database.pool.query<{ hits: number }>("SELECT hits FROM rate_limit_hits WHERE key = 'gather-test|large-limit'");
    expect(rows[0].hits).toBe(600);
  });

  it('writes a hit counted in memory even when no other hit follows', async () => {
    const store = await storeOn();
    expect(await hit(store, 'lone', 500)).toBe(1); // the first: counted in PostgreSQL
    expect(await hit(store, 'lone', 500)).toBe(2); // the second: in memory, written soon
    await new Promise((r) => setTimeout(r, 400));
    const { rows } = await t.database.pool.query<{ hits: number }>("SELECT hits FROM rate_limit_hits WHERE key = 'gather-test|lone'");
    expect(rows[0].hits).toBe(2);
  });
});
