import { describe, expect, it } from 'vitest';
import { createCandidateDirectory } from './directory.ts';

describe('candidate directory', () => {
  const directory = createCandidateDirectory([
    { id: 'gov', regionCode: '35', ballotNumber: 1, label: 'Governor pair (1)' },
    { id: 'bwi', regionCode: '35.10', ballotNumber: 2, label: 'Banyuwangi pair (2)' },
    { id: 'mjk', regionCode: '35.76', ballotNumber: 2, label: 'Mojokerto pair (2)' },
    { id: 'ktm', regionCode: '64', ballotNumber: 2, label: 'Kaltim pair (2)' },
  ]);

  it('labels pairs, and falls back to the id of an unknown one', () => {
    expect(directory.label('bwi')).toBe('Banyuwangi pair (2)');
    expect(directory.label('nobody')).toBe('nobody');
  });

  it("finds the pairs of a region, of the province around it, and of the regions within it", () => {
    expect(directory.localTo('35.10')).toEqual(['gov', 'bwi']);
    expect(directory.localTo('35.10.05')).toEqual(['gov', 'bwi']);
    expect(directory.localTo('35')).toEqual(['gov', 'bwi', 'mjk']);
    expect(directory.localTo('3')).toEqual([]);
    expect(directory.localTo('11.01')).toEqual([]);
  });
});
