/**
 * Key fingerprints and rotation on a real PostgreSQL: the first start records the key, the same
 * key passes, another key is refused with a message that says what to do (also on a database
 * from before fingerprints, by its data), and a rotation re-encrypts identities and TOTP secrets
 * while the HMAC root (tracking secrets) survives it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-database.ts';
import { createStaffAccount } from '../testing/staff.ts';
import { fictionalReport, submitReport } from '../testing/reports.ts';
import { decrypt } from './encryption.ts';
import { openIdentity } from './vault.ts';
import { checkEncryptionKey, KeyMismatchError, keyFingerprint, rotateEncryptionKey } from './keys.ts';
import * as repo from './keys.repository.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('encryption key fingerprint', () => {
  it('refuses another key on a database from before fingerprints, judged by its encrypted data', async () => {
    await createStaffAccount(t, 'bawaslu_regency', '35.10');
    expect(await repo.readMeta(t.ctx.db, repo.ENCRYPTION_FINGERPRINT)).toBeNull();
    await expect(checkEncryptionKey(t.ctx.db, randomBytes(32))).rejects.toBeInstanceOf(KeyMismatchError);
    expect(await repo.readMeta(t.ctx.db, repo.ENCRYPTION_FINGERPRINT)).toBeNull();
  });

  it('records the key on first start; the same key passes, another is refused with what to do', async () => {
    const first = await checkEncryptionKey(t.ctx.db, t.ctx.encryptionKey);
    expect(first.recorded).toBe(true);
    // Before fingerprints the HMACs were keyed by the encryption key: it stays their root.
    expect(first.hmacKey.equals(t.ctx.encryptionKey)).toBe(true);
    expect(await repo.readMeta(t.ctx.db, repo.ENCRYPTION_FINGERPRINT)).toBe(keyFingerprint(t.ctx.encryptionKey));
    const again = await checkEncryptionKey(t.ctx.db, t.ctx.encryptionKey);
    expect(again.recorded).toBe(false);

    const wrong = randomBytes(32);
    const error = await checkEncryptionKey(t.ctx.db, wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyMismatchError);
    const message = (error as Error).message;
    expect(message).toContain(keyFingerprint(t.ctx.encryptionKey));
    expect(message).toContain(keyFingerprint(wrong));
    expect(message).toMatch(/NETRA_ENCRYPTION_KEY/);
    expect(message).toMatch(/netra keys rotate/);
    // The fingerprint identifies the key without revealing it.
    expect(message).not.toContain(t.ctx.encryptionKey.toString('base64'));
  });

  it('rotation re-encrypts identities and TOTP secrets; the old key is refused afterwards, the HMAC root kept', async () => {
    const res = await submitReport(t, fictionalReport({ anonymous: 'false', reporterName: 'Sri Wahyuni Fiktif', reporterPhone: '+62 812-1111-0000' }));
    expect(res.statusCode, res.body).toBe(201);
    const oldKey = t.ctx.encryptionKey;
    const newKey = randomBytes(32);
    const result = await rotateEncryptionKey(t.ctx.db, oldKey, newKey);
    expect(result.identities).toBeGreaterThanOrEqual(1);
    expect(result.totpSecrets).toBeGreaterThanOrEqual(1);
    expect(result.newFingerprint).toBe(keyFingerprint(newKey));

    const identities = await t.ctx.db.selectFrom('reporter_identities').select('sealed').execute();
    for (const { sealed } of identities) {
      await expect(openIdentity(t.ctx.db, oldKey, sealed)).rejects.toThrow();
      expect(await openIdentity(t.ctx.db, newKey, sealed)).toContain('Fiktif');
    }
    const secrets = await t.ctx.db.selectFrom('users').select('totp_secret_encrypted').where('totp_secret_encrypted', 'is not', null).execute();
    for (const row of secrets) expect(decrypt(newKey, row.totp_secret_encrypted!)).toMatch(/^[A-Z2-7]+$/);

    await expect(checkEncryptionKey(t.ctx.db, oldKey)).rejects.toBeInstanceOf(KeyMismatchError);
    const after = await checkEncryptionKey(t.ctx.db, newKey);
    expect(after.hmacKey.equals(oldKey)).toBe(true);
  });

  it('refuses a rotation from a key that is not the current one, or to the same key', async () => {
    await expect(rotateEncryptionKey(t.ctx.db, randomBytes(32), randomBytes(32))).rejects.toBeInstanceOf(KeyMismatchError);
    const key = randomBytes(32);
    await expect(rotateEncryptionKey(t.ctx.db, key, key)).rejects.toThrow(/same/);
  });
});
