import type { ConsoleNavItem } from '../../console/nav-item.ts';
import { adminMessages } from './admin-messages.ts';

export const electionsNav: ConsoleNavItem[] = [{ href: '/konsol/pemilihan', label: { id: adminMessages.id.nav, en: adminMessages.en.nav }, action: 'elections.manage' }];
