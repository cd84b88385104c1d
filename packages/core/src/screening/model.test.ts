import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLexicon, MENTION_KINDS, type CandidatePair } from './lexicon.ts';
import { featureBucket, hashFeature, linearScore, loadScreeningModel, modelLogits, postFeatures, type ScreeningModelJson } from './model.ts';
import { DEFAULT_SCREENING_MODEL } from './model/default.ts';
import { createScreener } from './screener.ts';

const pairs = JSON.parse(readFileSync(new URL('./fixtures/candidates.json', import.meta.url), 'utf8')) as CandidatePair[];
const screener = createScreener(buildLexicon('pilkada-2024', pairs));
const committed = JSON.parse(readFileSync(new URL('./model/screening-model.json', import.meta.url), 'utf8')) as ScreeningModelJson;
const screen = (text: string, regionCode?: string) => screener.screen({ text, kind: 'post', asnLinked: true, ...(regionCode ? { regionCode } : {}) });

const SEKAR_BAGUS = 'pilkada2024-3510-2';
const DIMAS_NURUL = 'pilkada2024-3576-1';

describe('the committed model', () => {
  it('loads: a power-of-two hash space, sparse weights expanded, both tasks', () => {
    expect(committed.format).toBe('netra-screening-lr/1');
    expect(DEFAULT_SCREENING_MODEL.buckets).toBe(committed.buckets);
    expect(DEFAULT_SCREENING_MODEL.violation.weights).toHaveLength(committed.buckets);
    const k = committed.violation.indices[0];
    expect(DEFAULT_SCREENING_MODEL.violation.weights[k]).toBeCloseTo(committed.violation.values[0], 5);
    expect(committed.violation.indices.length).toBeGreaterThan(1000);
    expect(committed.stance.indices.length).toBeGreaterThan(100);
    expect(committed.trainedOn.command).toBe('npx tsx bench/screening/train.ts');
  });

  it('refuses a model it cannot read', () => {
    const empty = { bias: 0, indices: [], values: [] };
    const base = { ...committed, violation: empty, stance: empty };
    expect(() => loadScreeningModel({ ...base, format: 'other' } as unknown as ScreeningModelJson)).toThrow(/unknown format/);
    expect(() => loadScreeningModel({ ...base, buckets: 1000 })).toThrow(/power of two/);
    expect(() => loadScreeningModel({ ...base, buckets: 16, violation: { bias: 0, indices: [16], values: [1] } })).toThrow(/out of range/);
    expect(() => loadScreeningModel({ ...base, violation: { bias: 0, indices: [1, 2], values: [1] } })).toThrow(/differ/);
  });
});

describe('feature hashing', () => {
  it('is FNV-1a from the seed: the same bucket on every run and machine', () => {
    expect(hashFeature('u:coblos', 0x5eed2026)).toBe(2330512239);
    expect(hashFeature('c: co', 1)).toBe(513908998);
    expect(hashFeature('', 7)).toBe(7);
  });

  it('gives the same buckets for the same post, and masks candidate mentions by their kind', () => {
    const text = 'Ayo coblos Mas Arya nomor 1 #AryaLaila';
    const tokens = screener.normalise(text);
    const mentions = screener
      .match(tokens)
      .filter((h) => MENTION_KINDS.has(h.entry.kind))
      .map((h) => ({ tokenStart: h.tokenStart, tokenEnd: h.tokenEnd, kind: h.entry.kind }));
    const a = postFeatures(text, tokens, mentions, [['asn:true', 'akun ASN', 'ASN account']], DEFAULT_SCREENING_MODEL, true);
    const b = postFeatures(text, tokens, mentions, [['asn:true', 'akun ASN', 'ASN account']], { hashSeed: DEFAULT_SCREENING_MODEL.hashSeed, mask: DEFAULT_SCREENING_MODEL.mask });
    expect(a.buckets).toEqual(b.buckets);
    // Every bucket is the hash of a feature's name.
    expect(a.names?.length).toBe(a.buckets.length);
    a.names!.forEach((name, k) => expect(a.buckets[k]).toBe(featureBucket(name, DEFAULT_SCREENING_MODEL)));
    expect(a.names).toContain('u:coblos');
    expect(a.names).toContain('u:<candidate_name>');
    expect(a.names).toContain('b:coblos|<candidate_name>');
    expect(a.names).toContain('f:asn:true');
    expect(a.names!.some((n) => n.includes('arya'))).toBe(false);
  });

  it('scores without building features exactly as the features do (both regressions)', () => {
    const texts = [
      'Ayo coblos Mas Arya nomor 1 #AryaLaila',
      'yg ini aja deh, jgn pilih Bu Sekar, dia itu gak amanah, nomer 2 wae',
      'Tanggal 27 ingat ya, coblos beliau! Mas Arya sudah terbukti bangun desa',
    ];
    for (const text of texts) {
      const tokens = screener.normalise(text);
      const mentions = screener
        .match(tokens)
        .filter((h) => MENTION_KINDS.has(h.entry.kind))
        .map((h) => ({ tokenStart: h.tokenStart, tokenEnd: h.tokenEnd, kind: h.entry.kind }));
      const cues: Array<[string, string, string]> = [['asn:true', '', ''], ['kind:post', '', ''], ['cue_score:2', '', '']];
      const features = postFeatures(text, tokens, mentions, cues, DEFAULT_SCREENING_MODEL);
      const logits = modelLogits(DEFAULT_SCREENING_MODEL, tokens, mentions, cues.map((c) => c[0]));
      // Twice: the second time from the per-word cache.
      for (const again of [logits, modelLogits(DEFAULT_SCREENING_MODEL, tokens, mentions, cues.map((c) => c[0]))]) {
        expect(again.violation).toBeCloseTo(linearScore(DEFAULT_SCREENING_MODEL.violation, features), 5);
        expect(again.stance).toBeCloseTo(linearScore(DEFAULT_SCREENING_MODEL.stance, features), 5);
      }
    }
  });
});

