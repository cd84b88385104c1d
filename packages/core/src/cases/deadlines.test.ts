import { describe, expect, it } from 'vitest';
import { PEMILU_2024, PILKADA_2020, PILKADA_2024 } from '../elections/catalog.ts';
import type { Rulebook } from '../elections/types.ts';
import { caseDeadlines, escalationTarget, nextCaseDeadline, reminderSchedule, type CaseClock, type CaseDeadline } from './deadlines.ts';
import { CASE_STATES, type CaseState } from './states.ts';

const pilkada = PILKADA_2024.rulebook;
const pemilu = PEMILU_2024.rulebook;
const BAWASLU = ['bawaslu_regency', 'bawaslu_province', 'bawaslu_national'];

const next = (state: CaseState, clock: CaseClock, rulebook: Rulebook, today: string): CaseDeadline => {
  const deadline = nextCaseDeadline(state, clock, rulebook, today);
  if (!deadline) throw new Error(`no deadline in ${state}`);
  return deadline;
};

describe('review deadline, Pilkada (calendar days)', () => {
  it('is 3 days after receipt, and the 27 November 2024 voting day does not shift it', () => {
    const d = next('under_review', { receivedDate: '2024-11-25' }, pilkada, '2024-11-26');
    expect(d).toMatchObject({ code: 'review', startedOn: '2024-11-25', due: '2024-11-28', remaining: 2, overdue: false, counting: 'calendar', party: 'bawaslu', unsure: false });
    expect(d.roles).toEqual(BAWASLU);
    expect(d.basis).toEqual([pilkada.review.basis]);
  });

  it('runs from receipt in every state before classification', () => {
    for (const state of ['received', 'formal_check', 'under_review'] as const) {
      expect(next(state, { receivedDate: '2024-11-25' }, pilkada, '2024-11-25')).toMatchObject({ code: 'review', due: '2024-11-28' });
    }
  });

  it('adds 2 days once more information was requested from the reporter', () => {
    const d = next('under_review', { receivedDate: '2024-11-25', informationRequestedDate: '2024-11-26' }, pilkada, '2024-11-29');
    expect(d).toMatchObject({ code: 'review_extended', startedOn: '2024-11-25', due: '2024-11-30', remaining: 1, overdue: false });
    expect(d.basis).toEqual([pilkada.review.basis, pilkada.reviewExtension.basis]);
  });

  it('adds the 2 days when the reporter was asked on the evening before the counted receipt (after office hours)', () => {
    const d = next('under_review', { receivedDate: '2024-11-26', informationRequestedDate: '2024-11-25' }, pilkada, '2024-11-26');
    expect(d).toMatchObject({ code: 'review_extended', startedOn: '2024-11-26', due: '2024-12-01' });
  });

  it('is overdue the day after the due date', () => {
    expect(next('under_review', { receivedDate: '2024-11-25' }, pilkada, '2024-11-28')).toMatchObject({ remaining: 0, overdue: false });
    expect(next('under_review', { receivedDate: '2024-11-25' }, pilkada, '2024-11-29')).toMatchObject({ remaining: -1, overdue: true });
  });

  it('Pilkada 2020: counts through the 9 December voting day', () => {
    expect(next('formal_check', { receivedDate: '2020-12-08' }, PILKADA_2020.rulebook, '2020-12-08')).toMatchObject({ due: '2020-12-11' });
  });
});

