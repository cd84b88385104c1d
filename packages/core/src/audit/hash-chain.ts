/**
 * The append-only audit log's hash chain. Each entry's hash covers its content and the previous
 * entry's hash, so changing, removing or reordering any entry breaks every link after it. The
 * sequence number is inside the hash: renumbering to hide a deleted row breaks it too.
 *
 * A chain cannot reveal that its newest entries were cut off; comparing the head with a copy kept
 * elsewhere (or passing a remembered anchor to `verifyChain`) does.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  /** The instant as an ISO-8601 string; stored at millisecond precision so it reads back identical. */
  at: string;
  /** null for the system itself (jobs, migrations). */
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: JsonValue;
  ip: string | null;
  userAgent: string | null;
}

export interface ChainedAuditEntry extends AuditEntry {
  previousHash: string;
  hash: string;
}

/** SHA-256 (hex) over the previous hash and the entry, in canonical JSON. */
export function auditEntryHash(previousHash: string, entry: AuditEntry): string {
  const { seq, at, actorId, action, entityType, entityId, data, ip, userAgent } = entry;
  const content = canonicalJson({ previousHash, seq, at, actorId, action, entityType, entityId, data, ip, userAgent });
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** The next entry of a chain whose last link is `previous` (or the genesis when there is none). */
export function chainEntry(previous: Pick<ChainedAuditEntry, 'seq' | 'hash'> | null, entry: Omit<AuditEntry, 'seq'>): ChainedAuditEntry {
  const previousHash = previous?.hash ?? GENESIS_HASH;
  const linked = { ...entry, seq: (previous?.seq ?? 0) + 1 };
  return { ...linked, previousHash, hash: auditEntryHash(previousHash, linked) };
}

export type ChainBreakReason = 'sequence_gap' | 'previous_hash_mismatch' | 'hash_mismatch';

export type ChainVerification =
  /** `last`: the link to continue from (the anchor itself when no entry was given). */
  | { ok: true; count: number; last: { seq: number; hash: string } }
  | { ok: false; firstBrokenSeq: number; reason: ChainBreakReason; message: string };

/**
 * Checks entries in stored order. `after` continues from an already verified link, so a long log
 * can be verified page by page (pass the previous page's `last`); without it the chain must start
 * at seq 1 from the genesis hash.
 */
export function verifyChain(
  entries: Iterable<ChainedAuditEntry>,
  after: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainVerification {
  let previous = after;
  let count = 0;
  for (const entry of entries) {
    const expectedSeq = previous.seq + 1;
    if (entry.seq !== expectedSeq) {
      return {
        ok: false,
        firstBrokenSeq: expectedSeq,
        reason: 'sequence_gap',
        message: `Expected entry ${expectedSeq}, found ${entry.seq}: an entry was removed or moved.`,
      };
    }
    if (entry.previousHash !== previous.hash) {
      return {
        ok: false,
        firstBrokenSeq: entry.seq,
        reason: 'previous_hash_mismatch',
        message: `Entry ${entry.seq} does not link to entry ${previous.seq}: the earlier entry was changed or replaced.`,
      };
    }
    if (auditEntryHash(entry.previousHash, entry) !== entry.hash) {
      return {
        ok: false,
        firstBrokenSeq: entry.seq,
        reason: 'hash_mismatch',
        message: `Entry ${entry.seq} does not match its hash: its content was changed.`,
      };
    }
    previous = { seq: entry.seq, hash: entry.hash };
    count += 1;
  }
  return { ok: true, count, last: previous };
}
