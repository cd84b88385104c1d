import type { ConsoleNavItem } from '../../console/nav-item.ts';
import { agencyMessages } from './agencies-messages.ts';
import { messages } from './messages.ts';

export const registerNav: ConsoleNavItem[] = [
  { href: '/konsol/register', label: { id: messages.id.navSearch, en: messages.en.navSearch }, action: 'register.read' },
  { href: '/konsol/register/impor', label: { id: messages.id.navImport, en: messages.en.navImport }, action: 'register.import' },
  { href: '/konsol/register/instansi', label: { id: agencyMessages.id.nav, en: agencyMessages.en.nav }, action: 'register.agencies.manage' },
];
