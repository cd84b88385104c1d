import { sql, type Kysely } from 'kysely';

/**
 * The keyed audit chain (capabilities/audit, core audit/keyed-chain.ts). Entries take their seq
 * from a sequence, so writers no longer queue on one lock; the sequencer links committed entries
 * into `audit_chain` with HMAC links under a key kept outside the database. The old unkeyed
 * columns stay for the entries that have them. Both tables refuse UPDATE and DELETE whoever
 * connects; the runtime role owns neither table and may only SELECT and INSERT them, so it can
 * neither TRUNCATE them nor drop or disable the triggers (db/runtime-role.ts). Restore
 * (retention/backup) still empties a freshly migrated database with TRUNCATE as the owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SEQUENCE audit_log_seq OWNED BY audit_log.seq`.execute(db);
  await sql`SELECT setval('audit_log_seq', COALESCE((SELECT max(seq) FROM audit_log), 0) + 1, false)`.execute(db);
  await sql`ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_log_seq')`.execute(db);
  await sql`ALTER TABLE audit_log ALTER COLUMN previous_hash DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL`.execute(db);
  await sql`
    CREATE TABLE audit_chain (
      position bigint PRIMARY KEY,
      audit_seq bigint NOT NULL UNIQUE,
      entry_mac text NOT NULL,
      link text NOT NULL,
      chained_at timestamptz(3) NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TRIGGER audit_chain_no_change BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE audit_chain`.execute(db);
  await sql`ALTER TABLE audit_log ALTER COLUMN seq DROP DEFAULT`.execute(db);
  await sql`DROP SEQUENCE audit_log_seq`.execute(db);
}
