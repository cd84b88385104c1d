/** Names for the elections and regions API's answers; the shapes come from the server's OpenAPI document. */
import type { ApiResponse } from '../../lib/api.ts';

export type Calendar = ApiResponse<'/elections/{id}/calendar'>;
export type RegionDetail = ApiResponse<'/regions/{code}'>;
export type ElectionList = ApiResponse<'/elections'>;
