import type { ConsoleNavItem } from '../../console/nav-item.ts';

/** Cases are read by the roles on a case's path (not the analyst or the administrator). */
export const casesNav: ConsoleNavItem = { href: '/konsol/perkara', label: { id: 'Perkara', en: 'Cases' }, action: 'cases.read' };
