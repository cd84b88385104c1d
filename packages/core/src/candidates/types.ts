/**
 * Candidate pairs (pasangan calon) as KPU determines them. The registry feeds three things: the
 * ASN-candidate obligations, the art. 71(2) rotation watch (which heads are incumbent
 * candidates), and the social-media lexicon (names, nicknames, ballot numbers, slogans, hashtags).
 */
export type PairMember = 'head' | 'deputy';

/** The office an incumbent holds now: art. 71(2) binds regional heads and their deputies alike. */
export type RegionalOffice = 'regional_head' | 'deputy_regional_head';

export interface CandidatePerson {
  /** Full name as registered with KPU, with titles. */
  name: string;
  /** The name the public uses ("Mas Budi"), for the screening lexicon. */
  nickname?: string;
  /** Other spellings of the full name seen in decrees, posts and the press. */
  variants?: string[];
  /** Present when the candidate is a civil servant, who must resign (FACTS.md §4). */
  asnNip?: string;
}

export interface IncumbentRef {
  /** Which member of the pair is the incumbent. */
  member: PairMember;
  office: RegionalOffice;
}

export interface CandidatePair {
  electionId: string;
  /** Province PP or regency/city PP.KK; null only for a national contest. */
  regionCode: string | null;
  /** Null until the ballot-number draw. */
  ballotNumber: number | null;
  head: CandidatePerson;
  deputy: CandidatePerson;
  /** Nominating parties; empty for an independent pair. */
  parties: string[];
  independent: boolean;
  incumbent: IncumbentRef | null;
  slogans: string[];
  /** Without the leading "#". */
  hashtags: string[];
}

/** A sitting head or deputy of a region who is also a candidate there: whom the rotation watch looks for. */
export interface IncumbentCandidate {
  /** Stable id when the caller has one (e.g. the pair's database id and member), matched before names. */
  id?: string;
  name: string;
  variants?: readonly string[];
  office: RegionalOffice;
}
