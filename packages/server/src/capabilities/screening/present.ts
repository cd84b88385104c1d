/**
 * Screened posts and watched accounts as the API shows them, and what an analyst may not see of
 * them (the civil servant behind an account).
 */
import { can } from '@netra/core';
import type { ScoreReason, TextSpan } from '@netra/core/screening/index';
import type { Language } from '../../http/language.ts';
import type { StaffUser } from '../../http/request-context.ts';
import type { AccountRow } from './accounts.repository.ts';
import { pairLabel } from './lexicon.repository.ts';
import type { PostRow } from './repository.ts';

type StoredReason = ScoreReason;

export function postDto(row: PostRow, language: Language) {
  const reasons = (row.reasons as StoredReason[]) ?? [];
  return {
    id: row.id,
    platform: row.platform,
    url: row.url,
    text: row.text,
    postedAt: new Date(row.posted_at).toISOString(),
    kind: row.kind,
    mediaUrls: row.media_urls,
    electionId: row.election_id,
    regionCode: row.region_code,
    regionName: row.region_name,
    score: row.score,
    category: row.category,
    candidate: row.candidate_pair_id ? { id: row.candidate_pair_id, label: pairLabel({ head: row.pair_head, deputy: row.pair_deputy, ballot_number: row.pair_ballot_number }) } : null,
    otherCandidateCount: Math.max(0, row.candidate_pair_ids.length - 1),
    stance: row.stance,
    reasons: reasons.map((r) => ({ code: r.code, weight: r.weight, text: language === 'id' ? r.id : r.en, spans: r.spans.map((s) => ({ start: s.start, end: s.end })) })),
    highlights: (row.highlights as TextSpan[]).map((s) => ({ start: s.start, end: s.end })),
    lexiconVersion: row.lexicon_version,
    status: row.status,
    dismissalReason: row.dismissal_reason,
    dismissalNote: row.dismissal_note,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decidedBy: row.decided_by_name,
    report: row.report_id ? { id: row.report_id, receiptNumber: row.report_receipt_number!, caseId: row.case_id!, caseNumber: row.case_number! } : null,
    importedAt: new Date(row.imported_at).toISOString(),
    account: {
      id: row.account_id,
      handle: row.handle,
      displayName: row.display_name,
      linkStatus: row.link_status,
      linkSimilarity: row.link_similarity,
      asn: row.asn_id ? { id: row.asn_id, nip: row.asn_nip!, name: row.asn_name!, position: row.asn_position, agency: row.asn_agency } : null,
    },
  };
}

export function accountDto(row: AccountRow) {
  return {
    id: row.id,
    platform: row.platform,
    handle: row.handle,
    displayName: row.display_name,
    agencyHint: row.agency_hint,
    regionCode: row.region_code,
    regionName: row.region_name,
    linkStatus: row.link_status,
    linkSimilarity: row.link_similarity,
    linkDecidedAt: row.link_decided_at ? new Date(row.link_decided_at).toISOString() : null,
    asn: row.asn_id ? { id: row.asn_id, nip: row.asn_nip!, name: row.asn_name!, position: row.asn_position, agency: row.asn_agency } : null,
    postCount: Number(row.post_count ?? 0),
    maxScore: row.max_score === null ? null : Number(row.max_score),
  };
}

/**
 * Analysts read the queue to follow and tune screening, not to learn which civil servant is
 * behind an account (PRODUCT.md: analysts see no personal data): the ASN link shows as a status only.
 */
export function forViewer<T extends { account: { asn: unknown } } | { asn: unknown }>(staff: Pick<StaffUser, 'role'>, dto: T): T {
  if (can(staff.role, 'screening.asn-links.read')) return dto;
  return 'account' in dto ? { ...dto, account: { ...dto.account, asn: null } } : { ...dto, asn: null };
}
