/** What the reports API answers, and the few calls that are not plain JSON. */
import { ApiRequestError, type ApiErrorBody } from '../../lib/api.ts';
import type { Language } from '../../lib/i18n.tsx';

export interface FormInfo {
  today: string;
  elections: Array<{ id: string; name: string; kind: string; votingDay: string; reportWindow: { days: number; counting: 'calendar' | 'working'; basis: string }; receptionHours: { from: string; to: string } | null }>;
  acts: Array<{ code: string; description: string }>;
  evidence: { maxFiles: number; maxFileBytes: number; maxTotalBytes: number; acceptedTypes: string[] };
}

export interface WindowStatus {
  receivedOn: string;
  withinWindow: boolean;
  lastDay: string;
  daysLate: number;
  counting: 'calendar' | 'working';
  basis: string;
  warning?: string;
}

export interface Receipt {
  receiptNumber: string;
  secret: string | null;
  caseNumber: string;
  receivedOn: string;
  lateByDays: number;
  warning?: string;
  reportId?: string;
  caseId?: string;
}

export interface TrackView {
  receiptNumber: string;
  caseNumber: string;
  receivedAt: string;
  state: string;
  stateLabel: string;
  lateByDays: number;
  timeline: Array<{ at: string; kind: string; label: string }>;
  informationRequest: { requestedOn: string; dueOn: string; overdue: boolean; message: string | null; missing: string[] } | null;
  canAddInformation: boolean;
  evidence: Array<{ id: string; kind: string; sizeBytes: number; addedAt: string; thumbnailUrl: string | null }>;
}

export interface ReportSummary {
  id: string;
  receiptNumber: string;
  source: string;
  caseId: string;
  caseNumber: string;
  caseState: string;
  caseStateLabel: string;
  electionId: string;
  regionCode: string;
  place: string;
  occurredOn: string;
  occurredUntil: string | null;
  knownOn: string;
  receivedAt: string;
  receivedOn: string;
  description: string;
  actCodes: string[];
  reportedName: string;
  reportedNip: string | null;
  reportedAgency: string | null;
  reportedPosition: string | null;
  anonymous: boolean;
  lateByDays: number;
  evidenceCount: number;
}

export interface ReportDetail extends ReportSummary {
  regionName: string;
  hasReporterIdentity: boolean;
  evidence: Array<{ id: string; originalName: string; mimeType: string; sizeBytes: number; sha256: string; hasPublicCopy: boolean; createdAt: string }>;
  checklist: { formalMet: boolean; materialMet: boolean; basis: string; items: Array<{ code: string; kind: string; label: string; met: boolean; detail: string | null }> };
}

export interface Identity {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  openedAt: string;
}

export interface MergeProposal {
  id: string;
  status: string;
  similarity: number | null;
  reasons: Array<{ code: string; message: string }>;
  decidedAt: string | null;
  report: ReportSummary;
  duplicateOf: ReportSummary;
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The receipt slip PDF: the secret goes in a POST body, never in a URL. */
export async function downloadSlip(receiptNumber: string, secret: string, language: Language): Promise<void> {
  const response = await fetch(`/api/v1/reports/track/slip?lang=${language}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/pdf' },
    body: JSON.stringify({ receiptNumber, secret }),
  });
  if (!response.ok) throw new ApiRequestError(response.status, (await response.json().catch(() => null)) as ApiErrorBody | null);
  save(await response.blob(), `tanda-terima-${receiptNumber}.pdf`);
}

export function downloadText(text: string, fileName: string): void {
  save(new Blob([text], { type: 'text/plain;charset=utf-8' }), fileName);
}

export const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
