/**
 * The case's ledger as the reports capability uses it (ports/case-ledger.ts says what it needs):
 * app.ts hands it to the report routes, commands/ and demo/ to `fileReport` and the staff's
 * findings, so the reports capability never imports this one.
 */
import type { CaseLedger } from '../../ports/case-ledger.ts';
import { openCaseForReport, openCasesForReports } from './opening.service.ts';
import { caseStateForUpdate, publicTimeline, recordCaseEvent } from './timeline.service.ts';

export const caseLedger: CaseLedger = {
  openForReport: openCaseForReport,
  openForReports: openCasesForReports,
  recordEvent: recordCaseEvent,
  stateForUpdate: caseStateForUpdate,
  publicTimeline,
};
