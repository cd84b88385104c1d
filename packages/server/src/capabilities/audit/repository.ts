/**
 * The audit log is written in the same transaction as the change it records, so a change
 * without its audit entry (or the reverse) cannot be committed. Appends take no lock: each row
 * gets its seq from a sequence, and the sequencer (sequencer.ts) links committed rows into the
 * keyed chain (`audit_chain`, core audit/keyed-chain.ts) moments later. These are the only
 * queries on both tables.
 */
import { type AuditEntry, type JsonValue, type StoredLink } from '@netra/core';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

/** The sequencer's advisory lock: one chain writer at a time across servers (never taken by appends). */
const SEQUENCER_LOCK_KEY = 7_351_002;

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
  const [seq] = await appendAudits(trx, [input]);
  return seq;
}

/** Several entries in one statement (one round trip), in the order given; their seqs in that order. */
export async function appendAudits(trx: Transaction<Database>, inputs: readonly AuditInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  const rows = await trx
    .insertInto('audit_log')
    .values(
      inputs.map((input) => ({
        // Millisecond precision: the column is timestamptz(3), so the hashed value reads back identical.
        at: new Date(Math.floor((input.at ?? new Date()).getTime())).toISOString(),
        actor_id: input.actorId,
        action: input.action,
        entity_type: input.entityType,
        entity_id: input.entityId,
        data: JSON.stringify(input.data ?? {}),
        ip: input.ip ?? null,
        user_agent: input.userAgent ?? null,
      })),
    )
    .returning('seq')
    .execute();
  // A multi-row INSERT draws the sequence in VALUES order; sorted all the same, so the order given is the seq order.
  return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
}

/** Append in a transaction of its own (for actions that change nothing else, e.g. a login). */
export async function recordAudit(db: Db, input: AuditInput): Promise<number> {
  return db.transaction().execute((trx) => appendAudit(trx, input));
}

type AuditRow = { seq: number; at: Date | string; actor_id: string | null; action: string; entity_type: string; entity_id: string; data: unknown; ip: string | null; user_agent: string | null };

export function entryOf(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: r.data as JsonValue,
    ip: r.ip,
    userAgent: r.user_agent,
  };
}

export interface ChainHead {
  position: number;
  seq: number;
  link: string;
}

/**
 * One sequencer step, in its own transaction: when no other server holds the sequencer lock,
 * read the head and the committed entries not chained yet (in seq order, within `lookback` of
 * the newest chained seq), let `link` compute their links, insert them. Returns how many.
 */
export async function extendChain(
  db: Db,
  link: (head: ChainHead | null, entries: AuditEntry[]) => Array<{ position: number; seq: number; entryMac: string; link: string }>,
  limit: number,
  lookback = 10_000,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const locked = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${SEQUENCER_LOCK_KEY}) AS locked`.execute(trx);
    if (!locked.rows[0]?.locked) return 0;
    const head = await trx.selectFrom('audit_chain').select(['position', 'audit_seq', 'link']).orderBy('position', 'desc').limit(1).executeTakeFirst();
    const newest = await trx.selectFrom('audit_chain').select((eb) => eb.fn.max('audit_seq').as('seq')).executeTakeFirst();
    const from = Math.max(0, Number(newest?.seq ?? 0) - lookback);
    const rows = await trx
      .selectFrom('audit_log as a')
      .selectAll('a')
      .where('a.seq', '>', from)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('audit_chain as c').select('c.position').whereRef('c.audit_seq', '=', 'a.seq'))))
      .orderBy('a.seq')
      .limit(limit)
      .execute();
    if (rows.length === 0) return 0;
    const links = link(head ? { position: Number(head.position), seq: Number(head.audit_seq), link: head.link } : null, rows.map(entryOf));
    await trx
      .insertInto('audit_chain')
      .values(links.map((l) => ({ position: l.position, audit_seq: l.seq, entry_mac: l.entryMac, link: l.link })))
      .execute();
    return links.length;
  });
}

/** A page of links (position order) after `afterPosition`, each with its entry (null when removed). */
export async function chainPage(db: Db, afterPosition: number, pageSize: number): Promise<StoredLink[]> {
  const rows = await db
    .selectFrom('audit_chain as c')
    .leftJoin('audit_log as a', 'a.seq', 'c.audit_seq')
    .select(['c.position', 'c.audit_seq', 'c.entry_mac', 'c.link', 'a.seq', 'a.at', 'a.actor_id', 'a.action', 'a.entity_type', 'a.entity_id', 'a.data', 'a.ip', 'a.user_agent'])
    .where('c.position', '>', afterPosition)
    .orderBy('c.position')
    .limit(pageSize)
    .execute();
  return rows.map((r) => ({
    position: Number(r.position),
    seq: Number(r.audit_seq),
    entryMac: r.entry_mac,
    link: r.link,
    entry: r.seq === null ? null : entryOf(r as AuditRow),
  }));
}

/** The link stored at a position (to compare with a checkpoint). */
export async function linkAt(db: Db, position: number): Promise<string | null> {
  const row = await db.selectFrom('audit_chain').select('link').where('position', '=', position).executeTakeFirst();
  return row?.link ?? null;
}

export async function chainHead(db: Db): Promise<ChainHead | null> {
  const row = await db.selectFrom('audit_chain').select(['position', 'audit_seq', 'link']).orderBy('position', 'desc').limit(1).executeTakeFirst();
  return row ? { position: Number(row.position), seq: Number(row.audit_seq), link: row.link } : null;
}

/** Entries not (yet) in the chain: the oldest seq and how many. */
export async function unchained(db: Db): Promise<{ count: number; oldestSeq: number | null; oldestAt: Date | null }> {
  const row = await db
    .selectFrom('audit_log as a')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('audit_chain as c').select('c.position').whereRef('c.audit_seq', '=', 'a.seq'))))
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('a.seq').as('oldest'), eb.fn.min('a.at').as('oldestAt')])
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), oldestSeq: row?.oldest == null ? null : Number(row.oldest), oldestAt: row?.oldestAt == null ? null : new Date(row.oldestAt as Date) };
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
