/**
 * What other capabilities use of the audit log. They write their entry in the same transaction as
 * the change it records (`appendAudit` with their `trx`), or on its own (`recordAudit`), and read
 * an entity's trail; none of them touches the log's table or its chain.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import * as repo from './repository.ts';

export type { AuditInput } from './repository.ts';

/** Append an entry as the last step of the caller's transaction (its lock orders every writer). */
export function appendAudit(trx: Transaction<Database>, input: repo.AuditInput): Promise<number> {
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
