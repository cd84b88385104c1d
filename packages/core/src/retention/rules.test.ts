import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_RULES,
  forecast,
  mergeForecasts,
  holdCovers,
  isRetentionKind,
  latestAnchorExpiringBy,
  MAX_KEEP_DAYS,
  RETENTION_KIND_DEFINITIONS,
  RETENTION_KINDS,
  retentionOf,
  ruleFor,
  retentionRuleProblem,
  type HoldTarget,
  type LegalHold,
  type RetainedRecord,
  type RetentionRule,
} from './rules.ts';

const rule = (over: Partial<RetentionRule> & Pick<RetentionRule, 'kind'>): RetentionRule => ({ electionId: null, keepDays: 10, legalBasis: 'test', unsure: false, ...over });
const identity = (over: Partial<RetainedRecord> = {}): RetainedRecord => ({
  kind: 'reporter_identity',
  electionId: 'pilkada-2024',
  regionCode: '35.10',
  anchorOn: '2025-01-01',
  caseId: 'case-1',
  reportIds: ['report-1'],
  asnIds: [7],
  ...over,
});
const hold = (id: string, target: HoldTarget, lifted = false): LegalHold => ({ id, target, lifted });

describe('default rules', () => {
  it('has exactly one default per kind, each with a legal basis and a valid period', () => {
    for (const kind of RETENTION_KINDS) {
      const defaults = DEFAULT_RETENTION_RULES.filter((r) => r.kind === kind);
      expect(defaults, kind).toHaveLength(1);
      expect(defaults[0]!.electionId).toBeNull();
      expect(defaults[0]!.legalBasis.length).toBeGreaterThan(10);
      if (RETENTION_KIND_DEFINITIONS[kind].configurable) expect(retentionRuleProblem(defaults[0]!)).toBeNull();
    }
    expect(DEFAULT_RETENTION_RULES).toHaveLength(RETENTION_KINDS.length);
  });

  it('keeps the audit log for good and refuses to change that', () => {
    const audit = ruleFor(DEFAULT_RETENTION_RULES, 'audit_log', null)!;
    expect(audit.keepDays).toBeNull();
    expect(retentionRuleProblem({ kind: 'audit_log', electionId: null, keepDays: 30 })).toBe('not_configurable');
    expect(retentionRuleProblem({ kind: 'audit_log', electionId: null, keepDays: null })).toBe('not_configurable');
  });

  it('knows its kinds', () => {
    expect(isRetentionKind('session')).toBe(true);
    expect(isRetentionKind('sessions')).toBe(false);
  });
});

describe('retentionRuleProblem', () => {
  it.each([
    [0, null],
    [1, null],
    [MAX_KEEP_DAYS, null],
    [null, null],
    [-1, 'keep_days_range'],
    [MAX_KEEP_DAYS + 1, 'keep_days_range'],
    [1.5, 'keep_days_range'],
    [Number.NaN, 'keep_days_range'],
  ] as const)('keepDays %s → %s', (keepDays, problem) => {
    expect(retentionRuleProblem({ kind: 'evidence_original', electionId: 'pilkada-2024', keepDays })).toBe(problem);
  });

  it('refuses per-election rules for data that belongs to no election', () => {
    expect(retentionRuleProblem({ kind: 'session', electionId: 'pilkada-2024', keepDays: 5 })).toBe('not_per_election');
    expect(retentionRuleProblem({ kind: 'export', electionId: 'pilkada-2024', keepDays: 5 })).toBe('not_per_election');
    expect(retentionRuleProblem({ kind: 'session', electionId: null, keepDays: 5 })).toBeNull();
  });
});

describe('ruleFor', () => {
  const rules = [rule({ kind: 'evidence_original', keepDays: 100 }), rule({ kind: 'evidence_original', electionId: 'pemilu-2024', keepDays: 50 })];
  it("prefers the election's own rule, else the default", () => {
    expect(ruleFor(rules, 'evidence_original', 'pemilu-2024')!.keepDays).toBe(50);
    expect(ruleFor(rules, 'evidence_original', 'pilkada-2024')!.keepDays).toBe(100);
    expect(ruleFor(rules, 'evidence_original', null)!.keepDays).toBe(100);
  });
  it('answers null for a kind without rules', () => {
    expect(ruleFor(rules, 'session', null)).toBeNull();
    expect(ruleFor([rule({ kind: 'session', electionId: 'x' })], 'session', null)).toBeNull();
  });
});

