/**
 * Names for the keys the aggregates count by, in both languages. Case states, acts and position
 * types come from core; what only the dashboards name is here.
 */
import { CASE_STATE_LABELS, isCaseState, isActCode, POSITION_TYPES, PROHIBITED_ACTS, type Election, type Localised } from '@netra/core';

export const REPORT_SOURCE_LABELS: Readonly<Record<string, Localised>> = {
  public: { id: 'Laporan masyarakat', en: 'Public report' },
  finding: { id: 'Temuan pengawas', en: "Supervisor's finding" },
  paper: { id: 'Laporan tertulis (kertas)', en: 'Paper report' },
  screening: { id: 'Penapisan media sosial', en: 'Social-media screening' },
};

/** Days outside every stage of the schedule. */
export const OFF_STAGE_LABELS: Readonly<Record<string, Localised>> = {
  before: { id: 'Sebelum tahapan dimulai', en: 'Before the schedule' },
  between: { id: 'Di antara tahapan', en: 'Between stages' },
  after: { id: 'Setelah tahapan selesai', en: 'After the schedule' },
};

export const DEADLINE_PARTY_LABELS: Readonly<Record<string, Localised>> = {
  bawaslu: { id: 'Kajian Bawaslu', en: 'Bawaslu review' },
  bkn: { id: 'Verifikasi BKN', en: 'BKN verification' },
  ppk: { id: 'Tindak lanjut PPK', en: 'PPK follow-up' },
  reporter: { id: 'Keterangan tambahan pelapor', en: "Reporter's additional information" },
};

const UNKNOWN_POSITION: Localised = { id: 'ASN belum teridentifikasi', en: 'Civil servant not yet identified' };
const NO_ACT: Localised = { id: 'Jenis pelanggaran belum ditetapkan', en: 'Act not yet determined' };

export function stateLabel(key: string): Localised {
  return isCaseState(key) ? CASE_STATE_LABELS[key] : { id: key, en: key };
}

export function actLabel(key: string): Localised {
  if (!isActCode(key)) return NO_ACT;
  const { description } = PROHIBITED_ACTS[key];
  return { id: `${key} · ${description.id}`, en: `${key} · ${description.en}` };
}

export function positionLabel(key: string): Localised {
  return POSITION_TYPES.find((p) => p.code === key)?.label ?? UNKNOWN_POSITION;
}

export function stageLabel(election: Pick<Election, 'stages'>, key: string): Localised {
  return election.stages.find((s) => s.code === key)?.name ?? OFF_STAGE_LABELS[key] ?? { id: key, en: key };
}

export function sourceLabel(key: string): Localised {
  return REPORT_SOURCE_LABELS[key] ?? { id: key, en: key };
}
