import type { CandidatePair, IncumbentCandidate } from './types.ts';

/** The incumbents standing in a region's contest, as the rotation watch needs them. */
export function incumbentCandidatesOf(pairs: readonly CandidatePair[], regionCode: string): IncumbentCandidate[] {
  return pairs.flatMap((pair) => {
    if (pair.regionCode !== regionCode || pair.incumbent === null) return [];
    const person = pair[pair.incumbent.member];
    return [{ name: person.name, ...(person.variants ? { variants: person.variants } : {}), office: pair.incumbent.office }];
  });
}
