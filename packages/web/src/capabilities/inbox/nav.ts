import type { ConsoleNavItem } from '../../console/nav-item.ts';
import { messages } from './messages.ts';

const label = (key: 'navInbox' | 'navSettings') => ({ id: messages.id[key], en: messages.en[key] });

export const inboxNav: ConsoleNavItem[] = [
  { href: '/konsol/kotak-masuk', label: label('navInbox'), action: 'inbox.read' },
  { href: '/konsol/pengaturan-pemberitahuan', label: label('navSettings'), action: 'notifications.read' },
];
