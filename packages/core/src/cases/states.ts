/**
 * The states of a case, from receipt of a report (or a supervisor's finding) through Bawaslu's
 * review, BKN's verification and the PPK's decision (FACTS.md §3).
 */
import type { Localised } from '../elections/types.ts';

export const CASE_STATES = [
  'received',
  'formal_check',
  'awaiting_information',
  'under_review',
  'classified_other_law',
  'classified_not_violation',
  'classified_other',
  'not_accepted',
  'forwarded_to_bkn',
  'verified_by_bkn',
  'recommended_to_ppk',
  'sanction_decided',
  'closed',
  'withdrawn',
] as const;

export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Readonly<Record<CaseState, Localised>> = {
  received: { id: 'Diterima', en: 'Received' },
  formal_check: { id: 'Pemeriksaan syarat formal dan materiel', en: 'Formal and material check' },
  awaiting_information: { id: 'Menunggu keterangan tambahan dari pelapor', en: 'Awaiting more information from the reporter' },
  under_review: { id: 'Dalam kajian', en: 'Under review' },
  classified_other_law: {
    id: 'Pelanggaran peraturan perundang-undangan lainnya (netralitas ASN)',
    en: 'Violation of other laws (ASN neutrality)',
  },
  classified_not_violation: { id: 'Bukan pelanggaran', en: 'Not a violation' },
  classified_other: {
    id: 'Pelanggaran lain (pidana/administrasi), diteruskan ke instansi berwenang',
    en: 'Other violation (criminal/administrative), referred to the competent body',
  },
  not_accepted: { id: 'Tidak memenuhi syarat formal/materiel', en: 'Not accepted: requirements not met' },
  forwarded_to_bkn: { id: 'Diteruskan ke BKN', en: 'Forwarded to BKN' },
  verified_by_bkn: { id: 'Diverifikasi BKN', en: 'Verified by BKN' },
  recommended_to_ppk: { id: 'Direkomendasikan kepada PPK', en: 'Recommended to the PPK' },
  sanction_decided: { id: 'Sanksi dijatuhkan', en: 'Sanction decided' },
  closed: { id: 'Selesai', en: 'Closed' },
  withdrawn: { id: 'Laporan dicabut', en: 'Withdrawn' },
};

export function isCaseState(value: string): value is CaseState {
  return (CASE_STATES as readonly string[]).includes(value);
}
