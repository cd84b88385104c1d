import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-database.ts';
import { fictionalReport, submitReport } from '../testing/reports.ts';
import { encrypt } from './encryption.ts';
import { checkEncryptionKey, rotateEncryptionKey } from './keys.ts';
import { destroyIdentityKeys, identityKeyId, openIdentity, sealIdentity, upgradeLegacyIdentities } from './vault.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await checkEncryptionKey(t.ctx.db, t.ctx.encryptionKey);
});
afterAll(async () => {
  await t?.close();
});

describe('identity vault (per-identity keys)', () => {
  it('seals each identity under a key of its own, wrapped by the master key', async () => {
    const a = await sealIdentity(t.ctx.db, t.ctx.encryptionKey, '{"name":"Sari Fiktif"}');
    const b = await sealIdentity(t.ctx.db, t.ctx.encryptionKey, '{"name":"Sari Fiktif"}');
    expect(identityKeyId(a)).not.toBe(identityKeyId(b));
    expect(a).not.toContain('Sari');
    expect(await openIdentity(t.ctx.db, t.ctx.encryptionKey, a)).toBe('{"name":"Sari Fiktif"}');
    await expect(openIdentity(t.ctx.db, randomBytes(32), a)).rejects.toThrow();
  });

  it('a destroyed key makes its identity unreadable for good, and only that one', async () => {
    const a = await sealIdentity(t.ctx.db, t.ctx.encryptionKey, 'satu');
    const b = await sealIdentity(t.ctx.db, t.ctx.encryptionKey, 'dua');
    expect(await destroyIdentityKeys(t.ctx.db, [identityKeyId(a)!], new Date())).toEqual([identityKeyId(a)]);
    expect(await openIdentity(t.ctx.db, t.ctx.encryptionKey, a)).toBeNull();
    expect(await openIdentity(t.ctx.db, t.ctx.encryptionKey, b)).toBe('dua');
    // Destroying again destroys nothing new.
    expect(await destroyIdentityKeys(t.ctx.db, [identityKeyId(a)!], new Date())).toEqual([]);
    const row = await t.ctx.db.selectFrom('identity_keys').selectAll().where('id', '=', identityKeyId(a)!).executeTakeFirstOrThrow();
    expect(row.wrapped).toBeNull();
    expect(row.destroyed_at).not.toBeNull();
  });

  it('the public form seals a named reporter under an own key; legacy identities are moved to own keys', async () => {
    const res = await submitReport(t, fictionalReport({ anonymous: 'false', reporterName: 'Dewi Fiktif', reporterPhone: '+62 812-2222-0000' }));
    expect(res.statusCode, res.body).toBe(201);
    const { receiptNumber } = res.json() as { receiptNumber: string };
    const report = await t.ctx.db.selectFrom('reports').select('id').where('receipt_number', '=', receiptNumber).executeTakeFirstOrThrow();
    const sealed = await t.ctx.db.selectFrom('reporter_identities').select('sealed').where('report_id', '=', report.id).executeTakeFirstOrThrow();
    expect(identityKeyId(sealed.sealed)).not.toBeNull();

    // As sealed before per-identity keys: directly with the master key.
    await t.ctx.db.updateTable('reporter_identities').set({ sealed: encrypt(t.ctx.encryptionKey, '{"name":"Dewi Fiktif"}') }).where('report_id', '=', report.id).execute();
    expect(await upgradeLegacyIdentities(t.ctx.db, t.ctx.encryptionKey)).toBe(1);
    const upgraded = await t.ctx.db.selectFrom('reporter_identities').select('sealed').where('report_id', '=', report.id).executeTakeFirstOrThrow();
    expect(identityKeyId(upgraded.sealed)).not.toBeNull();
    expect(await openIdentity(t.ctx.db, t.ctx.encryptionKey, upgraded.sealed)).toBe('{"name":"Dewi Fiktif"}');
    expect(await upgradeLegacyIdentities(t.ctx.db, t.ctx.encryptionKey)).toBe(0);
  });

  it('a master-key rotation re-wraps live data keys; destroyed ones stay destroyed', async () => {
    const live = await sealIdentity(t.ctx.db, t.ctx.encryptionKey, 'hidup');
    const gone = await sealIdentity(t.ctx.db, t.ctx.encryptionKey, 'hilang');
    await destroyIdentityKeys(t.ctx.db, [identityKeyId(gone)!], new Date());
    const newKey = randomBytes(32);
    await rotateEncryptionKey(t.ctx.db, t.ctx.encryptionKey, newKey);
    expect(await openIdentity(t.ctx.db, newKey, live)).toBe('hidup');
    expect(await openIdentity(t.ctx.db, newKey, gone)).toBeNull();
    await expect(checkEncryptionKey(t.ctx.db, newKey)).resolves.toMatchObject({ recorded: false });
  });
});
