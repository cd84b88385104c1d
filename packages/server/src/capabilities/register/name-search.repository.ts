/**
 * The typo-tolerant name index (`asn_name_search`, trigram GIN) kept beside the register.
 * Small imports update it in their own transaction (see merge.repository.ts). After a large one it catches
 * up here, after the commit: the rows the import touched are upserted, or, when they are a large
 * share of the register, the table is rebuilt beside the old one and swapped in, so name search
 * keeps answering (from the previous state) while the new index is built.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { REGISTER_LOCK_KEY } from './merge.repository.ts';

/** Above this share of the register, building a fresh index beats updating it row by row. */
const REBUILD_SHARE = 0.25;

export async function refreshNameSearch(db: Db, touchedSince: Date, touched: number): Promise<'updated' | 'rebuilt'> {
  const { rows } = await sql<{ n: number }>`SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'asn'::regclass`.execute(db);
  const registerSize = Number(rows[0]?.n ?? 0);
  if (registerSize > 0 && touched > registerSize * REBUILD_SHARE) {
    await rebuildNameSearch(db);
    return 'rebuilt';
  }
  await db.transaction().execute(async (trx) => {
    await sql`
      INSERT INTO asn_name_search (asn_id, name_folded)
      SELECT id, netra_fold(name) FROM asn WHERE updated_at >= ${touchedSince}
      ON CONFLICT (asn_id) DO UPDATE SET name_folded = excluded.name_folded
      WHERE asn_name_search.name_folded IS DISTINCT FROM excluded.name_folded`.execute(trx);
  });
  return 'updated';
}

export async function rebuildNameSearch(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Imports wait meanwhile, so none of their in-transaction updates is lost in the swap.
    await sql`SELECT pg_advisory_xact_lock(${REGISTER_LOCK_KEY})`.execute(trx);
    await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(trx);
    await sql`DROP TABLE IF EXISTS asn_name_search_next`.execute(trx);
    await sql`CREATE TABLE asn_name_search_next AS SELECT id AS asn_id, netra_fold(name) AS name_folded FROM asn`.execute(trx);
    await sql`CREATE INDEX asn_name_search_next_trgm_idx ON asn_name_search_next USING gin (name_folded gin_trgm_ops)`.execute(trx);
    await sql`ALTER TABLE asn_name_search_next ALTER COLUMN name_folded SET NOT NULL, ADD PRIMARY KEY (asn_id)`.execute(trx);
    await sql`DROP TABLE asn_name_search`.execute(trx);
    await sql`ALTER TABLE asn_name_search_next RENAME TO asn_name_search`.execute(trx);
    await sql`ALTER INDEX asn_name_search_next_trgm_idx RENAME TO asn_name_search_trgm_idx`.execute(trx);
    await sql`ALTER INDEX asn_name_search_next_pkey RENAME TO asn_name_search_pkey`.execute(trx);
    // Every id was just read from asn: checking the reference again would only re-read 7 million rows.
    await sql`ALTER TABLE asn_name_search ADD CONSTRAINT asn_name_search_asn_id_fkey FOREIGN KEY (asn_id) REFERENCES asn(id) ON DELETE CASCADE NOT VALID`.execute(trx);
  });
}
