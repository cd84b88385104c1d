import { describe, expect, it } from 'vitest';
import { createDuplicateTracker } from './duplicates.ts';

describe('createDuplicateTracker', () => {
  it('accepts the first occurrence and rejects later ones naming the first line', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check('198609262015051001', 2)).toBeNull();
    expect(tracker.check('198609262015051002', 3)).toBeNull();
    const second = tracker.check('198609262015051001', 7);
    expect(second).toEqual({
      column: 'nip',
      code: 'duplicate_nip',
      message: {
        id: 'NIP ini sudah ada di baris 2; hanya baris pertama yang diproses.',
        en: 'This NIP already appears on line 2; only the first line is processed.',
      },
    });
    expect(tracker.check('198609262015051001', 9)?.message.en).toContain('line 2');
    expect(tracker.size).toBe(2);
  });

  it('sees through the spacing people type', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check('19860926 201505 1 001', 2)).toBeNull();
    expect(tracker.check('198609262015051001', 3)?.code).toBe('duplicate_nip');
    expect(tracker.check('19860926.201505.1.001', 4)?.code).toBe('duplicate_nip');
  });

  it('tracks malformed identifiers too, by their digits', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check('12345', 2)).toBeNull();
    expect(tracker.check('123 45', 3)?.message.en).toContain('line 2');
    expect(tracker.check('19860926201505100A', 4)).toBeNull();
    expect(tracker.check('19860926201505100A', 5)?.message.en).toContain('line 4');
    expect(tracker.size).toBe(2);
  });

  it('does not track empty identifiers, which the validator rejects as missing', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check('', 2)).toBeNull();
    expect(tracker.check(' ', 3)).toBeNull();
    expect(tracker.size).toBe(0);
  });

  it('keeps NIPs that share one half apart', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check('198609262015051001', 2)).toBeNull();
    expect(tracker.check('198609262999999999', 3)).toBeNull();
    expect(tracker.check('999999999015051001', 4)).toBeNull();
    expect(tracker.size).toBe(3);
  });

  it('grows past its initial size without losing entries', () => {
    const tracker = createDuplicateTracker(4);
    const nipOf = (i: number) => `1986092620150${String(i).padStart(5, '0')}`;
    let rejected = 0;
    for (let i = 0; i < 50_000; i += 1) if (tracker.check(nipOf(i), i + 2) !== null) rejected += 1;
    expect(rejected).toBe(0);
    expect(tracker.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) expect(tracker.check(nipOf(i), 100_000)?.message.en).toContain(`line ${i + 2};`);
  });

  it('refuses line numbers that are not 1-based whole numbers', () => {
    const tracker = createDuplicateTracker();
    expect(() => tracker.check('198609262015051001', 0)).toThrow(RangeError);
    expect(() => tracker.check('198609262015051001', 1.5)).toThrow(RangeError);
  });
});
