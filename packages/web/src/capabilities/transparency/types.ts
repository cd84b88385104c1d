/** Names for the public transparency API's answers (counts arrive already suppressed). */
import type { ApiResponse } from '../../lib/api.ts';

export type Transparency = ApiResponse<'/transparency/{electionId}'>;
export type PublicCount = Transparency['counts']['reports'];
