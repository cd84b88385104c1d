import { describe, expect, it } from 'vitest';
import { PEMILU_2024, PILKADA_2020, PILKADA_2024 } from './catalog.ts';
import { recipientPeriodOn } from './recipients.ts';

/** Who receives Bawaslu's recommendation, by the day it is forwarded (FACTS.md §1, §3). */
const CASES = [
  { election: PILKADA_2020, date: '2020-11-10', recipient: 'KASN', basis: 'UU 5/2014: KASN supervised neutrality' },
  { election: PEMILU_2024, date: '2024-02-20', recipient: 'KASN', basis: 'before the dissolution' },
  { election: PEMILU_2024, date: '2024-08-23', recipient: 'KASN', basis: 'last day of KASN' },
  { election: PEMILU_2024, date: '2024-08-24', recipient: 'BKN', basis: 'UU 20/2023; SE MenPAN-RB 4/2024: KASN inactive from 24 Aug 2024' },
  { election: PEMILU_2024, date: '2024-09-02', recipient: 'BKN', basis: 'a Pemilu 2024 case forwarded after the dissolution' },
  { election: PILKADA_2024, date: '2024-10-01', recipient: 'BKN', basis: 'UU 20/2023' },
] as const;

describe('recipient of the recommendation by date (table, with basis)', () => {
  it.each(CASES)('$election.id on $date → $recipient ($basis)', ({ election, date, recipient }) => {
    const period = recipientPeriodOn(election.rulebook, date);
    expect(period?.recipient).toBe(recipient);
    expect(period?.basis).toMatch(recipient === 'BKN' ? /UU 20\/2023/ : /KASN/);
  });

  it('a rulebook that leaves a date uncovered answers null', () => {
    expect(recipientPeriodOn({ recommendationRecipients: [{ recipient: 'BKN', from: '2025-01-01', to: null, basis: 'x' }] }, '2024-12-31')).toBeNull();
  });
});
