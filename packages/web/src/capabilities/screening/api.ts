/** Shapes of /api/v1/screening as the console uses them (who may do what: core's permission table). */

export interface Span {
  start: number;
  end: number;
}

export interface AsnLink {
  id: number;
  nip: string;
  name: string;
  position: string | null;
  agency: string | null;
}

export interface Post {
  id: string;
  platform: string;
  url: string;
  text: string;
  postedAt: string;
  kind: string;
  mediaUrls: string[];
  electionId: string;
  regionCode: string;
  regionName: string;
  score: number;
  category: string;
  candidate: { id: string; label: string } | null;
  otherCandidateCount: number;
  reasons: Array<{ code: string; weight: number; text: string; spans: Span[] }>;
  highlights: Span[];
  status: 'queued' | 'confirmed' | 'dismissed';
  dismissalReason: string | null;
  dismissalNote: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  report: { id: string; receiptNumber: string; caseId: string; caseNumber: string } | null;
  account: { id: string; handle: string; displayName: string | null; linkStatus: string | null; linkSimilarity: number | null; asn: AsnLink | null };
}

export interface ImportSummary {
  fileName: string;
  format: 'jsonl' | 'csv';
  lines: number;
  imported: number;
  duplicates: number;
  rejected: number;
  accountsCreated: number;
  linkProposals: number;
  truncated: boolean;
  rejectedLines: Array<{ line: number; reasons: Array<{ code: string; message: string }> }>;
  warnings: Array<{ line: number; reasons: Array<{ code: string; message: string }> }>;
}

export interface LexiconView {
  electionId: string;
  regionCode: string | null;
  version: string;
  threshold: number;
  candidates: Array<{ id: string; label: string; regionCode: string }>;
  counts: Record<string, number>;
  total: number;
  entries: Array<{ term: string; matchText: string; kind: string; ambiguous: boolean; source: string; regionCode: string | null; candidates: Array<{ id: string; label: string }>; candidateCount: number; removable: boolean }>;
  edits: Array<{ id: number; action: string; term: string; kind: string | null; regionCode: string | null; candidates: Array<{ id: string; label: string }>; createdBy: string | null; createdAt: string }>;
}

export interface Account {
  id: string;
  platform: string;
  handle: string;
  displayName: string | null;
  agencyHint: string | null;
  regionCode: string;
  regionName: string;
  linkStatus: 'proposed' | 'confirmed' | null;
  linkSimilarity: number | null;
  asn: AsnLink | null;
  postCount: number;
  maxScore: number | null;
}

export interface ElectionSummary {
  id: string;
  name: string;
  votingDay: string;
}

/** The election a form starts with: the next to vote, else the latest. */
export function defaultElection(elections: readonly ElectionSummary[], today = new Date().toISOString().slice(0, 10)): string {
  const sorted = [...elections].sort((a, b) => a.votingDay.localeCompare(b.votingDay));
  return (sorted.find((e) => e.votingDay >= today) ?? sorted.at(-1))?.id ?? '';
}
