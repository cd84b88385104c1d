import type { ConsoleNavItem } from '../../console/nav-item.ts';
import { messages } from './messages.ts';

const label = (key: 'navQueue' | 'navImport' | 'navLexicon' | 'navAccounts') => ({ id: messages.id[key], en: messages.en[key] });

export const screeningNav: ConsoleNavItem[] = [
  { href: '/konsol/penapisan', label: label('navQueue'), action: 'screening.read' },
  { href: '/konsol/penapisan/impor', label: label('navImport'), action: 'screening.triage' },
  { href: '/konsol/penapisan/leksikon', label: label('navLexicon'), action: 'screening.read' },
  { href: '/konsol/penapisan/akun', label: label('navAccounts'), action: 'screening.read' },
];
