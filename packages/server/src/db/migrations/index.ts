/**
 * Every migration, in order. Listed explicitly (not read from the folder) so the bundle is
 * the same in development, tests and production.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_reference.ts';
import * as m0002 from './0002_meta.ts';
import * as m0003 from './0003_accounts_audit.ts';
import * as m0004 from './0004_reports_cases.ts';
import * as m0005 from './0005_register.ts';
import * as m0005reports from './0005_reports_extra.ts';
import * as m0006 from './0006_cases_extra.ts';
import * as m0007 from './0007_dashboards_prevention.ts';
import * as m0008screening from './0008_screening.ts';
import * as m0009ocr from './0009_screening_ocr.ts';
import * as m0010admin from './0010_accounts_admin.ts';
import * as m0011rateLimits from './0011_rate_limits.ts';
import * as m0012stance from './0012_screening_stance.ts';
import * as m0013electionRules from './0013_election_rules.ts';
import * as m0014casePeople from './0014_case_people.ts';
import * as m0016reportVault from './0016_report_vault.ts';
import * as m0017messages from './0017_messages.ts';
import * as m0017bInbox from './0017b_inbox.ts';
import * as m0018retention from './0018_retention.ts';
import * as m0019auditKeyed from './0019_audit_keyed.ts';
import * as m0019bLoginBackoff from './0019b_login_backoff.ts';
import * as m0020rulebooks from './0020_rulebooks.ts';
import * as m0025inboxRetention from './0025_inbox_retention.ts';

export const migrations: Record<string, Migration> = {
  '0001_reference': m0001,
  '0002_meta': m0002,
  '0003_accounts_audit': m0003,
  '0004_reports_cases': m0004,
  '0005_register': m0005,
  '0005_reports_extra': m0005reports,
  '0006_cases_extra': m0006,
  '0007_dashboards_prevention': m0007,
  '0008_screening': m0008screening,
  '0009_screening_ocr': m0009ocr,
  '0010_accounts_admin': m0010admin,
  '0011_rate_limits': m0011rateLimits,
  '0012_screening_stance': m0012stance,
  '0013_election_rules': m0013electionRules,
  '0014_case_people': m0014casePeople,
  '0016_report_vault': m0016reportVault,
  '0017_messages': m0017messages,
  '0017b_inbox': m0017bInbox,
  '0018_retention': m0018retention,
  '0019_audit_keyed': m0019auditKeyed,
  '0019b_login_backoff': m0019bLoginBackoff,
  '0020_rulebooks': m0020rulebooks,
  '0025_inbox_retention': m0025inboxRetention,
};
