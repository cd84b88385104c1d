/**
 * The keyed chain's running parts: the keys, the sequencer that links committed entries, the
 * signed checkpoints kept outside the database, and the verification that names the first broken
 * link. (Pure link arithmetic: core audit/keyed-chain.ts; queries: repository.ts.)
 *
 * Keys: both derive from the server's HMAC root (security/keys.ts), which the database holds only
 * sealed under the encryption key; whoever can write to the database without that key can
 * neither recompute a link nor sign a checkpoint.
 *   chain key    HMAC(root, "netra:audit-chain:v1")
 *   signing key  Ed25519 from the seed HMAC(root, "netra:audit-checkpoint-signing:v1")
 *
 * Checkpoints (head position, entry seq and link, time, Ed25519 signature) are written to the file
 * store (`audit-checkpoints/latest.json` and one file per checkpoint: the evidence directory, or
 * the object store), so every configuration has one outside the database; `netra audit
 * checkpoint` prints one for an auditor to keep, and `netra audit verify --checkpoint <file>`
 * checks the chain against it.
 */
import { createHmac, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import {
  CHAIN_START,
  canonicalJson,
  chainLink,
  checkAnchor,
  entryMac,
  verifyKeyedLinks,
  type ChainCursor,
  type KeyedBreakReason,
} from '@netra/core';
import type { Db } from '../../db/database.ts';
import type { FileStore } from '../../storage/file-store.ts';
import * as repo from './repository.ts';

export interface AuditKeys {
  chainKey: Buffer;
  signingKey: KeyObject;
  publicKey: KeyObject;
  /** base64 of the SPKI DER: printed with every checkpoint. */
  publicKeyText: string;
}

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const keyCache = new WeakMap<Buffer, AuditKeys>();

export function auditKeys(hmacRoot: Buffer): AuditKeys {
  const cached = keyCache.get(hmacRoot);
  if (cached) return cached;
  const chainKey = createHmac('sha256', hmacRoot).update('netra:audit-chain:v1').digest();
  const seed = createHmac('sha256', hmacRoot).update('netra:audit-checkpoint-signing:v1').digest();
  const signingKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(signingKey);
  const keys = { chainKey, signingKey, publicKey, publicKeyText: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
  keyCache.set(hmacRoot, keys);
  return keys;
}

export interface ChainContext {
  db: Db;
  hmacKey: Buffer;
  files: FileStore;
  now(): Date;
}

/** Link every committed, unchained entry (in batches); returns how many were linked. */
export async function sequenceAudit(ctx: Pick<ChainContext, 'db' | 'hmacKey'>, batch = 2_000): Promise<number> {
  const { chainKey } = auditKeys(ctx.hmacKey);
  let total = 0;
  for (;;) {
    const linked = await repo.extendChain(
      ctx.db,
      (head, entries) => {
        let previous: ChainCursor = head ?? CHAIN_START;
        return entries.map((entry) => {
          const mac = entryMac(chainKey, entry);
          const position = previous.position + 1;
          const link = chainLink(chainKey, previous.link, position, entry.seq, mac);
          previous = { position, seq: entry.seq, link };
          return { position, seq: entry.seq, entryMac: mac, link };
        });
      },
      batch,
    );
    total += linked;
    if (linked < batch) return total;
  }
}

// ---------------------------------------------------------------- checkpoints

export interface Checkpoint {
  kind: 'netra-audit-checkpoint';
  version: 1;
  position: number;
  seq: number;
  link: string;
  at: string;
  publicKey: string;
  signature: string;
}

const CHECKPOINT_DIR = 'audit-checkpoints';
const LATEST = `${CHECKPOINT_DIR}/latest.json`;

function signedPart(cp: Omit<Checkpoint, 'signature'> | Checkpoint) {
  const { kind, version, position, seq, link, at, publicKey } = cp;
  return Buffer.from(canonicalJson({ kind, version, position, seq, link, at, publicKey }), 'utf8');
}

export function signCheckpoint(keys: AuditKeys, head: repo.ChainHead, at: Date): Checkpoint {
  const unsigned = { kind: 'netra-audit-checkpoint' as const, version: 1 as const, position: head.position, seq: head.seq, link: head.link, at: at.toISOString(), publicKey: keys.publicKeyText };
  return { ...unsigned, signature: sign(null, signedPart(unsigned), keys.signingKey).toString('base64') };
}

/** The checkpoint is well-formed and signed by this installation's key. */
export function checkpointSignatureValid(keys: AuditKeys, cp: unknown): cp is Checkpoint {
  const c = cp as Partial<Checkpoint> | null;
  if (!c || c.kind !== 'netra-audit-checkpoint' || typeof c.position !== 'number' || typeof c.link !== 'string' || typeof c.signature !== 'string') return false;
  if (c.publicKey !== keys.publicKeyText) return false;
  try {
    return verify(null, signedPart(c as Checkpoint), keys.publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

async function readJson(files: FileStore, key: string): Promise<unknown> {
  if (!(await files.exists(key))) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of await files.open(key)) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function latestCheckpoint(files: FileStore): Promise<unknown> {
  return readJson(files, LATEST).catch(() => ({ corrupt: true }));
}

/**
 * Chain what is committed, then anchor the head outside the database when it moved since the
 * last checkpoint. Returns the checkpoint written, or null when nothing changed.
 */
export async function writeCheckpoint(ctx: ChainContext): Promise<Checkpoint | null> {
  await sequenceAudit(ctx);
  const head = await repo.chainHead(ctx.db);
  if (!head) return null;
  const keys = auditKeys(ctx.hmacKey);
  const previous = await latestCheckpoint(ctx.files);
  if (checkpointSignatureValid(keys, previous) && previous.position === head.position) return null;
  const cp = signCheckpoint(keys, head, ctx.now());
  const bytes = Buffer.from(`${JSON.stringify(cp, null, 2)}\n`, 'utf8');
  await ctx.files.putBuffer(`${CHECKPOINT_DIR}/${String(head.position).padStart(12, '0')}.json`, bytes, 'application/json');
  await ctx.files.putBuffer(LATEST, bytes, 'application/json');
  return cp;
}

/** A checkpoint as an auditor prints and keeps it. */
export function formatCheckpoint(cp: Checkpoint, language: 'id' | 'en'): string {
  const lines =
    language === 'id'
      ? [`Titik periksa log audit Netra (${cp.at})`, `  mata rantai : ${cp.position} (entri ${cp.seq})`, `  hash rantai : ${cp.link}`]
      : [`Netra audit checkpoint (${cp.at})`, `  link        : ${cp.position} (entry ${cp.seq})`, `  chain hash  : ${cp.link}`];
  return [...lines, `  public key  : ${cp.publicKey}`, `  signature   : ${cp.signature}`, '', JSON.stringify(cp)].join('\n');
}

// ---------------------------------------------------------------- verification

export type AuditVerification =
  | { ok: true; count: number; head: { position: number; seq: number; link: string }; pending: number; anchoredAt: string | null; anchoredPosition: number | null }
  | { ok: false; position: number; seq: number | null; reason: KeyedBreakReason | 'checkpoint_invalid'; message: string };

/**
 * Walk the whole chain page by page (constant memory), then compare it with the stored latest
 * checkpoint and any checkpoint given (an auditor's copy). Entries not chained yet are counted
 * as pending, not as a failure: the sequencer links them within a second.
 */
export async function verifyAudit(ctx: Pick<ChainContext, 'db' | 'hmacKey' | 'files'>, options: { anchors?: unknown[]; pageSize?: number } = {}): Promise<AuditVerification> {
  const keys = auditKeys(ctx.hmacKey);
  const pageSize = options.pageSize ?? 10_000;
  let cursor: ChainCursor = CHAIN_START;
  let count = 0;
  for (;;) {
    const page = await repo.chainPage(ctx.db, cursor.position, pageSize);
    if (page.length === 0) break;
    const result = verifyKeyedLinks(keys.chainKey, page, cursor);
    if (!result.ok) return result;
    count += result.count;
    cursor = result.head;
  }
  const stored = await latestCheckpoint(ctx.files);
  const anchors = [...(stored === null ? [] : [stored]), ...(options.anchors ?? [])];
  let anchored: Checkpoint | null = null;
  for (const anchor of anchors) {
    if (!checkpointSignatureValid(keys, anchor)) {
      return { ok: false, position: 0, seq: null, reason: 'checkpoint_invalid', message: 'A checkpoint is not signed by this installation\'s key (changed, or from another installation).' };
    }
    const broken = checkAnchor(anchor, cursor.position, anchor.position <= cursor.position ? await repo.linkAt(ctx.db, anchor.position) : null);
    if (broken) return broken as AuditVerification;
    if (!anchored || anchor.position > anchored.position) anchored = anchor;
  }
  const pending = await repo.unchained(ctx.db);
  return { ok: true, count, head: cursor, pending: pending.count, anchoredAt: anchored?.at ?? null, anchoredPosition: anchored?.position ?? null };
}

/**
 * The sequencer in a running server: links new entries every `intervalMs` and writes a
 * checkpoint every `checkpointMs`. Errors (the database away) are retried on the next tick.
 */
export function startAuditSequencer(ctx: ChainContext, options: { intervalMs?: number; checkpointMs?: number; onError?: (error: Error) => void } = {}): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? 500;
  const checkpointMs = options.checkpointMs ?? 60_000;
  let lastCheckpoint = 0;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = (async () => {
      if (Date.now() - lastCheckpoint >= checkpointMs) {
        await writeCheckpoint(ctx);
        lastCheckpoint = Date.now();
      } else {
        await sequenceAudit(ctx);
      }
    })().catch((error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
    void running.finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  let timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
