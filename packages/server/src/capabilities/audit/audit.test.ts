import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { appendAudit, recordAudit, verifyAuditChain } from './repository.ts';

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 25; i++) {
      await recordAudit(t.ctx.db, { actorId: null, action: 'test.event', entityType: 'case', entityId: `C-${i}`, data: { i, note: 'Catatan uji ü' }, ip: '127.0.0.1', userAgent: 'vitest' });
    }
  });
  afterAll(async () => t.close());

  const verifyWithCli = async () => {
    const out: string[] = [];
    const code = await runCli(['audit', 'verify'], {
      print: (l) => out.push(l),
      progress: () => {},
      error: (l) => out.push(l),
      openDatabase: async () => ({ db: t.ctx.db, close: async () => {} }),
    });
    return { code, out: out.join('\n') };
  };

  it('verifies an intact chain, page by page', async () => {
    const result = await verifyAuditChain(t.ctx.db, 7);
    expect(result).toMatchObject({ ok: true, count: 25 });
    const cli = await verifyWithCli();
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(/utuh: 25 entri/);
  });

  it('keeps the chain consistent under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => recordAudit(t.ctx.db, { actorId: null, action: 'test.concurrent', entityType: 'case', entityId: `P-${i}` })),
    );
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, count: 45 });
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
  });

  it('an entry rolled back with its transaction leaves no gap', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actorId: null, action: 'test.rolled_back', entityType: 'case', entityId: 'R' });
        throw new Error('crash mid-write');
      }),
    ).rejects.toThrow('crash mid-write');
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, count: 45 });
  });

  it('detects a tampered row and names the first broken link', async () => {
    // Someone with superuser access bypasses the trigger and edits entry 10's data.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(t.ctx.db);
    await sql`UPDATE audit_log SET data = '{"i": 999}' WHERE seq = 10`.execute(t.ctx.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(t.ctx.db);
    const result = await verifyAuditChain(t.ctx.db, 4);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 10, reason: 'hash_mismatch' });
    const cli = await verifyWithCli();
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/RUSAK pada entri 10/);
  });
});