describe('review deadline, Pemilu (FACTS §3: "7 days", unsure; extension up to 14 working days)', () => {
  it('is 7 days after receipt, marked unsure, counted through Idul Fitri 2024 (UU 7/2017 ps. 454 (7))', () => {
    const d = next('under_review', { receivedDate: '2024-04-04' }, pemilu, '2024-04-08');
    expect(d).toMatchObject({ code: 'review', due: '2024-04-11', counting: 'calendar', remaining: 3, overdue: false, unsure: true });
    expect(next('under_review', { receivedDate: '2024-04-04' }, pemilu, '2024-04-12')).toMatchObject({ remaining: -1, overdue: true });
  });

  it('a rulebook that reads the 7 days as working days gets working days', () => {
    const working: Rulebook = { ...pemilu, review: { ...pemilu.review, counting: 'working' } };
    // Thursday 4 April: 5 April is day 1; 8–12 and 15 April are off (Idul Fitri, cuti bersama); day 7 is 23 April.
    expect(next('under_review', { receivedDate: '2024-04-04' }, working, '2024-04-08')).toMatchObject({ due: '2024-04-23', counting: 'working', remaining: 6 });
  });

  it('extends to 14 working days in total from receipt, not 7 + 14 (UU 7/2017 ps. 454 (8))', () => {
    // Day 14 skips Labour Day (1 May).
    const d = next('under_review', { receivedDate: '2024-04-04', informationRequestedDate: '2024-04-05' }, pemilu, '2024-04-05');
    expect(d).toMatchObject({ code: 'review_extended', startedOn: '2024-04-04', due: '2024-05-03', counting: 'working' });
  });

  it('the extension skips the 14 February 2024 voting day and the days off before it', () => {
    // Wednesday 7 Feb: 8 Feb Isra Mi'raj, 9 Feb cuti bersama, weekend, 14 Feb voting day.
    expect(next('under_review', { receivedDate: '2024-02-07', informationRequestedDate: '2024-02-12' }, pemilu, '2024-02-14')).toMatchObject({
      code: 'review_extended',
      due: '2024-03-01',
    });
  });
});

describe('initial review (kajian awal), a deadline of its own where the rulebook has one', () => {
  it('Pemilu: 2 days from receipt, running beside the review until the report is accepted (Perbawaslu 7/2022)', () => {
    for (const state of ['received', 'formal_check'] as const) {
      const all = caseDeadlines(state, { receivedDate: '2024-02-07' }, pemilu, '2024-02-08');
      expect(all.map((d) => [d.code, d.due])).toEqual([['initial_review', '2024-02-09'], ['review', '2024-02-14']]);
      expect(all[0]).toMatchObject({ party: 'bawaslu', remaining: 1, basis: [pemilu.initialReview!.basis] });
    }
    expect(caseDeadlines('under_review', { receivedDate: '2024-02-07' }, pemilu, '2024-02-08').map((d) => d.code)).toEqual(['review']);
  });

  it('Pilkada has none: only the 3-day review runs', () => {
    expect(caseDeadlines('received', { receivedDate: '2024-11-25' }, pilkada, '2024-11-25').map((d) => d.code)).toEqual(['review']);
  });
});

describe('while waiting for the reporter', () => {
  it('Pilkada: the reporter has 2 days, and their deadline comes first', () => {
    const clock = { receivedDate: '2024-11-25', informationRequestedDate: '2024-11-27' };
    const all = caseDeadlines('awaiting_information', clock, pilkada, '2024-11-27');
    expect(all.map((d) => [d.code, d.due, d.party])).toEqual([
      ['more_information', '2024-11-29', 'reporter'],
      ['review_extended', '2024-11-30', 'bawaslu'],
    ]);
    expect(all[0].roles).toEqual([]);
    expect(all[0].basis).toEqual([pilkada.moreInformation.basis]);
    expect(nextCaseDeadline('awaiting_information', clock, pilkada, '2024-11-27')?.code).toBe('more_information');
  });

  it("Pilkada: when asked late, Bawaslu's extended review falls due before the reporter's answer", () => {
    const clock = { receivedDate: '2024-11-25', informationRequestedDate: '2024-11-29' };
    expect(nextCaseDeadline('awaiting_information', clock, pilkada, '2024-11-29')).toMatchObject({ code: 'review_extended', due: '2024-11-30' });
  });

  it('Pemilu: 2 working days, across the cuti bersama', () => {
    const clock = { receivedDate: '2024-04-04', informationRequestedDate: '2024-04-05' };
    expect(next('awaiting_information', clock, pemilu, '2024-04-10')).toMatchObject({ code: 'more_information', startedOn: '2024-04-05', due: '2024-04-17', remaining: 2 });
  });

  it('needs the date the information was requested', () => {
    expect(() => caseDeadlines('awaiting_information', { receivedDate: '2024-11-25' }, pilkada, '2024-11-25')).toThrow(/informationRequestedDate/);
  });
});

