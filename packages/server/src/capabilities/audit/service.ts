/**
 * What other capabilities use of the audit log. They write their entry in the same transaction as
 * the change it records (`appendAudit` with their `trx`), or on its own (`recordAudit`), and read
 * an entity's trail; none of them touches the log's table or its chain.
 */
import type { JsonValue } from '@netra/core';
import type { Db, Trx } from '../../db/database.ts';
import * as chain from './chain.ts';
import * as repo from './repository.ts';

export type { AuditInput } from './repository.ts';

/** Append an entry in the caller's transaction (no lock: the sequencer chains it after the commit). */
export function appendAudit(trx: Trx, input: repo.AuditInput): Promise<number> {
  return repo.appendAudit(trx, input);
}

/** Several entries in the caller's transaction, in one statement (the intake's two, issue 11). */
export function appendAudits(trx: Trx, inputs: readonly repo.AuditInput[]): Promise<number[]> {
  return repo.appendAudits(trx, inputs);
}

/** Append an entry in a transaction of its own. */
export function recordAudit(db: Db, input: repo.AuditInput): Promise<number> {
  return repo.recordAudit(db, input);
}

/** An entity's entries, oldest first, with the actors' names and roles. */
export function auditTrail(db: Db, entityType: string, entityId: string) {
  return repo.auditTrail(db, entityType, entityId);
}

/**
 * Link what is committed, then walk the whole keyed chain, compare it with the checkpoints, and
 * say where, if anywhere, it breaks.
 */
export async function verifyAuditChain(ctx: Pick<chain.ChainContext, 'db' | 'hmacKey' | 'files'>, options?: { anchors?: unknown[]; pageSize?: number }) {
  await chain.sequenceAudit(ctx);
  return chain.verifyAudit(ctx, options);
}

export { formatCheckpoint, sequenceAudit, startAuditSequencer, writeCheckpoint, type AuditVerification, type Checkpoint } from './chain.ts';

/** Chain what is committed and sign the head as it stands now (for an auditor to keep). */
export async function currentCheckpoint(ctx: chain.ChainContext): Promise<chain.Checkpoint | null> {
  await chain.writeCheckpoint(ctx);
  const head = await repo.chainHead(ctx.db);
  return head ? chain.signCheckpoint(chain.auditKeys(ctx.hmacKey), head, ctx.now()) : null;
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
export async function chainStatus(ctx: chain.ChainContext) {
  const result = await verifyAuditChain(ctx);
  const checkedAt = ctx.now().toISOString();
  return result.ok
    ? { ok: true, count: result.count, checkedAt, lastSeq: result.head.seq || null, firstBrokenSeq: null, reason: null, message: null }
    : { ok: false, count: 0, checkedAt, lastSeq: null, firstBrokenSeq: result.seq ?? result.position, reason: result.reason, message: result.message };
}
