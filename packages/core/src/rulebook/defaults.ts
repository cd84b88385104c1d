/**
 * Version 1 of every rulebook: the code constants Netra shipped (deadlines of the catalog, the
 * SKB 2022 sanction matrix, the ASN-candidacy rules) written out as data, and the template a new
 * election's rulebook starts from.
 */
import { ASN_CANDIDACY_RULES, type AsnCandidacyRules } from '../candidates/obligations.ts';
import { PEMILU_2024, PILKADA_2024 } from '../elections/catalog.ts';
import type { Election, ElectionKind } from '../elections/types.ts';
import { ACT_CODES, PROHIBITED_ACTS, SKB_2022_BASIS, type ActCode, type ProhibitedAct } from '../sanctions/matrix.ts';
import type { IsoDate } from '../time/iso-date.ts';
import type { ElectionRulebook, SanctionMatrixData } from './types.ts';

/** The SKB 2022 matrix as data (a copy: editing it never touches the constants). */
export function shippedSanctionMatrix(): SanctionMatrixData {
  return { basis: SKB_2022_BASIS, acts: ACT_CODES.map((code) => structuredClone(PROHIBITED_ACTS[code])) };
}

/** The candidacy rules a new election starts with: the latest shipped ones of the same kind. */
const TEMPLATE_CANDIDACY: Record<ElectionKind, string> = { pilkada: 'pilkada-2024', pemilu: 'pilkada-2024' };

export function shippedCandidacyRules(electionId: string, kind: ElectionKind): AsnCandidacyRules {
  return structuredClone(ASN_CANDIDACY_RULES[electionId] ?? ASN_CANDIDACY_RULES[TEMPLATE_CANDIDACY[kind]]!);
}

/** Version 1 of a shipped election's rulebook. */
export function shippedRulebook(election: Pick<Election, 'id' | 'kind' | 'rulebook'>): ElectionRulebook {
  return {
    ...structuredClone(election.rulebook),
    sanctionMatrix: shippedSanctionMatrix(),
    candidacy: shippedCandidacyRules(election.id, election.kind),
  };
}

/**
 * The rulebook a new election starts from: the latest shipped election of its kind, with its own
 * voting day as a day off (the Keppres number is for the administrator to fill in).
 */
export function rulebookTemplate(kind: ElectionKind, votingDay: IsoDate): ElectionRulebook {
  const model = kind === 'pilkada' ? PILKADA_2024 : PEMILU_2024;
  return {
    ...shippedRulebook({ ...model, id: `new-${kind}` }),
    extraNonWorkingDays: [
      {
        date: votingDay,
        reason: kind === 'pilkada' ? 'Hari pemungutan suara Pilkada' : 'Hari pemungutan suara Pemilu',
        basis: 'Keppres penetapan hari pemungutan suara sebagai hari libur nasional (nomor belum diisi)',
      },
    ],
  };
}

/** The matrix a rulebook carries, by act code (the shipped matrix for acts it leaves out). */
export function sanctionMatrixOf(rulebook: ElectionRulebook): Readonly<Record<ActCode, ProhibitedAct>> {
  if (!rulebook.sanctionMatrix) return PROHIBITED_ACTS;
  const byCode = { ...PROHIBITED_ACTS };
  for (const act of rulebook.sanctionMatrix.acts) byCode[act.code] = act;
  return byCode;
}

/** The ASN-candidacy rules a rulebook carries (the shipped ones for a version stored before they were data). */
export function candidacyRulesOf(rulebook: ElectionRulebook, election: Pick<Election, 'id' | 'kind'>): AsnCandidacyRules {
  return rulebook.candidacy ?? shippedCandidacyRules(election.id, election.kind);
}
