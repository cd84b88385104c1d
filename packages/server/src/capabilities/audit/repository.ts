/**
 * The audit log is written in the same transaction as the change it records, so a change
 * without its audit entry (or the reverse) cannot be committed. Entries are chained: each hash
 * covers the previous one, so appends are serialised by a transaction-scoped advisory lock taken
 * just before the insert; callers append as the last step of their transaction to keep the lock
 * short.
 */
import { chainEntry, verifyChain, type ChainVerification, type JsonValue } from '@netra/core';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

/** Arbitrary but fixed: the key of the advisory lock that orders audit appends. */
const AUDIT_LOCK_KEY = 7_351_001;

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: JsonValue;
  ip?: string | null;
  userAgent?: string | null;
  at?: Date;
}

export async function appendAudit(trx: Transaction<Database>, input: AuditInput): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  // Millisecond precision: the column is timestamptz(3), so the hashed value reads back identical.
  const at = new Date(Math.floor((input.at ?? new Date()).getTime()));
  const entry = chainEntry(last ? { seq: Number(last.seq), hash: last.hash } : null, {
    at: at.toISOString(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    data: input.data ?? {},
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
  });
  await trx
    .insertInto('audit_log')
    .values({
      seq: entry.seq,
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      data: JSON.stringify(entry.data),
      ip: entry.ip,
      user_agent: entry.userAgent,
      previous_hash: entry.previousHash,
      hash: entry.hash,
    })
    .execute();
  return entry.seq;
}

/** Append in a transaction of its own (for actions that change nothing else, e.g. a login). */
export async function recordAudit(db: Db, input: AuditInput): Promise<number> {
  return db.transaction().execute((trx) => appendAudit(trx, input));
}

export async function auditTrail(db: Db, entityType: string, entityId: string) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.seq', 'a.at', 'a.action', 'a.data', 'a.actor_id as actorId', 'u.name as actorName', 'u.role as actorRole'])
    .where('a.entity_type', '=', entityType)
    .where('a.entity_id', '=', entityId)
    .orderBy('a.seq')
    .execute();
}

/** Verify the whole chain page by page, in constant memory, whatever its length. */
export async function verifyAuditChain(db: Db, pageSize = 10_000): Promise<ChainVerification> {
  let after: { seq: number; hash: string } | undefined;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after?.seq ?? 0)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return { ok: true, count, last: after ?? { seq: 0, hash: '0'.repeat(64) } };
    const result = verifyChain(
      rows.map((r) => ({
        seq: Number(r.seq),
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        data: r.data as JsonValue,
        ip: r.ip,
        userAgent: r.user_agent,
        previousHash: r.previous_hash,
        hash: r.hash,
      })),
      after,
    );
    if (!result.ok) return result;
    count += result.count;
    after = result.last;
  }
}
