/**
 * Group commit for filings (issue 11, fourth pass): filings that arrive while another batch is
 * committing wait for it and are then written together in ONE transaction, in multi-row
 * statements (the batch's cases, its reports, its audit entries, its follow-up jobs: one statement
 * each) and one COMMIT (one WAL flush) for the lot. Each filing's caller is answered
 * only after that COMMIT, so nothing is acknowledged before it is durable.
 *
 * No timer: a filing that finds no batch committing starts one at once (no added wait when the
 * intake is quiet); under a surge the batches grow by themselves to what arrived meanwhile.
 *
 * One filing's failure (a receipt number drawn twice, an idempotency key raced in twice, a
 * constraint) aborts the shared transaction: then every filing of that batch is written again on
 * its own, so the others are not lost and the failing one gets its own error (and its caller's
 * own handling: a new receipt number, the earlier receipt).
 */
import type { Db, Trx } from '../../db/database.ts';

export interface GroupCommitOptions<Item, Result> {
  /** Write a batch's items (in arrival order) in as few statements as possible; their results in that order. */
  write(trx: Trx, items: Item[]): Promise<Result[]>;
  /** At most this many filings in one transaction. */
  maxBatch?: number;
  /** At most this many batch transactions at a time (the next one gathers while they commit). */
  maxInFlight?: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve(value: Result): void;
  reject(error: unknown): void;
}

export interface GroupCommitter<Item, Result> {
  /** Write `item` in a shared transaction; resolves with its result after that transaction committed. */
  commit(item: Item): Promise<Result>;
}

/** PostgreSQL refused a statement (a SQLSTATE outside connection loss, shutdown and resources): the transaction surely rolled back. */
function refusedStatement(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|53|57|58|XX)/.test(code);
}

export function groupCommitter<Item, Result>(db: Db, options: GroupCommitOptions<Item, Result>): GroupCommitter<Item, Result> {
  // At least one of each, whatever a setting says (a NaN would stall every filing).
  const maxBatch = Math.max(1, Math.floor(options.maxBatch || 32));
  const maxInFlight = Math.max(1, Math.floor(options.maxInFlight || 2));
  const queue: Array<Waiting<Item, Result>> = [];
  let inFlight = 0;

  const runTogether = async (batch: Array<Waiting<Item, Result>>) => {
    const results = await db.transaction().execute((trx) =>
      options.write(
        trx,
        batch.map((w) => w.item),
      ),
    );
    batch.forEach((waiting, i) => waiting.resolve(results[i]));
  };

  const runAlone = (item: Waiting<Item, Result>) => runTogether([item]).catch((error: unknown) => item.reject(error));

  const pump = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      inFlight += 1;
      const done: Promise<void> =
        batch.length === 1
          ? runAlone(batch[0])
          : runTogether(batch).catch((error: unknown) =>
              // A statement refused: each again on its own. The connection lost (the COMMIT's
              // outcome unknown): not written twice, every caller told.
              refusedStatement(error) ? Promise.all(batch.map(runAlone)).then(() => undefined) : batch.forEach((item) => item.reject(error)),
            );
      void done.finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };

  return {
    commit(item: Item): Promise<Result> {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Filings that arrive in the same turn of the event loop join one batch.
        if (queue.length === 1) setImmediate(pump);
      });
    },
  };
}
