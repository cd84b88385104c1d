import { describe, expect, it } from 'vitest';
import { PEMILU_2024, PILKADA_2020, PILKADA_2024 } from '../elections/catalog.ts';
import { reportWindowStatus } from './report-window.ts';
import { MIN_DESCRIPTION_LENGTH, REPORT_CHECKLIST, checklistStatus, isChecklistItemCode, type ChecklistReport } from './checklist.ts';

const pilkada = PILKADA_2024.rulebook;
const pemilu = PEMILU_2024.rulebook;

describe('reportWindowStatus', () => {
  it('Pilkada: 7 calendar days, and the voting day counts like any other day', () => {
    expect(reportWindowStatus('2024-11-20', '2024-11-20', pilkada)).toMatchObject({ withinWindow: true, lastDay: '2024-11-27', remaining: 7, counting: 'calendar' });
    expect(reportWindowStatus('2024-11-20', '2024-11-27', pilkada)).toMatchObject({ withinWindow: true, lastDay: '2024-11-27', remaining: 0 });
    expect(reportWindowStatus('2024-11-20', '2024-11-28', pilkada)).toMatchObject({ withinWindow: false, lastDay: '2024-11-27', daysLate: 1 });
    expect(reportWindowStatus('2024-11-20', '2024-12-02', pilkada)).toMatchObject({ withinWindow: false, daysLate: 5 });
  });

  it('Pilkada 2020: the window runs over the 9 Dec voting day unchanged', () => {
    expect(reportWindowStatus('2020-12-05', '2020-12-13', PILKADA_2020.rulebook)).toMatchObject({ withinWindow: false, lastDay: '2020-12-12', daysLate: 1 });
  });

  it('Pemilu: 7 working days, skipping Idul Fitri 2024 and its cuti bersama (8–15 April)', () => {
    // Known Friday 5 April; 8–12 and 15 April are off: the 7th working day is 24 April.
    const filedOnLeave = reportWindowStatus('2024-04-05', '2024-04-08', pemilu);
    expect(filedOnLeave).toMatchObject({ withinWindow: true, lastDay: '2024-04-24', remaining: 7, counting: 'working' });
    expect(filedOnLeave.basis).toContain('UU 7/2017');
    expect(reportWindowStatus('2024-04-05', '2024-04-24', pemilu)).toMatchObject({ withinWindow: true, remaining: 0 });
    expect(reportWindowStatus('2024-04-05', '2024-04-25', pemilu)).toMatchObject({ withinWindow: false, daysLate: 1 });
  });

  it('Pemilu: skips the 14 February 2024 voting day and the days off before it', () => {
    // Known Wednesday 7 Feb: 8 Feb holiday, 9 Feb cuti bersama, weekend, 14 Feb voting day.
    expect(reportWindowStatus('2024-02-07', '2024-02-07', pemilu)).toMatchObject({ lastDay: '2024-02-21' });
  });

  it('Pemilu: a report filed on a day off after the last day counts from the next working day', () => {
    // The last day is Friday 5 July 2024.
    expect(reportWindowStatus('2024-06-26', '2024-07-05', pemilu)).toMatchObject({ withinWindow: true, lastDay: '2024-07-05', remaining: 0 });
    expect(reportWindowStatus('2024-06-26', '2024-07-06', pemilu)).toMatchObject({ withinWindow: false, daysLate: 1 });
    expect(reportWindowStatus('2024-06-26', '2024-07-07', pemilu)).toMatchObject({ withinWindow: false, daysLate: 1 });
    expect(reportWindowStatus('2024-06-26', '2024-07-08', pemilu)).toMatchObject({ withinWindow: false, daysLate: 1 });
    expect(reportWindowStatus('2024-06-26', '2024-07-09', pemilu)).toMatchObject({ withinWindow: false, daysLate: 2 });
  });

  it('refuses a filing date before the violation became known', () => {
    expect(() => reportWindowStatus('2024-11-20', '2024-11-19', pilkada)).toThrow(RangeError);
  });
});

