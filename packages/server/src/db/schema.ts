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

export interface Database {
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
