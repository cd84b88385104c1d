/**
 * The person behind a case (issue 15). Bawaslu may work on a report whose civil servant is not
 * yet identified, but two steps name that person in a binding act and so need a civil servant
 * linked from the register: forwarding the recommendation to BKN (the letter names the person and
 * their NIP) and recording the PPK's sanction (the decree is about that person).
 */
import type { Localised } from '../elections/types.ts';
import type { TransitionCode } from './transitions.ts';

export const TRANSITIONS_NEEDING_PERSON: readonly TransitionCode[] = ['forward_to_bkn', 'record_sanction'];

export function transitionNeedsPerson(code: string): boolean {
  return (TRANSITIONS_NEEDING_PERSON as readonly string[]).includes(code);
}

export const PERSON_REQUIRED_MESSAGE: Localised = {
  id: 'Tautkan dahulu ASN terlapor dari register (NIP, nama, jabatan) sebelum perkara diteruskan ke BKN atau sanksi dicatat.',
  en: 'Link the reported civil servant from the register (NIP, name, position) before the case is forwarded to BKN or a sanction is recorded.',
};

/** Why the person may still be unknown: a short list for the form, "other" with free text. */
export const PERSON_UNKNOWN_REASONS = {
  not_named: { id: 'Pelapor tidak menyebut nama', en: 'The reporter did not name the person' },
  not_in_register: { id: 'Tidak ditemukan di register ASN', en: 'Not found in the ASN register' },
  several_candidates: { id: 'Beberapa ASN cocok, menunggu klarifikasi', en: 'Several civil servants match; awaiting clarification' },
  awaiting_agency: { id: 'Menunggu keterangan instansi', en: 'Awaiting information from the agency' },
  other: { id: 'Lainnya', en: 'Other' },
} as const satisfies Record<string, Localised>;

export type PersonUnknownReason = keyof typeof PERSON_UNKNOWN_REASONS;

export function isPersonUnknownReason(value: string): value is PersonUnknownReason {
  return Object.hasOwn(PERSON_UNKNOWN_REASONS, value);
}