describe('the formal/material checklist', () => {
  it('holds the FACTS.md §3 items: formal identity and time, material time, place, description, evidence', () => {
    expect(REPORT_CHECKLIST.map((item) => [item.code, item.kind])).toEqual([
      ['reporter_identity', 'formal'],
      ['filed_in_time', 'formal'],
      ['event_time', 'material'],
      ['event_place', 'material'],
      ['description', 'material'],
      ['evidence', 'material'],
    ]);
    expect(isChecklistItemCode('evidence')).toBe(true);
    expect(isChecklistItemCode('signature')).toBe(false);
  });

  const complete: ChecklistReport = {
    reporterName: 'Rina Kusumawati',
    reporterAddress: 'Jl. Melati 12, Sukamaju',
    violationKnownDate: '2024-10-15',
    filedDate: '2024-10-16',
    incidentDate: '2024-10-15',
    incidentPlace: 'Balai Desa Sukamaju',
    description: 'Seorang guru mengunggah foto bersama pasangan calon nomor urut 2.',
    evidenceCount: 2,
  };
  const unmet = (report: ChecklistReport) =>
    checklistStatus(report, pilkada)
      .items.filter((item) => !item.met)
      .map((item) => item.code);

  it('passes a complete, timely report', () => {
    const status = checklistStatus(complete, pilkada);
    expect(status).toMatchObject({ formalMet: true, materialMet: true });
    expect(status.items.every((item) => item.met)).toBe(true);
    expect(status.basis).toContain('UU 7/2017 ps. 454');
  });

  it('fails the formal identity item for an anonymous report and says it can still become a finding', () => {
    const status = checklistStatus({ ...complete, reporterName: null, reporterAddress: '  ' }, pilkada);
    expect(status.formalMet).toBe(false);
    expect(status.materialMet).toBe(true);
    const identity = status.items.find((item) => item.code === 'reporter_identity')!;
    expect(identity.detail?.en).toContain('Bawaslu finding');
    expect(unmet({ ...complete, reporterAddress: undefined })).toEqual(['reporter_identity']);
  });

  it('fails "filed in time" with how late and the last day', () => {
    const status = checklistStatus({ ...complete, filedDate: '2024-10-25' }, pilkada);
    const inTime = status.items.find((item) => item.code === 'filed_in_time')!;
    expect(inTime.met).toBe(false);
    expect(inTime.detail?.en).toContain('3 day(s) late; the last day was 2024-10-22');
    const pemiluLate = checklistStatus({ ...complete, violationKnownDate: '2024-04-05', incidentDate: '2024-04-05', filedDate: '2024-04-25' }, pemilu);
    expect(pemiluLate.items.find((item) => item.code === 'filed_in_time')?.detail?.id).toContain('Terlambat 1 hari kerja');
  });

  it('fails each material item on its own', () => {
    expect(unmet({ ...complete, incidentDate: null })).toEqual(['event_time']);
    expect(unmet({ ...complete, incidentDate: '2024-10-17' })).toEqual(['event_time']);
    expect(unmet({ ...complete, incidentPlace: '' })).toEqual(['event_place']);
    expect(unmet({ ...complete, description: 'x'.repeat(MIN_DESCRIPTION_LENGTH - 1) })).toEqual(['description']);
    expect(unmet({ ...complete, description: ` ${'x'.repeat(MIN_DESCRIPTION_LENGTH - 2)}  ` })).toEqual(['description']);
    expect(unmet({ ...complete, description: 'x'.repeat(MIN_DESCRIPTION_LENGTH) })).toEqual([]);
    expect(unmet({ ...complete, evidenceCount: 0 })).toEqual(['evidence']);
    expect(checklistStatus({ ...complete, evidenceCount: 0 }, pilkada)).toMatchObject({ formalMet: true, materialMet: false });
  });
});
