/**
 * The rotation watch: does a personnel rotation (mutasi/rotasi) breach UU 10/2016 art. 71(2)?
 * The prohibition binds every sitting regional head and deputy, candidate or not, from six months
 * before the determination of candidates to the end of the term, save with the Minister of Home
 * Affairs' written approval; an incumbent who is a candidate also risks disqualification
 * (art. 71(5)). Acting heads have their own rule (art. 132A: no transfers during the whole acting
 * term without the Minister's approval). Every factor is explained, whether it flags or clears the
 * rotation, so an officer can see why a rotation was not flagged as well as why it was.
 */
import type { Election, Localised } from '../elections/types.ts';
import type { IncumbentCandidate } from '../candidates/types.ts';
import type { IsoDate } from '../time/iso-date.ts';
import { insideWindow, UU_10_2016_ART_132A, UU_10_2016_ART_71_2, type ProhibitedWindow } from './window.ts';

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
  | 'acting_term'
  | 'no_approval'
  | 'minister_approved'
  | 'approval_after_decree'
  | 'incumbent_candidate'
  | 'sitting_regional_head'
  | 'acting_head'
  | 'acting_head_not_flagged'
  | 'signer_not_regional_head';

/**
 * How acting heads (Pj, Pjs, Plt, Plh) are watched: `whole_term` under art. 132A (any transfer
 * without approval, whatever the date), `window` as regional heads are (art. 71(2) window only),
 * `off` not flagged. Configurable because practice (Mendagri circulars granting standing
 * approvals to acting heads) varies.
 */
export type ActingHeadRule = 'whole_term' | 'window' | 'off';

export interface RotationReason {
  code: RotationReasonCode;
  /** Whether this factor points towards a violation or rules it out. */
  effect: 'flags' | 'clears';
  message: Localised;
}

/** high: an incumbent candidate, who risks disqualification (art. 71(5)); medium: any other sitting or acting head. */
export type RotationSeverity = 'high' | 'medium' | 'none';

