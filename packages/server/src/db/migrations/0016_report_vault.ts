import { sql, type Kysely } from 'kysely';

/**
 * Issue 16: the official report form (Perbawaslu 8/2020 as amended by 9/2024) asks a named
 * reporter for place and date of birth, gender, occupation and nationality, and every report for
 * its witnesses. All of it is personal data and goes into the sealed vault that already holds a
 * named reporter's identity (`reporter_identities.sealed`, AES-256-GCM under the key outside the
 * database, re-encrypted by `netra keys rotate`), never into a plain column.
 *
 * An anonymous report that names witnesses gets a vault row too, marked `named = false`: it holds
 * the witnesses only, so "has a reporter identity" now means a row that is `named`.
 * `witness_count` lets a list say how many witnesses there are without opening the vault.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE reporter_identities ADD COLUMN named boolean NOT NULL DEFAULT true`.execute(db);
  await sql`ALTER TABLE reporter_identities ADD COLUMN witness_count smallint NOT NULL DEFAULT 0 CHECK (witness_count BETWEEN 0 AND 5)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM reporter_identities WHERE NOT named`.execute(db);
  await sql`ALTER TABLE reporter_identities DROP COLUMN witness_count`.execute(db);
  await sql`ALTER TABLE reporter_identities DROP COLUMN named`.execute(db);
}
