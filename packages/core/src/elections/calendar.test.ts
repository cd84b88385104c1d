import { describe, expect, it } from 'vitest';
import { PEMILU_2024, PILKADA_2020, PILKADA_2024, SHIPPED_ELECTIONS } from './catalog.ts';
import { participates, stageOn, stagesForRegion } from './calendar.ts';

describe('stage of Pilkada 2024 on a date', () => {
  it('is the campaign, critical, on 1 October 2024 in Banyuwangi', () => {
    const s = stageOn(PILKADA_2024, '35.10', '2024-10-01');
    expect(s.current?.code).toBe('campaign');
    expect(s.critical).toBe(true);
    expect(s.next?.code).toBe('quiet_period');
    expect(s.daysUntilNext).toBe(54);
    expect(s.phase).toBe('during');
  });

  it('is the quiet period, not critical, on 25 November 2024', () => {
    const s = stageOn(PILKADA_2024, '35.10', '2024-11-25');
    expect(s.current?.code).toBe('quiet_period');
    expect(s.critical).toBe(false);
    expect(s.next?.code).toBe('voting');
    expect(s.daysUntilNext).toBe(2);
  });

  it('picks voting over the longer counting stage on voting day', () => {
    const s = stageOn(PILKADA_2024, '35.10', '2024-11-27');
    expect(s.current?.code).toBe('voting');
    expect(s.active.map((a) => a.code)).toEqual(['voting', 'counting']);
    expect(s.critical).toBe(true);
  });

  it('picks registration over the overlapping requirements check', () => {
    const s = stageOn(PILKADA_2024, '64', '2024-08-28');
    expect(s.current?.code).toBe('registration');
    expect(s.critical).toBe(true);
  });

  it('has no current stage in the gap between the ballot draw and the campaign', () => {
    const s = stageOn(PILKADA_2024, '35.10', '2024-09-24');
    expect(s.current).toBeNull();
    expect(s.critical).toBe(false);
    expect(s.next?.code).toBe('campaign');
    expect(s.daysUntilNext).toBe(1);
  });

  it('reports before and after the schedule', () => {
    const before = stageOn(PILKADA_2024, '35.10', '2024-01-01');
    expect(before.phase).toBe('before');
    expect(before.next?.code).toBe('registration_announcement');
    const after = stageOn(PILKADA_2024, '35.10', '2025-01-01');
    expect(after.phase).toBe('after');
    expect(after.next).toBeNull();
    expect(after.daysUntilNext).toBeNull();
  });

  it('includes the provincial recapitulation only for provinces', () => {
    expect(stagesForRegion(PILKADA_2024, '64').map((s) => s.code)).toContain('recap_province');
    expect(stagesForRegion(PILKADA_2024, '35.10').map((s) => s.code)).not.toContain('recap_province');
    expect(stageOn(PILKADA_2024, '35.10', '2024-12-08').current?.code).toBe('counting');
    expect(stageOn(PILKADA_2024, '64', '2024-12-08').current?.code).toBe('recap_province');
  });
});

describe('participation', () => {
  it('Pilkada 2024: every province but DI Yogyakarta, every regency/city but Jakarta administrative ones', () => {
    expect(participates(PILKADA_2024, '34')).toBe(false);
    expect(participates(PILKADA_2024, '34.71')).toBe(true); // Kota Yogyakarta elects its mayor
    expect(participates(PILKADA_2024, '31')).toBe(true);
    expect(participates(PILKADA_2024, '31.71')).toBe(false);
    expect(participates(PILKADA_2024, '31.01')).toBe(false);
    expect(participates(PILKADA_2024, '35.10.01')).toBe(true);
  });

  it('Pilkada 2020: its 9 provinces and the shipped regencies', () => {
    expect(participates(PILKADA_2020, '13')).toBe(true);
    expect(participates(PILKADA_2020, '35')).toBe(false);
    expect(participates(PILKADA_2020, '35.10')).toBe(true);
    expect(participates(PILKADA_2020, '35.76')).toBe(false);
  });

  it('Pemilu 2024 is national', () => {
    expect(participates(PEMILU_2024, '34')).toBe(true);
    expect(stageOn(PEMILU_2024, null, '2024-02-14').current?.code).toBe('voting');
  });
});

describe('shipped election data', () => {
  it.each(SHIPPED_ELECTIONS.map((e) => [e.id, e] as const))('%s has ordered, well-formed stages', (_id, election) => {
    for (const s of election.stages) {
      expect(s.start <= s.end).toBe(true);
      expect(s.basis.length).toBeGreaterThan(0);
    }
    expect(election.stages.some((s) => s.code === 'voting' && s.start === election.votingDay)).toBe(true);
    expect(election.rulebook.extraNonWorkingDays.some((d) => d.date === election.votingDay)).toBe(true);
  });
});
