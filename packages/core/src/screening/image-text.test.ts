import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenImageText, tidyRecognisedText } from './image-text.ts';
import { buildLexicon, type CandidatePair } from './lexicon.ts';
import { createScreener } from './screener.ts';

const pairs = JSON.parse(readFileSync(new URL('./fixtures/candidates.json', import.meta.url), 'utf8')) as CandidatePair[];
const screener = createScreener(buildLexicon('pilkada-2024', pairs));
const asPost = { kind: 'post' as const, asnLinked: true, regionCode: '35.10' };

describe('text recognised in a picture', () => {
  it('is tidied: hyphenated line ends joined, border symbols and empty lines dropped, spaces folded', () => {
    expect(tidyRecognisedText('COBLOS   NOMOR 1\r\n| |\n\nBanyu-\nwangi Lebih  Berdaya ||\n___\n')).toBe('COBLOS NOMOR 1\nBanyuwangi Lebih Berdaya');
  });

  it('is scored like a post: a flyer with a name, a ballot number and a slogan is flagged, with the terms found', () => {
    const flyer = 'COBLOS NOMOR 1\nMAS ARYA - NING LAILA\nBanyuwangi Lebih Berdaya\n#AryaLaila\n';
    const { text, result, matches } = screenImageText(screener, flyer, asPost);
    expect(result.score).toBeGreaterThanOrEqual(screener.config.threshold);
    expect(result.category).toBe('likely_support');
    expect(result.candidatePairIds[0]).toBe('pilkada2024-3510-1');
    const found = matches.map((m) => text.slice(m.start, m.end));
    expect(found).toEqual(expect.arrayContaining(['COBLOS', 'MAS ARYA', 'Banyuwangi Lebih Berdaya']));
    expect(matches.some((m) => m.mention && m.kind === 'slogan')).toBe(true);
    // The highlights refer to the tidied text that is stored and shown.
    for (const span of result.highlights) expect(text.slice(span.start, span.end).trim()).not.toBe('');
  });

  it('leaves a neutral picture alone', () => {
    const { result, matches } = screenImageText(screener, 'Jadwal Posyandu Balita\nSenin, 9 Desember\nBalai Desa Kemiren', asPost);
    expect(result.score).toBeLessThan(screener.config.threshold);
    expect(result.category).toBe('irrelevant');
    expect(matches.filter((m) => m.mention)).toEqual([]);
  });
});
