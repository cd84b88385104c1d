/** What the reports API answers, and the few calls that are not plain JSON. */
import { ApiRequestError, type ApiErrorBody, type ApiResponse } from '../../lib/api.ts';
import type { Language } from '../../lib/i18n.tsx';

/** Names for the reports API's answers; the shapes come from the server's OpenAPI document. */
export type FormInfo = ApiResponse<'/reports/form'>;
export type WindowStatus = ApiResponse<'/reports/window'>;
export type Receipt = ApiResponse<'/reports', 'post'>;
/** An intake's receipt also names the report and case it made. */
export type IntakeReceipt = ApiResponse<'/intake/reports', 'post'>;
export type TrackView = ApiResponse<'/reports/track', 'post'>;
export type ReportList = ApiResponse<'/reports'>;
export type ReportSummary = ReportList['items'][number];
export type ReportDetail = ApiResponse<'/reports/{id}'>;
export type Identity = ApiResponse<'/reports/{id}/identity', 'post'>;
export type MergeProposalList = ApiResponse<'/merge-proposals'>;
export type MergeProposal = MergeProposalList['items'][number];

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
