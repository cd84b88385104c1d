/**
 * Anonymity by design (issue 11): after an anonymous public report is filed and
 * tracked, the sender's address and user agent are found in no table of any schema and
 * in no log line; every log line of a request carries its request id, and a server error (a 500)
 * leaves a line with its cause under the id the client was given.
 */
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { fictionalReport, jpegWithExif, submitReport } from '../../testing/reports.ts';

const ADDRESS = '198.51.100.203';
const AGENT = 'Mozilla/5.0 (Linux; Android 14; PonselFiktifAnonim) NetraUji/2.0';
const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  t = await createTestApp({ logger: 'info', logStream });
});
afterAll(async () => t?.close());

const from = { 'x-forwarded-for': ADDRESS, 'user-agent': AGENT };

describe('an anonymous public reporter leaves no address or user agent behind', () => {
  let requestIds: string[] = [];

  it('files an anonymous report with a photo and tracks it (once with a wrong secret)', async () => {
    const filed = await submitReport(t, fictionalReport({ reportedName: 'Wulan Anggraini Fiktif' }), [{ name: 'foto.jpg', data: await jpegWithExif(), type: 'image/jpeg' }], {
      ip: ADDRESS,
      headers: { 'user-agent': AGENT, 'idempotency-key': 'anonim-uji-0001-fiktif' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const { receiptNumber, secret } = filed.json();
    const track = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track', headers: from, payload: { receiptNumber, secret } });
    expect(track.statusCode, track.body).toBe(200);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track', headers: from, payload: { receiptNumber, secret: 'SALAH-SALAH-SALAH-SALA' } });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    requestIds = [filed, track, wrong].map((r) => String(r.headers['x-request-id']));
  });

  it('is in no table of any schema', async () => {
    const tables = await sql<{ schema: string; name: string }>`
      SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(t.ctx.db);
    // The scan reaches the tables a report writes to (a scan of nothing would prove nothing).
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['reports', 'audit_log', 'evidence', 'rate_limit_hits', 'case_events']));
    const hits: string[] = [];
    for (const { schema, name } of tables.rows) {
      const found = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM ${sql.table(`${schema}.${name}`)} AS x
         WHERE to_jsonb(x)::text LIKE ${`%${ADDRESS}%`} OR to_jsonb(x)::text LIKE '%PonselFiktifAnonim%'`.execute(t.ctx.db);
      if (found.rows[0]!.n > 0) hits.push(`${schema}.${name}: ${found.rows[0]!.n}`);
    }
    expect(hits).toEqual([]);
    // The per-address limits did count the sender: under a keyed hash.
    expect(Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM rate_limit_hits`.execute(t.ctx.db)).rows[0]!.n)).toBeGreaterThan(0);
  });

  it('is in no log line, and every line of those requests carries its request id', async () => {
    expect(lines.length).toBeGreaterThan(0);
    const parsed = lines.map((line) => JSON.parse(line) as { reqId?: string; msg?: string });
    const ours = parsed.filter((l) => l.reqId && requestIds.includes(l.reqId));
    // Fastify's "incoming request" and "request completed" for each of the three.
    expect(ours.length).toBeGreaterThanOrEqual(6);
    expect(lines.filter((line) => line.includes(ADDRESS) || line.includes('PonselFiktifAnonim') || line.includes('anonim-uji-0001'))).toEqual([]);
  });
});

describe('a server error leaves a trace', () => {
  it('logs a 500 with its cause under the request id sent to the client, and answers in the error shape', async () => {
    await sql`ALTER TABLE elections RENAME TO elections_away`.execute(t.ctx.db);
    let res;
    try {
      res = await t.app.inject({ method: 'GET', url: '/api/v1/elections', headers: from });
    } finally {
      await sql`ALTER TABLE elections_away RENAME TO elections`.execute(t.ctx.db);
    }
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal_error');
    const id = String(res.headers['x-request-id']);
    const errorLine = lines.map((line) => JSON.parse(line) as { level: number; reqId?: string; err?: { message?: string; stack?: string } }).find((l) => l.reqId === id && l.level >= 50);
    expect(errorLine?.err?.message).toMatch(/elections/);
    expect(errorLine?.err?.stack).toBeTruthy();
    // The answer does not leak the cause.
    expect(res.body).not.toMatch(/elections/);
    expect(lines.filter((line) => line.includes(ADDRESS) || line.includes('PonselFiktifAnonim'))).toEqual([]);
  });
});
