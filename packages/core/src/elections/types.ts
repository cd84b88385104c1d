import type { IsoDate } from '../time/iso-date.ts';
import type { RegionLevel } from '../regions/region-code.ts';

export type ElectionKind = 'pilkada' | 'pemilu';

/** Stage codes shared by all elections, so rules can name a stage without knowing the election. */
export type StageCode =
  | 'registration_announcement'
  | 'registration'
  | 'requirements_check'
  | 'determination'
  | 'ballot_number_draw'
  | 'campaign'
  | 'quiet_period'
  | 'voting'
  | 'counting'
  | 'recap_district'
  | 'recap_regency'
  | 'recap_province';

export interface Localised {
  id: string;
  en: string;
}

export interface ElectionStage {
  code: StageCode;
  name: Localised;
  start: IsoDate;
  /** Inclusive. */
  end: IsoDate;
  /** Bawaslu's critical stages (registration, campaign, voting/counting; seed 001). */
  critical: boolean;
  /** Only for elections of these levels (e.g. the provincial recap). Absent = every level. */
  levels?: Array<'province' | 'regency'>;
  basis: string;
}

/**
 * A deadline as the law states it. `counting` decides whether weekends and holidays count,
 * which is the difference between Pilkada (calendar days) and Pemilu (working days).
 */
export interface DeadlineRule {
  days: number;
  counting: 'calendar' | 'working';
  basis: string;
  /** True where sources disagree (FACTS.md "unsure"): shown as such in the UI. */
  unsure?: boolean;
}

export interface NonWorkingDay {
  date: IsoDate;
  reason: string;
  /** The decree that makes the day off (e.g. the Keppres declaring a voting day a holiday). */
  basis?: string;
}

/** A body that receives Bawaslu's recommendations. */
export type RecommendationRecipient = 'BKN' | 'KASN';

/**
 * Who receives Bawaslu's recommendation on the day it is forwarded. KASN handled neutrality
 * until its dissolution (UU 20/2023; inactive since 24 Aug 2024), BKN from then on: the recipient
 * depends on the date, not the election (a Pemilu 2024 case forwarded in September 2024 goes to BKN).
 */
export interface RecipientPeriod {
  recipient: RecommendationRecipient;
  /** First day (inclusive); null = from the beginning. */
  from: IsoDate | null;
  /** Last day (inclusive); null = open-ended. */
  to: IsoDate | null;
  basis: string;
}

/**
 * Separation of duties on Bawaslu findings: the officer who recorded a finding cannot alone
 * classify it as a violation and forward it; a second officer of the same Bawaslu confirms.
 */
export interface FourEyesRule {
  findings: boolean;
  basis: string;
}

/** Everything about handling a case that differs per election, kept as editable data. */
export interface Rulebook {
  /** Time allowed to file a report after the violation became known. */
  reportWindow: DeadlineRule;
  /**
   * Bawaslu's initial review (kajian awal) of a received report, a deadline of its own where the
   * regulation gives one (Pemilu: 2 days, Perbawaslu 7/2022). Stopped by accepting the report
   * for review, rejecting it or asking for more information.
   */
  initialReview?: DeadlineRule;
  /** Bawaslu's decision on a report (Pilkada 3 days; Pemilu 7 days). */
  review: DeadlineRule;
  /** Extension when more information is needed (Pilkada +2 days; Pemilu up to 14 working days in total). */
  reviewExtension: DeadlineRule;
  /** When the extension is a new total rather than extra days (Pemilu: "up to 14 working days"). */
  reviewExtensionIsTotal: boolean;
  /** Time a reporter has to supply missing information when asked. */
  moreInformation: DeadlineRule;
  /** BKN's (formerly KASN's) verification of a forwarded case. */
  bknVerification: DeadlineRule;
  /** PPK's follow-up on BKN's recommendation: no statutory figure, configurable. */
  ppkFollowUp: DeadlineRule;
  /** Which body receives Bawaslu's recommendation, by the date it is forwarded. */
  recommendationRecipients: RecipientPeriod[];
  /** Four eyes on findings (configurable per rulebook). Absent = on. */
  fourEyes?: FourEyesRule;
  /** Reports are accepted in these local hours (Pilkada: 08:00–16:00). */
  receptionHours?: { from: string; to: string };
  /** Days off beyond the public holidays: voting days, cuti bersama, corrected holiday dates. */
  extraNonWorkingDays: NonWorkingDay[];
}

export interface ParticipationRule {
  /** Every province except these. */
  provinces: 'all' | 'none' | { only: string[] } | { allExcept: string[] };
  /** Every regency/city except these. */
  regencies: 'all' | 'none' | { only: string[] } | { allExcept: string[] };
  /** Regions a list could not be confirmed for: importable later. */
  incomplete?: string;
  /** Placements resting on inference, and regions whose code changed since the election. */
  placementNotes?: PlacementNote[];
}

export interface PlacementNote {
  code: string;
  kind: 'uncertain' | 'code_changed';
  note: Localised;
}

export interface Election {
  id: string;
  kind: ElectionKind;
  name: Localised;
  year: number;
  votingDay: IsoDate;
  /** National elections have one national contest rather than regional ones. */
  scope: 'regional' | 'national';
  participation: ParticipationRule;
  stages: ElectionStage[];
  rulebook: Rulebook;
  basis: string;
}

export interface RegionRef {
  code: string;
  level: RegionLevel;
}
