/** Names for the dashboards and exports API's answers; the shapes come from the server's OpenAPI document. */
import type { ApiResponse } from '../../lib/api.ts';

export type Dashboard = ApiResponse<'/dashboards/{electionId}'>;
export type AgencyPage = ApiResponse<'/dashboards/{electionId}/agencies'>;
export type AgencyRow = AgencyPage['items'][number];
export type ExportJob = ApiResponse<'/exports/{id}'>;

/**
 * A page of a list as the server's paged answers carry it. Still used by prevention's pages
 * (kit helper's capability) until they name their lists from the contract.
 */
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  nextOffset: number | null;
  items: T[];
}
