/**
 * An act outside every stage of an election: Bawaslu supervises ASN neutrality during the
 * election's stages (from the first to the last stage of the region's contest). A report about
 * something that happened before the first stage began or after the last one ended is still
 * accepted, but the reporter is told before sending, and the officer sees it on the case.
 */
import type { IsoDate } from '../time/iso-date.ts';
import { formatLongDate } from '../time/local-time.ts';
import { stageOn, stagesForRegion } from './calendar.ts';
import type { Election, Localised } from './types.ts';

export interface OutsideStages {
  phase: 'before' | 'after';
  /** The first stage's start and the last stage's end, for the region's contest. */
  from: IsoDate;
  to: IsoDate;
  message: Localised;
}

/** Null when `occurredOn` falls within the stages (or the election has none for the region). */
export function outsideStages(election: Pick<Election, 'stages' | 'scope' | 'name'>, regionCode: string | null, occurredOn: IsoDate): OutsideStages | null {
  const stages = stagesForRegion(election, regionCode);
  if (stages.length === 0) return null;
  const { phase } = stageOn(election, regionCode, occurredOn);
  if (phase === 'during') return null;
  const from = stages[0].start;
  const to = stages.reduce((end, s) => (s.end > end ? s.end : end), stages[0].end);
  const when = { id: phase === 'before' ? 'sebelum tahapan dimulai' : 'setelah tahapan terakhir selesai', en: phase === 'before' ? 'before the stages began' : 'after the last stage ended' };
  return {
    phase,
    from,
    to,
    message: {
      id: `Kejadian pada ${formatLongDate(occurredOn, 'id')} berada di luar tahapan ${election.name.id} (${formatLongDate(from, 'id')} – ${formatLongDate(to, 'id')}), yaitu ${when.id}. Laporan tetap dapat dikirim; Bawaslu akan menilai apakah kejadian ini masih dapat ditangani sebagai pelanggaran netralitas dalam pemilihan ini.`,
      en: `The event on ${formatLongDate(occurredOn, 'en')} lies outside the stages of ${election.name.en} (${formatLongDate(from, 'en')} – ${formatLongDate(to, 'en')}), ${when.en}. The report can still be sent; Bawaslu will judge whether it can still be handled as a neutrality violation in this election.`,
    },
  };
}
