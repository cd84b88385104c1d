import type { ConsoleNavItem } from '../../console/nav.ts';
import { REGISTER_IMPORTERS, REGISTER_READERS } from './api.ts';
import { messages } from './messages.ts';

export const registerNav: ConsoleNavItem[] = [
  { href: '/konsol/register', label: { id: messages.id.navSearch, en: messages.en.navSearch }, roles: REGISTER_READERS },
  { href: '/konsol/register/impor', label: { id: messages.id.navImport, en: messages.en.navImport }, roles: REGISTER_IMPORTERS },
];
