import { BAWASLU_ROLES } from '@netra/core/access/roles';
import type { ConsoleNavItem } from '../../../console/nav.ts';
import { messages } from '../messages.ts';

/** Who reads reports (the server narrows further by scope and by the case's stage). */
export const REPORT_READER_ROLES = [...BAWASLU_ROLES, 'bkn_verifier', 'bkpsdm_officer', 'ppk_delegate'];

const label = (key: 'navReports' | 'navIntake' | 'navMerge') => ({ id: messages.id[key], en: messages.en[key] });

export const reportsNav: ConsoleNavItem[] = [
  { href: '/konsol/laporan', label: label('navReports'), roles: REPORT_READER_ROLES },
  { href: '/konsol/laporan/baru', label: label('navIntake'), roles: BAWASLU_ROLES },
  { href: '/konsol/usulan-gabung', label: label('navMerge'), roles: BAWASLU_ROLES },
];
