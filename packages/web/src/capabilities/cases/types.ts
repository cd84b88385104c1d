/** Names for the case API's answers; the shapes come from the server's OpenAPI document. */
import type { ApiResponse } from '../../lib/api.ts';

export type CaseList = ApiResponse<'/cases'>;
export type CaseSummary = CaseList['items'][number];
export type CaseDetail = ApiResponse<'/cases/{id}'>;
export type Deadline = CaseDetail['deadlines'][number];
export type TransitionOption = CaseDetail['transitions'][number];
export type TransitionField = TransitionOption['fields'][number];
export type TransitionResult = ApiResponse<'/cases/{id}/transitions', 'post'>;
export type BulkResult = ApiResponse<'/cases/bulk', 'post'>;
export type AssignableStaff = ApiResponse<'/cases/{id}/assignable-staff'>;
export type Inbox = ApiResponse<'/notifications'>;
