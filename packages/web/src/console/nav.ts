/**
 * The console menu. Each capability adds its entries here (one line each); an entry is shown only
 * to the roles core's permission table allows its action. The server enforces roles and scope
 * again on every request: the menu only spares people links they cannot use.
 */
import { can } from '@netra/core/access/permissions';
import { candidatesNav } from '../capabilities/candidates/nav.ts';
import { casesNav } from '../capabilities/cases/nav.ts';
import { registerNav } from '../capabilities/register/nav.ts';
import { rotationsNav } from '../capabilities/rotations/nav.ts';
import { reportsNav } from '../capabilities/reports/console/nav.ts';
import { screeningNav } from '../capabilities/screening/nav.ts';
import { dashboardNav } from '../capabilities/dashboards/nav.ts';
import { adminNav } from '../capabilities/admin/nav.ts';
import { electionsNav } from '../capabilities/elections/nav.ts';
import { inboxNav } from '../capabilities/inbox/nav.ts';
import { retentionNav } from '../capabilities/retention/nav.ts';
import type { ConsoleNavItem } from './nav-item.ts';

export type { ConsoleNavItem } from './nav-item.ts';

export const consoleNav: ConsoleNavItem[] = [casesNav, ...reportsNav, ...inboxNav, ...registerNav, candidatesNav, rotationsNav, ...dashboardNav, ...screeningNav, ...adminNav, ...retentionNav, ...electionsNav];

export function navFor(role: string): ConsoleNavItem[] {
  return consoleNav.filter((item) => !item.action || can(role, item.action));
}
