import type { ConsoleNavItem } from '../../../console/nav-item.ts';
import { messages } from '../messages.ts';

const label = (key: 'navReports' | 'navIntake' | 'navMerge') => ({ id: messages.id[key], en: messages.en[key] });

/** Who reads reports is the table's `reports.read` (the server narrows further by scope and the case's stage). */
export const reportsNav: ConsoleNavItem[] = [
  { href: '/konsol/laporan', label: label('navReports'), action: 'reports.read' },
  { href: '/konsol/laporan/baru', label: label('navIntake'), action: 'reports.triage' },
  { href: '/konsol/usulan-gabung', label: label('navMerge'), action: 'reports.triage' },
];
