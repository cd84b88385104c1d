/**
 * Reporter identities under their own keys (crypto-shredding). Each identity is encrypted with a
 * fresh 256-bit data key; the data key is stored wrapped (AES-256-GCM) by the master encryption
 * key in `identity_keys`. The sealed identity reads `k1:<key id>:<v1 ciphertext>`.
 *
 * Forgetting an identity is destroying its data key (destroyIdentityKeys): the ciphertext may
 * survive in replicas, WAL archives and any backup made afterwards, and stays unreadable there
 * even to someone holding the master key. A master-key rotation re-wraps the data keys only.
 *
 * Identities sealed before per-identity keys (`v1:…`, directly with the master key) are moved to
 * their own keys at start (upgradeLegacyIdentities) and still read until then.
 */
import { randomBytes } from 'node:crypto';
import type { Db, Trx } from '../db/database.ts';
import { decrypt, encrypt } from './encryption.ts';
import * as repo from './vault.repository.ts';

const FORMAT = 'k1';

/** The key id inside a sealed identity (null for a legacy one). */
export function identityKeyId(sealed: string): string | null {
  if (!sealed.startsWith(`${FORMAT}:`)) return null;
  const end = sealed.indexOf(':', FORMAT.length + 1);
  return end < 0 ? null : sealed.slice(FORMAT.length + 1, end);
}

/** Seal an identity under a new data key of its own (inside the caller's transaction). */
export async function sealIdentity(trx: Db | Trx, masterKey: Buffer, plaintext: string): Promise<string> {
  const dataKey = randomBytes(32);
  const keyId = await repo.insertKey(trx, encrypt(masterKey, dataKey.toString('base64')));
  return `${FORMAT}:${keyId}:${encrypt(dataKey, plaintext)}`;
}

/** Open a sealed identity; null when its key was destroyed by the retention purge. */
export async function openIdentity(db: Db | Trx, masterKey: Buffer, sealed: string): Promise<string | null> {
  const keyId = identityKeyId(sealed);
  if (keyId === null) return decrypt(masterKey, sealed);
  const key = await repo.findKey(db, keyId);
  if (!key?.wrapped) return null;
  const dataKey = Buffer.from(decrypt(masterKey, key.wrapped), 'base64');
  return decrypt(dataKey, sealed.slice(FORMAT.length + keyId.length + 2));
}

/** Destroy data keys for good; answers the ids destroyed now. */
export function destroyIdentityKeys(trx: Db | Trx, keyIds: readonly string[], at: Date): Promise<string[]> {
  return repo.destroyKeys(trx, keyIds, at);
}

/** Move identities sealed with the master key to keys of their own; answers how many. */
export async function upgradeLegacyIdentities(db: Db, masterKey: Buffer): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await repo.lockVault(trx);
    return resealLegacyIdentities(trx, (sealed) => sealIdentity(trx, masterKey, decrypt(masterKey, sealed)));
  });
}

/** Seal again, with `reseal`, every identity still sealed directly with the master key; answers how many. */
export async function resealLegacyIdentities(trx: Trx, reseal: (sealed: string) => string | Promise<string>): Promise<number> {
  const legacy = await repo.legacyIdentities(trx);
  for (const row of legacy) await repo.setSealedIdentity(trx, row.reportId, await reseal(row.sealed));
  return legacy.length;
}

/** Re-wrap every live data key from one master key to another (key rotation); answers how many. */
export async function rewrapIdentityKeys(trx: Trx, oldKey: Buffer, newKey: Buffer): Promise<number> {
  const keys = await repo.wrappedKeys(trx);
  for (const key of keys) await repo.setWrappedKey(trx, key.id, encrypt(newKey, decrypt(oldKey, key.wrapped)));
  return keys.length;
}

/** A value sealed with the master key, to check a key against: a wrapped data key, if any. */
export function anyWrappedKey(db: Db | Trx): Promise<string | null> {
  return repo.anyWrappedKey(db);
}
