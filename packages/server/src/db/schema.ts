/**
 * The database as Kysely sees it. Each capability's migration adds its tables here; only
 * repositories use these types to write SQL.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** PostgreSQL `date` columns are read back as ISO strings (see the type parser in database.ts). */
type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'district';
  parent_code: string | null;
  province_code: string;
  is_city: boolean;
  time_zone: string;
}

export interface ElectionTable {
  id: string;
  kind: 'pilkada' | 'pemilu';
  name_id: string;
  name_en: string;
  year: number;
  voting_day: DateColumn;
  scope: 'regional' | 'national';
  basis: string;
  participation: Json<unknown>;
  rulebook: Json<unknown>;
  /** The current version of the rulebook (election_rulebooks). */
  rulebook_version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ElectionRulebookTable {
  election_id: string;
  version: number;
  rulebook: Json<unknown>;
  reason: string;
  regulation: string;
  changed_by: string | null;
  changed_at: Generated<Date>;
}

export interface ElectionStageTable {
  election_id: string;
  code: string;
  name_id: string;
  name_en: string;
  start_date: DateColumn;
  end_date: DateColumn;
  critical: boolean;
  levels: string[] | null;
  basis: string;
}

export interface ElectionRegionTable {
  election_id: string;
  region_code: string;
  source: 'rule' | 'import';
}

export interface RegionalHeadTermTable {
  region_code: string;
  head_name: string | null;
  term_end: DateColumn;
  basis: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  region_code: string;
}

export interface UnitTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
}

export interface AsnTable {
  id: Generated<number>;
  nip: string;
  kind: 'pns' | 'pppk';
  name: string;
  gender: 'male' | 'female';
  birth_date: DateColumn;
  position_title: string;
  position_type: 'jpt' | 'administrator' | 'supervisor' | 'executor' | 'functional' | 'camat_lurah';
  grade: string | null;
  agency_id: number;
  unit_id: number | null;
  region_code: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** TMT jabatan: when the current position started, if known. */
  position_start: DateOrNull;
}

export interface AsnNameSearchTable {
  asn_id: number;
  name_folded: string;
}

export interface AsnImportTable {
  id: Generated<string>;
  source: 'web' | 'cli' | 'demo';
  file_name: string;
  file_format: 'csv' | 'xlsx';
  file_bytes: Generated<number>;
  header: Json<string[]> | null;
  delimiter: string | null;
  default_region_code: string | null;
  scope_region_code: string | null;
  scope_agency_ids: number[] | null;
  created_by: string | null;
  status: Generated<'queued' | 'reading' | 'merging' | 'done' | 'failed'>;
  bytes_read: Generated<number>;
  rows_read: Generated<number>;
  inserted: number | null;
  updated: number | null;
  unchanged: number | null;
  rejected: number | null;
  error: Json<unknown> | null;
  search_indexed_at: Date | null;
  created_at: Timestamp;
  heartbeat_at: Timestamp;
  finished_at: Date | null;
}

export interface AsnImportRejectTable {
  import_id: string;
  line: number;
  cells: Json<string[]> | null;
  record: Json<Record<string, string>> | null;
  reasons: Json<unknown>;
}

export interface AsnPositionTable {
  id: Generated<number>;
  asn_id: number;
  position_title: string;
  position_type: string;
  grade: string | null;
  agency_id: number;
  unit_id: number | null;
  region_code: string;
  started_on: DateOrNull;
  ended_on: DateOrNull;
  ended_at: Timestamp;
  import_id: string | null;
}

