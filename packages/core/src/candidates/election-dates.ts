/**
 * The two schedule dates that candidacy rules hang on. An election without them has no
 * candidates to track, which is a configuration error worth stopping on.
 */
import type { IsoDate } from '../time/iso-date.ts';
import type { Election, ElectionStage, StageCode } from '../elections/types.ts';

function stageOf(election: Pick<Election, 'id' | 'stages'>, code: StageCode): ElectionStage {
  const stage = election.stages.find((s) => s.code === code);
  if (!stage) throw new RangeError(`Election ${election.id} has no ${code} stage`);
  return stage;
}

/** Last day of candidate registration. */
export function registrationEnd(election: Pick<Election, 'id' | 'stages'>): IsoDate {
  return stageOf(election, 'registration').end;
}

/** The day KPU determines the candidate pairs (penetapan pasangan calon). */
export function determinationDate(election: Pick<Election, 'id' | 'stages'>): IsoDate {
  return stageOf(election, 'determination').start;
}
