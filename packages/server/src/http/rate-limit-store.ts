/**
 * A store for @fastify/rate-limit that shares the route limits across app servers. The limits
 * that protect something (sign-in attempts, public report submissions and tracking per address)
 * are counted in PostgreSQL (rate-limit.repository.ts), so three servers behind a proxy allow
 * what one would, not three times as much (within the bound written at `sharedCounter`). The coarse limit on every request (1,200 per minute
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

/**
 * Hits a server may count in memory, per key, before PostgreSQL has them: this share of the
 * limit, rounded down (so none for a limit under 100: sign-in's 20 a minute, the public
 * reports' 10 an hour are always counted in PostgreSQL first; `NETRA_RATE_LIMIT_LOCAL_SHARE=0`:
 * none ever, at most 0.1). How stale the shared count behind
 * such a hit may be, and how soon the hits counted in memory are written.
 */
const LOCAL_SHARE = Math.min(0.1, Math.max(0, Number(process.env.NETRA_RATE_LIMIT_LOCAL_SHARE ?? 0.01) || 0));
const FRESH_MS = 1000;
const FLUSH_MS = 100;
/** Keys remembered in memory beyond this many are forgotten once their window ended. */
const FORGET_ABOVE = 10_000;

interface KeyState {
  /** The shared count PostgreSQL returned at the last statement for this key. */
  known: number;
  /** Hits counted here since, not yet written. */
  pending: number;
  windowMs: number;
  windowEndsAt: number;
  syncedAt: number;
}

interface Waiter {
  key: string;
  windowMs: number;
  callback: StoreCallback;
}

/**
 * The route counters shared through PostgreSQL (issue 11, fifth pass): one statement per
 * gathering of hits, not one per request.
 *
 * - A hit that must be exact (every hit of a limit under 100, the first hit of an address on
 *   this server, a count near its limit, a count older than FRESH_MS) waits for the next statement,
 *   which carries every hit that arrived meanwhile, of every address (no timer: one starts at
 *   once when none is under way, like the reports' group commit). Each caller gets the count
 *   PostgreSQL returned, as if the hits had come one by one: exact across servers.
 * - Otherwise (a key this server synced less than FRESH_MS ago, with at most LOCAL_SHARE of its
 *   limit counted here since and the limit not reached) the hit is counted in memory, answered at
 *   once, and written within FLUSH_MS in the next statement.
 *
 * The bound: a limit of `max` admits at most `max + servers × floor(max × LOCAL_SHARE)` hits of
 * one key in a window (each server's unwritten hits are all the others cannot see). Hits
 * counted in memory when a server stops are lost (the table is UNLOGGED for the same reason: a
 * lost count only shortens a window). The key is the hashed address (address-key.ts), in memory
 * as in the table.
 */
function sharedCounter(db: Db) {
  const states = new Map<string, KeyState>();
  let waiters: Waiter[] = [];
  let flushing = false;
  let timer: NodeJS.Timeout | null = null;
  let counted = 0;
  /** Hits counted in memory and not yet written, over all keys. */
  let unwritten = 0;

  const flush = async (): Promise<void> => {
    if (flushing) return;
    const batch = waiters;
    waiters = [];
    // Per window length: every key with hits waiting or counted here.
    const byWindow = new Map<number, Map<string, { n: number; fromMemory: number }>>();
    const add = (key: string, windowMs: number, n: number, fromMemory: number) => {
      let keys = byWindow.get(windowMs);
      if (!keys) byWindow.set(windowMs, (keys = new Map()));
      const entry = keys.get(key) ?? { n: 0, fromMemory: 0 };
      entry.n += n;
      entry.fromMemory += fromMemory;
      keys.set(key, entry);
    };
    for (const [key, state] of states) if (state.pending > 0) add(key, state.windowMs, state.pending, state.pending);
    for (const waiter of batch) add(waiter.key, waiter.windowMs, 1, 0);
    if (byWindow.size === 0) return;
    flushing = true;
    const startedAt = Date.now();
    try {
      const results = await Promise.all(
        [...byWindow].map(async ([windowMs, keys]) => {
          const list = [...keys];
          const totals = await repo.countHits(
            db,
            list.map(([key]) => key),
            list.map(([, entry]) => entry.n),
            windowMs,
          );
          return { windowMs, list, totals };
        }),
      ).catch((error: Error) => {
        for (const waiter of batch) waiter.callback(error);
        return null;
      });
      if (results) answer(results, batch, startedAt);
    } finally {
      flushing = false;
    }
    if (states.size > FORGET_ABOVE) {
      const now = Date.now();
      for (const [key, state] of states) if (state.pending === 0 && state.windowEndsAt <= now) states.delete(key);
    }
    // Hits that arrived while this statement ran; hits counted in memory meanwhile (their timer
    // may have fired during it) are written soon.
    if (waiters.length > 0) void flush();
    else if (unwritten > 0) flushSoon();
  };

  const answer = (results: Array<{ windowMs: number; list: Array<[string, { n: number; fromMemory: number }]>; totals: Map<string, { hits: number; ttlMs: number }> }>, batch: Waiter[], startedAt: number) => {
      // Where each key's waiters start: PostgreSQL's total less the hits of this statement, then one by one.
      const next = new Map<string, number>();
      for (const { windowMs, list, totals } of results) {
        for (const [key, entry] of list) {
          const total = totals.get(key);
          if (!total) continue;
          const state = states.get(key);
          if (state) state.pending -= entry.fromMemory;
          unwritten -= entry.fromMemory;
          // Hits counted here while the statement ran are still pending: added to what is known.
          states.set(key, { known: total.hits, pending: state?.pending ?? 0, windowMs, windowEndsAt: startedAt + total.ttlMs, syncedAt: startedAt });
          next.set(key, total.hits - (entry.n - entry.fromMemory) + 1);
        }
      }
      for (const waiter of batch) {
        const current = next.get(waiter.key);
        const state = states.get(waiter.key);
        if (current === undefined || !state) waiter.callback(new Error('rate-limit counter not returned'));
        else {
          next.set(waiter.key, current + 1);
          waiter.callback(null, { current, ttl: Math.max(0, state.windowEndsAt - Date.now()) });
        }
      }
  };

  const flushSoon = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, FLUSH_MS);
    timer.unref();
  };

  return {
    incr(key: string, callback: StoreCallback, windowMs: number, max: number) {
      if (++counted % SWEEP_EVERY === 0) void repo.deleteOldHits(db, KEEP_MS).catch(() => {});
      const now = Date.now();
      const state = states.get(key);
      if (
        state &&
        state.windowMs === windowMs &&
        now < state.windowEndsAt &&
        now - state.syncedAt < FRESH_MS &&
        state.pending < Math.floor(max * LOCAL_SHARE) &&
        state.known + state.pending < max
      ) {
        state.pending += 1;
        unwritten += 1;
        callback(null, { current: state.known + state.pending, ttl: state.windowEndsAt - now });
        flushSoon();
        return;
      }
      waiters.push({ key, windowMs, callback });
      void flush();
    },
  };
}

/** The store class @fastify/rate-limit instantiates (`store` option), bound to the primary database. */
export function sharedRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  const counter = sharedCounter(db);
  const shared = (prefix: string): RateLimitStore => ({
    incr(key, callback, timeWindow, max) {
      counter.incr(`${prefix}|${key}`, callback, timeWindow, max);
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
