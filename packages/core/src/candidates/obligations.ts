/**
 * What a civil servant who runs for regional office must do, and what follows (FACTS.md §4):
 *
 *   notice       written notice to the PPK at registration        due: last day of registration
 *   resignation  written resignation on KPU's determination       due: determination + grace days
 *   dismissal    honourable dismissal, effective at month end      due: end of the determination month
 *   BKN          processing of the dismissal at BKN               due: dismissal + configurable days
 *
 * The grace days and BKN's processing time differ per election or are unconfirmed, so they are
 * data with their legal basis, not constants. Missed obligations become alerts for the region's
 * BKPSDM and for Bawaslu.
 */
import type { Election, Localised } from '../elections/types.ts';
import { addDays, daysBetween, endOfMonth, type IsoDate } from '../time/iso-date.ts';
import { determinationDate, registrationEnd } from './election-dates.ts';
import type { CandidatePerson } from './types.ts';

export type ObligationCode = 'notice' | 'resignation' | 'dismissal' | 'bkn_processing';

export type DueStatus = 'not_yet_due' | 'due_soon' | 'done' | 'done_late' | 'overdue';

export interface ObligationRule {
  basis: Localised;
  /** True where sources disagree or the figure is unconfirmed: shown as such in the UI. */
  unsure?: boolean;
}

export interface AsnCandidacyRules {
  notice: ObligationRule;
  /** Days after determination by which the resignation must be in (0 = on the day). */
  resignation: ObligationRule & { graceDays: number };
  dismissal: ObligationRule;
  /** Days after the dismissal takes effect by which BKN should have processed it. */
  bknProcessing: ObligationRule & { days: number };
  /** An obligation due within this many days is "due soon". */
  dueSoonDays: number;
}

const DISMISSAL_RULE: ObligationRule = {
  basis: {
    id: 'PP 11/2017 ps. 254: PNS yang ditetapkan sebagai calon diberhentikan dengan hormat terhitung akhir bulan penetapan, juga bila tidak mengundurkan diri. PPPK: pemutusan perjanjian kerja (PP 49/2018).',
    en: 'PP 11/2017 art. 254: a PNS determined as a candidate is honourably dismissed as of the end of the month of determination, also when they do not resign. PPPK: termination of the work agreement (PP 49/2018).',
  },
};

const BKN_PROCESSING_RULE: AsnCandidacyRules['bknProcessing'] = {
  days: 30,
  unsure: true,
  basis: {
    id: 'Tidak ada batas waktu yang terkonfirmasi untuk pemrosesan di BKN (SK golongan tinggi ditandatangani di BKN pusat); bawaan 30 hari setelah pemberhentian berlaku, dapat diubah.',
    en: 'No confirmed time limit for processing at BKN (higher ranks are signed at central BKN); default 30 days after the dismissal takes effect, configurable.',
  },
};

/** Rules per election id, as the seed writes them; administrators can change them. */
export const ASN_CANDIDACY_RULES: Readonly<Record<string, AsnCandidacyRules>> = {
  'pilkada-2024': {
    notice: {
      basis: {
        id: 'PKPU 8/2024 ps. 14 ayat (4) huruf c: ASN melaporkan pencalonannya secara tertulis kepada PPK saat pendaftaran.',
        en: 'PKPU 8/2024 art. 14(4)(c): a civil servant reports the candidacy in writing to the PPK at registration.',
      },
    },
    resignation: {
      graceDays: 0,
      basis: {
        id: 'UU 10/2016 ps. 7 ayat (2) huruf t; PKPU 8/2024 ps. 14 ayat (2) huruf r: mengundurkan diri secara tertulis sejak ditetapkan sebagai pasangan calon; tidak dapat ditarik kembali.',
        en: 'UU 10/2016 art. 7(2)(t); PKPU 8/2024 art. 14(2)(r): resign in writing upon determination as a candidate; the resignation cannot be withdrawn.',
      },
    },
    dismissal: DISMISSAL_RULE,
    bknProcessing: BKN_PROCESSING_RULE,
    dueSoonDays: 3,
  },
  'pilkada-2020': {
    notice: {
      unsure: true,
      basis: {
        id: 'PKPU 3/2017 jo. PKPU 1/2020: pemberitahuan pencalonan kepada PPK saat pendaftaran (pasal belum diperiksa terhadap teks resmi).',
        en: 'PKPU 3/2017 as amended by PKPU 1/2020: notice of candidacy to the PPK at registration (article not checked against the official text).',
      },
    },
    resignation: {
      graceDays: 5,
      basis: {
        id: 'UU 10/2016 ps. 7 ayat (2) huruf t; PKPU 1/2020: surat pengunduran diri yang ditandatangani PPK paling lambat 5 hari setelah penetapan.',
        en: 'UU 10/2016 art. 7(2)(t); PKPU 1/2020: resignation letter signed by the PPK within 5 days after determination.',
      },
    },
    dismissal: DISMISSAL_RULE,
    bknProcessing: BKN_PROCESSING_RULE,
    dueSoonDays: 3,
  },
};

export function asnCandidacyRules(electionId: string): AsnCandidacyRules {
  const rules = ASN_CANDIDACY_RULES[electionId];
  if (!rules) throw new RangeError(`No ASN candidacy rules for election ${electionId}`);
  return rules;
}

