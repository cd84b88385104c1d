/** Shapes of /api/v1/screening as the console uses them, named from the generated API contract. */
import type { ApiResponse } from '../../lib/api.ts';

export type PostList = ApiResponse<'/screening/posts'>;
export type Post = PostList['items'][number];
export type Span = Post['highlights'][number];
export type ImportSummary = ApiResponse<'/screening/posts/import', 'post'>;
export type LexiconView = ApiResponse<'/screening/lexicon'>;
export type AccountList = ApiResponse<'/screening/accounts'>;
export type Account = AccountList['items'][number];
export type ElectionList = ApiResponse<'/elections'>;
export type ElectionSummary = ElectionList['items'][number];

export function defaultElection(elections: readonly ElectionSummary[], today = new Date().toISOString().slice(0, 10)): string {
  const sorted = [...elections].sort((a, b) => a.votingDay.localeCompare(b.votingDay));
  return (sorted.find((e) => e.votingDay >= today) ?? sorted.at(-1))?.id ?? '';
}
