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

describe('Pilkada 2020 participation (PKPU 5/2020; ../shared/domain/pilkada-2020-regions.csv)', () => {
  it('ships 270 regions: 9 provinces, 224 regencies, 37 cities', () => {
    const { provinces, regencies } = PILKADA_2020.participation;
    const provinceCodes = typeof provinces === 'object' && 'only' in provinces ? provinces.only : [];
    const regencyCodes = typeof regencies === 'object' && 'only' in regencies ? regencies.only : [];
    expect(provinceCodes).toHaveLength(9);
    expect(regencyCodes.filter((c) => Number(c.slice(3)) >= 71)).toHaveLength(37);
    expect(regencyCodes.filter((c) => Number(c.slice(3)) < 71)).toHaveLength(224);
    expect(new Set(regencyCodes).size).toBe(261);
    expect(PILKADA_2020.participation.incomplete).toBeUndefined();
  });

  it.each([
    ['12.71', true, 'Kota Medan'],
    ['33.74', true, 'Kota Semarang'],
    ['73.71', true, 'Kota Makassar (re-run of 2018)'],
    ['93.01', true, 'Merauke under its post-2022 code'],
    ['31.71', false, 'Jakarta had no race'],
    ['11.01', false, 'Aceh had no race'],
    ['35.78', true, 'Kota Surabaya'],
  ])('%s takes part: %s (%s)', (code, expected) => {
    expect(participates(PILKADA_2020, code)).toBe(expected);
  });

  it('flags the lower-certainty placements and the Papua code changes as data', () => {
    const notes = PILKADA_2020.participation.placementNotes ?? [];
    expect(notes.filter((n) => n.kind === 'uncertain').map((n) => n.code).sort()).toEqual(['62.02', '63.02', '63.07', '63.10', '63.11']);
    expect(notes.filter((n) => n.kind === 'code_changed')).toHaveLength(9);
    for (const n of notes) expect(participates(PILKADA_2020, n.code)).toBe(true);
  });
});
