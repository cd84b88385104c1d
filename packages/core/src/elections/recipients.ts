/**
 * The recipient of Bawaslu's recommendation on a date (FACTS.md §1, §3): KASN until its
 * dissolution, BKN from 24 August 2024. Periods are rulebook data; this only reads them.
 */
import type { IsoDate } from '../time/iso-date.ts';
import type { RecipientPeriod, Rulebook } from './types.ts';

export const KASN_DISSOLVED: IsoDate = '2024-08-24';

/** The default for every election: KASN up to 23 Aug 2024, BKN from 24 Aug 2024. */
export const RECIPIENTS_BY_DATE: readonly RecipientPeriod[] = [
  {
    recipient: 'KASN',
    from: null,
    to: '2024-08-23',
    basis: 'UU 5/2014 ps. 31 (pengawasan netralitas oleh KASN) sampai pembubaran KASN',
  },
  {
    recipient: 'BKN',
    from: KASN_DISSOLVED,
    to: null,
    basis: 'UU 20/2023 tentang ASN: KASN dibubarkan, tugas pengawasan netralitas beralih ke BKN; SE MenPAN-RB 4/2024 (KASN tidak aktif sejak 24 Agustus 2024)',
  },
];

/** The period in force on `date`, or null when the rulebook leaves the date uncovered. */
export function recipientPeriodOn(rulebook: Pick<Rulebook, 'recommendationRecipients'>, date: IsoDate): RecipientPeriod | null {
  return rulebook.recommendationRecipients.find((p) => (p.from === null || p.from <= date) && (p.to === null || date <= p.to)) ?? null;
}
