import type { ConsoleNavItem } from '../../console/nav.ts';
import { messages } from './messages.ts';

export const CANDIDATE_READERS = ['bkpsdm_officer', 'ppk_delegate', 'bawaslu_regency', 'bawaslu_province', 'bawaslu_national', 'bkn_verifier', 'administrator'];
export const CANDIDATE_EDITORS = ['bkpsdm_officer', 'bawaslu_regency', 'bawaslu_province', 'administrator'];
export const OBLIGATION_RECORDERS = ['bkpsdm_officer', 'ppk_delegate', 'administrator'];

export const candidatesNav: ConsoleNavItem = { href: '/konsol/calon', label: { id: messages.id.nav, en: messages.en.nav }, roles: CANDIDATE_READERS };
