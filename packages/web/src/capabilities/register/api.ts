/** Shapes of the register API as the console uses them, named from the generated API contract. */
import type { ApiResponse } from '../../lib/api.ts';

export type AsnList = ApiResponse<'/register/asn'>;
export type AsnSummary = AsnList['items'][number];
export type AsnDetail = ApiResponse<'/register/asn/{id}'>;
export type AgencyList = ApiResponse<'/register/agencies'>;
export type Agency = AgencyList['items'][number];
export type ImportStatus = ApiResponse<'/register/imports/{id}'>;
export type ImportList = ApiResponse<'/register/imports'>;
export type ColumnDoc = ApiResponse<'/register/columns'>[number];
