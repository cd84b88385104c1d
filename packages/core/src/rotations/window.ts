/**
 * The period in which UU 10/2016 art. 71(2) forbids a regional head to replace officials without
 * the Minister of Home Affairs' written approval: from 6 months before the determination of
 * candidates until the end of the term (FACTS.md §5).
 */
import { stagesForRegion } from '../elections/calendar.ts';
import type { Election, Localised } from '../elections/types.ts';
import { determinationDate } from '../candidates/election-dates.ts';
import { addMonths, assertIsoDate, type IsoDate } from '../time/iso-date.ts';

export interface LegalProvision {
  reference: string;
  text: Localised;
}

export const UU_10_2016_ART_71_2: LegalProvision = {
  reference: 'UU 10/2016 ps. 71 ayat (2)',
  text: {
    id: 'Gubernur atau Wakil Gubernur, Bupati atau Wakil Bupati, dan Walikota atau Wakil Walikota dilarang melakukan penggantian pejabat 6 (enam) bulan sebelum tanggal penetapan pasangan calon sampai dengan akhir masa jabatan kecuali mendapat persetujuan tertulis dari Menteri.',
    en: 'Governors or vice governors, regents or vice regents, and mayors or vice mayors must not replace officials from 6 (six) months before the date of determination of candidate pairs until the end of their term, except with the written approval of the Minister.',
  },
};

export const UU_10_2016_ART_71_5: LegalProvision = {
  reference: 'UU 10/2016 ps. 71 ayat (5)',
  text: {
    id: 'Dalam hal Gubernur atau Wakil Gubernur, Bupati atau Wakil Bupati, dan Walikota atau Wakil Walikota selaku petahana melanggar ketentuan sebagaimana dimaksud pada ayat (2) dan ayat (3), petahana tersebut dikenai sanksi pembatalan sebagai calon oleh KPU Provinsi atau KPU Kabupaten/Kota.',
    en: 'Where a governor or vice governor, regent or vice regent, or mayor or vice mayor who is an incumbent breaches paragraphs (2) and (3), the incumbent is sanctioned with cancellation as a candidate by the provincial or regency/city KPU.',
  },
};

const MONTHS_BEFORE_DETERMINATION = 6;

export interface ProhibitedWindow {
  electionId: string;
  regionCode: string;
  /** Inclusive. */
  from: IsoDate;
  /** Inclusive. */
  to: IsoDate;
  /** Where `to` comes from: the region's term end when known, else the end of the election's schedule. */
  toSource: 'term_end' | 'schedule_end';
  basis: Localised;
}

/**
 * The art. 71(2) window for a region's contest. Terms end on different dates per region (heads
 * elected in different years), so the caller passes `termEnd` when it knows it; otherwise the
 * window runs through the last stage of the election's schedule for that region, which the
 * basis says so the UI can show it as an assumption.
 */
export function prohibitedWindow(
  election: Pick<Election, 'id' | 'stages' | 'scope'>,
  regionCode: string,
  options: { termEnd?: IsoDate } = {},
): ProhibitedWindow {
  const determination = determinationDate(election);
  const from = addMonths(determination, -MONTHS_BEFORE_DETERMINATION);
  const scheduleEnd = stagesForRegion(election, regionCode).reduce((end, s) => (s.end > end ? s.end : end), determination);
  const termEnd = options.termEnd === undefined ? undefined : assertIsoDate(options.termEnd);
  if (termEnd !== undefined && termEnd < from) {
    throw new RangeError(`Term end ${termEnd} is before the window opens (${from})`);
  }
  const opening = {
    id: `Dibuka ${from}: 6 bulan sebelum penetapan pasangan calon (${determination}).`,
    en: `Opens ${from}: 6 months before the determination of candidates (${determination}).`,
  };
  const closing =
    termEnd !== undefined
      ? { id: `Ditutup ${termEnd}: akhir masa jabatan kepala daerah.`, en: `Closes ${termEnd}: end of the regional head's term.` }
      : {
          id: `Ditutup ${scheduleEnd}: akhir tahapan pemilihan, karena akhir masa jabatan belum dicatat. Undang-undang menyebut akhir masa jabatan.`,
          en: `Closes ${scheduleEnd}: end of the election schedule, because the end of the term is not recorded. The law says the end of the term.`,
        };
  return {
    electionId: election.id,
    regionCode,
    from,
    to: termEnd ?? scheduleEnd,
    toSource: termEnd !== undefined ? 'term_end' : 'schedule_end',
    basis: {
      id: `${UU_10_2016_ART_71_2.reference}. ${opening.id} ${closing.id}`,
      en: `${UU_10_2016_ART_71_2.reference}. ${opening.en} ${closing.en}`,
    },
  };
}
