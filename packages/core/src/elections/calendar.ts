/**
 * "Which stage is this region in on this date, and is it critical?" — the question every
 * screen and every dashboard asks of the election calendar.
 */
import { daysBetween, type IsoDate } from '../time/iso-date.ts';
import { regionLevel } from '../regions/region-code.ts';
import type { Election, ElectionStage, ParticipationRule } from './types.ts';

export interface StageOnDate {
  date: IsoDate;
  /** The most specific stage running on the date (the shortest of the overlapping ones), if any. */
  current: ElectionStage | null;
  /** Every stage running on the date (e.g. registration and requirements check overlap). */
  active: ElectionStage[];
  /** True when any running stage is one of Bawaslu's critical stages. */
  critical: boolean;
  next: ElectionStage | null;
  daysUntilNext: number | null;
  /** 'before' the first stage, 'during' the schedule, 'after' the last stage. */
  phase: 'before' | 'during' | 'after';
}

function included(rule: ParticipationRule['provinces'], code: string): boolean {
  if (rule === 'all') return true;
  if (rule === 'none') return false;
  return 'only' in rule ? rule.only.includes(code) : !rule.allExcept.includes(code);
}

/**
 * Whether a province or regency/city holds this election. For a national election every region
 * takes part. Districts and villages follow their regency.
 */
export function participates(election: Pick<Election, 'participation'>, regionCode: string): boolean {
  const level = regionLevel(regionCode);
  if (level === 'province') return included(election.participation.provinces, regionCode);
  return included(election.participation.regencies, regionCode.slice(0, 5));
}

/** The stages that apply to a region's contest (the provincial recap only for provinces). */
export function stagesForRegion(election: Pick<Election, 'stages' | 'scope'>, regionCode: string | null): ElectionStage[] {
  const level = regionCode ? regionLevel(regionCode) : 'province';
  const contestLevel = level === 'province' ? 'province' : 'regency';
  return election.stages
    .filter((s) => !s.levels || election.scope === 'national' || s.levels.includes(contestLevel))
    .slice()
    .sort((a, b) => (a.start === b.start ? a.end.localeCompare(b.end) : a.start.localeCompare(b.start)));
}

function duration(stage: ElectionStage): number {
  return daysBetween(stage.start, stage.end);
}

export function stageOn(
  election: Pick<Election, 'stages' | 'scope'>,
  regionCode: string | null,
  date: IsoDate,
): StageOnDate {
  const stages = stagesForRegion(election, regionCode);
  const active = stages.filter((s) => s.start <= date && date <= s.end);
  const current = active.reduce<ElectionStage | null>(
    (best, s) => (best === null || duration(s) < duration(best) ? s : best),
    null,
  );
  const next = stages.find((s) => s.start > date) ?? null;
  const first = stages[0];
  const lastEnd = stages.reduce((end, s) => (s.end > end ? s.end : end), first?.end ?? date);
  return {
    date,
    current,
    active,
    critical: active.some((s) => s.critical),
    next,
    daysUntilNext: next ? daysBetween(date, next.start) : null,
    phase: !first || date < first.start ? 'before' : date > lastEnd ? 'after' : 'during',
  };
}
