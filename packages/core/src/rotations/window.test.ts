import { describe, expect, it } from 'vitest';
import { PILKADA_2020, PILKADA_2024 } from '../elections/catalog.ts';
import { insideWindow, prohibitedWindow } from './window.ts';

describe('prohibitedWindow', () => {
  it('opens 6 months before determination: 22 Mar 2024 for Pilkada 2024', () => {
    const window = prohibitedWindow(PILKADA_2024, '35.10');
    expect(window).toMatchObject({ electionId: 'pilkada-2024', regionCode: '35.10', from: '2024-03-22' });
  });

  it('without a recorded term end, stays open (the law closes it at the end of the term, not of the schedule) and says so', () => {
    const window = prohibitedWindow(PILKADA_2024, '35.10');
    expect(window).toMatchObject({ to: null, toSource: 'term_end_unknown' });
    expect(window.basis.id).toContain('UU 10/2016 ps. 71 ayat (2)');
    expect(window.basis.en).toContain('which is not recorded for this region: the window is treated as still open');
    expect(insideWindow(window, '2030-01-01')).toBe(true);
    expect(insideWindow(window, '2024-03-21')).toBe(false);
  });

  it('runs until the end of the term when the region records it', () => {
    const window = prohibitedWindow(PILKADA_2024, '35.10', { termEnd: '2025-02-17' });
    expect(window).toMatchObject({ from: '2024-03-22', to: '2025-02-17', toSource: 'term_end' });
    expect(window.basis.en).toContain("Closes 2025-02-17: end of the regional head's term.");
  });

  it('opens 23 Mar 2020 for Pilkada 2020 (determination 23 Sep 2020)', () => {
    expect(prohibitedWindow(PILKADA_2020, '35.16')).toMatchObject({ from: '2020-03-23', to: null });
  });

  it('refuses a term end before the window or not a date', () => {
    expect(() => prohibitedWindow(PILKADA_2024, '35.10', { termEnd: '2024-01-31' })).toThrow(RangeError);
    expect(() => prohibitedWindow(PILKADA_2024, '35.10', { termEnd: '2025-02-30' })).toThrow(RangeError);
  });
});