describe('scoring with the model', () => {
  it('adds a model reason that names the words behind it, and the reasons still add up to the score', () => {
    const text = 'Mas Arya waktu jadi kades bikin BUMDes untung. Bukti kerja, bukan janji. 27 November, ingat!';
    const result = screen(text, '35.10');
    const model = result.reasons.find((r) => r.code === 'model');
    expect(model).toBeDefined();
    expect(model!.en).toMatch(/^Model \(learned from labelled posts\): (word|phrase|cue finding|name)/);
    expect(model!.id).toMatch(/^Model \(dari unggahan berlabel\)/);
    expect(result.score).toBe(Math.max(0, Math.min(100, result.reasons.reduce((sum, r) => sum + r.weight, 0))));
  });

  it('scores without the model when told to', () => {
    const cues = createScreener(screener.lexicon, { model: null });
    expect(cues.screen({ text: 'Ayo coblos Mas Arya', kind: 'post', asnLinked: true }).reasons.map((r) => r.code)).not.toContain('model');
  });

  it('leaves posts that name no candidate at 0, whatever they say', () => {
    expect(screen('Ayo coblos tanggal 27, jangan golput!')).toMatchObject({ score: 0, category: 'irrelevant', stance: null });
  });
});

describe('attacks', () => {
  it.each([
    ['Jangan pilih Bu Sekar, ingkar janji 🤮', SEKAR_BAGUS],
    ['Mas Dimas masih bau kencur, belum pantes mimpin kota. Mending jangan lah', DIMAS_NURUL],
  ])('count "%s" against the attacked pair', (text, pair) => {
    const result = screen(text);
    expect(result.score).toBeGreaterThanOrEqual(screener.config.threshold);
    expect(result).toMatchObject({ category: 'likely_opposition', stance: 'attack' });
    expect(result.candidatePairIds[0]).toBe(pair);
  });

  it('tell support from attack', () => {
    expect(screen('Ayo coblos Bu Sekar, lanjutkan 2 periode!')).toMatchObject({ stance: 'support', category: 'likely_support' });
  });
});

describe('hand signs', () => {
  it("count when tied to the pair's name", () => {
    const result = screen('salam dua jari ✌️ buat Bu Sekar');
    expect(result.reasons.map((r) => r.code)).toContain('hand_sign');
    expect(result.candidatePairIds[0]).toBe(SEKAR_BAGUS);
    expect(result.score).toBeGreaterThanOrEqual(screener.config.threshold);
  });

  it('do not make a peace sign a campaign', () => {
    expect(screen('Liburan ke pantai bareng keluarga ✌️ seneng banget').score).toBeLessThan(screener.config.threshold);
  });
});
