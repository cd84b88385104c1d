import type { ConsoleNavItem } from '../../console/nav-item.ts';
import { messages as prevention } from '../prevention/messages.ts';
import { messages } from './messages.ts';

/** Every staff role sees the dashboard and prevention coverage of its own territory. */
export const dashboardNav: ConsoleNavItem[] = [
  { href: '/konsol/dasbor', label: { id: messages.id.nav, en: messages.en.nav }, action: 'dashboards.read' },
  { href: '/konsol/pencegahan', label: { id: prevention.id.nav, en: prevention.en.nav }, action: 'prevention.coverage.read' },
];
