import type { ConsoleNavItem } from '../../console/nav-item.ts';
import { messages } from './messages.ts';

export const retentionNav: ConsoleNavItem[] = [{ href: '/konsol/retensi', label: { id: messages.id.nav, en: messages.en.nav }, action: 'retention.read' }];
