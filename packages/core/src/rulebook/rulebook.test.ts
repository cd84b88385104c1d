import { describe, expect, it } from 'vitest';
import { ASN_CANDIDACY_RULES } from '../candidates/obligations.ts';
import { PEMILU_2024, PILKADA_2020, PILKADA_2024, SHIPPED_ELECTIONS } from '../elections/catalog.ts';
import { ACT_CODES, PROHIBITED_ACTS } from '../sanctions/matrix.ts';
import { suggestSanction } from '../sanctions/suggest.ts';
import { candidacyRulesOf, rulebookTemplate, sanctionMatrixOf, shippedRulebook } from './defaults.ts';
import { changedParts, validateRulebook, validateStages } from './validate.ts';
import type { ElectionRulebook } from './types.ts';

const fields = (rb: ElectionRulebook) => validateRulebook(rb).map((p) => p.field);

describe('version 1 of a rulebook is the shipped code constants as data', () => {
  it.each(SHIPPED_ELECTIONS.map((e) => [e.id, e] as const))('%s: deadlines, SKB 2022 matrix, candidacy rules', (_id, election) => {
    const rb = shippedRulebook(election);
    expect(rb.review).toEqual(election.rulebook.review);
    expect(rb.sanctionMatrix!.acts.map((a) => a.code)).toEqual(ACT_CODES);
    expect(sanctionMatrixOf(rb)).toEqual(PROHIBITED_ACTS);
    expect(validateRulebook(rb)).toEqual([]);
  });

  it('each election keeps its own candidacy rules (Pilkada 2020: 5 days of grace, PKPU 1/2020)', () => {
    expect(shippedRulebook(PILKADA_2020).candidacy).toEqual(ASN_CANDIDACY_RULES['pilkada-2020']);
    expect(shippedRulebook(PILKADA_2024).candidacy!.resignation.graceDays).toBe(0);
    // Pemilu 2024 had no rules of its own: it starts from the latest shipped ones.
    expect(shippedRulebook(PEMILU_2024).candidacy).toEqual(ASN_CANDIDACY_RULES['pilkada-2024']);
  });

  it('a version stored before the matrix and candidacy were data reads as the shipped ones', () => {
    expect(sanctionMatrixOf(PILKADA_2024.rulebook)).toBe(PROHIBITED_ACTS);
    expect(candidacyRulesOf(PILKADA_2020.rulebook, PILKADA_2020)).toEqual(ASN_CANDIDACY_RULES['pilkada-2020']);
  });

  it('editing a copy never changes the constants', () => {
    const rb = shippedRulebook(PILKADA_2024);
    rb.sanctionMatrix!.acts[0]!.discipline = 'light';
    expect(PROHIBITED_ACTS.A01.discipline).toBe('heavy');
  });
});

describe('the sanction matrix as data drives the suggestion', () => {
  it('A08 read as moderate in an edited rulebook (the disputed reading, SKB 2022 vs. other sources)', () => {
    const rb = shippedRulebook(PILKADA_2024);
    const a08 = rb.sanctionMatrix!.acts.find((a) => a.code === 'A08')!;
    a08.discipline = 'moderate';
    a08.unsure = { alternative: 'heavy', note: { id: 'SKB 2022 menyebut berat.', en: 'SKB 2022 says heavy.' } };
    expect(suggestSanction(['A08']).discipline.level).toBe('heavy');
    const edited = suggestSanction(['A08'], { matrix: sanctionMatrixOf(rb) });
    expect(edited.discipline.level).toBe('moderate');
    expect(edited.discipline.sanctionTypes).toContain('allowance_cut_25_6_months');
  });
});

