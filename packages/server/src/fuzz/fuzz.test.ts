/**
 * The fuzz suite: seeded hostile requests (inputs.ts) against every public route of the API
 * document and a sample of staff routes (signed in as a national Bawaslu officer, so the request
 * reaches validation and SQL rather than the guard). Bounded in count; the seed is printed and
 * can be set with NETRA_FUZZ_SEED to replay a failure, NETRA_FUZZ_RUNS scales the count.
 *
 * What must hold: no answer ≥ 500 (a malformed body, broken multipart, NUL or invalid UTF-8 is
 * the client's fault), every 4xx in the one error shape, and no report stored with a NUL.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-database.ts';
import { staffClient, type StaffClient } from '../testing/staff.ts';
import { fictionalReport, multipartBody } from '../testing/reports.ts';
import { requestFor, type RouteSpec } from './inputs.ts';

const SEED = Number(process.env.NETRA_FUZZ_SEED ?? 20241127);
const SCALE = Number(process.env.NETRA_FUZZ_RUNS ?? 1);
const PUBLIC_RUNS = Math.round(1000 * SCALE);
const STAFF_RUNS = Math.round(90 * SCALE);
/** Staff routes fuzzed with a session: every third one (a different third per seed). */
const STAFF_SAMPLE_EVERY = 3;
/** Routes whose side effects would end the fuzzing session itself. */
const SKIP = new Set(['POST /api/v1/auth/logout']);

let t: TestApp;
let staff: StaffClient;
let routes: RouteSpec[] = [];
const tally = { requests: 0, byStatus: new Map<number, number>(), failures: [] as string[] };

beforeAll(async () => {
  t = await createTestApp({ logger: process.env.NETRA_FUZZ_LOG ? 'error' : false, rateLimitPerMinute: 1_000_000, reports: { submissionsPerHour: 1_000_000, trackingPerHour: 1_000_000 } });
  staff = await staffClient(t, 'bawaslu_national', null);
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((method) => ({ method, path }))
      .filter((r) => !SKIP.has(`${r.method.toUpperCase()} ${r.path}`)),
  );
}, 120_000);

afterAll(async () => {
  const statuses = [...tally.byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}:${n}`).join(' ');
  console.log(`fuzz: ${tally.requests} requests, seed ${SEED}, ${tally.failures.length} answers >= 500 (${statuses})`);
  await t?.close();
});

async function send(options: InjectOptions, as: StaffClient | null): Promise<void> {
  const res = as ? await as.request(options) : await t.app.inject(options);
  tally.requests++;
  tally.byStatus.set(res.statusCode, (tally.byStatus.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode >= 500) {
    tally.failures.push(`${res.statusCode} ${options.method} ${options.url} ${String(options.headers?.['content-type'] ?? '')} → ${res.body.slice(0, 200)}`);
  } else if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
    const body = res.json() as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string') {
      tally.failures.push(`${res.statusCode} without the error shape: ${options.method} ${options.url} → ${res.body.slice(0, 200)}`);
    }
  }
}

/** The routes the public reaches without an account (the rest need a staff session). */
const PUBLIC = /^\/api\/v1\/(health|regions|elections|nip|auth\/login|auth\/session|invitations|reports\/(form|window|track)|transparency)(\/|$)/;
function isStaffRoute(route: RouteSpec): boolean {
  if (route.path === '/api/v1/reports' && route.method === 'post') return false;
  return !PUBLIC.test(route.path);
}

describe('the inputs that used to answer 500', () => {
  it('refuses a NUL in a public report with 400 and names the field, in the caller\'s language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports?lang=en',
      payload: { ...fictionalReport(), anonymous: true, description: 'Ada karakter\u0000 NUL di sini, dalam laporan fiktif yang cukup panjang.' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'body.description', message: 'Text cannot contain a NUL character (\\0).' }]);
    const track = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track', payload: { receiptNumber: 'NTR-2024-\u0000AAA-BBBB', secret: 'x' } });
    expect(track.statusCode).toBe(400);
  });

  it('answers a boundary-less or cut-off multipart body with 400 bad_multipart', async () => {
    const { payload, headers } = await multipartBody(fictionalReport(), [{ name: 'a.jpg', data: Buffer.alloc(2048, 1) }]);
    for (const [contentType, body] of [
      ['multipart/form-data', payload],
      [headers['content-type'], payload.subarray(0, payload.length - 700)],
    ] as const) {
      for (const url of ['/api/v1/reports', '/api/v1/reports/track', '/api/v1/reports/track/information']) {
        const res = await t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType } });
        expect(res.statusCode, `${url} ${contentType}`).toBe(400);
        expect(res.json().error.message).toMatch(/multipart|formulir/i);
      }
    }
  });

  it('answers a malformed percent-encoding in the path with 400 in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions/%C3%28', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'bad_url', message: 'The address is invalid (broken percent-encoding).' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('fuzzing the API', () => {
  it('answers every hostile request to a public route below 500', async () => {
    const publicRoutes: RouteSpec[] = [];
    for (const route of routes) if (!isStaffRoute(route)) publicRoutes.push(route);
    expect(publicRoutes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v1/reports', '/api/v1/reports/track', '/api/v1/auth/login']));
        for (const [i, route] of publicRoutes.entries()) {
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (request) => {
          await send(request, null);
        }),
        { seed: SEED + i, numRuns: PUBLIC_RUNS, endOnFailure: true },
      );
    }
    expect(tally.failures.slice(0, 40)).toEqual([]);
  }, 900_000);

  it('answers hostile requests from a signed-in officer to a sample of staff routes below 500', async () => {
    const staffRoutes: RouteSpec[] = [];
    for (const route of routes) if (isStaffRoute(route)) staffRoutes.push(route);
    const sample = staffRoutes.filter((_, i) => (i + SEED) % STAFF_SAMPLE_EVERY === 0);
    expect(sample.length).toBeGreaterThan(10);
    for (const [i, route] of sample.entries()) {
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (request) => {
          await send(request, staff);
          // The same request without a session: refused, never a crash.
          if (i % 4 === 0) await send(request, null);
        }),
        { seed: SEED + 1000 + i, numRuns: STAFF_RUNS, endOnFailure: true },
      );
    }
    expect(tally.failures.slice(0, 40)).toEqual([]);
  }, 900_000);

  it('kept the session usable and sent the whole count', async () => {
    expect((await staff.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect(tally.requests).toBeGreaterThanOrEqual(Math.floor(20_000 * Math.min(1, SCALE)));
  });
});
