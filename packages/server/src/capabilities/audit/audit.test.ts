import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chainLink, entryMac } from '@netra/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../command-line/run.ts';
import type { AppContext } from '../../context.ts';
import { connectDatabase } from '../../db/database.ts';
import { ensureRuntimeRole, runtimeRoleUrl } from '../../db/runtime-role.ts';
import { localFileStore } from '../../storage/local-store.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { auditKeys, sequenceAudit, writeCheckpoint } from './chain.ts';
import { entryOf } from './repository.ts';
import { appendAudit, recordAudit, verifyAuditChain } from './service.ts';

/** As the owner (a superuser here) could: bypass the append-only trigger for one statement. */
async function tamper(ctx: AppContext, statement: ReturnType<typeof sql>) {
  await ctx.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

describe('audit log: the keyed chain', () => {
  let t: TestApp;
  let ctx: AppContext;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-audit-'));
  const saved = { dir: process.env.NETRA_DATA_DIR, key: process.env.NETRA_ENCRYPTION_KEY, storage: process.env.NETRA_STORAGE };

  beforeAll(async () => {
    t = await createTestApp();
    // The CLI finds the same key and the same file store (checkpoints) as the server.
    ctx = { ...t.ctx, files: localFileStore(path.join(dataDir, 'evidence')) };
    process.env.NETRA_DATA_DIR = dataDir;
    process.env.NETRA_ENCRYPTION_KEY = t.ctx.encryptionKey.toString('base64');
    delete process.env.NETRA_STORAGE;
    for (let i = 0; i < 25; i++) {
      await recordAudit(ctx.db, { actorId: null, action: 'test.event', entityType: 'case', entityId: `C-${i}`, data: { i, note: 'Catatan uji ü' } });
    }
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    for (const [name, value] of [['NETRA_DATA_DIR', saved.dir], ['NETRA_ENCRYPTION_KEY', saved.key], ['NETRA_STORAGE', saved.storage]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const code = await runCli(argv, { print: (l) => out.push(l), progress: () => {}, error: (l) => out.push(l), openDatabase: async () => ({ db: ctx.db, close: async () => {} }) });
    return { code, out: out.join('\n') };
  };

  it('links the entries with keyed hashes and verifies page by page, and the CLI agrees', async () => {
    expect(await sequenceAudit(ctx)).toBe(25);
    const result = await verifyAuditChain(ctx, { pageSize: 7 });
    expect(result).toMatchObject({ ok: true, count: 25, pending: 0, head: { position: 25 } });
    // A link does not recompute under another key (the key never enters the database).
    const link = await ctx.db.selectFrom('audit_chain').selectAll().where('position', '=', 1).executeTakeFirstOrThrow();
    const entry = entryOf(await ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', link.audit_seq).executeTakeFirstOrThrow());
    expect(entryMac(auditKeys(ctx.hmacKey).chainKey, entry)).toBe(link.entry_mac);
    expect(entryMac(Buffer.alloc(32), entry)).not.toBe(link.entry_mac);
    const run = await cli('audit', 'verify');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/utuh: 25 entri/);
  });

  it('appends without a lock: concurrent writers all end up in one sound chain', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => recordAudit(ctx.db, { actorId: null, action: 'test.concurrent', entityType: 'case', entityId: `P-${i}` })));
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, count: 55 });
  });

  it('an entry rolled back with its transaction leaves a harmless gap in seq, not in the chain', async () => {
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actorId: null, action: 'test.rolled_back', entityType: 'case', entityId: 'R' });
        throw new Error('crash mid-write');
      }),
    ).rejects.toThrow('crash mid-write');
    await recordAudit(ctx.db, { actorId: null, action: 'test.after', entityType: 'case', entityId: 'A' });
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, count: 56 });
  });

  it('writes a signed checkpoint outside the database; the CLI prints one and verifies against a kept copy', async () => {
    const cp = await writeCheckpoint(ctx);
    expect(cp).toMatchObject({ kind: 'netra-audit-checkpoint', position: 56 });
    expect(fs.existsSync(path.join(dataDir, 'evidence', 'audit-checkpoints', 'latest.json'))).toBe(true);
    expect(await writeCheckpoint(ctx)).toBeNull();
    const kept = path.join(dataDir, 'kept.json');
    const printed = await cli('audit', 'checkpoint', '--out', kept, '--lang', 'en');
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/link {8}: 56/);
    const verified = await cli('audit', 'verify', '--checkpoint', kept, '--lang', 'en');
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/matching the checkpoint at link 56/);
    // A checkpoint whose numbers were edited no longer carries a valid signature.
    const forged = { ...JSON.parse(fs.readFileSync(kept, 'utf8')), position: 3 };
    fs.writeFileSync(kept, JSON.stringify(forged));
    expect((await cli('audit', 'verify', '--checkpoint', kept)).code).toBe(1);
  });

  it('is append-only: the database refuses UPDATE and DELETE on the log and its chain', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_chain WHERE position = 1`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('detects a changed entry and names it', async () => {
    const seq = (await ctx.db.selectFrom('audit_chain').select('audit_seq').where('position', '=', 10).executeTakeFirstOrThrow()).audit_seq;
    const before = await ctx.db.selectFrom('audit_log').select('data').where('seq', '=', seq).executeTakeFirstOrThrow();
    await tamper(ctx, sql`UPDATE audit_log SET data = '{"i": 999}' WHERE seq = ${seq}`);
    expect(await verifyAuditChain(ctx, { pageSize: 4 })).toMatchObject({ ok: false, position: 10, seq, reason: 'entry_changed' });
    const run = await cli('audit', 'verify');
    expect(run.code).toBe(1);
    expect(run.out).toMatch(new RegExp(`RUSAK pada entri ${seq}`));
    await tamper(ctx, sql`UPDATE audit_log SET data = ${JSON.stringify(before.data)}::jsonb WHERE seq = ${seq}`);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });

  it('detects deleting the newest entry, and cutting entry and link off the end (against the checkpoint)', async () => {
    const head = await ctx.db.selectFrom('audit_chain').selectAll().orderBy('position', 'desc').limit(1).executeTakeFirstOrThrow();
    const row = await ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', head.audit_seq).executeTakeFirstOrThrow();
    await tamper(ctx, sql`DELETE FROM audit_log WHERE seq = ${head.audit_seq}`);
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: false, position: head.position, seq: head.audit_seq, reason: 'entry_missing' });
    await tamper(ctx, sql`DELETE FROM audit_chain WHERE position = ${head.position}`);
    const cut = await verifyAuditChain(ctx);
    expect(cut).toMatchObject({ ok: false, position: head.position, reason: 'truncated' });
    expect(cut.ok ? '' : cut.message).toMatch(new RegExp(`cut off`));
    // Put both back exactly as they were: intact again.
    await tamper(ctx, sql`INSERT INTO audit_log SELECT * FROM json_populate_record(null::audit_log, ${JSON.stringify({ ...row, data: row.data })}::json)`);
    await tamper(ctx, sql`INSERT INTO audit_chain (position, audit_seq, entry_mac, link, chained_at) VALUES (${head.position}, ${head.audit_seq}, ${head.entry_mac}, ${head.link}, ${head.chained_at})`);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });

  it('detects a consistently rewritten suffix (entries and links recomputed without the key) at its first link', async () => {
    const from = 40;
    const links = await ctx.db.selectFrom('audit_chain').selectAll().where('position', '>=', from).orderBy('position').execute();
    const previous = await ctx.db.selectFrom('audit_chain').select('link').where('position', '=', from - 1).executeTakeFirstOrThrow();
    const forger = Buffer.alloc(32, 7);
    let prior = previous.link;
    await tamper(ctx, sql`DELETE FROM audit_chain WHERE position >= ${from}`);
    for (const l of links) {
      await tamper(ctx, sql`UPDATE audit_log SET action = 'test.rewritten' WHERE seq = ${l.audit_seq}`);
      const entry = entryOf(await ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', l.audit_seq).executeTakeFirstOrThrow());
      const mac = entryMac(forger, entry);
      prior = chainLink(forger, prior, Number(l.position), Number(l.audit_seq), mac);
      await tamper(ctx, sql`INSERT INTO audit_chain (position, audit_seq, entry_mac, link) VALUES (${l.position}, ${l.audit_seq}, ${mac}, ${prior})`);
    }
    expect(await verifyAuditChain(ctx)).toMatchObject({ ok: false, position: from, seq: Number(links[0]!.audit_seq), reason: 'entry_changed' });
  });
});

describe('the runtime database role', () => {
  let t: TestApp;
  const role = `netra_app_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    const url = new URL((t.database.pool.options as { connectionString: string }).connectionString);
    url.pathname = '/postgres';
    const admin = connectDatabase(url.toString(), 1);
    await sql`DROP ROLE IF EXISTS ${sql.id(role)}`.execute(admin.db);
    await admin.close();
  });

  it('may read and append the audit log but neither change it nor disable its trigger; it owns the rest', async () => {
    await ensureRuntimeRole(t.ctx.db, t.ctx.hmacKey, role);
    await ensureRuntimeRole(t.ctx.db, t.ctx.hmacKey, role); // idempotent
    const ownerUrl = (t.database.pool.options as { connectionString: string }).connectionString;
    const app = connectDatabase(runtimeRoleUrl(ownerUrl, t.ctx.hmacKey, role), 2);
    try {
      const seq = await recordAudit(app.db, { actorId: null, action: 'test.as_runtime', entityType: 'case', entityId: 'X' });
      expect(seq).toBeGreaterThan(0);
      await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = ${seq}`.execute(app.db)).rejects.toThrow(/permission denied/);
      await expect(sql`DELETE FROM audit_log`.execute(app.db)).rejects.toThrow(/permission denied/);
      await expect(sql`TRUNCATE audit_log`.execute(app.db)).rejects.toThrow(/permission denied/);
      await expect(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(app.db)).rejects.toThrow(/must be owner/);
      await expect(sql`DROP TRIGGER audit_log_no_change ON audit_log`.execute(app.db)).rejects.toThrow(/must be owner/);
      await expect(sql`SET session_replication_role = replica`.execute(app.db)).rejects.toThrow(/permission denied/);
      await expect(sql`DELETE FROM audit_chain`.execute(app.db)).rejects.toThrow(/permission denied/);
      await expect(sql`DELETE FROM kysely_migration`.execute(app.db)).rejects.toThrow(/permission denied/);
      // The sequencer runs as this role.
      expect(await sequenceAudit({ db: app.db, hmacKey: t.ctx.hmacKey })).toBeGreaterThan(0);
      // Everything else is its own: it reads and writes the application's tables.
      const owners = await sql<{ owner: string }>`SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname IN ('reports', 'cases', 'users')`.execute(app.db);
      expect(owners.rows.map((r) => r.owner)).toEqual([role]);
    } finally {
      await app.close();
    }
  });
});