describe('a case back in review', () => {
  it('restarts the review clock on reopening or return, and forgets requests made before', () => {
    const clock = { receivedDate: '2024-11-01', informationRequestedDate: '2024-11-02', reviewRestartedDate: '2024-12-10' };
    expect(next('under_review', clock, pilkada, '2024-12-10')).toMatchObject({ code: 'review', startedOn: '2024-12-10', due: '2024-12-13', overdue: false });
    expect(next('under_review', { ...clock, informationRequestedDate: '2024-12-11' }, pilkada, '2024-12-11')).toMatchObject({ code: 'review_extended', due: '2024-12-15' });
  });
});

describe('after Bawaslu', () => {
  it('BKN verifies within 7 calendar days of the forwarding', () => {
    const d = next('forwarded_to_bkn', { receivedDate: '2024-11-25', forwardedToBknDate: '2024-11-29' }, pilkada, '2024-12-01');
    expect(d).toMatchObject({ code: 'bkn_verification', due: '2024-12-06', remaining: 5, party: 'bkn', counting: 'calendar' });
    expect(d.roles).toEqual(['bkn_verifier']);
    expect(d.basis).toEqual([pilkada.bknVerification.basis]);
  });

  it('Pemilu 2024: the 7 calendar days run through Idul Fitri', () => {
    expect(next('forwarded_to_bkn', { receivedDate: '2024-04-01', forwardedToBknDate: '2024-04-05' }, pemilu, '2024-04-05')).toMatchObject({ due: '2024-04-12' });
  });

  it('the PPK follows up within the configurable default of 10 days, marked unsure', () => {
    const d = next('recommended_to_ppk', { receivedDate: '2024-11-25', recommendedToPpkDate: '2024-12-20' }, pilkada, '2024-12-31');
    expect(d).toMatchObject({ code: 'ppk_follow_up', due: '2024-12-30', remaining: -1, overdue: true, unsure: true, party: 'ppk' });
    expect(d.roles).toEqual(['ppk_delegate']);
    const configured = { ...pilkada, ppkFollowUp: { ...pilkada.ppkFollowUp, days: 3 } };
    expect(next('recommended_to_ppk', { receivedDate: '2024-11-25', recommendedToPpkDate: '2024-12-20' }, configured, '2024-12-20').due).toBe('2024-12-23');
  });

  it('needs the date each clock started', () => {
    expect(() => caseDeadlines('forwarded_to_bkn', { receivedDate: '2024-11-25' }, pilkada, '2024-11-25')).toThrow(/forwardedToBknDate/);
    expect(() => caseDeadlines('recommended_to_ppk', { receivedDate: '2024-11-25' }, pilkada, '2024-11-25')).toThrow(/recommendedToPpkDate/);
  });
});

describe('states without a clock', () => {
  const running = ['received', 'formal_check', 'awaiting_information', 'under_review', 'forwarded_to_bkn', 'recommended_to_ppk'];
  const stopped = CASE_STATES.filter((s) => !running.includes(s));

  it.each(stopped)('%s has no deadline', (state) => {
    const clock = { receivedDate: '2024-11-25', informationRequestedDate: '2024-11-26', forwardedToBknDate: '2024-11-28', recommendedToPpkDate: '2024-12-05' };
    expect(caseDeadlines(state, clock, pilkada, '2024-12-31')).toEqual([]);
    expect(nextCaseDeadline(state, clock, pilkada, '2024-12-31')).toBeNull();
  });
});

