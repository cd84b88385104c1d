/**
 * A store for @fastify/rate-limit that shares the route limits across app servers. The limits
 * that protect something (sign-in attempts, public report submissions and tracking per address)
 * are counted in PostgreSQL (rate-limit.repository.ts), so three servers behind a proxy allow
 * what one would, not three times as much. The coarse limit on every request (1,200 per minute
 * per address) stays in each server's memory: it guards the process, costs no query, and the
 * proxy in front (deploy/nginx) can limit the edge as a whole.
 */
import { createRequire } from 'node:module';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/database.ts';
import * as repo from './rate-limit.repository.ts';

/** @fastify/rate-limit's own in-memory store (CommonJS, untyped), for the per-process global limit. */
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore.js') as new (
  continueExceeding?: boolean,
  exponentialBackoff?: boolean,
  cache?: number,
) => RateLimitStore;

interface StoreCallback {
  (error: Error | null, result?: { current: number; ttl: number }): void;
}

interface RateLimitStore {
  incr(key: string, callback: StoreCallback, timeWindow: number, max: number): void;
  read?(key: string, callback: StoreCallback, timeWindow: number, max: number): void;
  child(routeOptions: { routeInfo?: { url?: string; method?: string | string[] }; groupId?: string }): RateLimitStore;
}

/** Older windows than this are deleted now and then (the longest window is an hour). */
const KEEP_MS = 2 * 60 * 60 * 1000;
const SWEEP_EVERY = 1000;

/** The store class @fastify/rate-limit instantiates (`store` option), bound to the primary database. */
export function sharedRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let counted = 0;
  const shared = (prefix: string): RateLimitStore => ({
    incr(key, callback, timeWindow) {
      if (++counted % SWEEP_EVERY === 0) void repo.deleteOldHits(db, KEEP_MS).catch(() => {});
      repo.countHit(db, `${prefix}|${key}`, timeWindow).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    },
    read(key, callback, timeWindow) {
      repo.readHits(db, `${prefix}|${key}`, timeWindow).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    },
    child: () => shared(prefix),
  });

  const SharedStore = class {
    private readonly local: RateLimitStore;
    constructor(options: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      this.local = new LocalStore(options.continueExceeding, options.exponentialBackoff);
    }
    /** The global limit: in this process. */
    incr(key: string, callback: StoreCallback, timeWindow: number, max: number) {
      this.local.incr(key, callback, timeWindow, max);
    }
    read(key: string, callback: StoreCallback, timeWindow: number, max: number) {
      this.local.read?.(key, callback, timeWindow, max);
    }
    /** A route's own limit: shared through PostgreSQL, one counter per route (or group). */
    child(routeOptions: { routeInfo?: { url?: string; method?: string | string[] }; groupId?: string }): RateLimitStore {
      const route = routeOptions.groupId ?? `${[routeOptions.routeInfo?.method].flat().join(',')} ${routeOptions.routeInfo?.url ?? ''}`;
      return shared(route);
    }
  };
  return SharedStore as unknown as FastifyRateLimitStoreCtor;
}
