/**
 * The reporter's secrets and signed links, all keyed by the server's HMAC root (ctx.hmacKey: stored
 * only sealed with the encryption key, security/keys.ts, so it survives a key rotation):
 * the tracking secret and its stored hash, the hash of an idempotency key, and the short-lived
 * link to an evidence file's metadata-free copy.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { generateReportSecret } from '@netra/core';
import type { AppContext } from '../../context.ts';

/** The stored form of an idempotency key, per filer (an officer's key is not the public's). */
export function idempotencyHash(actorId: string | null, idempotencyKey: string | undefined): string | null {
  if (!idempotencyKey) return null;
  return createHash('sha256').update(`${actorId ?? 'public'}:${idempotencyKey}`).digest('hex');
}

/**
 * A keyed fingerprint of everything a submission carries (its fields and its files' SHA-256),
 * bound to its idempotency key. The tracking secret of a keyed submission is derived from it, so a
 * replay proves it carries the identical body by yielding the same secret hash; a replay with
 * another body is refused without learning anything.
 */
export function submissionTag(ctx: AppContext, keyHash: string, input: object, fileHashes: readonly string[]): string {
  const canonical = JSON.stringify(Object.entries(input).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHmac('sha256', ctx.hmacKey).update(`netra:idempotency-body:${keyHash}\n${canonical}\n${[...fileHashes].sort().join(',')}`).digest('hex');
}

/**
 * The tracking secret. With an idempotency key it is derived from it (HMAC with the server key,
 * which is not in the database), so a retried submission gets the same secret back although only
 * its keyed hash is stored; without one it is random.
 */
export function drawSecret(ctx: AppContext, keyHash: string | null): string {
  if (!keyHash) return generateReportSecret(randomBytes);
  const digest = createHmac('sha256', ctx.hmacKey).update(`netra:report-secret:${keyHash}`).digest();
  return generateReportSecret((size) => digest.subarray(0, size));
}

/**
 * The stored form of a tracking secret: HMAC-SHA256 under a key derived from the server key
 * (never in the database). The secret is 80 random bits, so unlike a password it needs no slow
 * hash against guessing; and without the server key a leaked table cannot even be tested
 * offline. This keeps report intake fast on voting day (Argon2id cost ~0.1 s of CPU per report).
 */
export function hashReportSecret(ctx: AppContext, secret: string): string {
  const key = createHmac('sha256', ctx.hmacKey).update('netra:report-secret-hash').digest();
  return `hmac-sha256:${createHmac('sha256', key).update(secret).digest('hex')}`;
}

export function secretMatches(ctx: AppContext, stored: string | null | undefined, secret: string): boolean {
  const expected = Buffer.from(hashReportSecret(ctx, secret));
  // Compared in constant time, and against a same-length dummy when the receipt is unknown, so
  // timing does not tell whether a receipt number exists.
  const actual = Buffer.from(stored && stored.length === expected.length ? stored : '0'.repeat(expected.length));
  return timingSafeEqual(actual, expected) && Boolean(stored);
}

const EVIDENCE_LINK_TTL_SECONDS = 60 * 60;

function evidenceLinkSignature(ctx: AppContext, evidenceId: string, expires: number): Buffer {
  const key = createHmac('sha256', ctx.hmacKey).update('netra:evidence-link').digest();
  return createHmac('sha256', key).update(`${evidenceId}.${expires}`).digest();
}

/**
 * A short-lived link to an evidence file's metadata-free copy, for the reporter's tracking page:
 * an <img> can load it, and the secret never appears in a URL.
 */
export function signEvidenceLink(ctx: AppContext, evidenceId: string): string {
  const expires = Math.floor(ctx.now().getTime() / 1000) + EVIDENCE_LINK_TTL_SECONDS;
  return `${expires}.${evidenceLinkSignature(ctx, evidenceId, expires).toString('base64url')}`;
}

export function evidenceLinkValid(ctx: AppContext, evidenceId: string, token: string): boolean {
  const [expiresText, signature] = token.split('.');
  const expires = Number(expiresText);
  if (!Number.isInteger(expires) || !signature || expires < ctx.now().getTime() / 1000) return false;
  const expected = evidenceLinkSignature(ctx, evidenceId, expires);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
