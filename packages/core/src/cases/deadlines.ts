/**
 * The statutory clocks of a case (FACTS.md §3), read from the election's rulebook: which deadline
 * runs in each state, when it falls due, who has to act, when to remind them and whom to alert
 * when they do not.
 */
import { addDays, type IsoDate } from '../time/iso-date.ts';
import type { DeadlineRule, Localised, Rulebook } from '../elections/types.ts';
import { deadlineDate, deadlineStatus, holidayCalendar, isWorkingDay, type DeadlineStatus, type HolidayCalendar } from '../deadlines/working-days.ts';
import { provinceCodeOf, regionLevel } from '../regions/region-code.ts';
import type { RoleCode } from '../access/roles.ts';
import { NATIONAL_SCOPE, type Scope } from '../access/scope.ts';
import type { CaseState } from './states.ts';
import { TRANSITIONS, type TransitionCode } from './transitions.ts';

export type CaseDeadlineCode = 'initial_review' | 'review' | 'review_extended' | 'more_information' | 'bkn_verification' | 'ppk_follow_up';

/** Who has to act before the deadline. The reporter has no account, hence no role. */
export type ResponsibleParty = 'reporter' | 'bawaslu' | 'bkn' | 'ppk';

/** The dates the case's clocks started; each state needs only its own. */
export interface CaseClock {
  receivedDate: IsoDate;
  /**
   * The date a case came back to review (reopened, or returned by BKN). No statute sets a clock
   * for that; Netra restarts the review clock under the same rule, so the case is neither left
   * without a deadline nor shown as months overdue.
   */
  reviewRestartedDate?: IsoDate | null;
  /** The latest request for more information from the reporter. */
  informationRequestedDate?: IsoDate | null;
  forwardedToBknDate?: IsoDate | null;
  recommendedToPpkDate?: IsoDate | null;
}

export interface CaseDeadline extends DeadlineStatus {
  code: CaseDeadlineCode;
  label: Localised;
  /** The day the clock started (the day itself is not counted). */
  startedOn: IsoDate;
  basis: string[];
  /** The rule is one FACTS.md marks unsure (e.g. the PPK's 10 days): show it as such. */
  unsure: boolean;
  party: ResponsibleParty;
  /** Roles that can take the action that stops the clock; empty when the reporter must act. */
  roles: readonly RoleCode[];
}

const CLOCKS: Record<CaseDeadlineCode, { label: Localised; party: ResponsibleParty; stoppedBy: TransitionCode | null }> = {
  initial_review: { label: { id: 'Kajian awal Bawaslu', en: 'Bawaslu initial review' }, party: 'bawaslu', stoppedBy: 'accept_for_review' },
  review: { label: { id: 'Kajian Bawaslu', en: 'Bawaslu review' }, party: 'bawaslu', stoppedBy: 'classify_violation' },
  review_extended: {
    label: { id: 'Kajian Bawaslu (diperpanjang)', en: 'Bawaslu review (extended)' },
    party: 'bawaslu',
    stoppedBy: 'classify_violation',
  },
  more_information: {
    label: { id: 'Keterangan tambahan dari pelapor', en: 'More information from the reporter' },
    party: 'reporter',
    stoppedBy: null,
  },
  bkn_verification: { label: { id: 'Verifikasi BKN', en: 'BKN verification' }, party: 'bkn', stoppedBy: 'bkn_verify' },
  ppk_follow_up: { label: { id: 'Tindak lanjut PPK', en: 'PPK follow-up' }, party: 'ppk', stoppedBy: 'record_sanction' },
};

function clockStart(clock: CaseClock, name: keyof CaseClock, state: CaseState): IsoDate {
  const date = clock[name];
  if (!date) throw new RangeError(`A case in state ${state} needs clock.${name}`);
  return date;
}

/** Every deadline running for a case in `state` on `today`, earliest due first. */
export function caseDeadlines(state: CaseState, clock: CaseClock, rulebook: Rulebook, today: IsoDate): CaseDeadline[] {
  const calendar = holidayCalendar(rulebook.extraNonWorkingDays);
  const deadline = (code: CaseDeadlineCode, startedOn: IsoDate, rules: DeadlineRule[], status: DeadlineStatus): CaseDeadline => {
    const { label, party, stoppedBy } = CLOCKS[code];
    return {
      ...status,
      code,
      label,
      startedOn,
      basis: rules.map((r) => r.basis),
      unsure: rules.some((r) => r.unsure === true),
      party,
      roles: stoppedBy ? TRANSITIONS[stoppedBy].roles : [],
    };
  };

  /** A deadline counted by one rule from the day its clock started. */
  const single = (code: CaseDeadlineCode, startedOn: IsoDate, rule: DeadlineRule): CaseDeadline =>
    deadline(code, startedOn, [rule], deadlineStatus(startedOn, rule, today, calendar));

  const review = (): CaseDeadline => {
    const start = clock.reviewRestartedDate ?? clock.receivedDate;
    // A request belongs to this review unless the review restarted after it. Compared with the
    // restart, not with the receipt: a report filed after office hours counts as received the next
    // day, yet an officer may ask the reporter that same evening, and the extension still applies.
    const asked = clock.informationRequestedDate;
    const extended = asked != null && (clock.reviewRestartedDate == null || asked >= clock.reviewRestartedDate);
    if (!extended) return single('review', start, rulebook.review);
    const rules = [rulebook.review, rulebook.reviewExtension];
    // Pemilu: "up to 14 working days" in total from receipt. Pilkada: 2 more days after the 3.
    const extensionFrom = rulebook.reviewExtensionIsTotal ? start : deadlineDate(start, rulebook.review, calendar);
    return deadline('review_extended', start, rules, deadlineStatus(extensionFrom, rulebook.reviewExtension, today, calendar));
  };

  const running = ((): CaseDeadline[] => {
    switch (state) {
      case 'received':
      case 'formal_check':
        // Where the rulebook has an initial review (Pemilu: kajian awal, 2 days), it runs beside
        // the review itself until the report is accepted for review.
        return rulebook.initialReview
          ? [single('initial_review', clock.receivedDate, rulebook.initialReview), review()]
          : [review()];
      case 'under_review':
        return [review()];
      case 'awaiting_information': {
        const asked = clockStart(clock, 'informationRequestedDate', state);
        return [single('more_information', asked, rulebook.moreInformation), review()];
      }
      case 'forwarded_to_bkn':
        return [single('bkn_verification', clockStart(clock, 'forwardedToBknDate', state), rulebook.bknVerification)];
      case 'recommended_to_ppk':
        return [single('ppk_follow_up', clockStart(clock, 'recommendedToPpkDate', state), rulebook.ppkFollowUp)];
      // No statutory clock: decided, referred elsewhere, or waiting on a step with no figure in law.
      default:
        return [];
    }
  })();
  // Stable sort: on a tie the reporter's deadline (listed first) comes first.
  return running.sort((a, b) => a.due.localeCompare(b.due));
}

