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

// ---- The viewer (administrators and national Bawaslu): the whole log, filtered and paged.

export interface AuditFilter {
  actorId?: string;
  /** An action, or a family of actions ending in `.` (e.g. `user.`). */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Entries about records inside this region (province `PP` or regency/city `PP.KK`). */
  region?: string;
  from?: Date;
  to?: Date;
}

/**
 * The region an entry concerns: the one it names in its data, or that of the record it is about
 * (a case, report, rotation, candidate pair or agency where it is; an account's scope). Each
 * lookup sits in its own branch, so the uuid cast only meets ids of that kind.
 */
const entryRegion = sql<string | null>`COALESCE(a.data->>'regionCode', CASE
  WHEN a.entity_type = 'agency' AND a.entity_id ~ '^[0-9]{1,9}$' THEN (SELECT x.region_code FROM agencies x WHERE x.id = a.entity_id::int)
  WHEN a.entity_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN NULL
  WHEN a.entity_type = 'case' THEN (SELECT x.region_code FROM cases x WHERE x.id = a.entity_id::uuid)
  WHEN a.entity_type = 'report' THEN (SELECT x.region_code FROM reports x WHERE x.id = a.entity_id::uuid)
  WHEN a.entity_type = 'rotation' THEN (SELECT x.region_code FROM rotations x WHERE x.id = a.entity_id::uuid)
  WHEN a.entity_type = 'candidate_pair' THEN (SELECT x.region_code FROM candidate_pairs x WHERE x.id = a.entity_id::uuid)
  WHEN a.entity_type = 'user' THEN (SELECT x.scope_region_code FROM users x WHERE x.id = a.entity_id::uuid)
END)`;

function filtered(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_log as a');
  if (filter.actorId) query = query.where('a.actor_id', '=', filter.actorId);
  if (filter.action) query = filter.action.endsWith('.') ? query.where('a.action', 'like', `${filter.action}%`) : query.where('a.action', '=', filter.action);
  if (filter.entityType) query = query.where('a.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('a.entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('a.at', '>=', filter.from);
  if (filter.to) query = query.where('a.at', '<', filter.to);
  if (filter.region) {
    const region = filter.region;
    query = query.where(sql<boolean>`(${entryRegion} = ${region} OR ${entryRegion} LIKE ${`${region}.%`})`);
  }
  return query;
}

function withColumns(db: Db, filter: AuditFilter) {
  return filtered(db, filter)
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.seq', 'a.at', 'a.action', 'a.entity_type as entityType', 'a.entity_id as entityId', 'a.data', 'a.ip', 'a.actor_id as actorId', 'u.name as actorName', 'u.email as actorEmail', 'u.role as actorRole', entryRegion.as('regionCode')])
    .orderBy('a.seq', 'desc');
}

export async function listAudit(db: Db, filter: AuditFilter, page: { limit: number; offset: number }) {
  const [{ total }] = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await withColumns(db, filter).limit(page.limit).offset(page.offset).execute();
  return { total: Number(total), items };
}

/** The same list as SQL for the export runner to stream (newest first, every page). */
export function auditRowsQuery(db: Db, filter: AuditFilter) {
  return withColumns(db, filter).compile();
}

/** The distinct actions and entity types in the log, for the viewer's filter menus. */
export async function auditVocabulary(db: Db) {
  const actions = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  const entityTypes = await db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute();
  return { actions: actions.map((r) => r.action), entityTypes: entityTypes.map((r) => r.entity_type) };
}
