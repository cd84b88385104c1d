import type { LexiconCandidate } from './lexicon.ts';

/** The candidate registry as the scorer reads it: labels, and which pairs run near an account. */
export interface CandidateDirectory {
  /** "Budi Santoso – Siti Aminah (2)", or the id of a pair the registry does not know. */
  label(pairId: string): string;
  /**
   * Pairs running in the region, in a region that contains it (the province of a regency) or in
   * one it contains: the pairs an ASN of that region most likely means by a bare ballot number.
   */
  localTo(regionCode: string): readonly string[];
}

function isWithin(region: string, scope: string): boolean {
  return region === scope || region.startsWith(`${scope}.`);
}

export function createCandidateDirectory(candidates: readonly LexiconCandidate[]): CandidateDirectory {
  const labels = new Map(candidates.map((c) => [c.id, c.label]));
  // Memoised per region: there are a few hundred regions and millions of posts.
  const local = new Map<string, readonly string[]>();
  return {
    label: (pairId) => labels.get(pairId) ?? pairId,
    localTo: (regionCode) => {
      let ids = local.get(regionCode);
      if (!ids) {
        ids = candidates.filter((c) => isWithin(regionCode, c.regionCode) || isWithin(c.regionCode, regionCode)).map((c) => c.id);
        local.set(regionCode, ids);
      }
      return ids;
    },
  };
}
