/**
 * What other capabilities use of the audit log. They write their entry in the same transaction as
 * the change it records (`appendAudit` with their `trx`), or on its own (`recordAudit`), and read
 * an entity's trail; none of them touches the log's table or its chain.
 */
import type { JsonValue } from '@netra/core';
import type { Db, Trx } from '../../db/database.ts';
import * as repo from './repository.ts';

export type { AuditInput } from './repository.ts';

/** Append an entry as the last step of the caller's transaction (its lock orders every writer). */
export function appendAudit(trx: Trx, input: repo.AuditInput): Promise<number> {
  return repo.appendAudit(trx, input);
}

/** Append an entry in a transaction of its own. */
export function recordAudit(db: Db, input: repo.AuditInput): Promise<number> {
  return repo.recordAudit(db, input);
}

/** An entity's entries, oldest first, with the actors' names and roles. */
export function auditTrail(db: Db, entityType: string, entityId: string) {
  return repo.auditTrail(db, entityType, entityId);
}

/** Walk the whole chain and say where, if anywhere, it breaks. */
export function verifyAuditChain(db: Db, pageSize?: number) {
  return repo.verifyAuditChain(db, pageSize);
}

export type { AuditFilter } from './repository.ts';

/** The viewer's page of entries, newest first, with each actor's name and the region concerned. */
export async function auditLog(db: Db, filter: repo.AuditFilter, page: { limit: number; offset: number }) {
  const { total, items } = await repo.listAudit(db, filter, page);
  return {
    total,
    items: items.map((r) => ({ ...r, seq: Number(r.seq), at: new Date(r.at).toISOString(), data: r.data as JsonValue })),
  };
}

/** The viewer's list as SQL, for the export of every matching entry. */
export function auditRows(db: Db, filter: repo.AuditFilter) {
  return repo.auditRowsQuery(db, filter);
}

export function auditVocabulary(db: Db) {
  return repo.auditVocabulary(db);
}

/** The chain's verification as the viewer shows it, with when it was checked. */
export async function chainStatus(ctx: { db: Db; now(): Date }) {
  const result = await repo.verifyAuditChain(ctx.db);
  const checkedAt = ctx.now().toISOString();
  return result.ok
    ? { ok: true, count: result.count, checkedAt, lastSeq: result.last.seq || null, firstBrokenSeq: null, reason: null, message: null }
    : { ok: false, count: 0, checkedAt, lastSeq: null, firstBrokenSeq: result.firstBrokenSeq, reason: result.reason, message: result.message };
}