export interface CandidatePairTable {
  id: Generated<string>;
  election_id: string;
  region_code: string;
  ballot_number: number | null;
  head: Json<unknown>;
  deputy: Json<unknown>;
  head_asn_id: number | null;
  deputy_asn_id: number | null;
  independent: boolean;
  parties: string[];
  incumbent_member: 'head' | 'deputy' | null;
  incumbent_office: 'regional_head' | 'deputy_regional_head' | null;
  slogans: string[];
  hashtags: string[];
  pair_key: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CandidateObligationEventTable {
  pair_id: string;
  member: 'head' | 'deputy';
  obligation: 'notice' | 'resignation' | 'dismissal' | 'bkn_processing';
  done_on: DateColumn;
  letter_number: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface RotationTable {
  id: Generated<string>;
  election_id: string;
  region_code: string;
  asn_id: number | null;
  person_nip: string;
  person_name: string;
  from_position: string;
  to_position: string;
  decree_number: string;
  decree_date: DateColumn;
  signer_name: string;
  signer_role: 'regional_head' | 'deputy_regional_head' | 'acting_head' | 'regional_secretary' | 'other';
  approval_letter_number: string | null;
  approval_date: DateOrNull;
  finding_report_id: string | null;
  finding_case_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface NetraMetaTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  /** Null until an invited officer sets their own (migration 0010). */
  password_hash: string | null;
  role: string;
  scope_region_code: string | null;
  scope_agency_ids: number[] | null;
  totp_secret_encrypted: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  mfa_passed: Generated<boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  /** From the sequence audit_log_seq (0019): written without a lock, chained afterwards (audit_chain). */
  seq: Generated<number>;
  at: ColumnType<Date, string, never>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: Json<unknown>;
  ip: string | null;
  user_agent: string | null;
  /** The unkeyed chain of entries written before 0019; null since. */
  previous_hash: string | null;
  hash: string | null;
}

/** Sign-in back-off per account and address (0019b); the key is an HMAC, never an address. */
export interface LoginBackoffTable {
  key: string;
  failures: number;
  blocked_until: Date | null;
  updated_at: Date;
}

/** The keyed chain over audit_log (core audit/keyed-chain.ts), appended by the sequencer. */
export interface AuditChainTable {
  position: number;
  audit_seq: number;
  entry_mac: string;
  link: string;
  chained_at: Generated<Date>;
}

type DateOrNull = ColumnType<string | null, string | null | undefined, string | null>;

export interface CaseTable {
  id: Generated<string>;
  number: string;
  election_id: string;
  region_code: string;
  agency_id: number | null;
  asn_id: number | null;
  state: Generated<string>;
  act_codes: Generated<string[]>;
  other_class: string | null;
  summary: string;
  received_on: DateColumn;
  review_restarted_on: DateOrNull;
  information_requested_on: DateOrNull;
  forwarded_to_bkn_on: DateOrNull;
  recommended_to_ppk_on: DateOrNull;
  next_deadline_code: string | null;
  next_deadline_due: DateOrNull;
  assignee_id: string | null;
  locked_by: string | null;
  locked_until: Date | null;
  siasn_block_recommended: Generated<boolean>;
  escalated_to: string | null;
  sanction: Json<unknown> | null;
  version: Generated<number>;
  /** The rulebook version the case's clocks run under (election_rulebooks). */
  rulebook_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Date | null;
  /** Why the person is still unknown, when an officer recorded it (migration 0014). */
  person_unknown_reason: ColumnType<string | null, string | null | undefined, string | null>;
  person_unknown_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  person_unknown_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReportTable {
  id: Generated<string>;
  receipt_number: string;
  secret_hash: string | null;
  source: 'public' | 'finding' | 'paper' | 'screening';
  case_id: string;
  election_id: string;
  region_code: string;
  place: string;
  occurred_on: DateColumn;
  occurred_until: DateOrNull;
  known_on: DateColumn;
  received_at: Timestamp;
  /** The day the report counts as received (migration 0005). */
  received_on: ColumnType<string, string | undefined, string>;
  description: string;
  act_codes: Generated<string[]>;
  reported_name: string;
  reported_name_normalised: string;
  reported_nip: string | null;
  reported_agency: string | null;
  reported_position: string | null;
  asn_id: number | null;
  anonymous: boolean;
  late_by_days: Generated<number>;
  created_by: string | null;
  idempotency_key: string | null;
}

export interface ReporterIdentityTable {
  report_id: string;
  sealed: string;
  created_at: Timestamp;
  /** False: an anonymous report's vault holding only its witnesses (migration 0016). */
  named: Generated<boolean>;
  witness_count: Generated<number>;
}

export interface EvidenceTable {
  id: Generated<string>;
  report_id: string;
  original_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  /** Null once the retention purge removed the original (migration 0018). */
  storage_key: string | null;
  public_copy_key: string | null;
  added_by: string;
  created_at: Timestamp;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_id: string;
  at: Timestamp;
  actor_id: string | null;
  kind: string;
  transition: string | null;
  from_state: string | null;
  to_state: string | null;
  note: string | null;
  data: ColumnType<unknown, string | undefined, string>;
  public: Generated<boolean>;
}

export interface MergeProposalTable {
  id: Generated<string>;
  report_id: string;
  duplicate_of_report_id: string;
  reasons: Json<unknown>;
  similarity: number | null;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: string | null;
  role: string | null;
  region_code: string | null;
  case_id: string | null;
  kind: string;
  message: Json<unknown>;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: Date | null;
}

export interface NotificationReadTable {
  notification_id: number;
  user_id: string;
  read_at: Timestamp;
}

export interface Database {
  notification_reads: NotificationReadTable;
  cases: CaseTable;
  reports: ReportTable;
  reporter_identities: ReporterIdentityTable;
  evidence: EvidenceTable;
  case_events: CaseEventTable;
  merge_proposals: MergeProposalTable;
  notifications: NotificationTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  login_backoff: LoginBackoffTable;
  netra_meta: NetraMetaTable;
  regions: RegionTable;
  elections: ElectionTable;
  election_rulebooks: ElectionRulebookTable;
  election_stages: ElectionStageTable;
  election_regions: ElectionRegionTable;
  regional_head_terms: RegionalHeadTermTable;
  agencies: AgencyTable;
  units: UnitTable;
  asn: AsnTable;
  asn_name_search: AsnNameSearchTable;
  asn_imports: AsnImportTable;
  asn_import_rejects: AsnImportRejectTable;
  asn_positions: AsnPositionTable;
  candidate_pairs: CandidatePairTable;
  candidate_obligation_events: CandidateObligationEventTable;
  rotations: RotationTable;
}

// ---- Dashboards, prevention and exports (migration 0007). Declaration merging adds them to Database.

export interface PledgeTable {
  election_id: string;
  asn_id: number;
  signed_on: DateColumn;
  method: 'single' | 'agency' | 'import';
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface SocialisationEventTable {
  id: Generated<string>;
  election_id: string;
  region_code: string;
  kind: 'apel_siaga' | 'sosialisasi' | 'spanduk' | 'lainnya';
  title: string;
  held_on: DateColumn;
  place: string;
  organiser: string;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SocialisationAttendanceTable {
  event_id: string;
  asn_id: number;
}

export interface ExportJobTable {
  id: Generated<string>;
  created_by: string;
  role: string;
  scope: Json<unknown>;
  source: string;
  format: 'csv' | 'xlsx';
  filter: Json<unknown>;
  language: 'id' | 'en';
  status: Generated<'queued' | 'running' | 'done' | 'failed' | 'expired'>;
  rows_total: number | null;
  rows_written: Generated<number>;
  file_name: string | null;
  size_bytes: number | null;
  error: string | null;
  created_at: Timestamp;
  started_at: Date | null;
  heartbeat_at: Date | null;
  finished_at: Date | null;
  expires_at: Timestamp;
}

export interface CaseDeadlineOutcomeTable {
  id: Generated<number>;
  case_id: string;
  deadline_code: string;
  due: DateColumn;
  stopped_on: DateColumn;
  to_state: string;
}

/** Materialised: figures per (sub)region; `min_reach` r = cases that reached at least stage r. */
export interface DashCubeView {
  election_id: string;
  min_reach: number;
  province_code: string;
  region_code: string;
  subject: 'case' | 'report';
  dimension: string;
  key: string;
  n: number;
}

export interface DashAgencySummaryView {
  election_id: string;
  min_reach: number;
  province_code: string;
  region_code: string;
  agency_id: number;
  cases: number;
  reports: number;
  proven: number;
  sanctioned: number;
  ppk_recommended: number;
  ppk_followed_up: number;
  deadlines_met: number;
  deadlines_missed: number;
  deadlines_overdue: number;
}

export interface DashAsnCountsView {
  province_code: string;
  region_code: string;
  agency_id: number;
  asn_total: number;
}

export interface DashPreventionView {
  election_id: string;
  province_code: string;
  region_code: string;
  agency_id: number;
  pledged: number;
  reached: number;
}

export interface DashPreventionRegionsView {
  election_id: string;
  province_code: string;
  region_code: string;
  asn_total: number;
  pledged: number;
  reached: number;
}

export interface Database {
  pledges: PledgeTable;
  socialisation_events: SocialisationEventTable;
  socialisation_attendance: SocialisationAttendanceTable;
  export_jobs: ExportJobTable;
  case_deadline_outcomes: CaseDeadlineOutcomeTable;
  dash_region_cube: DashCubeView;
  dash_province_cube: Omit<DashCubeView, 'region_code'>;
  dash_agency_summary: DashAgencySummaryView;
  dash_asn_counts: DashAsnCountsView;
  dash_prevention: DashPreventionView;
  dash_national_cube: Omit<DashCubeView, 'region_code' | 'province_code'>;
  dash_prevention_regions: DashPreventionRegionsView;
}

// ---- Social-media screening (migration 0008). Declaration merging adds them to Database.

export interface ScreeningAccountTable {
  id: Generated<string>;
  platform: string;
  handle: string;
  display_name: string | null;
  agency_hint: string | null;
  region_code: string;
  asn_id: number | null;
  link_status: 'proposed' | 'confirmed' | null;
  link_similarity: number | null;
  link_decided_by: string | null;
  link_decided_at: Date | null;
  rejected_asn_ids: Generated<number[]>;
  created_at: Timestamp;
}

export interface ScreeningPostTable {
  id: Generated<string>;
  platform: string;
  account_id: string;
  url: string;
  text: string;
  posted_at: Timestamp;
  kind: 'post' | 'comment' | 'share' | 'like' | 'follow';
  media_urls: Generated<string[]>;
  election_id: string;
  region_code: string;
  score: number;
  category: 'likely_support' | 'likely_opposition' | 'mention_only' | 'irrelevant';
  candidate_pair_id: string | null;
  candidate_pair_ids: Generated<string[]>;
  /** Flagged posts: support of or attack on candidate_pair_id (migration 0012); null below the threshold. */
  stance: 'support' | 'attack' | null;
  reasons: Json<unknown>;
  highlights: Json<unknown>;
  lexicon_version: string;
  scored_at: Timestamp;
  status: Generated<'queued' | 'confirmed' | 'dismissed'>;
  dismissal_reason: string | null;
  dismissal_note: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  report_id: string | null;
  imported_by: string | null;
  imported_at: Timestamp;
}

export interface ScreeningLexiconEditTable {
  id: Generated<number>;
  election_id: string;
  region_code: string | null;
  action: 'add' | 'remove';
  term: string;
  kind: string | null;
  candidate_pair_ids: Generated<string[]>;
  ambiguous: boolean | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface Database {
  screening_accounts: ScreeningAccountTable;
  screening_posts: ScreeningPostTable;
  screening_lexicon_edits: ScreeningLexiconEditTable;
}

// ---- Account administration (migration 0010).

export interface AccountInvitationTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  delivery: 'email' | 'manual';
  pending_totp_encrypted: string | null;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export interface TotpResetRequestTable {
  id: Generated<string>;
  user_id: string;
  requested_by: string;
  reason: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Date | null;
  approved: boolean | null;
}

export interface Database {
  account_invitations: AccountInvitationTable;
  totp_reset_requests: TotpResetRequestTable;
}

// ---- Talking with reporters, notices, SMS/WhatsApp inbox (migrations 0017, 0017b). Declaration merging adds them to Database.

export interface ReportMessageTable {
  id: Generated<string>;
  report_id: string;
  case_id: string;
  author: 'officer' | 'reporter';
  author_user_id: string | null;
  body: string;
  evidence_ids: ColumnType<string[], string[] | undefined, string[]>;
  requests_information: Generated<boolean>;
  created_at: Timestamp;
}

export interface ReporterNoticeAddressTable {
  report_id: string;
  email_sealed: string;
  created_at: Timestamp;
  notified_through: Timestamp;
}

export interface NotificationSettingsTable {
  user_id: string;
  email_assigned: boolean;
  email_deadlines: boolean;
  updated_at: Timestamp;
}

export interface NotificationMailTable {
  notification_id: number;
  user_id: string;
  queued_at: Timestamp;
}

export interface InboxConversationTable {
  id: Generated<string>;
  channel: 'sms' | 'whatsapp';
  sender_key: string;
  sender_sealed: string;
  region_code: string | null;
  region_asked_at: Date | null;
  status: Generated<'open' | 'converted' | 'dismissed'>;
  dismiss_reason: string | null;
  report_id: string | null;
  handled_by: string | null;
  handled_at: Date | null;
  created_at: Timestamp;
  last_message_at: Timestamp;
}

export interface InboxMessageTable {
  id: Generated<string>;
  conversation_id: string;
  direction: 'in' | 'out';
  provider_message_id: string | null;
  body: string;
  sent_by: string | null;
  received_at: Timestamp;
}

export interface InboxProviderIdTable {
  channel: string;
  provider_message_id: string;
}

export interface InboxMediaTable {
  id: Generated<string>;
  message_id: string;
  original_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  public_copy_key: string | null;
}

export interface InboxOutboxTable {
  id: Generated<string>;
  conversation_id: string;
  kind: 'reply' | 'receipt' | 'region_question';
  body_sealed: string;
  status: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Date | null;
}

export interface Database {
  report_messages: ReportMessageTable;
  reporter_notice_addresses: ReporterNoticeAddressTable;
  notification_settings: NotificationSettingsTable;
  notification_mails: NotificationMailTable;
  inbox_conversations: InboxConversationTable;
  inbox_messages: InboxMessageTable;
  inbox_provider_ids: InboxProviderIdTable;
  inbox_media: InboxMediaTable;
  inbox_outbox: InboxOutboxTable;
}

// ---- Retention and legal hold (migration 0018). Declaration merging adds the tables to Database and the columns to their tables.

/** A column set later (by the purge), absent from inserts. */
type SetLater<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface EvidenceTable {
  original_purged_at: SetLater<Date>;
  copy_purged_at: SetLater<Date>;
}

export interface CaseTable {
  personal_purged_at: SetLater<Date>;
  position_type_retained: SetLater<string>;
}

export interface ReportTable {
  personal_purged_at: SetLater<Date>;
}

export interface ScreeningAccountTable {
  link_purged_at: SetLater<Date>;
}

export interface IdentityKeyTable {
  id: Generated<string>;
  wrapped: string | null;
  created_at: Timestamp;
  destroyed_at: Date | null;
}

export interface RetentionRuleTable {
  id: Generated<string>;
  kind: string;
  election_id: string | null;
  keep_days: number | null;
  legal_basis: string;
  unsure: boolean;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface LegalHoldTable {
  id: Generated<string>;
  target_type: 'case' | 'report' | 'person' | 'region' | 'election';
  case_id: string | null;
  report_id: string | null;
  asn_id: number | null;
  region_code: string | null;
  election_id: string | null;
  reason: string;
  placed_by: string | null;
  placed_at: Date;
  lifted_by: string | null;
  lifted_at: Date | null;
  lift_reason: string | null;
}

export interface PurgeRunTable {
  id: Generated<string>;
  dry_run: boolean;
  trigger: 'schedule' | 'console' | 'cli' | 'restore';
  actor_id: string | null;
  today: DateColumn;
  status: Generated<'running' | 'done' | 'failed'>;
  total: Generated<number>;
  held: Generated<number>;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}

export interface PurgeLogTable {
  id: Generated<number>;
  run_id: string;
  kind: string;
  action: string;
  election_id: string | null;
  region_code: string | null;
  rule_election_id: string | null;
  rule_keep_days: number | null;
  rule_legal_basis: string;
  count: number;
  ids: string[];
  at: Date;
}

export interface Database {
  identity_keys: IdentityKeyTable;
  retention_rules: RetentionRuleTable;
  legal_holds: LegalHoldTable;
  purge_runs: PurgeRunTable;
  purge_log: PurgeLogTable;
}

// ---- The person of a case, its letters and the SIASN block (migration 0014). Declaration merging adds them to Database.

export interface CasePersonTable {
  case_id: string;
  asn_id: number;
  report_id: string | null;
  linked_by: string | null;
  linked_at: Timestamp;
}

export interface SiasnBlockTable {
  id: Generated<string>;
  case_id: string;
  status: 'requested' | 'imposed' | 'lifted';
  requested_at: Date;
  requested_basis: Json<unknown>;
  imposed_at: Date | null;
  imposed_by: string | null;
  imposed_on: DateOrNull;
  imposed_reference: string | null;
  lifted_at: Date | null;
  lifted_by: string | null;
  lifted_on: DateOrNull;
  lift_cause: 'sanction' | 'bkn' | null;
  lift_reason: string | null;
}

export type CaseDocumentKind = 'recommendation_bkn' | 'recommendation_ppk' | 'bkn_recommendation' | 'status_notice' | 'review_result' | 'sanction_decree';

export interface CaseDocumentTable {
  id: Generated<string>;
  case_id: string;
  kind: CaseDocumentKind;
  report_id: string | null;
  file_name: string;
  content_type: string;
  storage_key: string;
  sha256: string;
  size_bytes: number;
  created_by: string | null;
  created_at: Timestamp;
}

export interface Database {
  case_people: CasePersonTable;
  siasn_blocks: SiasnBlockTable;
  case_documents: CaseDocumentTable;
}