describe('reminderSchedule', () => {
  it('Pilkada: reminds the calendar day before, even on the voting day, and escalates the day after', () => {
    const d = next('under_review', { receivedDate: '2024-11-25' }, pilkada, '2024-11-25');
    expect(reminderSchedule(d, pilkada)).toEqual({ remindOn: ['2024-11-27'], escalateOn: '2024-11-29' });
  });

  it('drops reminders on or before the day the clock started, and repeats', () => {
    const d = next('under_review', { receivedDate: '2024-11-25' }, pilkada, '2024-11-25');
    expect(reminderSchedule(d, pilkada, { daysBefore: [3, 1, 2, 1, 0] }).remindOn).toEqual(['2024-11-26', '2024-11-27', '2024-11-28']);
  });

  it('Pemilu: counts back in working days, never reminding on a day off', () => {
    const review = next('under_review', { receivedDate: '2024-04-04' }, { ...pemilu, review: { ...pemilu.review, counting: 'working' } }, '2024-04-04');
    expect(reminderSchedule(review, pemilu, { daysBefore: [1, 3] })).toEqual({ remindOn: ['2024-04-18', '2024-04-22'], escalateOn: '2024-04-24' });
    // Due 17 April: one working day before is 16 April; two before is 5 April, the start, dropped.
    const info = next('awaiting_information', { receivedDate: '2024-04-04', informationRequestedDate: '2024-04-05' }, pemilu, '2024-04-05');
    expect(reminderSchedule(info, pemilu, { daysBefore: [1, 2] })).toEqual({ remindOn: ['2024-04-16'], escalateOn: '2024-04-18' });
    // Due Monday 19 Feb: one working day before is Friday 16 Feb, not Sunday.
    expect(reminderSchedule({ startedOn: '2024-02-07', due: '2024-02-19', counting: 'working' }, pemilu).remindOn).toEqual(['2024-02-16']);
  });

  it('refuses negative or fractional days', () => {
    const d = { startedOn: '2024-11-25', due: '2024-11-28', counting: 'calendar' as const };
    expect(() => reminderSchedule(d, pilkada, { daysBefore: [-1] })).toThrow(RangeError);
    expect(() => reminderSchedule(d, pilkada, { daysBefore: [0.5] })).toThrow(RangeError);
  });
});

describe('escalationTarget', () => {
  const overdueReview = next('under_review', { receivedDate: '2024-11-25' }, pilkada, '2024-12-01');

  it('is null while the deadline is not overdue', () => {
    expect(escalationTarget(next('under_review', { receivedDate: '2024-11-25' }, pilkada, '2024-11-28'), '35.10')).toBeNull();
  });

  it('sends a late regency Bawaslu to its province, and a late province to Bawaslu RI', () => {
    expect(escalationTarget(overdueReview, '35.10')).toMatchObject({ action: 'escalate', role: 'bawaslu_province', scope: { kind: 'region', regionCode: '35' } });
    expect(escalationTarget(overdueReview, '35.10.01.2001')).toMatchObject({ role: 'bawaslu_province', scope: { kind: 'region', regionCode: '35' } });
    expect(escalationTarget(overdueReview, '64')).toMatchObject({ action: 'escalate', role: 'bawaslu_national', scope: { kind: 'national' } });
    expect(escalationTarget(overdueReview, '35.10')?.message).toEqual({
      id: 'Kajian Bawaslu lewat batas waktu 2024-11-28.',
      en: 'Bawaslu review overdue since 2024-11-28.',
    });
  });

  it('lets the handling Bawaslu proceed when the reporter does not answer', () => {
    const info = next('awaiting_information', { receivedDate: '2024-11-25', informationRequestedDate: '2024-11-26' }, pilkada, '2024-11-29');
    expect(info.code).toBe('more_information');
    expect(escalationTarget(info, '35.10.01')).toMatchObject({ action: 'proceed_without_information', role: 'bawaslu_regency', scope: { kind: 'region', regionCode: '35.10' } });
    expect(escalationTarget(info, '64')).toMatchObject({ action: 'proceed_without_information', role: 'bawaslu_province', scope: { kind: 'region', regionCode: '64' } });
  });

  it('takes a late BKN verification to Bawaslu RI', () => {
    const bkn = next('forwarded_to_bkn', { receivedDate: '2024-11-25', forwardedToBknDate: '2024-11-29' }, pilkada, '2024-12-07');
    expect(escalationTarget(bkn, '35.10')).toMatchObject({ action: 'escalate', role: 'bawaslu_national', scope: { kind: 'national' } });
  });

  it('flags a PPK that missed the follow-up for a SIASN block by BKN', () => {
    const ppk = next('recommended_to_ppk', { receivedDate: '2024-11-25', recommendedToPpkDate: '2024-12-20' }, pilkada, '2024-12-31');
    const escalation = escalationTarget(ppk, '35.10');
    expect(escalation).toMatchObject({ action: 'recommend_siasn_block', role: 'bkn_verifier', scope: { kind: 'national' } });
    expect(escalation?.message.en).toContain('SIASN');
  });
});
