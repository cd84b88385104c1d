/**
 * Keys that cannot be mixed up. The database records a fingerprint of the encryption key (an
 * HMAC of a fixed label under the key: it identifies the key without revealing it). A server
 * whose key does not match refuses to start with a message that says what to do, instead of
 * silently writing data that no other server can read, or failing on every reporter identity.
 *
 * The tracking secrets of reports and the evidence links are HMACs under a key derived from the
 * "HMAC root". Before fingerprints existed that root was the encryption key itself; it is kept
 * (sealed with the encryption key) in netra_meta, so a rotation changes the encryption key
 * without invalidating any reporter's receipt.
 *
 * Rotation (`netra keys rotate`, rotateEncryptionKey): in one transaction, every reporter
 * identity's data key (security/vault.ts), TOTP secret and the sealed HMAC root is decrypted with
 * the old key and encrypted with the new one, and the new fingerprint recorded; servers still holding the old key then refuse to start.
 * (The audit log is a plain hash chain, with no key of its own to check.)
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { decrypt, encrypt } from './encryption.ts';
import * as repo from './keys.repository.ts';
import { resealLegacyIdentities, rewrapIdentityKeys } from './vault.ts';

export function keyFingerprint(key: Buffer): string {
  return `hmac-sha256:${createHmac('sha256', key).update('netra:key-fingerprint:v1').digest('hex').slice(0, 32)}`;
}

export class KeyMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      [
        'NETRA_ENCRYPTION_KEY tidak cocok dengan kunci basis data ini / does not match the key this database was encrypted with.',
        `  database: ${expected}`,
        `  server:   ${actual}`,
        'Start every server with the same key: the one you backed up (NETRA_ENCRYPTION_KEY, or the key file <NETRA_DATA_DIR>/keys/encryption.key of the first server).',
        'Mulai semua server dengan kunci yang sama (cadangan NETRA_ENCRYPTION_KEY atau berkas kunci server pertama). To change the key, run `netra keys rotate` with the current key.',
      ].join('\n'),
    );
  }
}

function canDecrypt(key: Buffer, sealed: string): boolean {
  try {
    decrypt(key, sealed);
    return true;
  } catch {
    return false;
  }
}

export interface CheckedKeys {
  /** The root of the HMACs (tracking secrets, evidence links), stable across rotations. */
  hmacKey: Buffer;
  /** Whether this start recorded the fingerprint (first start, or data from before fingerprints). */
  recorded: boolean;
}

/**
 * Compare the key with the database's fingerprint (record it on first start); returns the HMAC
 * root. A database that has encrypted data but no fingerprint (made before fingerprints) is
 * checked by decrypting one value.
 */
export async function checkEncryptionKey(db: Db, key: Buffer): Promise<CheckedKeys> {
  const actual = keyFingerprint(key);
  return db.transaction().execute(async (trx) => {
    await repo.lockKeys(trx);
    const expected = await repo.readMeta(trx, repo.ENCRYPTION_FINGERPRINT);
    let recorded = false;
    if (expected === null) {
      const sample = await repo.anySealedValue(trx);
      if (sample !== null && !canDecrypt(key, sample)) throw new KeyMismatchError('(unrecorded; existing data was encrypted with another key)', actual);
      await repo.writeMeta(trx, repo.ENCRYPTION_FINGERPRINT, actual);
      recorded = true;
    } else if (expected !== actual) {
      throw new KeyMismatchError(expected, actual);
    }
    const sealedRoot = await repo.readMeta(trx, repo.HMAC_ROOT);
    if (sealedRoot === null) {
      // Until now the HMACs were keyed by the encryption key itself: it becomes the root.
      await repo.writeMeta(trx, repo.HMAC_ROOT, encrypt(key, key.toString('base64')));
      return { hmacKey: key, recorded };
    }
    return { hmacKey: Buffer.from(decrypt(key, sealedRoot), 'base64'), recorded };
  });
}

export interface RotationResult {
  /** Identity data keys re-wrapped, plus legacy identities re-sealed. */
  identities: number;
  totpSecrets: number;
  oldFingerprint: string;
  newFingerprint: string;
}

/** Re-encrypt every sealed field from `oldKey` to `newKey`, in one transaction. */
export async function rotateEncryptionKey(db: Db, oldKey: Buffer, newKey: Buffer): Promise<RotationResult> {
  if (newKey.length !== 32) throw new Error('The new key must be 32 bytes, base64-encoded');
  if (newKey.equals(oldKey)) throw new Error('The new key is the same as the current one');
  await checkEncryptionKey(db, oldKey);
  return db.transaction().execute(async (trx) => {
    await repo.lockKeys(trx);
    const expected = await repo.readMeta(trx, repo.ENCRYPTION_FINGERPRINT);
    if (expected !== keyFingerprint(oldKey)) throw new KeyMismatchError(expected ?? '(none)', keyFingerprint(oldKey));
    const reseal = (sealed: string) => encrypt(newKey, decrypt(oldKey, sealed));
    // Only identities still sealed with the master key; the others are re-wrapped through their data keys.
    const identities = await resealLegacyIdentities(trx, reseal);
    const dataKeys = await rewrapIdentityKeys(trx, oldKey, newKey);
    const secrets = await repo.sealedTotpSecrets(trx);
    for (const row of secrets) await repo.setSealedTotpSecret(trx, row.id, reseal(row.sealed));
    const root = await repo.readMeta(trx, repo.HMAC_ROOT);
    if (root !== null) await repo.writeMeta(trx, repo.HMAC_ROOT, reseal(root));
    await repo.writeMeta(trx, repo.ENCRYPTION_FINGERPRINT, keyFingerprint(newKey));
    return { identities: identities + dataKeys, totpSecrets: secrets.length, oldFingerprint: expected, newFingerprint: keyFingerprint(newKey) };
  });
}

export function newEncryptionKey(): Buffer {
  return randomBytes(32);
}
