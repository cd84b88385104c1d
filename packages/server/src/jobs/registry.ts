/**
 * Every capability's background work, in one list: jobs/boss.ts creates, schedules and works
 * exactly these. A capability with scheduled or queued work exports `jobs` from its own `jobs.ts`
 * and is added here; registry.test.ts fails when a `capabilities/<name>/jobs.ts` is left out.
 */
import { jobs as candidates } from '../capabilities/candidates/jobs.ts';
import { jobs as cases } from '../capabilities/cases/jobs.ts';
import { jobs as dashboards } from '../capabilities/dashboards/jobs.ts';
import { jobs as exports } from '../capabilities/exports/jobs.ts';
import { jobs as reports } from '../capabilities/reports/jobs.ts';
import { jobs as retention } from '../capabilities/retention/jobs.ts';
import { jobs as screening } from '../capabilities/screening/jobs.ts';
import { jobs as mail } from './mail.ts';
import { jobs as inbox } from '../capabilities/inbox/jobs.ts';
import { jobs as messages } from '../capabilities/messages/jobs.ts';
import { jobs as noticeMail } from '../capabilities/notice-mail/jobs.ts';
import type { Job } from '../job.ts';

export const JOBS_BY_CAPABILITY: Readonly<Record<string, readonly Job[]>> = { candidates, cases, dashboards, exports, inbox, mail, messages, 'notice-mail': noticeMail, reports, retention, screening };

export const JOBS: readonly Job[] = Object.values(JOBS_BY_CAPABILITY).flat();
