/**
 * Retention: how long each kind of data is kept, counted from which date, what happens when the
 * time is up, and what a legal hold stops. Rules are data (the server keeps them in
 * `retention_rules`, seeded from DEFAULT_RETENTION_RULES, editable per election); this module
 * only evaluates them: given a record's dates, its election and region, the rules and the holds,
 * it says whether the record is kept, waiting for its clock to start, held, or expired.
 *
 * Indonesian law states no fixed period for most of these (UU 27/2022 on personal data protection
 * art. 43–44 asks that personal data be erased once its purpose is served; UU 43/2009 on archives
 * leaves periods to each agency's retention schedule, JRA): those defaults are marked `unsure`
 * and are meant to be set per election by the administrator after the agency's legal review.
 */
import type { Localised } from '../elections/types.ts';
import { isWithinRegion } from '../regions/region-code.ts';
import { addDays, type IsoDate } from '../time/iso-date.ts';

export const RETENTION_KINDS = [
  'reporter_identity',
  'evidence_original',
  'evidence_copy',
  'closed_case',
  'not_accepted_report',
  'screened_post',
  'account_link',
  'inbox_conversation',
  'export',
  'session',
  'audit_log',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export function isRetentionKind(value: string): value is RetentionKind {
  return (RETENTION_KINDS as readonly string[]).includes(value);
}

/**
 * What the purge does to an expired record:
 * - `shred_key`: destroy the record's own data key (crypto-shredding); the ciphertext stays unreadable everywhere, backups included;
 * - `delete_file`: remove the stored file, keep the row with its hash;
 * - `anonymise`: blank the personal fields, keep the row's non-personal fields (public figures stay right);
 * - `delete_row`: remove the row;
 * - `keep`: never purged (the audit log: removing an entry breaks the hash chain).
 */
export type RetentionAction = 'shred_key' | 'delete_file' | 'anonymise' | 'delete_row' | 'keep';

/** The date a record's clock starts from. */
export type RetentionAnchor = 'case_closed' | 'decided_or_imported' | 'linked' | 'created' | 'session_expired' | 'none';

export interface RetentionKindDefinition {
  kind: RetentionKind;
  label: Localised;
  anchor: RetentionAnchor;
  anchorLabel: Localised;
  action: RetentionAction;
  /** Whether the keeping period can be changed (the audit log's cannot). */
  configurable: boolean;
  /** Whether rules may differ per election (sessions, exports and the audit log belong to no election). */
  perElection: boolean;
}

const kind = (
  k: RetentionKind,
  id: string,
  en: string,
  anchor: RetentionAnchor,
  anchorLabel: Localised,
  action: RetentionAction,
  options: { configurable?: boolean; perElection?: boolean } = {},
): RetentionKindDefinition => ({ kind: k, label: { id, en }, anchor, anchorLabel, action, configurable: options.configurable ?? true, perElection: options.perElection ?? true });

const CASE_CLOSED = { id: 'sejak perkara selesai', en: 'from the case being finished' };

export const RETENTION_KIND_DEFINITIONS: Readonly<Record<RetentionKind, RetentionKindDefinition>> = {
  reporter_identity: kind('reporter_identity', 'Identitas pelapor', "Reporters' identities", 'case_closed', CASE_CLOSED, 'shred_key'),
  evidence_original: kind('evidence_original', 'Berkas bukti asli', 'Evidence originals', 'case_closed', CASE_CLOSED, 'delete_file'),
  evidence_copy: kind('evidence_copy', 'Salinan bukti tanpa metadata', 'Evidence copies (metadata removed)', 'case_closed', CASE_CLOSED, 'delete_file'),
  closed_case: kind('closed_case', 'Perkara selesai (data pribadi)', 'Finished cases (personal fields)', 'case_closed', CASE_CLOSED, 'anonymise'),
  not_accepted_report: kind(
    'not_accepted_report',
    'Laporan tidak diterima atau dicabut',
    'Reports not accepted or withdrawn',
    'case_closed',
    { id: 'sejak dinyatakan tidak diterima/dicabut', en: 'from being found not accepted or withdrawn' },
    'anonymise',
  ),
  screened_post: kind(
    'screened_post',
    'Unggahan hasil penapisan yang tidak dilaporkan',
    'Screened posts never reported',
    'decided_or_imported',
    { id: 'sejak diputus (atau diimpor bila belum diputus)', en: 'from the decision (or the import, if undecided)' },
    'delete_row',
  ),
  account_link: kind(
    'account_link',
    'Tautan akun media sosial ke ASN',
    'Social-media account links to civil servants',
    'linked',
    { id: 'sejak ditautkan, bila tak satu pun unggahannya dilaporkan', en: 'from the link, when none of its posts was reported' },
    'anonymise',
  ),
  inbox_conversation: kind(
    'inbox_conversation',
    'Percakapan SMS/WhatsApp yang tidak menjadi laporan',
    'SMS/WhatsApp conversations never made a report',
    'decided_or_imported',
    { id: 'sejak diabaikan (atau pesan terakhirnya bila belum ditangani)', en: 'from the dismissal (or its last message, if never handled)' },
    'delete_row',
    { perElection: false },
  ),
  export: kind('export', 'Catatan ekspor', 'Export records', 'created', { id: 'sejak dibuat', en: 'from creation' }, 'delete_row', { perElection: false }),
  session: kind('session', 'Sesi masuk petugas', 'Staff sign-in sessions', 'session_expired', { id: 'sejak sesi berakhir', en: 'from the session ending' }, 'delete_row', {
    perElection: false,
  }),
  audit_log: kind('audit_log', 'Log audit', 'Audit log', 'none', { id: 'disimpan tetap', en: 'kept for good' }, 'keep', { configurable: false, perElection: false }),
};

export interface RetentionRule {
  kind: RetentionKind;
  /** Null: the default for every election (and for data that belongs to none). */
  electionId: string | null;
  /** Days kept after the anchor date; null keeps for good. */
  keepDays: number | null;
  legalBasis: string;
  /** The basis states no period: the default is a choice to confirm per election. */
  unsure: boolean;
}

const PDP = 'UU 27/2022 (Pelindungan Data Pribadi) art. 43–44: erase personal data once its purpose is served';
const ARCHIVES = 'UU 43/2009 (Kearsipan) art. 48–53 and the agency retention schedule (JRA)';
const OBJECTION = 'PTUN: 90 days to challenge a decision (UU 5/1986 art. 55) plus appeal time';

export const DEFAULT_RETENTION_RULES: readonly RetentionRule[] = [
  { kind: 'reporter_identity', electionId: null, keepDays: 730, unsure: true, legalBasis: `${PDP}; ${OBJECTION}: kept two years after the case ends` },
  { kind: 'evidence_original', electionId: null, keepDays: 1825, unsure: true, legalBasis: `${ARCHIVES}: case files five years after the case ends` },
  { kind: 'evidence_copy', electionId: null, keepDays: 365, unsure: true, legalBasis: `${PDP}: the copy shown outside the case is needed only while the reporter follows it` },
  { kind: 'closed_case', electionId: null, keepDays: 1825, unsure: true, legalBasis: `${ARCHIVES}; ${PDP}: names and narratives blanked after five years, figures kept` },
  { kind: 'not_accepted_report', electionId: null, keepDays: 365, unsure: true, legalBasis: `${PDP}: a report that led nowhere keeps personal data one year (time to refile or object)` },
  { kind: 'screened_post', electionId: null, keepDays: 90, unsure: true, legalBasis: `${PDP}: posts of people never reported, 90 days after the decision` },
  { kind: 'account_link', electionId: null, keepDays: 365, unsure: true, legalBasis: `${PDP}: the link of an account to a civil servant, one year unless a post was reported` },
  {
    kind: 'inbox_conversation',
    electionId: null,
    keepDays: 90,
    unsure: true,
    legalBasis: `${PDP}: the sender's sealed number, texts and media of a conversation never made a report, 90 days after its dismissal or last message`,
  },
  { kind: 'export', electionId: null, keepDays: 30, unsure: false, legalBasis: `${PDP}: the file is deleted after a day (exports); its record (who asked what) after 30 days` },
  { kind: 'session', electionId: null, keepDays: 30, unsure: false, legalBasis: `${PDP}: network address and browser of a session, 30 days after it ends` },
  {
    kind: 'audit_log',
    electionId: null,
    keepDays: null,
    unsure: false,
    legalBasis: 'Accountability of every access to personal data (UU 27/2022 art. 31, 39); the hash chain cannot lose an entry',
  },
];

/** Keeping periods accepted for a rule: a day up to a century, or null (for good). */
export const MAX_KEEP_DAYS = 36_500;

export type RetentionRuleProblem = 'not_configurable' | 'not_per_election' | 'keep_days_range';

/** Why a rule cannot be stored as given (null: it can). */
export function retentionRuleProblem(rule: Pick<RetentionRule, 'kind' | 'electionId' | 'keepDays'>): RetentionRuleProblem | null {
  const definition = RETENTION_KIND_DEFINITIONS[rule.kind];
  if (!definition.configurable) return 'not_configurable';
  if (rule.electionId !== null && !definition.perElection) return 'not_per_election';
  if (rule.keepDays !== null && (!Number.isInteger(rule.keepDays) || rule.keepDays < 0 || rule.keepDays > MAX_KEEP_DAYS)) return 'keep_days_range';
  return null;
}

/** The rule that governs a kind in an election: the election's own, else the default. */
export function ruleFor(rules: readonly RetentionRule[], kind: RetentionKind, electionId: string | null): RetentionRule | null {
  const own = electionId === null ? undefined : rules.find((r) => r.kind === kind && r.electionId === electionId);
  return own ?? rules.find((r) => r.kind === kind && r.electionId === null) ?? null;
}

export type HoldTarget =
  | { type: 'case'; caseId: string }
  | { type: 'report'; reportId: string }
  | { type: 'person'; asnId: number }
  | { type: 'region'; regionCode: string; electionId: string | null }
  | { type: 'election'; electionId: string };

export interface LegalHold {
  id: string;
  target: HoldTarget;
  /** A lifted hold no longer holds anything. */
  lifted: boolean;
}

/** What a record is, for the rules and the holds. */
export interface RetainedRecord {
  kind: RetentionKind;
  electionId: string | null;
  regionCode: string | null;
  /** The date its clock starts (see the kind's anchor); null while it has not started (case still open). */
  anchorOn: IsoDate | null;
  caseId?: string | null;
  /** The report(s) the record belongs to (a case: all of its reports). */
  reportIds?: readonly string[];
  /** The civil servant(s) the record is about. */
  asnIds?: readonly number[];
}

/** Whether a hold covers a record: its case, report, person, region (and its sub-regions) or election. */
export function holdCovers(target: HoldTarget, record: RetainedRecord): boolean {
  switch (target.type) {
    case 'case':
      return record.caseId === target.caseId;
    case 'report':
      return (record.reportIds ?? []).includes(target.reportId);
    case 'person':
      return (record.asnIds ?? []).includes(target.asnId);
    case 'election':
      return record.electionId === target.electionId;
    case 'region':
      return (
        record.regionCode !== null &&
        isWithinRegion(record.regionCode, target.regionCode) &&
        (target.electionId === null || record.electionId === target.electionId)
      );
  }
}

export function holdsCovering(holds: readonly LegalHold[], record: RetainedRecord): LegalHold[] {
  return holds.filter((h) => !h.lifted && holdCovers(h.target, record));
}

export type RetentionStatus =
  /** Under a legal hold: never purged, whatever the date. */
  | 'held'
  /** Its time is up: the next purge acts on it. */
  | 'expired'
  /** Kept until `expiresOn`. */
  | 'retained'
  /** The clock has not started (e.g. the case is still open). */
  | 'waiting'
  /** Kept for good (no period, or no rule). */
  | 'kept';

export interface RetentionVerdict {
  status: RetentionStatus;
  rule: RetentionRule | null;
  /** The first day the record may be purged; null when never or not yet known. */
  expiresOn: IsoDate | null;
  /** The active holds on it (also when it would otherwise have expired). */
  holdIds: string[];
}

/**
 * The verdict for one record on `today` (the date in the record's zone): a hold wins over any
 * rule; a record without a period or rule is kept; one whose clock has not started waits;
 * otherwise it expires on anchor + keepDays (the purge acts from that day on).
 */
export function retentionOf(record: RetainedRecord, rules: readonly RetentionRule[], holds: readonly LegalHold[], today: IsoDate): RetentionVerdict {
  const rule = ruleFor(rules, record.kind, record.electionId);
  const holdIds = holdsCovering(holds, record).map((h) => h.id);
  const action = RETENTION_KIND_DEFINITIONS[record.kind].action;
  const expiresOn = rule && rule.keepDays !== null && action !== 'keep' && record.anchorOn !== null ? addDays(record.anchorOn, rule.keepDays) : null;
  if (holdIds.length > 0) return { status: 'held', rule, expiresOn, holdIds };
  if (!rule || rule.keepDays === null || action === 'keep') return { status: 'kept', rule, expiresOn: null, holdIds };
  if (expiresOn === null) return { status: 'waiting', rule, expiresOn: null, holdIds };
  return { status: expiresOn <= today ? 'expired' : 'retained', rule, expiresOn, holdIds };
}

/**
 * The latest anchor date that can expire by `until` under any rule of this kind: the purge and the
 * forecast fetch only records anchored on or before it (null: nothing of this kind ever expires).
 */
export function latestAnchorExpiringBy(rules: readonly RetentionRule[], kind: RetentionKind, until: IsoDate): IsoDate | null {
  if (RETENTION_KIND_DEFINITIONS[kind].action === 'keep') return null;
  const periods = rules.filter((r) => r.kind === kind && r.keepDays !== null).map((r) => r.keepDays as number);
  if (periods.length === 0) return null;
  return addDays(until, -Math.min(...periods));
}

export interface ForecastRow {
  kind: RetentionKind;
  electionId: string | null;
  regionCode: string | null;
  /** Expire within the window (and are not held). */
  expiring: number;
  /** Would expire within the window but are held. */
  held: number;
  /** Already expired, waiting for the next purge. */
  overdue: number;
}

/**
 * What expires in the next `days` days from `today`, per kind, election and region (regency/city,
 * or province for province-level records): counts of records to be purged, already overdue, and
 * held back by a hold.
 */
export function forecast(
  records: Iterable<RetainedRecord>,
  rules: readonly RetentionRule[],
  holds: readonly LegalHold[],
  today: IsoDate,
  days: number,
): ForecastRow[] {
  const until = addDays(today, days);
  const rows = new Map<string, ForecastRow>();
  for (const record of records) {
    const verdict = retentionOf(record, rules, holds, today);
    if (verdict.expiresOn === null || verdict.expiresOn > until) continue;
    const regionCode = record.regionCode === null ? null : record.regionCode.slice(0, 5);
    const key = `${record.kind}|${record.electionId ?? ''}|${regionCode ?? ''}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { kind: record.kind, electionId: record.electionId, regionCode, expiring: 0, held: 0, overdue: 0 }));
    if (verdict.status === 'held') row.held += 1;
    else if (verdict.status === 'expired') row.overdue += 1;
    else row.expiring += 1;
  }
  return sortForecast([...rows.values()]);
}

function sortForecast(rows: ForecastRow[]): ForecastRow[] {
  return rows.sort(
    (a, b) =>
      RETENTION_KINDS.indexOf(a.kind) - RETENTION_KINDS.indexOf(b.kind) ||
      (a.electionId ?? '').localeCompare(b.electionId ?? '') ||
      (a.regionCode ?? '').localeCompare(b.regionCode ?? ''),
  );
}

/**
 * The forecast of several batches of records as one (the server reads candidates a batch at a
 * time): rows of the same kind, election and region are added up. Equal to `forecast` of all the
 * records at once.
 */
export function mergeForecasts(parts: Iterable<readonly ForecastRow[]>): ForecastRow[] {
  const rows = new Map<string, ForecastRow>();
  for (const part of parts) {
    for (const row of part) {
      const key = `${row.kind}|${row.electionId ?? ''}|${row.regionCode ?? ''}`;
      const sum = rows.get(key);
      if (sum) {
        sum.expiring += row.expiring;
        sum.held += row.held;
        sum.overdue += row.overdue;
      } else rows.set(key, { ...row });
    }
  }
  return sortForecast([...rows.values()]);
}
