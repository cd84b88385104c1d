/**
 * Every migration, in order. Listed explicitly (not read from the folder) so the bundle is
 * the same in development, tests and production.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_reference.ts';
import * as m0002 from './0002_meta.ts';
import * as m0003 from './0003_accounts_audit.ts';
import * as m0004 from './0004_reports_cases.ts';

export const migrations: Record<string, Migration> = {
  '0001_reference': m0001,
  '0002_meta': m0002,
  '0003_accounts_audit': m0003,
  '0004_reports_cases': m0004,
};
