/**
 * The key per-address rate limits count under: never the address itself but an HMAC of it under
 * a key derived from the server's HMAC root (security/keys.ts, never in the database in the clear)
 * and the current period of a few hours. Counters in PostgreSQL (rate_limit_hits) therefore hold
 * no address, cannot be reversed by someone who copies the table, and stop matching anything once
 * the period turns (rows are deleted within two hours as well). Every server with the same root
 * computes the same key, so shared limits still work behind a proxy.
 */
import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** How long one hashing key lives: the longest rate-limit window is an hour. */
export const ADDRESS_KEY_PERIOD_MS = 3 * 60 * 60 * 1000;

/** The current period's key, per root (derived once a period, not once a request). */
const periodKeys = new WeakMap<Buffer, { period: number; key: Buffer }>();

export function addressKey(hmacRoot: Buffer, address: string, at: number): string {
  const period = Math.floor(at / ADDRESS_KEY_PERIOD_MS);
  let cached = periodKeys.get(hmacRoot);
  if (cached?.period !== period) {
    cached = { period, key: createHmac('sha256', hmacRoot).update(`netra:rate-limit-address:${period}`).digest() };
    periodKeys.set(hmacRoot, cached);
  }
  return createHmac('sha256', cached.key).update(address).digest('base64url').slice(0, 22);
}

/** @fastify/rate-limit's keyGenerator: the request's address (after trusted proxies), hashed. */
export function addressKeyGenerator(ctx: { hmacKey: Buffer }) {
  return (request: FastifyRequest) => addressKey(ctx.hmacKey, request.ip ?? 'unknown', Date.now());
}
