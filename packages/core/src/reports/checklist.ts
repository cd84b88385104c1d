/**
 * The formal and material requirements of a report (FACTS.md §3) as data, and a report's status
 * against them. Bawaslu decides; the checklist shows what is missing so the reporter can be asked
 * for it within the more-information deadline.
 */
import type { IsoDate } from '../time/iso-date.ts';
import type { Localised, Rulebook } from '../elections/types.ts';
import { MIN_DESCRIPTION_LENGTH } from './fields.ts';
import { reportWindowStatus } from './report-window.ts';

export type ChecklistItemCode = 'reporter_identity' | 'filed_in_time' | 'event_time' | 'event_place' | 'description' | 'evidence';

export interface ChecklistItem {
  code: ChecklistItemCode;
  kind: 'formal' | 'material';
  label: Localised;
}

export const REPORT_REQUIREMENTS_BASIS =
  'UU 1/2015 ps. 134 jo. UU 10/2016; Perbawaslu 8/2020 jo. 9/2024 (Pemilihan); UU 7/2017 ps. 454; Perbawaslu 7/2022 (Pemilu)';

export const REPORT_CHECKLIST: readonly ChecklistItem[] = [
  { code: 'reporter_identity', kind: 'formal', label: { id: 'Identitas pelapor (nama dan alamat)', en: "Reporter's identity (name and address)" } },
  { code: 'filed_in_time', kind: 'formal', label: { id: 'Disampaikan dalam batas waktu', en: 'Filed in time' } },
  { code: 'event_time', kind: 'material', label: { id: 'Waktu kejadian', en: 'Time of the event' } },
  { code: 'event_place', kind: 'material', label: { id: 'Tempat kejadian', en: 'Place of the event' } },
  { code: 'description', kind: 'material', label: { id: 'Uraian kejadian', en: 'Description of the event' } },
  { code: 'evidence', kind: 'material', label: { id: 'Bukti', en: 'Evidence' } },
];

export function isChecklistItemCode(value: string): value is ChecklistItemCode {
  return REPORT_CHECKLIST.some((item) => item.code === value);
}

// The least a description says (not statutory): one rule with the form's fields (fields.ts).
export { MIN_DESCRIPTION_LENGTH } from './fields.ts';

export interface ChecklistReport {
  reporterName?: string | null;
  reporterAddress?: string | null;
  violationKnownDate: IsoDate;
  filedDate: IsoDate;
  incidentDate?: IsoDate | null;
  incidentPlace?: string | null;
  description?: string | null;
  evidenceCount: number;
}

export interface ChecklistItemStatus extends ChecklistItem {
  met: boolean;
  /** Why an item is not met, or a remark worth showing when it is. */
  detail?: Localised;
}

export interface ChecklistStatus {
  items: ChecklistItemStatus[];
  formalMet: boolean;
  materialMet: boolean;
  basis: string;
}

const filled = (text: string | null | undefined): boolean => (text ?? '').trim().length > 0;

type Assessment = { met: boolean; detail?: Localised };

function assess(code: ChecklistItemCode, report: ChecklistReport, rulebook: Pick<Rulebook, 'reportWindow' | 'extraNonWorkingDays'>): Assessment {
  switch (code) {
    case 'reporter_identity':
      return filled(report.reporterName) && filled(report.reporterAddress)
        ? { met: true }
        : {
            met: false,
            detail: {
              id: 'Tanpa nama dan alamat pelapor, laporan dapat dijadikan informasi awal untuk temuan Bawaslu.',
              en: "Without the reporter's name and address, the report can serve as initial information for a Bawaslu finding.",
            },
          };
    case 'filed_in_time': {
      const window = reportWindowStatus(report.violationKnownDate, report.filedDate, rulebook);
      return window.withinWindow
        ? { met: true }
        : {
            met: false,
            detail: {
              id: `Terlambat ${window.daysLate} hari${window.counting === 'working' ? ' kerja' : ''}; batas terakhir ${window.lastDay} (${window.basis}).`,
              en: `${window.daysLate} ${window.counting === 'working' ? 'working ' : ''}day(s) late; the last day was ${window.lastDay} (${window.basis}).`,
            },
          };
    }
    case 'event_time':
      if (!report.incidentDate) return { met: false };
      return report.incidentDate <= report.filedDate
        ? { met: true }
        : { met: false, detail: { id: 'Waktu kejadian setelah tanggal laporan.', en: 'The event date is after the filing date.' } };
    case 'event_place':
      return { met: filled(report.incidentPlace) };
    case 'description':
      return (report.description ?? '').trim().length >= MIN_DESCRIPTION_LENGTH
        ? { met: true }
        : {
            met: false,
            detail: {
              id: `Uraian minimal ${MIN_DESCRIPTION_LENGTH} karakter: siapa, berbuat apa.`,
              en: `A description of at least ${MIN_DESCRIPTION_LENGTH} characters: who did what.`,
            },
          };
    case 'evidence':
      return { met: report.evidenceCount > 0 };
  }
}

export function checklistStatus(report: ChecklistReport, rulebook: Pick<Rulebook, 'reportWindow' | 'extraNonWorkingDays'>): ChecklistStatus {
  const items = REPORT_CHECKLIST.map((item) => ({ ...item, ...assess(item.code, report, rulebook) }));
  const allMet = (kind: ChecklistItem['kind']) => items.filter((item) => item.kind === kind).every((item) => item.met);
  return { items, formalMet: allMet('formal'), materialMet: allMet('material'), basis: REPORT_REQUIREMENTS_BASIS };
}
