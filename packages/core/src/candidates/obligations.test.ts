import { describe, expect, it } from 'vitest';
import { PEMILU_2024, PILKADA_2020, PILKADA_2024 } from '../elections/catalog.ts';
import { ASN_CANDIDACY_RULES, asnCandidacyRules, obligationStatus, type CandidacyEvents, type ObligationCode } from './obligations.ts';
import type { CandidatePerson } from './types.ts';

/** A fictional civil servant standing for deputy regent. */
const candidate: CandidatePerson = { name: 'Hendra Wijaya, S.Sos.', asnNip: '197503122000031004' };

const statusOn = (election: typeof PILKADA_2024, today: string, events: CandidacyEvents = {}) => {
  const report = obligationStatus(election, candidate, events, today);
  return Object.fromEntries(report.obligations.map((o) => [o.code, o])) as Record<ObligationCode, (typeof report.obligations)[number]>;
};

describe('obligationStatus, Pilkada 2024', () => {
  it('derives the due dates from the schedule: registration 27–29 Aug, determination 22 Sep', () => {
    const o = statusOn(PILKADA_2024, '2024-08-01');
    expect([o.notice.due, o.resignation.due, o.dismissal.due, o.bkn_processing.due]).toEqual([
      '2024-08-29',
      '2024-09-22',
      '2024-09-30',
      '2024-10-30',
    ]);
    expect(o.notice.responsible).toBe('candidate');
    expect(o.dismissal.responsible).toBe('ppk');
    expect(o.bkn_processing).toMatchObject({ responsible: 'bkn', unsure: true });
    expect(o.dismissal.basis.id).toContain('PP 11/2017 ps. 254');
    expect(o.resignation.basis.en).toContain('PKPU 8/2024');
  });

  it('is not yet due weeks ahead, and due soon within 3 days', () => {
    expect(statusOn(PILKADA_2024, '2024-08-01').notice).toMatchObject({ status: 'not_yet_due', daysRemaining: 28, daysLate: null });
    expect(statusOn(PILKADA_2024, '2024-08-26').notice).toMatchObject({ status: 'due_soon', daysRemaining: 3 });
    expect(statusOn(PILKADA_2024, '2024-08-29').notice).toMatchObject({ status: 'due_soon', daysRemaining: 0 });
    expect(statusOn(PILKADA_2024, '2024-08-25').notice).toMatchObject({ status: 'not_yet_due', daysRemaining: 4 });
  });

  it('counts a notice given during registration as done, and one after it as late', () => {
    expect(statusOn(PILKADA_2024, '2024-09-01', { noticeDate: '2024-08-28' }).notice).toMatchObject({
      status: 'done',
      doneOn: '2024-08-28',
      daysRemaining: null,
      daysLate: null,
    });
    expect(statusOn(PILKADA_2024, '2024-09-10', { noticeDate: '2024-09-02' }).notice).toMatchObject({ status: 'done_late', daysLate: 4 });
  });

  it('makes a resignation due on determination day itself', () => {
    expect(statusOn(PILKADA_2024, '2024-09-22').resignation).toMatchObject({ status: 'due_soon', daysRemaining: 0 });
    expect(statusOn(PILKADA_2024, '2024-09-23').resignation).toMatchObject({ status: 'overdue', daysLate: 1 });
    expect(statusOn(PILKADA_2024, '2024-09-23', { resignationDate: '2024-09-22' }).resignation.status).toBe('done');
    // Resigning early, at registration, satisfies it too.
    expect(statusOn(PILKADA_2024, '2024-09-23', { resignationDate: '2024-08-27' }).resignation.status).toBe('done');
  });

  it('on 1 Oct 2024 a candidate who never resigned is overdue, and so is the dismissal effective 30 Sep', () => {
    const report = obligationStatus(PILKADA_2024, candidate, { noticeDate: '2024-08-27' }, '2024-10-01');
    const byCode = Object.fromEntries(report.obligations.map((o) => [o.code, o]));
    expect(byCode.notice.status).toBe('done');
    expect(byCode.resignation).toMatchObject({ status: 'overdue', daysLate: 9 });
    expect(byCode.dismissal).toMatchObject({ status: 'overdue', due: '2024-09-30', daysLate: 1 });
    expect(byCode.bkn_processing).toMatchObject({ status: 'not_yet_due', daysRemaining: 29 });
    expect(report.alerts).toEqual([
      {
        obligation: 'resignation',
        status: 'overdue',
        notify: ['bkpsdm', 'bawaslu'],
        message: {
          id: 'Pengunduran diri tertulis untuk Hendra Wijaya, S.Sos. (NIP 197503122000031004) lewat 9 hari dari batas 2024-09-22 dan belum tercatat.',
          en: 'Written resignation for Hendra Wijaya, S.Sos. (NIP 197503122000031004) is 9 days past its 2024-09-22 deadline and not recorded.',
        },
      },
      expect.objectContaining({ obligation: 'dismissal', status: 'overdue' }),
    ]);
  });

  it('on 30 Sep 2024 the dismissal is still due that day', () => {
    expect(statusOn(PILKADA_2024, '2024-09-30').dismissal).toMatchObject({ status: 'due_soon', daysRemaining: 0 });
  });

  it('raises no alert when everything was done in time', () => {
    const events = { noticeDate: '2024-08-28', resignationDate: '2024-09-22', dismissalDecreeDate: '2024-09-27', bknProcessedDate: '2024-10-15' };
    const report = obligationStatus(PILKADA_2024, candidate, events, '2024-12-01');
    expect(report.obligations.map((o) => o.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(report.alerts).toEqual([]);
  });

  it('alerts on obligations done late, naming the date', () => {
    const report = obligationStatus(PILKADA_2024, candidate, { noticeDate: '2024-08-28', resignationDate: '2024-09-25' }, '2024-09-26');
    expect(report.alerts).toEqual([
      expect.objectContaining({
        obligation: 'resignation',
        status: 'done_late',
        message: expect.objectContaining({
          en: 'Written resignation for Hendra Wijaya, S.Sos. (NIP 197503122000031004) was recorded on 2024-09-25, 3 days after its 2024-09-22 deadline.',
        }),
      }),
    ]);
  });

  it('alerts when BKN has not processed the dismissal in the configured time', () => {
    const o = statusOn(PILKADA_2024, '2024-11-01', { dismissalDecreeDate: '2024-09-30' });
    expect(o.bkn_processing).toMatchObject({ status: 'overdue', daysLate: 2 });
  });
});

describe('obligationStatus, Pilkada 2020', () => {
  it('gives the PPK-signed resignation 5 days after determination on 23 Sep 2020', () => {
    const o = statusOn(PILKADA_2020, '2020-09-28');
    expect(o.notice.due).toBe('2020-09-06');
    expect(o.resignation).toMatchObject({ due: '2020-09-28', status: 'due_soon', daysRemaining: 0 });
    expect(o.resignation.basis.id).toContain('PKPU 1/2020');
    expect(o.dismissal.due).toBe('2020-09-30');
    expect(statusOn(PILKADA_2020, '2020-09-29').resignation).toMatchObject({ status: 'overdue', daysLate: 1 });
    expect(statusOn(PILKADA_2020, '2020-10-05', { resignationDate: '2020-09-27' }).resignation.status).toBe('done');
  });

  it('marks the unconfirmed 2020 notice basis as unsure', () => {
    expect(statusOn(PILKADA_2020, '2020-09-01').notice.unsure).toBe(true);
  });
});

describe('candidacy rules as data', () => {
  it('accepts rules passed by the caller, e.g. an administrator\'s change', () => {
    const rules = { ...ASN_CANDIDACY_RULES['pilkada-2024'], resignation: { ...ASN_CANDIDACY_RULES['pilkada-2024'].resignation, graceDays: 7 } };
    const report = obligationStatus(PILKADA_2024, candidate, {}, '2024-09-25', rules);
    expect(report.obligations[1]).toMatchObject({ due: '2024-09-29', status: 'not_yet_due' });
  });

  it('refuses an election without candidacy rules and a candidate who is not ASN', () => {
    expect(() => asnCandidacyRules(PEMILU_2024.id)).toThrow(RangeError);
    expect(() => obligationStatus(PEMILU_2024, candidate, {}, '2024-01-01')).toThrow(RangeError);
    expect(() => obligationStatus(PILKADA_2024, { name: 'Bukan ASN' }, {}, '2024-09-01')).toThrow(/not recorded as a civil servant/);
  });

  it('refuses an election whose schedule lacks the determination stage', () => {
    const noDetermination = { ...PILKADA_2024, stages: PILKADA_2024.stages.filter((s) => s.code !== 'determination') };
    expect(() => obligationStatus(noDetermination, candidate, {}, '2024-09-01')).toThrow(/no determination stage/);
  });
});