/** The deadline that falls due first, or null when no clock runs in `state`. */
export function nextCaseDeadline(state: CaseState, clock: CaseClock, rulebook: Rulebook, today: IsoDate): CaseDeadline | null {
  return caseDeadlines(state, clock, rulebook, today)[0] ?? null;
}

export interface ReminderSchedule {
  /** Days to remind whoever must act, earliest first. */
  remindOn: IsoDate[];
  /** The first day the deadline is overdue: when `escalationTarget` applies. */
  escalateOn: IsoDate;
}

/** The n-th working day before `date`. */
function workingDaysBefore(date: IsoDate, n: number, calendar: HolidayCalendar): IsoDate {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, -1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/**
 * When to remind: `daysBefore` the due date (default one day), counted like the rule itself, so
 * a working-day deadline is never "reminded" on a Sunday. Reminders that would fall on or before
 * the day the clock started are dropped.
 */
export function reminderSchedule(
  deadline: Pick<CaseDeadline, 'startedOn' | 'due' | 'counting'>,
  rulebook: Pick<Rulebook, 'extraNonWorkingDays'>,
  { daysBefore = [1] }: { daysBefore?: readonly number[] } = {},
): ReminderSchedule {
  const calendar = holidayCalendar(rulebook.extraNonWorkingDays);
  const dates = daysBefore.map((n) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Reminder days must be whole and not negative: ${n}`);
    return deadline.counting === 'calendar' ? addDays(deadline.due, -n) : workingDaysBefore(deadline.due, n, calendar);
  });
  return {
    remindOn: [...new Set(dates)].filter((date) => date > deadline.startedOn).sort(),
    escalateOn: addDays(deadline.due, 1),
  };
}

export type EscalationAction = 'escalate' | 'proceed_without_information' | 'recommend_siasn_block';

export interface Escalation {
  action: EscalationAction;
  /** Who is alerted. */
  role: RoleCode;
  scope: Scope;
  message: Localised;
}

/** The Bawaslu that handles a case: the province's for a provincial case, else the regency's. */
function handlingBawaslu(caseRegion: string): { role: RoleCode; scope: Scope } {
  return regionLevel(caseRegion) === 'province'
    ? { role: 'bawaslu_province', scope: { kind: 'region', regionCode: caseRegion } }
    : { role: 'bawaslu_regency', scope: { kind: 'region', regionCode: caseRegion.slice(0, 5) } };
}

/**
 * Whom to alert once `deadline` is overdue, or null while it is not. A late Bawaslu goes one
 * level up (regency → province → national); a late BKN verification goes to Bawaslu RI, whose
 * recommendation is waiting and which sits in the joint task force; a PPK that misses the
 * follow-up triggers BKN's SIASN block (FACTS.md §3 step 5); a reporter who does not answer
 * lets the handling Bawaslu decide on what it has.
 */
export function escalationTarget(deadline: Pick<CaseDeadline, 'overdue' | 'party' | 'due' | 'label'>, caseRegion: string): Escalation | null {
  if (!deadline.overdue) return null;
  const late = { id: `${deadline.label.id} lewat batas waktu ${deadline.due}.`, en: `${deadline.label.en} overdue since ${deadline.due}.` };
  switch (deadline.party) {
    case 'reporter':
      return {
        action: 'proceed_without_information',
        ...handlingBawaslu(caseRegion),
        message: {
          id: `${late.id} Lanjutkan kajian dengan keterangan yang ada, atau tolak laporan.`,
          en: `${late.en} Continue the review with the information at hand, or reject the report.`,
        },
      };
    case 'bawaslu': {
      const to =
        handlingBawaslu(caseRegion).role === 'bawaslu_province'
          ? { role: 'bawaslu_national' as const, scope: NATIONAL_SCOPE }
          : { role: 'bawaslu_province' as const, scope: { kind: 'region' as const, regionCode: provinceCodeOf(caseRegion) } };
      return { action: 'escalate', ...to, message: late };
    }
    case 'bkn':
      return { action: 'escalate', role: 'bawaslu_national', scope: NATIONAL_SCOPE, message: late };
    case 'ppk':
      return {
        action: 'recommend_siasn_block',
        role: 'bkn_verifier',
        scope: NATIONAL_SCOPE,
        message: {
          id: `${late.id} Pertimbangkan pemblokiran data kepegawaian ASN di SIASN.`,
          en: `${late.en} Consider blocking the civil servant's personnel data in SIASN.`,
        },
      };
  }
}