describe('holdCovers', () => {
  const record = identity({ regionCode: '35.10.01', asnIds: [7, 9] });
  it.each<[HoldTarget, boolean]>([
    [{ type: 'case', caseId: 'case-1' }, true],
    [{ type: 'case', caseId: 'case-2' }, false],
    [{ type: 'report', reportId: 'report-1' }, true],
    [{ type: 'report', reportId: 'report-2' }, false],
    [{ type: 'person', asnId: 9 }, true],
    [{ type: 'person', asnId: 8 }, false],
    [{ type: 'election', electionId: 'pilkada-2024' }, true],
    [{ type: 'election', electionId: 'pemilu-2024' }, false],
    [{ type: 'region', regionCode: '35', electionId: null }, true],
    [{ type: 'region', regionCode: '35.10', electionId: 'pilkada-2024' }, true],
    [{ type: 'region', regionCode: '35.10', electionId: 'pemilu-2024' }, false],
    [{ type: 'region', regionCode: '35.1', electionId: null }, false],
    [{ type: 'region', regionCode: '16', electionId: null }, false],
  ])('%j → %s', (target, covers) => {
    expect(holdCovers(target, record)).toBe(covers);
  });

  it('covers nothing by region when the record has none, and no person when it names none', () => {
    expect(holdCovers({ type: 'region', regionCode: '35', electionId: null }, identity({ regionCode: null }))).toBe(false);
    expect(holdCovers({ type: 'person', asnId: 7 }, identity({ asnIds: undefined }))).toBe(false);
    expect(holdCovers({ type: 'case', caseId: 'case-1' }, identity({ caseId: null }))).toBe(false);
    expect(holdCovers({ type: 'report', reportId: 'report-1' }, identity({ reportIds: undefined }))).toBe(false);
    expect(holdCovers({ type: 'report', reportId: 'report-2' }, identity({ reportIds: ['report-1', 'report-2'] }))).toBe(true);
  });
});

describe('retentionOf', () => {
  const rules = [rule({ kind: 'reporter_identity', keepDays: 10 }), rule({ kind: 'reporter_identity', electionId: 'pemilu-2024', keepDays: null })];

  it('is retained before anchor + period and expired from that day on', () => {
    expect(retentionOf(identity(), rules, [], '2025-01-10')).toMatchObject({ status: 'retained', expiresOn: '2025-01-11' });
    expect(retentionOf(identity(), rules, [], '2025-01-11')).toMatchObject({ status: 'expired', expiresOn: '2025-01-11' });
    expect(retentionOf(identity(), rules, [], '2030-01-01')).toMatchObject({ status: 'expired' });
  });

  it('a period of 0 days expires on the anchor day itself', () => {
    expect(retentionOf(identity(), [rule({ kind: 'reporter_identity', keepDays: 0 })], [], '2025-01-01')).toMatchObject({ status: 'expired', expiresOn: '2025-01-01' });
  });

  it('waits while the clock has not started', () => {
    expect(retentionOf(identity({ anchorOn: null }), rules, [], '2030-01-01')).toEqual({ status: 'waiting', rule: rules[0], expiresOn: null, holdIds: [] });
  });

  it('keeps for good without a period, without a rule, and for the audit log', () => {
    expect(retentionOf(identity({ electionId: 'pemilu-2024' }), rules, [], '2030-01-01').status).toBe('kept');
    expect(retentionOf(identity({ kind: 'session' }), rules, [], '2030-01-01')).toMatchObject({ status: 'kept', rule: null });
    expect(retentionOf(identity({ kind: 'audit_log' }), [rule({ kind: 'audit_log', keepDays: 1 })], [], '2030-01-01')).toMatchObject({ status: 'kept', expiresOn: null });
  });

  it('a hold wins over an expired rule, says which holds, and a lifted hold holds nothing', () => {
    const holds = [hold('h1', { type: 'case', caseId: 'case-1' }), hold('h2', { type: 'region', regionCode: '35', electionId: null }), hold('h3', { type: 'person', asnId: 7 }, true)];
    expect(retentionOf(identity(), rules, holds, '2030-01-01')).toMatchObject({ status: 'held', expiresOn: '2025-01-11', holdIds: ['h1', 'h2'] });
    expect(retentionOf(identity(), rules, [holds[2]!], '2030-01-01').status).toBe('expired');
    // A hold on a record still waiting or kept for good is still shown.
    expect(retentionOf(identity({ anchorOn: null }), rules, holds, '2030-01-01')).toMatchObject({ status: 'held', expiresOn: null });
  });
});

