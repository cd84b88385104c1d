import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { connectDatabase } from '../../db/database.ts';
import { localFileStore } from '../../storage/local-store.ts';
import { freePort } from '../../testing/free-port.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

describe('GET /api/v1/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('reports the database up with its version', async () => {
    const res = await t.app.inject('/api/v1/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.database.up).toBe(true);
    expect(body.database.version).toMatch(/^18\./);
  });

  it('answers 503 when the database is unreachable, instead of pretending to be healthy', async () => {
    const unreachable = connectDatabase(`postgresql://netra:netra@127.0.0.1:${await freePort()}/netra`, 1);
    const app = await buildApp({ db: unreachable.db, readDb: unreachable.db, now: () => new Date(), encryptionKey: Buffer.alloc(32), hmacKey: Buffer.alloc(32), evidenceDir: '/nonexistent', files: localFileStore('/nonexistent') });
    try {
      const res = await app.inject('/api/v1/health');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'degraded', database: { up: false } });
    } finally {
      await app.close();
      await unreachable.close();
    }
  });
});
