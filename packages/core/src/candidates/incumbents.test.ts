import { describe, expect, it } from 'vitest';
import { incumbentCandidatesOf } from './incumbents.ts';
import type { CandidatePair } from './types.ts';

const pair = (overrides: Partial<CandidatePair>): CandidatePair => ({
  electionId: 'pilkada-2024',
  regionCode: '35.10',
  ballotNumber: 1,
  head: { name: 'Agus Santoso' },
  deputy: { name: 'Dewi Lestari' },
  parties: ['Partai Contoh Satu'],
  independent: false,
  incumbent: null,
  slogans: [],
  hashtags: [],
  ...overrides,
});

describe('incumbentCandidatesOf', () => {
  it('lists the incumbent member of each pair in the region, with the office held', () => {
    const pairs = [
      pair({ head: { name: 'Agus Santoso', variants: ['H. Agus Santoso'] }, incumbent: { member: 'head', office: 'regional_head' } }),
      pair({ ballotNumber: 2, deputy: { name: 'Rina Hartono' }, incumbent: { member: 'deputy', office: 'deputy_regional_head' } }),
      pair({ ballotNumber: 3 }),
      pair({ regionCode: '35.76', incumbent: { member: 'head', office: 'regional_head' } }),
    ];
    expect(incumbentCandidatesOf(pairs, '35.10')).toEqual([
      { name: 'Agus Santoso', variants: ['H. Agus Santoso'], office: 'regional_head' },
      { name: 'Rina Hartono', office: 'deputy_regional_head' },
    ]);
  });
});