describe('validateRulebook: field-level problems', () => {
  const base = () => shippedRulebook(PILKADA_2024);

  it('days out of range and a missing basis', () => {
    const rb = base();
    rb.review = { ...rb.review, days: 0 };
    rb.bknVerification = { ...rb.bknVerification, basis: '' };
    expect(fields(rb)).toEqual(['review.days', 'bknVerification.basis']);
  });

  it('recipient periods: overlap, gap, end before start (UU 20/2023: BKN from 24 Aug 2024)', () => {
    const overlap = base();
    overlap.recommendationRecipients = [
      { recipient: 'KASN', from: null, to: '2024-08-30', basis: 'UU 5/2014' },
      { recipient: 'BKN', from: '2024-08-24', to: null, basis: 'UU 20/2023' },
    ];
    expect(validateRulebook(overlap)[0]!.message.en).toMatch(/overlaps/);
    const gap = base();
    gap.recommendationRecipients = [
      { recipient: 'KASN', from: null, to: '2024-08-20', basis: 'UU 5/2014' },
      { recipient: 'BKN', from: '2024-08-24', to: null, basis: 'UU 20/2023' },
    ];
    expect(validateRulebook(gap)[0]!.message.en).toBe('Dates without a recipient: 2024-08-21 to 2024-08-23.');
    const reversed = base();
    reversed.recommendationRecipients = [{ recipient: 'BKN', from: '2025-01-02', to: '2025-01-01', basis: 'x y z' }];
    expect(fields(reversed)).toEqual(['recommendationRecipients.0.to']);
    const none = base();
    none.recommendationRecipients = [];
    expect(fields(none)).toEqual(['recommendationRecipients']);
  });

  it('days off: a repeated date and an impossible date', () => {
    const rb = base();
    rb.extraNonWorkingDays = [
      { date: '2024-11-27', reason: 'Hari pemungutan suara' },
      { date: '2024-11-27', reason: 'Hari pemungutan suara' },
      { date: '2024-02-30', reason: 'Cuti bersama' },
    ];
    expect(fields(rb)).toEqual(['extraNonWorkingDays.1.date', 'extraNonWorkingDays.2.date']);
  });

  it('the matrix lists every act once; the other reading differs from the level used', () => {
    const rb = base();
    rb.sanctionMatrix!.acts = rb.sanctionMatrix!.acts.filter((a) => a.code !== 'A12');
    rb.sanctionMatrix!.acts[7]!.unsure = { alternative: 'heavy', note: { id: 'x', en: 'x' } };
    expect(fields(rb)).toEqual(['sanctionMatrix.acts', 'sanctionMatrix.acts.7.unsure']);
  });

  it('candidacy figures and reception hours', () => {
    const rb = base();
    rb.candidacy!.resignation.graceDays = -1;
    rb.candidacy!.bknProcessing.days = 0;
    rb.receptionHours = { from: '16:00', to: '08:00' };
    expect(fields(rb)).toEqual(['receptionHours', 'candidacy.resignation.graceDays', 'candidacy.bknProcessing.days']);
  });
});

describe('a new election starts from the template of its kind', () => {
  it('Pilkada: calendar days, the voting day off, valid', () => {
    const rb = rulebookTemplate('pilkada', '2029-11-28');
    expect(rb.review.counting).toBe('calendar');
    expect(rb.extraNonWorkingDays.map((d) => d.date)).toEqual(['2029-11-28']);
    expect(validateRulebook(rb)).toEqual([]);
  });
  it('Pemilu: working-day report window (UU 7/2017 ps. 454)', () => {
    expect(rulebookTemplate('pemilu', '2029-02-14').reportWindow.counting).toBe('working');
  });
  it('changedParts names what a version changed', () => {
    const a = rulebookTemplate('pilkada', '2029-11-28');
    const b = structuredClone(a);
    b.review.days = 5;
    expect(changedParts(a, b)).toEqual(['review']);
  });
});

describe('validateStages', () => {
  it('accepts the shipped Pilkada 2024 stages', () => {
    expect(validateStages(PILKADA_2024.stages, PILKADA_2024.votingDay)).toEqual([]);
  });
  it('a stage ending before it starts, a repeated stage, a voting stage without the voting day', () => {
    const problems = validateStages(
      [
        { code: 'campaign', start: '2029-10-01', end: '2029-09-01' },
        { code: 'campaign', start: '2029-10-01', end: '2029-11-01' },
        { code: 'voting', start: '2029-11-27', end: '2029-11-27' },
      ],
      '2029-11-28',
    );
    expect(problems.map((p) => p.field)).toEqual(['stages.0.end', 'stages.1.code', 'stages.2.start']);
  });
  it('the voting stage is required', () => {
    expect(validateStages([], '2029-11-28').map((p) => p.field)).toEqual(['stages']);
  });
});
