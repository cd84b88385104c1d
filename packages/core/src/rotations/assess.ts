/**
 * The art. 71(2) rotation watch: does a personnel rotation (mutasi/rotasi) look like a
 * replacement of officials by an incumbent candidate inside the prohibited window without the
 * Minister's written approval? Every factor is explained, whether it flags or clears the
 * rotation, so an officer can see why a rotation was not flagged as well as why it was.
 */
import type { Election, Localised } from '../elections/types.ts';
import type { IncumbentCandidate } from '../candidates/types.ts';
import type { IsoDate } from '../time/iso-date.ts';
import { UU_10_2016_ART_71_2, type ProhibitedWindow } from './window.ts';

/**
 * Who signed the decree. Acting heads (Pj, Pjs, Plt, Plh) are not elected and not candidates;
 * the Sekda or another official may sign "on behalf of" the head.
 */
export type SignerRole = 'regional_head' | 'deputy_regional_head' | 'acting_head' | 'regional_secretary' | 'other';

export interface Rotation {
  regionCode: string;
  person: { nip: string; name: string };
  fromPosition: string;
  toPosition: string;
  decree: { number: string; date: IsoDate };
  signedBy: {
    name: string;
    role: SignerRole;
    /** When known, matched against `IncumbentCandidate.id` before any name comparison. */
    candidateId?: string;
  };
  /** The Minister of Home Affairs' written approval, if any. */
  ministerApproval: { letterNumber: string; date: IsoDate } | null;
}

export type RotationReasonCode =
  | 'inside_window'
  | 'outside_window'
  | 'no_approval'
  | 'minister_approved'
  | 'approval_after_decree'
  | 'incumbent_candidate'
  | 'signer_not_candidate'
  | 'acting_head'
  | 'acting_head_not_flagged'
  | 'signer_not_regional_head';

export interface RotationReason {
  code: RotationReasonCode;
  /** Whether this factor points towards a violation or rules it out. */
  effect: 'flags' | 'clears';
  message: Localised;
}

/** high: an incumbent candidate, who risks disqualification (art. 71(5)); medium: an acting head. */
export type RotationSeverity = 'high' | 'medium' | 'none';

export interface RotationAssessment {
  flagged: boolean;
  severity: RotationSeverity;
  /** One reason per factor: the window, the approval, the signer. */
  reasons: RotationReason[];
  basis: string;
  electionId: string;
  window: ProhibitedWindow;
  /** The incumbent candidate the signer was recognised as, if any. */
  matchedCandidate: IncumbentCandidate | null;
}

export interface RotationWatchOptions {
  election: Pick<Election, 'id'>;
  /** The region's sitting heads and deputies who are candidates in this election. */
  incumbentCandidates: readonly IncumbentCandidate[];
  window: ProhibitedWindow;
  /**
   * Bawaslu treats acting heads (Pj) as bound by art. 71(2) too, though the disqualification
   * sanction cannot reach them: flag their rotations for review unless turned off.
   */
  flagActingHeads?: boolean;
}

const HONORIFICS = new Set(['h', 'hj', 'dr', 'drs', 'dra', 'ir', 'prof', 'kh', 'ust', 'r', 'rm', 'ny', 'tn']);

/**
 * A name reduced for comparison: academic degrees after the first comma, leading honorifics
 * (H., Hj., Dr., Ir., …), punctuation and case removed. "Dr. H. Bambang Setiawan, M.Si." and
 * "BAMBANG SETIAWAN" compare equal.
 */
export function comparablePersonName(name: string): string {
  const words = name
    .split(',')[0]
    .toLowerCase()
    .split(/[\s.]+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word !== '');
  let first = 0;
  while (first < words.length - 1 && HONORIFICS.has(words[first])) first += 1;
  return words.slice(first).join(' ');
}

function matchCandidate(signer: Rotation['signedBy'], candidates: readonly IncumbentCandidate[]): IncumbentCandidate | null {
  if (signer.candidateId !== undefined) {
    const byId = candidates.find((c) => c.id === signer.candidateId);
    if (byId) return byId;
  }
  const signerName = comparablePersonName(signer.name);
  return candidates.find((c) => [c.name, ...(c.variants ?? [])].some((n) => comparablePersonName(n) === signerName)) ?? null;
}

const flags = (code: RotationReasonCode, id: string, en: string): RotationReason => ({ code, effect: 'flags', message: { id, en } });
const clears = (code: RotationReasonCode, id: string, en: string): RotationReason => ({ code, effect: 'clears', message: { id, en } });

