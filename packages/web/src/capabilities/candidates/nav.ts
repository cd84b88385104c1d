import type { ConsoleNavItem } from '../../console/nav-item.ts';
import { messages } from './messages.ts';

export const candidatesNav: ConsoleNavItem = { href: '/konsol/calon', label: { id: messages.id.nav, en: messages.en.nav }, action: 'candidates.read' };
