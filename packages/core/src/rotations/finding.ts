/**
 * A flagged rotation as the draft of a Bawaslu finding (temuan), so the officer turns it into a
 * case in one step and only has to review and submit.
 */
import type { Localised } from '../elections/types.ts';
import type { IsoDate } from '../time/iso-date.ts';
import type { RotationAssessment, RotationReason, Rotation, SignerRole } from './assess.ts';
import { UU_10_2016_ART_71_2, UU_10_2016_ART_71_5, type LegalProvision } from './window.ts';

/** SKB 2022 act A11 (FACTS.md §2): decisions or actions that benefit or harm a candidate. */
export const ACT_A11 = {
  code: 'A11',
  name: {
    id: 'Membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan pasangan calon',
    en: 'Decisions or actions that benefit or harm a candidate',
  },
} as const;

const ACTING_HEAD_PRACTICE: LegalProvision = {
  reference: 'Praktik Bawaslu: penjabat kepala daerah',
  text: {
    id: 'Bawaslu memperlakukan penjabat (Pj) kepala daerah sebagai terikat larangan ps. 71 ayat (2); sanksi pembatalan pencalonan tidak berlaku karena Pj bukan calon.',
    en: 'Bawaslu treats acting regional heads (Pj) as bound by art. 71(2); the disqualification sanction does not apply because a Pj is not a candidate.',
  },
};

export interface RotationFindingDraft {
  source: 'rotation_watch';
  electionId: string;
  regionCode: string;
  actCode: typeof ACT_A11.code;
  act: Localised;
  occurredOn: IsoDate;
  reportedParty: { name: string; role: SignerRole };
  /** The official who was moved. */
  affectedAsn: { nip: string; name: string };
  summary: Localised;
  legalBasis: LegalProvision[];
  evidence: Array<{ kind: 'decree' | 'minister_approval'; reference: string; date: IsoDate }>;
  severity: 'high' | 'medium';
  /** The assessment's reasons, kept so the finding shows why it was raised. */
  reasons: RotationReason[];
}

export function findingDraft(rotation: Rotation, assessment: RotationAssessment): RotationFindingDraft {
  if (!assessment.flagged || assessment.severity === 'none') {
    throw new RangeError(`Rotation decree ${rotation.decree.number} was not flagged: there is no finding to draft`);
  }
  const { decree, signedBy, person } = rotation;
  const move = { id: `dari ${rotation.fromPosition} ke ${rotation.toPosition}`, en: `from ${rotation.fromPosition} to ${rotation.toPosition}` };
  return {
    source: 'rotation_watch',
    electionId: assessment.electionId,
    regionCode: rotation.regionCode,
    actCode: ACT_A11.code,
    act: ACT_A11.name,
    occurredOn: decree.date,
    reportedParty: { name: signedBy.name, role: signedBy.role },
    affectedAsn: { nip: person.nip, name: person.name },
    summary: {
      id: `SK ${decree.number} tanggal ${decree.date} yang ditandatangani ${signedBy.name} memindahkan ${person.name} (NIP ${person.nip}) ${move.id} dalam masa larangan ${assessment.window.from} – ${assessment.window.to ?? 'akhir masa jabatan'} tanpa persetujuan tertulis Menteri Dalam Negeri sebelumnya.`,
      en: `Decree ${decree.number} of ${decree.date} signed by ${signedBy.name} moved ${person.name} (NIP ${person.nip}) ${move.en} inside the prohibited window ${assessment.window.from} – ${assessment.window.to ?? 'the end of the term'} without prior written approval of the Minister of Home Affairs.`,
    },
    legalBasis: [UU_10_2016_ART_71_2, assessment.matchedCandidate ? UU_10_2016_ART_71_5 : ACTING_HEAD_PRACTICE],
    evidence: [
      { kind: 'decree', reference: decree.number, date: decree.date },
      ...(rotation.ministerApproval
        ? [{ kind: 'minister_approval' as const, reference: rotation.ministerApproval.letterNumber, date: rotation.ministerApproval.date }]
        : []),
    ],
    severity: assessment.severity,
    reasons: assessment.reasons,
  };
}
