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
  password_hash: string;
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
  seq: number;
  at: ColumnType<Date, string, never>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: Json<unknown>;
  ip: string | null;
  user_agent: string | null;
  previous_hash: string;
  hash: string;
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
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Date | null;
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
}

export interface EvidenceTable {
  id: Generated<string>;
  report_id: string;
  original_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
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

export interface Database {
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
  netra_meta: NetraMetaTable;
  regions: RegionTable;
  elections: ElectionTable;
  election_stages: ElectionStageTable;
  election_regions: ElectionRegionTable;
  agencies: AgencyTable;
  units: UnitTable;
  asn: AsnTable;
}
