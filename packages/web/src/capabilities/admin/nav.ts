import type { ConsoleNavItem } from '../../console/nav-item.ts';
import { messages } from './messages.ts';

export const adminNav: ConsoleNavItem[] = [
  { href: '/konsol/akun', label: { id: messages.id.navAccounts, en: messages.en.navAccounts }, action: 'users.manage' },
  { href: '/konsol/audit', label: { id: messages.id.navAudit, en: messages.en.navAudit }, action: 'audit.read' },
];