describe('latestAnchorExpiringBy', () => {
  it('uses the shortest period of the kind', () => {
    const rules = [rule({ kind: 'evidence_copy', keepDays: 100 }), rule({ kind: 'evidence_copy', electionId: 'x', keepDays: 30 }), rule({ kind: 'evidence_copy', electionId: 'y', keepDays: null })];
    expect(latestAnchorExpiringBy(rules, 'evidence_copy', '2025-03-31')).toBe('2025-03-01');
  });
  it('is null when nothing of the kind expires', () => {
    expect(latestAnchorExpiringBy([rule({ kind: 'session', keepDays: null })], 'session', '2025-03-31')).toBeNull();
    expect(latestAnchorExpiringBy([], 'session', '2025-03-31')).toBeNull();
    expect(latestAnchorExpiringBy([rule({ kind: 'audit_log', keepDays: 1 })], 'audit_log', '2025-03-31')).toBeNull();
  });
});

describe('forecast', () => {
  const rules = [rule({ kind: 'reporter_identity', keepDays: 10 }), rule({ kind: 'session', keepDays: 30 })];
  const records: RetainedRecord[] = [
    identity({ anchorOn: '2025-01-01', reportIds: ['a'] }), // expires 01-11: overdue on 01-15
    identity({ anchorOn: '2025-01-20', reportIds: ['b'], regionCode: '35.10.02' }), // 01-30: within 30 days
    identity({ anchorOn: '2025-02-20', reportIds: ['c'] }), // 03-02: within 90 only
    identity({ anchorOn: '2025-01-10', reportIds: ['d'], caseId: 'held' }), // held
    identity({ anchorOn: null, reportIds: ['e'] }), // waiting
    identity({ anchorOn: '2025-01-05', reportIds: ['f'], regionCode: '16.07', electionId: 'pilkada-2020' }),
    { kind: 'session', electionId: null, regionCode: null, anchorOn: '2025-01-01' },
  ];
  const holds = [hold('h', { type: 'case', caseId: 'held' })];

  it('counts per kind, election and regency, overdue and held apart', () => {
    expect(forecast(records, rules, holds, '2025-01-15', 30)).toEqual([
      { kind: 'reporter_identity', electionId: 'pilkada-2020', regionCode: '16.07', expiring: 0, held: 0, overdue: 1 },
      { kind: 'reporter_identity', electionId: 'pilkada-2024', regionCode: '35.10', expiring: 1, held: 1, overdue: 1 },
      { kind: 'session', electionId: null, regionCode: null, expiring: 1, held: 0, overdue: 0 },
    ]);
  });

  it('a longer window takes in later expiries', () => {
    const rows = forecast(records, rules, holds, '2025-01-15', 90);
    expect(rows.find((r) => r.electionId === 'pilkada-2024')).toMatchObject({ expiring: 2, held: 1, overdue: 1 });
  });

  it('is empty for no records', () => {
    expect(forecast([], rules, holds, '2025-01-15', 90)).toEqual([]);
  });

  it('read in batches and merged, it is the forecast of all the records at once', () => {
    for (const size of [1, 2, 3, 5]) {
      const parts = [];
      for (let i = 0; i < records.length; i += size) parts.push(forecast(records.slice(i, i + size), rules, holds, '2025-01-15', 90));
      expect(mergeForecasts(parts), `batches of ${size}`).toEqual(forecast(records, rules, holds, '2025-01-15', 90));
    }
    expect(mergeForecasts([])).toEqual([]);
  });
});
