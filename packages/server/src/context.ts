import type { Db } from './db/database.ts';
import type { FileStore } from './storage/file-store.ts';

/** What every capability needs from the running system; tests pass their own. */
export interface AppContext {
  db: Db;
  /**
   * For reads that may lag the primary by a moment (dashboards, public pages, large exports):
   * the read replica of DATABASE_READ_URL, or the primary itself when there is none. Writes, and
   * reads that must see their own writes, use `db`.
   */
  readDb: Db;
  /** The clock, injectable so tests can stand on any day of an election. */
  now: () => Date;
  /** AES-256 key for fields encrypted at rest (reporter identity, TOTP secrets); never in the database. */
  encryptionKey: Buffer;
  /**
   * Root of the HMACs (report tracking secrets, evidence links): kept, sealed, in the database
   * (security/keys.ts) so a rotation of the encryption key does not invalidate receipts.
   */
  hmacKey: Buffer;
  /** This server's own working directory for uploads in progress (`incoming/`). */
  evidenceDir: string;
  /** Where files are kept (evidence, exports): a local directory or S3-compatible storage (storage/). */
  files: FileStore;
}

/**
 * The context for work that only reads and may lag a moment (dashboards, public pages, large
 * exports): the same context with `db` pointing at the read replica, when there is one.
 */
export function readOnlyContext(ctx: AppContext): AppContext {
  return ctx.readDb === ctx.db ? ctx : { ...ctx, db: ctx.readDb };
}