/** What has happened so far, each as the date on the letter or decree. */
export interface CandidacyEvents {
  noticeDate?: IsoDate;
  resignationDate?: IsoDate;
  dismissalDecreeDate?: IsoDate;
  bknProcessedDate?: IsoDate;
}

export interface ObligationState {
  code: ObligationCode;
  name: Localised;
  /** Who has to act: the candidate, the PPK (regional head) or BKN. */
  responsible: 'candidate' | 'ppk' | 'bkn';
  due: IsoDate;
  doneOn: IsoDate | null;
  status: DueStatus;
  /** Days left until the due date (0 = due today); null once done or overdue. */
  daysRemaining: number | null;
  /** Days past the due date, for overdue and late ones; otherwise null. */
  daysLate: number | null;
  basis: Localised;
  unsure: boolean;
}

export interface CandidacyAlert {
  obligation: ObligationCode;
  status: 'overdue' | 'done_late';
  /** The region's BKPSDM sees it; Bawaslu receives it as possible grounds for a finding. */
  notify: ReadonlyArray<'bkpsdm' | 'bawaslu'>;
  message: Localised;
}

export interface ObligationReport {
  obligations: ObligationState[];
  alerts: CandidacyAlert[];
}

const ALERT_RECIPIENTS = ['bkpsdm', 'bawaslu'] as const;

const NAMES: Record<ObligationCode, Localised> = {
  notice: { id: 'Pemberitahuan tertulis kepada PPK', en: 'Written notice to the PPK' },
  resignation: { id: 'Pengunduran diri tertulis', en: 'Written resignation' },
  dismissal: { id: 'Pemberhentian dengan hormat (akhir bulan penetapan)', en: 'Honourable dismissal (end of the determination month)' },
  bkn_processing: { id: 'Pemrosesan pemberhentian di BKN', en: 'Processing of the dismissal at BKN' },
};

function progress(
  due: IsoDate,
  doneOn: IsoDate | null,
  today: IsoDate,
  dueSoonDays: number,
): Pick<ObligationState, 'status' | 'daysRemaining' | 'daysLate'> {
  if (doneOn !== null) {
    return doneOn <= due
      ? { status: 'done', daysRemaining: null, daysLate: null }
      : { status: 'done_late', daysRemaining: null, daysLate: daysBetween(due, doneOn) };
  }
  if (today > due) return { status: 'overdue', daysRemaining: null, daysLate: daysBetween(due, today) };
  const daysRemaining = daysBetween(today, due);
  return { status: daysRemaining <= dueSoonDays ? 'due_soon' : 'not_yet_due', daysRemaining, daysLate: null };
}

function alertFor(state: ObligationState, who: string): CandidacyAlert | null {
  if (state.status !== 'overdue' && state.status !== 'done_late') return null;
  const days = state.daysLate!;
  const message: Localised =
    state.status === 'overdue'
      ? {
          id: `${state.name.id} untuk ${who} lewat ${days} hari dari batas ${state.due} dan belum tercatat.`,
          en: `${state.name.en} for ${who} is ${days} days past its ${state.due} deadline and not recorded.`,
        }
      : {
          id: `${state.name.id} untuk ${who} tercatat ${state.doneOn}, terlambat ${days} hari dari batas ${state.due}.`,
          en: `${state.name.en} for ${who} was recorded on ${state.doneOn}, ${days} days after its ${state.due} deadline.`,
        };
  return { obligation: state.code, status: state.status, notify: ALERT_RECIPIENTS, message };
}

/**
 * Where an ASN candidate stands on each obligation on `today`. The candidate must carry an
 * `asnNip`; `rules` default to the shipped rules of the election.
 */
export function obligationStatus(
  election: Pick<Election, 'id' | 'stages'>,
  candidate: CandidatePerson,
  events: CandidacyEvents,
  today: IsoDate,
  rules: AsnCandidacyRules = asnCandidacyRules(election.id),
): ObligationReport {
  if (!candidate.asnNip) throw new RangeError(`${candidate.name} is not recorded as a civil servant (no asnNip)`);
  const determination = determinationDate(election);
  const dismissalDue = endOfMonth(determination);
  const plan: Array<{ code: ObligationCode; responsible: ObligationState['responsible']; due: IsoDate; doneOn?: IsoDate; rule: ObligationRule }> = [
    { code: 'notice', responsible: 'candidate', due: registrationEnd(election), doneOn: events.noticeDate, rule: rules.notice },
    {
      code: 'resignation',
      responsible: 'candidate',
      due: addDays(determination, rules.resignation.graceDays),
      doneOn: events.resignationDate,
      rule: rules.resignation,
    },
    { code: 'dismissal', responsible: 'ppk', due: dismissalDue, doneOn: events.dismissalDecreeDate, rule: rules.dismissal },
    {
      code: 'bkn_processing',
      responsible: 'bkn',
      due: addDays(dismissalDue, rules.bknProcessing.days),
      doneOn: events.bknProcessedDate,
      rule: rules.bknProcessing,
    },
  ];
  const obligations = plan.map(({ code, responsible, due, doneOn, rule }): ObligationState => ({
    code,
    name: NAMES[code],
    responsible,
    due,
    doneOn: doneOn ?? null,
    ...progress(due, doneOn ?? null, today, rules.dueSoonDays),
    basis: rule.basis,
    unsure: rule.unsure ?? false,
  }));
  const who = `${candidate.name} (NIP ${candidate.asnNip})`;
  const alerts = obligations.flatMap((state) => alertFor(state, who) ?? []);
  return { obligations, alerts };
}
