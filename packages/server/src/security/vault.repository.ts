/**
 * The per-identity data keys (identity_keys): each wrapped by the master encryption key; a
 * destroyed key keeps its row (when it was destroyed) but not its key material.
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';

export async function insertKey(trx: Db | Trx, wrapped: string): Promise<string> {
  const row = await trx.insertInto('identity_keys').values({ wrapped }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findKey(db: Db | Trx, id: string) {
  return db.selectFrom('identity_keys').select(['wrapped', 'destroyed_at as destroyedAt']).where('id', '=', id).executeTakeFirst();
}

/** Destroy the key material; answers the ids actually destroyed now (not already gone). */
export async function destroyKeys(trx: Db | Trx, ids: readonly string[], at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .updateTable('identity_keys')
    .set({ wrapped: null, destroyed_at: at })
    .where('id', 'in', ids)
    .where('wrapped', 'is not', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function wrappedKeys(trx: Trx) {
  return trx.selectFrom('identity_keys').select(['id', 'wrapped']).where('wrapped', 'is not', null).orderBy('id').execute() as Promise<Array<{ id: string; wrapped: string }>>;
}

export async function setWrappedKey(trx: Trx, id: string, wrapped: string): Promise<void> {
  await trx.updateTable('identity_keys').set({ wrapped }).where('id', '=', id).execute();
}

export async function anyWrappedKey(db: Db | Trx): Promise<string | null> {
  const row = await db.selectFrom('identity_keys').select('wrapped').where('wrapped', 'is not', null).limit(1).executeTakeFirst();
  return row?.wrapped ?? null;
}

/** Identities still sealed directly with the master key (before per-identity keys). */
export async function legacyIdentities(trx: Trx) {
  return trx.selectFrom('reporter_identities').select(['report_id as reportId', 'sealed']).where('sealed', 'like', 'v1:%').orderBy('report_id').execute();
}

export async function setSealedIdentity(trx: Trx, reportId: string, sealed: string): Promise<void> {
  await trx.updateTable('reporter_identities').set({ sealed }).where('report_id', '=', reportId).execute();
}

/** One upgrade at a time across servers. */
export async function lockVault(trx: Trx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7351013)`.execute(trx);
}
