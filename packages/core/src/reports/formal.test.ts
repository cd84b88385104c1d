import { describe, expect, it } from 'vitest';
import { formalWeaknesses, isBawasluOwn } from './formal.ts';

describe('formal requirements of a report', () => {
  it('names each requirement a public or paper report fails', () => {
    expect(formalWeaknesses({ source: 'public', anonymous: false, lateByDays: 0 })).toEqual([]);
    expect(formalWeaknesses({ source: 'public', anonymous: true, lateByDays: 0 })).toEqual(['anonymous']);
    expect(formalWeaknesses({ source: 'paper', anonymous: false, lateByDays: 3 })).toEqual(['late']);
    expect(formalWeaknesses({ source: 'public', anonymous: true, lateByDays: 1 })).toEqual(['anonymous', 'late']);
  });

  it('does not apply to Bawaslu’s own findings and screening confirmations', () => {
    expect(isBawasluOwn('finding')).toBe(true);
    expect(isBawasluOwn('screening')).toBe(true);
    expect(isBawasluOwn('public')).toBe(false);
    expect(isBawasluOwn('paper')).toBe(false);
    expect(formalWeaknesses({ source: 'finding', anonymous: true, lateByDays: 9 })).toEqual([]);
    expect(formalWeaknesses({ source: 'screening', anonymous: true, lateByDays: 9 })).toEqual([]);
  });
});