export interface RotationAssessment {
  flagged: boolean;
  severity: RotationSeverity;
  /** One reason per factor: the window, the approval, the signer. */
  reasons: RotationReason[];
  /** The provision applied: art. 71(2) for regional heads, art. 132A for acting heads on their own rule. */
  basis: string;
  /** True when the Minister's written approval (recorded number and date, before the decree) clears it. */
  clearedByApproval: boolean;
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
  /** Acting heads' rule; default `whole_term` (art. 132A). */
  actingHeads?: ActingHeadRule;
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

function windowReason(rotation: Rotation, window: ProhibitedWindow, actingRule: ActingHeadRule): RotationReason {
  const date = rotation.decree.date;
  if (rotation.signedBy.role === 'acting_head' && actingRule === 'whole_term') {
    return flags(
      'acting_term',
      `SK tanggal ${date} ditandatangani dalam masa jabatan penjabat: ${UU_10_2016_ART_132A.reference} melarang mutasi sepanjang masa itu, tidak hanya dalam masa larangan pasal 71.`,
      `Decree of ${date} signed during an acting term: ${UU_10_2016_ART_132A.reference} forbids transfers throughout it, not only in the art. 71 window.`,
    );
  }
  const until = window.to ?? 'akhir masa jabatan (belum dicatat)';
  const untilEn = window.to ?? 'end of term (not recorded)';
  return insideWindow(window, date)
    ? flags('inside_window', `SK tanggal ${date} berada dalam masa larangan ${window.from} – ${until}.`, `Decree of ${date} is inside the prohibited window ${window.from} – ${untilEn}.`)
    : clears('outside_window', `SK tanggal ${date} di luar masa larangan ${window.from} – ${until}.`, `Decree of ${date} is outside the prohibited window ${window.from} – ${untilEn}.`);
}

function approvalReason(rotation: Rotation): RotationReason {
  const approval = rotation.ministerApproval;
  if (approval === null) {
    return flags('no_approval', 'Tidak ada persetujuan tertulis Menteri Dalam Negeri.', 'No written approval of the Minister of Home Affairs.');
  }
  return approval.date <= rotation.decree.date
    ? clears(
        'minister_approved',
        `Dibebaskan: disetujui tertulis oleh Menteri Dalam Negeri (surat ${approval.letterNumber} tanggal ${approval.date}) sebelum SK, sebagaimana dikecualikan undang-undang.`,
        `Cleared: approved in writing by the Minister of Home Affairs (letter ${approval.letterNumber} of ${approval.date}) before the decree, the exception the law provides.`,
      )
    : flags(
        'approval_after_decree',
        `Persetujuan Menteri (surat ${approval.letterNumber} tanggal ${approval.date}) terbit setelah SK tanggal ${rotation.decree.date}: penggantian sudah dilakukan tanpa persetujuan.`,
        `The Minister's approval (letter ${approval.letterNumber} of ${approval.date}) came after the decree of ${rotation.decree.date}: the replacement was made without approval.`,
      );
}

function signerReason(rotation: Rotation, matched: IncumbentCandidate | null, actingRule: ActingHeadRule): RotationReason {
  const signer = rotation.signedBy.name;
  switch (rotation.signedBy.role) {
    case 'acting_head':
      return actingRule === 'off'
        ? clears(
            'acting_head_not_flagged',
            `Penandatangan ${signer} adalah penjabat kepala daerah; buku aturan ini tidak menandai tanda tangan penjabat.`,
            `Signed by ${signer}, an acting regional head; this rulebook does not flag acting heads' signatures.`,
          )
        : flags(
            'acting_head',
            `Penandatangan ${signer} adalah penjabat kepala daerah (Pj/Pjs/Plt), terikat ${UU_10_2016_ART_132A.reference}. Bukan calon, jadi tanpa sanksi pembatalan.`,
            `Signed by ${signer}, an acting regional head (Pj/Pjs/Plt), bound by ${UU_10_2016_ART_132A.reference}. Not a candidate, so no disqualification.`,
          );
    case 'regional_head':
    case 'deputy_regional_head':
      return matched
        ? flags(
            'incumbent_candidate',
            `Penandatangan ${signer} adalah petahana yang menjadi calon: pelanggaran dapat berujung pembatalan pencalonan (ps. 71 ayat (5)).`,
            `Signed by ${signer}, an incumbent who is a candidate: a breach can lead to disqualification (art. 71(5)).`,
          )
        : flags(
            'sitting_regional_head',
            `Penandatangan ${signer} adalah kepala daerah yang menjabat: larangan ps. 71 ayat (2) mengikat setiap kepala daerah, calon atau bukan. Sanksi pembatalan (ayat (5)) hanya mengenai calon petahana.`,
            `Signed by ${signer}, a sitting regional head: art. 71(2) binds every regional head, candidate or not. Disqualification (para. 5) only reaches incumbent candidates.`,
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
  const { election, incumbentCandidates, window, actingHeads = 'whole_term' } = options;
  if (window.electionId !== election.id || window.regionCode !== rotation.regionCode) {
    throw new RangeError(
      `Window of ${window.electionId} ${window.regionCode} does not apply to a rotation in ${rotation.regionCode} for ${election.id}`,
    );
  }
  const isHead = rotation.signedBy.role === 'regional_head' || rotation.signedBy.role === 'deputy_regional_head';
  const matchedCandidate = isHead ? matchCandidate(rotation.signedBy, incumbentCandidates) : null;
  const approval = approvalReason(rotation);
  const reasons = [windowReason(rotation, window, actingHeads), approval, signerReason(rotation, matchedCandidate, actingHeads)];
  const flagged = reasons.every((r) => r.effect === 'flags');
  const actingOwnRule = rotation.signedBy.role === 'acting_head' && actingHeads === 'whole_term';
  return {
    flagged,
    severity: !flagged ? 'none' : matchedCandidate ? 'high' : 'medium',
    reasons,
    basis: actingOwnRule ? UU_10_2016_ART_132A.reference : UU_10_2016_ART_71_2.reference,
    clearedByApproval: approval.code === 'minister_approved',
    electionId: election.id,
    window,
    matchedCandidate,
  };
}
