/**
 * Proposals, for a human to confirm, that a new report describes an event already reported.
 * A voting-day surge brings the same incident from many phones; merging them keeps one case
 * and one clock instead of several contradictory ones.
 */
import type { IsoDate } from '../time/iso-date.ts';
import type { Localised } from '../elections/types.ts';
import { normaliseNip } from '../nip/nip.ts';
import { normalisePersonName } from './person-name.ts';
import { jaccard, shingles, type Shingles } from './text-similarity.ts';

export interface DuplicateCheckReport {
  id: string;
  reportedNip?: string | null;
  reportedName?: string | null;
  agencyId?: string | null;
  /** The incident's dates, inclusive; a single day has from = to. */
  incidentFrom: IsoDate;
  incidentTo: IsoDate;
  description: string;
}

export interface DuplicateReason {
  code: 'same_nip' | 'same_person_agency_dates' | 'similar_text';
  message: Localised;
}

export interface DuplicateProposal {
  reportId: string;
  /** Text similarity of the descriptions (0–1), shown even when below the threshold. */
  similarity: number;
  reasons: DuplicateReason[];
}

export interface DuplicateOptions {
  /** Text similarity (0–1) from which two descriptions are proposed as the same story. */
  textThreshold?: number;
}

export const DEFAULT_TEXT_THRESHOLD = 0.6;

interface Prepared {
  report: DuplicateCheckReport;
  nip: string | null;
  name: string | null;
  shingles: Shingles;
}

function prepare(report: DuplicateCheckReport): Prepared {
  const nip = report.reportedNip ? normaliseNip(report.reportedNip) : '';
  const name = report.reportedName ? normalisePersonName(report.reportedName) : '';
  return { report, nip: nip || null, name: name || null, shingles: shingles(report.description) };
}

const overlaps = (a: DuplicateCheckReport, b: DuplicateCheckReport) => a.incidentFrom <= b.incidentTo && b.incidentFrom <= a.incidentTo;

function reasonsFor(fresh: Prepared, other: Prepared, similarity: number, textThreshold: number): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (fresh.nip && fresh.nip === other.nip) {
    reasons.push({ code: 'same_nip', message: { id: `NIP terlapor sama (${fresh.nip}).`, en: `Same reported NIP (${fresh.nip}).` } });
  }
  const sameAgency = fresh.report.agencyId != null && fresh.report.agencyId === other.report.agencyId;
  if (fresh.name && fresh.name === other.name && sameAgency && overlaps(fresh.report, other.report)) {
    reasons.push({
      code: 'same_person_agency_dates',
      message: {
        id: 'Nama terlapor dan instansi sama, tanggal kejadian beririsan.',
        en: 'Same reported name and agency, overlapping incident dates.',
      },
    });
  }
  if (similarity >= textThreshold) {
    const percent = Math.round(similarity * 100);
    reasons.push({
      code: 'similar_text',
      message: { id: `Uraian ${percent}% mirip.`, en: `Descriptions ${percent}% alike.` },
    });
  }
  return reasons;
}

/** The existing reports `newReport` may duplicate, strongest first (more reasons, then more alike text). */
export function duplicateCandidates(
  newReport: DuplicateCheckReport,
  existing: readonly DuplicateCheckReport[],
  { textThreshold = DEFAULT_TEXT_THRESHOLD }: DuplicateOptions = {},
): DuplicateProposal[] {
  const fresh = prepare(newReport);
  return existing
    .filter((other) => other.id !== newReport.id)
    .map((other) => {
      const prepared = prepare(other);
      const similarity = jaccard(fresh.shingles, prepared.shingles);
      return { reportId: other.id, similarity, reasons: reasonsFor(fresh, prepared, similarity, textThreshold) };
    })
    .filter((proposal) => proposal.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity);
}
