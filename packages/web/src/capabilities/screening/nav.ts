import type { ConsoleNavItem } from '../../console/nav.ts';
import { SCREENING_OFFICERS, SCREENING_READERS } from './api.ts';
import { messages } from './messages.ts';

const label = (key: 'navQueue' | 'navImport' | 'navLexicon' | 'navAccounts') => ({ id: messages.id[key], en: messages.en[key] });

export const screeningNav: ConsoleNavItem[] = [
  { href: '/konsol/penapisan', label: label('navQueue'), roles: SCREENING_READERS },
  { href: '/konsol/penapisan/impor', label: label('navImport'), roles: SCREENING_OFFICERS },
  { href: '/konsol/penapisan/leksikon', label: label('navLexicon'), roles: SCREENING_READERS },
  { href: '/konsol/penapisan/akun', label: label('navAccounts'), roles: SCREENING_READERS },
];
