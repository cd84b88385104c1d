import type { ConsoleNavItem } from '../../console/nav.ts';
import { messages } from './messages.ts';

export const ROTATION_READERS = ['bkpsdm_officer', 'ppk_delegate', 'bawaslu_regency', 'bawaslu_province', 'bawaslu_national', 'bkn_verifier', 'administrator'];
export const ROTATION_RECORDERS = ['bkpsdm_officer', 'bawaslu_regency', 'bawaslu_province', 'bawaslu_national', 'administrator'];
export const FINDING_MAKERS = ['bawaslu_regency', 'bawaslu_province', 'bawaslu_national'];

export const rotationsNav: ConsoleNavItem = { href: '/konsol/mutasi', label: { id: messages.id.nav, en: messages.en.nav }, roles: ROTATION_READERS };
