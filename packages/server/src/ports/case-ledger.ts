/**
 * What the reports capability needs of a report's case: open it with the report, write on its
 * timeline, lock its state, show the reporter its public part. Declared in ports/, below both
 * capabilities, so the cases implement it without standing on the reports; handed in by whoever
 * composes the two: app.ts for the report routes, commands/ and demo/ for
 * their own filings, each passing the cases capability's `caseLedger` (cases/ledger.ts). So the
 * reports stand beside the cases, not on them, and the case's tables stay the cases capability's.
 */
import type { ElectionRulebook, IsoDate } from '@netra/core';
import type { Db, Trx } from '../db/database.ts';

/** The case a newly arrived report opens (in the transaction that files the report). */
export interface CaseForReport {
  electionId: string;
  regionCode: string;
  agencyId: number | null;
  asnId: number | null;
  actCodes: string[];
  summary: string;
  receivedOn: IsoDate;
  /** The instant of receipt, for the case's timeline. */
  receivedAt?: Date;
  /** The election's rulebook and its version as the caller just read them. */
  rulebook?: { rulebook: ElectionRulebook; version: number };
}

/** An event a report adds to its case's timeline. */
export interface ReportCaseEvent {
  caseId: string;
  actorId: string | null;
  kind: string;
  at?: Date;
  note?: string | null;
  data?: unknown;
  public?: boolean;
}

/** One public event of the case's timeline, as the reporter's tracking page shows it. */
export interface PublicCaseEvent {
  id: number;
  at: Date;
  kind: string;
  toState: string | null;
  data: unknown;
}

export interface CaseLedger {
  openForReport(trx: Trx, input: CaseForReport): Promise<{ id: string; number: string }>;
  /** Several at once, in the order given (a group commit's filings); without it, one by one. */
  openForReports?(trx: Trx, inputs: readonly CaseForReport[]): Promise<Array<{ id: string; number: string }>>;
  recordEvent(trx: Trx, event: ReportCaseEvent): Promise<void>;
  /** The case's state, its row locked until the caller's transaction ends. */
  stateForUpdate(trx: Trx, caseId: string): Promise<string>;
  /** Public events, minus other reporters' own entries. */
  publicTimeline(db: Db, caseId: string, reportId: string): Promise<PublicCaseEvent[]>;
}
