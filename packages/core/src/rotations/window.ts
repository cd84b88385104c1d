/**
 * The period in which UU 10/2016 art. 71(2) forbids a regional head to replace officials without
 * the Minister of Home Affairs' written approval: from 6 months before the determination of
 * candidates until the end of the term (FACTS.md §5).
 */
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

/**
 * Acting heads have their own rule: UU 10/2016 art. 132A forbids a Pj/Pjs/Plt to transfer staff
 * (mutasi pegawai) at any time of the acting term, again save with the Minister's written approval.
 */
export const UU_10_2016_ART_132A: LegalProvision = {
  reference: 'UU 10/2016 ps. 132A ayat (1) huruf a dan ayat (2)',
  text: {
    id: 'Penjabat Gubernur atau Penjabat Bupati/Walikota, dan pelaksana tugas Gubernur, Bupati dan Walikota dilarang melakukan mutasi pegawai, kecuali setelah mendapat persetujuan tertulis dari Menteri Dalam Negeri.',
    en: 'Acting governors, regents and mayors, and officials carrying out their duties, must not transfer staff, except after written approval of the Minister of Home Affairs.',
  },
};

const MONTHS_BEFORE_DETERMINATION = 6;

export interface ProhibitedWindow {
  electionId: string;
  regionCode: string;
  /** Inclusive. */
  from: IsoDate;
  /** Inclusive. Null while the end of the sitting head's term is not recorded: the window stays open. */
  to: IsoDate | null;
  /** Where `to` comes from: the region's recorded term end, or nothing yet. */
  toSource: 'term_end' | 'term_end_unknown';
  basis: Localised;
}

/**
 * The art. 71(2) window for a region's contest. The law closes it at the end of the term, which
 * differs per region (heads elected in different years): the caller passes `termEnd` from the
 * region's recorded term. Without one the window stays open (never closed early at the end of
 * the election schedule, which the law does not name), and the basis says the term end is missing.
 */
export function prohibitedWindow(
  election: Pick<Election, 'id' | 'stages'>,
  regionCode: string,
  options: { termEnd?: IsoDate } = {},
): ProhibitedWindow {
  const determination = determinationDate(election);
  const from = addMonths(determination, -MONTHS_BEFORE_DETERMINATION);
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
          id: 'Ditutup pada akhir masa jabatan kepala daerah, yang belum dicatat untuk wilayah ini: masa larangan dianggap masih berjalan. Catat akhir masa jabatan.',
          en: "Closes at the end of the regional head's term, which is not recorded for this region: the window is treated as still open. Record the end of the term.",
        };
  return {
    electionId: election.id,
    regionCode,
    from,
    to: termEnd ?? null,
    toSource: termEnd !== undefined ? 'term_end' : 'term_end_unknown',
    basis: {
      id: `${UU_10_2016_ART_71_2.reference}. ${opening.id} ${closing.id}`,
      en: `${UU_10_2016_ART_71_2.reference}. ${opening.en} ${closing.en}`,
    },
  };
}

/** Whether a date falls inside the window (both ends inclusive; an unrecorded end leaves it open). */
export function insideWindow(window: Pick<ProhibitedWindow, 'from' | 'to'>, date: IsoDate): boolean {
  return date >= window.from && (window.to === null || date <= window.to);
}