function windowReason(rotation: Rotation, window: ProhibitedWindow): RotationReason {
  const date = rotation.decree.date;
  return date >= window.from && date <= window.to
    ? flags('inside_window', `SK tanggal ${date} berada dalam masa larangan ${window.from} – ${window.to}.`, `Decree of ${date} is inside the prohibited window ${window.from} – ${window.to}.`)
    : clears('outside_window', `SK tanggal ${date} di luar masa larangan ${window.from} – ${window.to}.`, `Decree of ${date} is outside the prohibited window ${window.from} – ${window.to}.`);
}

function approvalReason(rotation: Rotation): RotationReason {
  const approval = rotation.ministerApproval;
  if (approval === null) {
    return flags('no_approval', 'Tidak ada persetujuan tertulis Menteri Dalam Negeri.', 'No written approval of the Minister of Home Affairs.');
  }
  return approval.date <= rotation.decree.date
    ? clears(
        'minister_approved',
        `Disetujui tertulis oleh Menteri Dalam Negeri (surat ${approval.letterNumber} tanggal ${approval.date}) sebelum SK.`,
        `Approved in writing by the Minister of Home Affairs (letter ${approval.letterNumber} of ${approval.date}) before the decree.`,
      )
    : flags(
        'approval_after_decree',
        `Persetujuan Menteri (surat ${approval.letterNumber} tanggal ${approval.date}) terbit setelah SK tanggal ${rotation.decree.date}: penggantian sudah dilakukan tanpa persetujuan.`,
        `The Minister's approval (letter ${approval.letterNumber} of ${approval.date}) came after the decree of ${rotation.decree.date}: the replacement was made without approval.`,
      );
}

function signerReason(
  rotation: Rotation,
  matched: IncumbentCandidate | null,
  flagActingHeads: boolean,
): RotationReason {
  const signer = rotation.signedBy.name;
  switch (rotation.signedBy.role) {
    case 'acting_head':
      return flagActingHeads
        ? flags(
            'acting_head',
            `Penandatangan ${signer} adalah penjabat kepala daerah (Pj): menurut praktik Bawaslu ikut terikat ps. 71 ayat (2). Bukan calon, jadi tanpa sanksi pembatalan; ditandai untuk ditelaah.`,
            `Signed by ${signer}, an acting regional head (Pj): in Bawaslu's practice also bound by art. 71(2). Not a candidate, so no disqualification; flagged for review.`,
          )
        : clears(
            'acting_head_not_flagged',
            `Penandatangan ${signer} adalah penjabat kepala daerah (Pj); pengaturan Netra tidak menandai tanda tangan Pj.`,
            `Signed by ${signer}, an acting regional head (Pj); Netra is configured not to flag acting heads' signatures.`,
          );
    case 'regional_head':
    case 'deputy_regional_head':
      return matched
        ? flags(
            'incumbent_candidate',
            `Penandatangan ${signer} adalah petahana yang menjadi calon: pelanggaran dapat berujung pembatalan pencalonan (ps. 71 ayat (5)).`,
            `Signed by ${signer}, an incumbent who is a candidate: a breach can lead to disqualification (art. 71(5)).`,
          )
        : clears(
            'signer_not_candidate',
            `Penandatangan ${signer} bukan petahana yang menjadi calon. Larangan ps. 71 ayat (2) tetap berlaku baginya, tetapi sanksi pembatalan (ayat (5)) hanya mengenai calon petahana.`,
            `Signed by ${signer}, who is not an incumbent candidate. Art. 71(2) still binds them, but the disqualification sanction (para. 5) only reaches incumbent candidates.`,
          );
    case 'regional_secretary':
    case 'other':
      return clears(
        'signer_not_regional_head',
        `Penandatangan ${signer} bukan kepala daerah. Periksa apakah SK ditandatangani atas nama kepala daerah.`,
        `Signed by ${signer}, who is not the regional head. Check whether the decree was signed on the head's behalf.`,
      );
  }
}

export function assessRotation(rotation: Rotation, options: RotationWatchOptions): RotationAssessment {
  const { election, incumbentCandidates, window, flagActingHeads = true } = options;
  if (window.electionId !== election.id || window.regionCode !== rotation.regionCode) {
    throw new RangeError(
      `Window of ${window.electionId} ${window.regionCode} does not apply to a rotation in ${rotation.regionCode} for ${election.id}`,
    );
  }
  const isHead = rotation.signedBy.role === 'regional_head' || rotation.signedBy.role === 'deputy_regional_head';
  const matchedCandidate = isHead ? matchCandidate(rotation.signedBy, incumbentCandidates) : null;
  const reasons = [windowReason(rotation, window), approvalReason(rotation), signerReason(rotation, matchedCandidate, flagActingHeads)];
  const flagged = reasons.every((r) => r.effect === 'flags');
  return {
    flagged,
    severity: !flagged ? 'none' : matchedCandidate ? 'high' : 'medium',
    reasons,
    basis: UU_10_2016_ART_71_2.reference,
    electionId: election.id,
    window,
    matchedCandidate,
  };
}
