/**
 * The rows the key check and the key rotation read and write: the fingerprints and the sealed
 * HMAC root in netra_meta, and every field encrypted with the encryption key (reporters'
 * identities, staff TOTP secrets).
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';

export const ENCRYPTION_FINGERPRINT = 'keys.encryption_fingerprint';
export const HMAC_ROOT = 'keys.hmac_root_sealed';
/** One check or rotation at a time across every server. */
const KEYS_LOCK = 7_351_012;

export async function readMeta(db: Db | Trx, key: string): Promise<string | null> {
  const row = await db.selectFrom('netra_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeMeta(db: Db | Trx, key: string, value: string): Promise<void> {
  await db
    .insertInto('netra_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
    .execute();
}

export async function lockKeys(trx: Trx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${KEYS_LOCK})`.execute(trx);
}

/** One sealed value, to tell a first start with data (restore) from an empty database. */
export async function anySealedValue(db: Db | Trx): Promise<string | null> {
  // Identities sealed under their own data keys (security/vault.ts) are checked through a wrapped key.
  const key = await db.selectFrom('identity_keys').select('wrapped').where('wrapped', 'is not', null).limit(1).executeTakeFirst();
  if (key?.wrapped) return key.wrapped;
  const identity = await db.selectFrom('reporter_identities').select('sealed').where('sealed', 'like', 'v1:%').limit(1).executeTakeFirst();
  if (identity) return identity.sealed;
  const user = await db.selectFrom('users').select('totp_secret_encrypted').where('totp_secret_encrypted', 'is not', null).limit(1).executeTakeFirst();
  return user?.totp_secret_encrypted ?? null;
}

export async function sealedTotpSecrets(trx: Trx) {
  return trx
    .selectFrom('users')
    .select(['id', 'totp_secret_encrypted as sealed'])
    .where('totp_secret_encrypted', 'is not', null)
    .orderBy('id')
    .execute() as Promise<Array<{ id: string; sealed: string }>>;
}

export async function setSealedTotpSecret(trx: Trx, userId: string, sealed: string): Promise<void> {
  await trx.updateTable('users').set({ totp_secret_encrypted: sealed }).where('id', '=', userId).execute();
}
