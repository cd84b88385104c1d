/**
 * The keyed audit chain (issue 11). Entries are written without any lock (each transaction
 * inserts its row with a sequence number); a sequencer then links the committed entries, in the
 * order it finds them, into a chain of HMAC-SHA-256 links under a key that never enters the
 * database:
 *
 *   entryMac(n) = HMAC(key, canonical entry n)               (the entry's content and seq)
 *   link(p)     = HMAC(key, link(p-1) | p | seq | entryMac)  (p = position in the chain)
 *
 * Someone who can write to the database but does not hold the key cannot change, remove, reorder
 * or rewrite a suffix of entries and links consistently: the first link that does not recompute
 * is named. Cutting the newest links off is detected against a checkpoint kept outside the
 * database (position and link of the head, signed), which `verifyKeyedChain` takes as an anchor.
 */
import { createHmac } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { AuditEntry } from './hash-chain.ts';

export const KEYED_GENESIS = 'genesis';

export function entryMac(key: Buffer, entry: AuditEntry): string {
  const { seq, at, actorId, action, entityType, entityId, data, ip, userAgent } = entry;
  return createHmac('sha256', key).update(canonicalJson({ seq, at, actorId, action, entityType, entityId, data, ip, userAgent }), 'utf8').digest('hex');
}

export function chainLink(key: Buffer, previousLink: string, position: number, seq: number, mac: string): string {
  return createHmac('sha256', key).update(`${previousLink}|${position}|${seq}|${mac}`, 'utf8').digest('hex');
}

/** One link of the chain as stored, with the entry it covers (null when the entry is gone). */
export interface StoredLink {
  position: number;
  seq: number;
  entryMac: string;
  link: string;
  entry: AuditEntry | null;
}

export type KeyedBreakReason = 'link_missing' | 'entry_missing' | 'entry_changed' | 'link_mismatch' | 'truncated' | 'checkpoint_mismatch';

export type KeyedVerification =
  | { ok: true; count: number; head: { position: number; seq: number; link: string } }
  | { ok: false; position: number; seq: number | null; reason: KeyedBreakReason; message: string };

export interface ChainCursor {
  position: number;
  seq: number;
  link: string;
}

export const CHAIN_START: ChainCursor = { position: 0, seq: 0, link: KEYED_GENESIS };

/**
 * Checks links in position order from `after` (page by page: pass the previous page's head).
 * Returns the first broken link, naming its position and the entry's seq.
 */
export function verifyKeyedLinks(key: Buffer, links: Iterable<StoredLink>, after: ChainCursor = CHAIN_START): KeyedVerification {
  let previous = after;
  let count = 0;
  for (const stored of links) {
    const expected = previous.position + 1;
    if (stored.position !== expected) {
      return { ok: false, position: expected, seq: null, reason: 'link_missing', message: `Link ${expected} of the chain is missing (found ${stored.position}): links were removed.` };
    }
    if (!stored.entry) {
      return { ok: false, position: stored.position, seq: stored.seq, reason: 'entry_missing', message: `Entry ${stored.seq} (link ${stored.position}) was removed from the log.` };
    }
    if (stored.entry.seq !== stored.seq || entryMac(key, stored.entry) !== stored.entryMac) {
      return { ok: false, position: stored.position, seq: stored.seq, reason: 'entry_changed', message: `Entry ${stored.seq} (link ${stored.position}) does not match its keyed hash: its content was changed.` };
    }
    if (chainLink(key, previous.link, stored.position, stored.seq, stored.entryMac) !== stored.link) {
      return { ok: false, position: stored.position, seq: stored.seq, reason: 'link_mismatch', message: `Link ${stored.position} (entry ${stored.seq}) does not follow from link ${previous.position}: the chain was rewritten from here.` };
    }
    previous = { position: stored.position, seq: stored.seq, link: stored.link };
    count += 1;
  }
  return { ok: true, count, head: previous };
}

/** What a checkpoint anchors: the chain had this link at this position. */
export interface CheckpointAnchor {
  position: number;
  seq: number;
  link: string;
}

/** Compare a verified chain's links with an anchor kept outside the database. */
export function checkAnchor(anchor: CheckpointAnchor, headPosition: number, linkAtAnchor: string | null): KeyedVerification | null {
  if (headPosition < anchor.position) {
    return {
      ok: false,
      position: headPosition + 1,
      seq: null,
      reason: 'truncated',
      message: `The chain ends at link ${headPosition} but a checkpoint recorded link ${anchor.position} (entry ${anchor.seq}): entries from link ${headPosition + 1} on were cut off.`,
    };
  }
  if (linkAtAnchor !== anchor.link) {
    return {
      ok: false,
      position: anchor.position,
      seq: anchor.seq,
      reason: 'checkpoint_mismatch',
      message: `Link ${anchor.position} differs from the checkpoint's: the chain up to it was replaced.`,
    };
  }
  return null;
}
