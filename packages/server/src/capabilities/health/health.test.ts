import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { connectDatabase } from '../../db/database.ts';
import { registerHealthProbe } from './service.ts';
import { localFileStore } from '../../storage/local-store.ts';
import { freePort } from '../../testing/free-port.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

describe('GET /api/v1/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('reports each part up, without versions', async () => {
    const res = await t.app.inject('/api/v1/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ok', down: [], parts: { database: { up: true }, storage: { up: true } }, database: { up: true } });
    expect(res.body).not.toMatch(/18\.\d|PostgreSQL|version/i);
  });

  it('names a registered part that is down (the supervised PostgreSQL restarting)', async () => {
    const unregister = registerHealthProbe('embeddedPostgres', () => ({ up: false, state: 'restarting' }));
    try {
      const res = await t.app.inject('/api/v1/health');
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ status: 'degraded', down: ['embeddedPostgres'], parts: { embeddedPostgres: { up: false, state: 'restarting' } } });
    } finally {
      unregister();
    }
  });

  it('answers 503 when the database is unreachable, instead of pretending to be healthy', async () => {
    const unreachable = connectDatabase(`postgresql://netra:netra@127.0.0.1:${await freePort()}/netra`, 1);
    const app = await buildApp({ db: unreachable.db, readDb: unreachable.db, now: () => new Date(), encryptionKey: Buffer.alloc(32), hmacKey: Buffer.alloc(32), evidenceDir: '/nonexistent', files: localFileStore('/nonexistent') });
    try {
      const res = await app.inject('/api/v1/health');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'degraded', down: expect.arrayContaining(['database']), database: { up: false } });
      expect(res.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
      // Any route that needs the database answers 503 with Retry-After, not 500.
      const elections = await app.inject('/api/v1/elections');
      expect(elections.statusCode).toBe(503);
      expect(elections.headers['retry-after']).toBe('5');
      expect(elections.json().error.code).toBe('database_unavailable');
    } finally {
      await app.close();
      await unreachable.close();
    }
  });
});
