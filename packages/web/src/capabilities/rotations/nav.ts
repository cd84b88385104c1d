import type { ConsoleNavItem } from '../../console/nav-item.ts';
import { messages } from './messages.ts';

export const rotationsNav: ConsoleNavItem = { href: '/konsol/mutasi', label: { id: messages.id.nav, en: messages.en.nav }, action: 'rotations.read' };
