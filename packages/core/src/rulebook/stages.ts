/** Every stage code an election can have, with the name and criticality the console proposes. */
import type { Localised, StageCode } from '../elections/types.ts';

export const STAGE_DEFAULTS: Readonly<Record<StageCode, { name: Localised; critical: boolean }>> = {
  registration_announcement: { name: { id: 'Pengumuman pendaftaran', en: 'Announcement of registration' }, critical: false },
  registration: { name: { id: 'Pendaftaran pasangan calon', en: 'Candidate registration' }, critical: true },
  requirements_check: { name: { id: 'Penelitian persyaratan calon', en: 'Checking requirements' }, critical: false },
  determination: { name: { id: 'Penetapan pasangan calon', en: 'Determination of candidates' }, critical: false },
  ballot_number_draw: { name: { id: 'Pengundian nomor urut', en: 'Ballot-number draw' }, critical: false },
  campaign: { name: { id: 'Masa kampanye', en: 'Campaign' }, critical: true },
  quiet_period: { name: { id: 'Masa tenang', en: 'Quiet period' }, critical: false },
  voting: { name: { id: 'Pemungutan suara', en: 'Voting' }, critical: true },
  counting: { name: { id: 'Penghitungan dan rekapitulasi suara', en: 'Counting and recapitulation' }, critical: true },
  recap_district: { name: { id: 'Rekapitulasi tingkat kecamatan', en: 'Sub-district recapitulation' }, critical: true },
  recap_regency: { name: { id: 'Rekapitulasi tingkat kabupaten/kota', en: 'Regency/city recapitulation' }, critical: true },
  recap_province: { name: { id: 'Rekapitulasi tingkat provinsi', en: 'Provincial recapitulation' }, critical: true },
};

export const STAGE_CODES = Object.keys(STAGE_DEFAULTS) as StageCode[];

export function isStageCode(value: string): value is StageCode {
  return Object.hasOwn(STAGE_DEFAULTS, value);
}
