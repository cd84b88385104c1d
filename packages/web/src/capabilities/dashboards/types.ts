/** Names for the dashboards and exports API's answers; the shapes come from the server's OpenAPI document. */
import type { ApiResponse } from '../../lib/api.ts';

export type Dashboard = ApiResponse<'/dashboards/{electionId}'>;
export type AgencyPage = ApiResponse<'/dashboards/{electionId}/agencies'>;
export type AgencyRow = AgencyPage['items'][number];
export type ExportJob = ApiResponse<'/exports/{id}'>;

