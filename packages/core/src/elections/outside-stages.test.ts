import { describe, expect, it } from 'vitest';
import { PILKADA_2024 } from './catalog.ts';
import { outsideStages } from './outside-stages.ts';
import { stagesForRegion } from './calendar.ts';

describe('outsideStages', () => {
  const stages = stagesForRegion(PILKADA_2024, '35.10');
  const first = stages[0].start;
  const last = stages.reduce((end, s) => (s.end > end ? s.end : end), stages[0].end);

  it('is null within the stages, on their first and last day too', () => {
    expect(outsideStages(PILKADA_2024, '35.10', '2024-11-20')).toBeNull();
    expect(outsideStages(PILKADA_2024, '35.10', first)).toBeNull();
    expect(outsideStages(PILKADA_2024, '35.10', last)).toBeNull();
  });

  it('warns about an act long after the last stage, naming the period', () => {
    const warning = outsideStages(PILKADA_2024, '35.10', '2026-06-01');
    expect(warning).toMatchObject({ phase: 'after', from: first, to: last });
    expect(warning!.message.id).toContain('Kejadian pada 1 Juni 2026 berada di luar tahapan');
    expect(warning!.message.id).toContain('setelah tahapan terakhir selesai');
    expect(warning!.message.en).toContain('after the last stage ended');
  });

  it('warns about an act before the first stage', () => {
    expect(outsideStages(PILKADA_2024, '35.10', '2020-01-01')?.phase).toBe('before');
  });
});
