import type { ConsoleNavItem } from '../../console/nav.ts';

/** Roles that work on cases (the server refuses the analyst and the administrator). */
export const CASE_ROLES = ['bawaslu_regency', 'bawaslu_province', 'bawaslu_national', 'bkn_verifier', 'bkpsdm_officer', 'ppk_delegate'] as const;

export const casesNav: ConsoleNavItem = { href: '/konsol/perkara', label: { id: 'Perkara', en: 'Cases' }, roles: CASE_ROLES };
