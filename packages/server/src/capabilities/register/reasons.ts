/**
 * Why a row of an ASN import is refused: the core validator's reasons (cell by cell) plus the
 * ones only the server can know, because they depend on the register and the importer's scope.
 * All share the core's shape, so the rejected-rows file and the API render them alike.
 */
import type { AsnColumnKey, AsnRowReason, Localised } from '@netra/core';

export type RegisterReasonCode = 'agency_outside_scope' | 'agency_region_mismatch' | 'nip_registered_outside_scope';

export type ImportReason = AsnRowReason | { column: AsnColumnKey; code: RegisterReasonCode; message: Localised };

export const registerReason = {
  agencyOutsideScope: (agencyCode: string): ImportReason => ({
    column: 'kode_instansi',
    code: 'agency_outside_scope',
    message: {
      id: `Instansi ${agencyCode} di luar instansi yang menjadi wewenang Anda.`,
      en: `Agency ${agencyCode} is not one of the agencies you are responsible for.`,
    },
  }),
  agencyRegionMismatch: (agencyCode: string, agencyRegion: string, rowRegion: string): ImportReason => ({
    column: 'kode_wilayah',
    code: 'agency_region_mismatch',
    message: {
      id: `Instansi ${agencyCode} berada di wilayah ${agencyRegion}, sedangkan kode_wilayah ${rowRegion} di luar wilayah itu.`,
      en: `Agency ${agencyCode} belongs to region ${agencyRegion}, but kode_wilayah ${rowRegion} lies outside it.`,
    },
  }),
  /** Deliberately vague: the importer may not learn where a person outside their scope works. */
  nipRegisteredOutsideScope: (): ImportReason => ({
    column: 'nip',
    code: 'nip_registered_outside_scope',
    message: {
      id: 'NIP ini sudah terdaftar pada instansi atau wilayah di luar wewenang Anda; hanya petugas yang berwenang di sana yang dapat mengubahnya.',
      en: 'This NIP is already registered with an agency or region outside your scope; only the officers responsible there can change it.',
    },
  }),
};

/** "kolom: pesan; kolom: pesan", as written in the alasan_penolakan column. */
export function reasonsText(reasons: readonly ImportReason[], language: keyof Localised): string {
  return reasons.map((r) => `${r.column}: ${r.message[language]}`).join('; ');
}
