import type { Db } from './db/database.ts';

/** What every capability needs from the running system; tests pass their own. */
export interface AppContext {
  db: Db;
  /** The clock, injectable so tests can stand on any day of an election. */
  now: () => Date;
  /** AES-256 key for fields encrypted at rest (reporter identity, TOTP secrets); never in the database. */
  encryptionKey: Buffer;
  /** Where evidence files are stored (content-addressed; a shared volume when several servers run). */
  evidenceDir: string;
}
