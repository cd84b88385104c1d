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
