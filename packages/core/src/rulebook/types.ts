/**
 * An election's rulebook as stored and versioned: the deadlines and the rest of `Rulebook`, plus
 * the SKB 2022 sanction matrix and the ASN-candidacy rules, all data with their legal basis. Each
 * change is a new version (who, when, why, from which regulation); a case keeps the version its
 * clocks started with.
 */
import type { AsnCandidacyRules } from '../candidates/obligations.ts';
import type { Rulebook } from '../elections/types.ts';
import type { ProhibitedAct } from '../sanctions/matrix.ts';

export interface SanctionMatrixData {
  /** The decree the matrix comes from (SKB 2022). */
  basis: string;
  /** One entry per prohibited act A01…A12: level, ethics track, the disputed reading. */
  acts: ProhibitedAct[];
}

export interface ElectionRulebook extends Rulebook {
  /** Absent only in versions stored before the matrix became data: read as the shipped SKB 2022 matrix. */
  sanctionMatrix?: SanctionMatrixData;
  /** Absent only in versions stored before the rules became data: read as the shipped rules. */
  candidacy?: AsnCandidacyRules;
}

/** One version of an election's rulebook and the change that made it. */
export interface RulebookVersionMeta {
  version: number;
  /** Why the rulebook changed (e.g. "PKPU 11/2026 changes the review period"). */
  reason: string;
  /** The regulation the change rests on. */
  regulation: string;
  changedBy: string | null;
  changedAt: string;
}
