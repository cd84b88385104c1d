/**
 * The least-privilege role the running server connects as (issue 11). Migrations and seeding run
 * as the owner (the embedded PostgreSQL's `netra`, or DATABASE_URL's user); the server then serves
 * requests as `netra_app`, which
 *
 * - owns the application's tables, views and sequences (it refreshes materialized views, rebuilds
 *   register indexes on a first load, and pg-boss keeps its own schema), but
 * - neither owns nor may change the audit log and its chain: SELECT and INSERT only, so it can
 *   neither UPDATE, DELETE nor TRUNCATE them, nor disable or drop their append-only triggers
 *   (only an owner may), and it cannot run migrations (the migration tables stay the owner's).
 *
 * Its password is derived from the HMAC root (never stored): every server with the key computes
 * it. The owner is made a member of the role, so later migrations can still alter its tables.
 * Re-run on every start (idempotent): objects a new migration created change hands then.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './database.ts';

export const RUNTIME_ROLE = 'netra_app';
/** Owned by the owner role alone; the runtime role may only read and append the first two. */
const OWNER_ONLY = new Set(['audit_log', 'audit_chain', 'audit_log_seq', 'kysely_migration', 'kysely_migration_lock']);
const APPEND_ONLY = ['audit_log', 'audit_chain'];
const SCHEMAS = ['public', 'pgboss'];
const LOCK_KEY = 7_351_010;

export function runtimeRolePassword(hmacRoot: Buffer): string {
  return createHmac('sha256', hmacRoot).update('netra:db-runtime-role:v1').digest('base64url');
}

/** The owner's connection string with the runtime role's user and password. */
export function runtimeRoleUrl(ownerUrl: string, hmacRoot: Buffer, role = RUNTIME_ROLE): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = runtimeRolePassword(hmacRoot);
  return url.toString();
}

const KIND_WORD: Record<string, string> = { r: 'TABLE', p: 'TABLE', f: 'FOREIGN TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', S: 'SEQUENCE' };

/** Create or update the runtime role and hand it the application's objects (see above). */
export async function ensureRuntimeRole(owner: Db, hmacRoot: Buffer, role = RUNTIME_ROLE): Promise<void> {
  const ident = (name: string) => sql.id(name);
  await owner.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = ${role}`.execute(trx);
    if (exists.rows[0]!.n === 0) await sql`CREATE ROLE ${ident(role)} LOGIN`.execute(trx);
    await sql`ALTER ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD ${sql.lit(runtimeRolePassword(hmacRoot))}`.execute(trx);
    const member = await sql<{ member: boolean }>`SELECT pg_has_role(current_user, ${role}, 'USAGE') AS member`.execute(trx);
    if (!member.rows[0]!.member) await sql`GRANT ${ident(role)} TO CURRENT_USER`.execute(trx);
    await sql`GRANT CONNECT, CREATE, TEMPORARY ON DATABASE ${ident((await sql<{ db: string }>`SELECT current_database() AS db`.execute(trx)).rows[0]!.db)} TO ${ident(role)}`.execute(trx);
    await sql`GRANT USAGE, CREATE ON SCHEMA public TO ${ident(role)}`.execute(trx);
    const schemaOwner = await sql<{ owner: string }>`SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'pgboss'`.execute(trx);
    if (schemaOwner.rows[0] && schemaOwner.rows[0].owner !== role) await sql`ALTER SCHEMA pgboss OWNER TO ${ident(role)}`.execute(trx);

    // Relations not owned yet; sequences tied to a column follow their table.
    const relations = await sql<{ schema: string; name: string; kind: string }>`
      SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ANY(${SCHEMAS}) AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
         AND pg_get_userbyid(c.relowner) <> ${role}
         AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
       ORDER BY c.relkind, c.relname`.execute(trx);
    for (const r of relations.rows) {
      if (r.schema === 'public' && OWNER_ONLY.has(r.name)) continue;
      await sql`ALTER ${sql.raw(KIND_WORD[r.kind]!)} ${sql.id(r.schema, r.name)} OWNER TO ${ident(role)}`.execute(trx);
    }
    // pg-boss's functions and enum types, when an older start created them as the owner.
    const routines = await sql<{ signature: string }>`
      SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'pgboss' AND pg_get_userbyid(p.proowner) <> ${role}`.execute(trx);
    for (const r of routines.rows) await sql`ALTER ROUTINE ${sql.raw(r.signature)} OWNER TO ${ident(role)}`.execute(trx);
    const types = await sql<{ name: string }>`
      SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'pgboss' AND t.typtype = 'e' AND pg_get_userbyid(t.typowner) <> ${role}`.execute(trx);
    for (const t of types.rows) await sql`ALTER TYPE ${sql.id('pgboss', t.name)} OWNER TO ${ident(role)}`.execute(trx);

    for (const table of APPEND_ONLY) {
      await sql`REVOKE ALL ON ${sql.table(table)} FROM PUBLIC`.execute(trx);
      await sql`REVOKE ALL ON ${sql.table(table)} FROM ${ident(role)}`.execute(trx);
      await sql`GRANT SELECT, INSERT ON ${sql.table(table)} TO ${ident(role)}`.execute(trx);
    }
    await sql`GRANT USAGE, SELECT ON SEQUENCE audit_log_seq TO ${ident(role)}`.execute(trx);
  });
}
