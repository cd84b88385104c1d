import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

const columns = [
  'id',
  'email',
  'name',
  'role',
  'scope_region_code as regionCode',
  'scope_agency_ids as agencyIds',
  'totp_enabled as totpEnabled',
  'active',
  'created_at as createdAt',
] as const;

export async function listUsers(db: Db, query: { role?: string; q?: string; limit: number; offset: number }) {
  let base = db.selectFrom('users');
  if (query.role) base = base.where('role', '=', query.role);
  if (query.q) base = base.where((eb) => eb.or([eb('email', 'ilike', `%${query.q}%`), eb('name', 'ilike', `%${query.q}%`)]));
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await base.select(columns).orderBy('email').limit(query.limit).offset(query.offset).execute();
  return { total: Number(total), items };
}

export async function insertUser(
  db: Db,
  user: { email: string; name: string; passwordHash: string; role: string; regionCode: string | null; agencyIds: number[] | null; totpSecretEncrypted?: string | null },
) {
  return db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      role: user.role,
      scope_region_code: user.regionCode,
      scope_agency_ids: user.agencyIds,
      totp_secret_encrypted: user.totpSecretEncrypted ?? null,
      totp_enabled: Boolean(user.totpSecretEncrypted),
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(columns)
    .executeTakeFirst();
}

export async function findAccountByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'email', 'name', 'role', 'scope_region_code', 'scope_agency_ids']).where('email', '=', email).executeTakeFirst();
}

export async function setUserActive(db: Db, id: string, active: boolean) {
  return db.updateTable('users').set({ active }).where('id', '=', id).returning(columns).executeTakeFirst();
}

/** The account's sessions (signing it out everywhere). */
export async function endSessionsOf(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function countExistingAgencies(db: Db, regionCode: string, agencyIds: number[]): Promise<number> {
  const row = await db
    .selectFrom('agencies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', agencyIds)
    // Parenthesised: without them the OR would escape the `id IN (…)` condition above.
    .where(sql<boolean>`(region_code = ${regionCode} OR region_code LIKE ${`${regionCode}.%`})`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
