import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateScreening, parseLabelledPosts } from './evaluate.ts';
import { buildLexicon, type CandidatePair } from './lexicon.ts';
import { createScreener } from './screener.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const pairs = JSON.parse(fixture('candidates.json')) as CandidatePair[];
const posts = parseLabelledPosts(fixture('labelled-posts.jsonl'));
const screener = createScreener(buildLexicon('pilkada-2024', pairs));

describe('the seed news articles', () => {
  // /work/shared sits beside the repository: ../shared from its root.
  const seeds = new URL('../../../../../shared/seeds/', import.meta.url);
  const files = readdirSync(seeds).filter((name) => name.endsWith('.txt'));
  // The real people the articles name, so that the articles do mention candidates. Only the names
  // come from the articles; the ballot numbers are placeholders, not the real draw.
  const seedPairs = JSON.parse(fixture('seed-candidates.json')) as CandidatePair[];
  const seedScreener = createScreener(buildLexicon('pilkada-2024', [...pairs, ...seedPairs]));

  it('are all there', () => {
    expect(files).toHaveLength(5);
  });

  it.each(files)('%s mentions candidates but scores below the threshold, even shared by an ASN', (name) => {
    const text = readFileSync(new URL(name, seeds), 'utf8');
    for (const kind of ['post', 'share'] as const) {
      const result = seedScreener.screen({ text, kind, asnLinked: true });
      expect(result.score).toBeLessThan(seedScreener.config.threshold);
      expect(result.category).not.toMatch(/^likely_/);
    }
  });

  it('name Bupati Ipuk as the candidate of the Banyuwangi article', () => {
    const text = readFileSync(new URL(files.find((f) => f.startsWith('000'))!, seeds), 'utf8');
    expect(seedScreener.screen({ text, kind: 'post', asnLinked: true }).candidatePairIds[0]).toBe('seed-3510-ipuk-mujiono');
  });
});

describe('the labelled posts', () => {
  it('are at least 220, a quarter held out, every violation naming a known pair', () => {
    expect(posts.length).toBeGreaterThanOrEqual(220);
    const holdout = posts.filter((p) => p.split === 'holdout').length;
    expect(holdout / posts.length).toBeGreaterThan(0.2);
    expect(holdout / posts.length).toBeLessThan(0.3);
    const ids = new Set(pairs.map((p) => p.id));
    expect(posts.filter((p) => p.label === 'violation').every((p) => ids.has(p.candidateId!))).toBe(true);
    expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);
  });

  it.each(['tuning', 'holdout'] as const)('reach precision and recall of at least 0.85 on the %s split', (split) => {
    const evaluation = evaluateScreening(screener, posts.filter((p) => (p.split ?? 'tuning') === split));
    expect(evaluation.precision).toBeGreaterThanOrEqual(0.85);
    expect(evaluation.recall).toBeGreaterThanOrEqual(0.85);
    expect(evaluation.attributionAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe('evaluateScreening', () => {
  it('counts the confusion matrix and the wrongly attributed violations', () => {
    const evaluation = evaluateScreening(screener, [
      { id: 'a', text: 'Ayo coblos Sekar-Bagus!', kind: 'post', asnLinked: true, label: 'violation', candidateId: 'pilkada2024-3510-2' },
      { id: 'b', text: 'Ayo coblos Arya-Laila!', kind: 'post', asnLinked: true, label: 'violation', candidateId: 'pilkada2024-3510-2' },
      { id: 'c', text: 'Pilih Arya-Laila ya!', kind: 'post', asnLinked: true, label: 'not_violation' },
      { id: 'd', text: 'Hujan deras', kind: 'post', asnLinked: true, label: 'violation', candidateId: 'pilkada2024-3510-1' },
      { id: 'e', text: 'Hujan deras', kind: 'post', asnLinked: true, label: 'not_violation' },
    ]);
    expect(evaluation).toMatchObject({ posts: 5, truePositives: 2, falsePositives: 1, falseNegatives: 1, trueNegatives: 1, attributionAccuracy: 0.5 });
    expect(evaluation.precision).toBeCloseTo(2 / 3);
    expect(evaluation.recall).toBeCloseTo(2 / 3);
    expect(evaluation.mistakes.map((m) => `${m.post.id}:${m.error}`)).toEqual(['b:wrong_candidate', 'c:false_positive', 'd:false_negative']);
  });

  it('reports perfect scores on an empty set rather than dividing by zero', () => {
    expect(evaluateScreening(screener, [])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});

describe('parseLabelledPosts', () => {
  const line = { id: 'x', text: 'halo', kind: 'post', asnLinked: true, label: 'not_violation' };

  it('skips blank lines and keeps the fields', () => {
    expect(parseLabelledPosts(`${JSON.stringify(line)}\n\n`)).toEqual([line]);
  });

  it('names the line and the field of bad input', () => {
    expect(() => parseLabelledPosts('{oops')).toThrow(/line 1: not JSON/);
    expect(() => parseLabelledPosts(`\n${JSON.stringify({ ...line, kind: 'retweet' })}`)).toThrow(/line 2: "kind" must be/);
    expect(() => parseLabelledPosts(JSON.stringify({ ...line, asnLinked: 'yes' }))).toThrow(/"asnLinked" must be true or false/);
    expect(() => parseLabelledPosts(JSON.stringify({ ...line, label: 'violation' }))).toThrow(/"candidateId" must be/);
    expect(() => parseLabelledPosts(JSON.stringify({ ...line, split: 7 }))).toThrow(/"split" must be/);
    expect(() => parseLabelledPosts(JSON.stringify({ ...line, stance: 'against' }))).toThrow(/"stance" must be/);
  });
});
