import { describe, expect, it } from 'vitest';
import { buildLexicon } from './lexicon.ts';
import { createScreener } from './screener.ts';
import { cuesOnly, fixturePairs as pairs, screener, ARYA_LAILA, SEKAR_BAGUS, HERU_ZAHRA, RETNO_AGUNG } from './fixtures/screeners.ts';
import { DEFAULT_SCORING_CONFIG, type ScreenablePost } from './scorer.ts';

const ANDI_DAYANG = 'pilkada2024-64-2';

const screen = (text: string, post: Partial<ScreenablePost> = {}) => screener.screen({ text, kind: 'post', asnLinked: true, ...post });
const screenCues = (text: string, post: Partial<ScreenablePost> = {}) => cuesOnly.screen({ text, kind: 'post', asnLinked: true, ...post });
const codes = (text: string, post: Partial<ScreenablePost> = {}) => screen(text, post).reasons.map((r) => r.code);

describe('scorePost', () => {
  it('scores a post urging a vote high and names the candidate', () => {
    const result = screen('Ayo coblos Sekar-Bagus nomor 2 tanggal 27! #SekarBagus2Periode');
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_SCORING_CONFIG.threshold);
    expect(result.category).toBe('likely_support');
    expect(result.candidatePairIds[0]).toBe(SEKAR_BAGUS);
  });

  it('writes the reasons when they are read, the same each time, and into JSON', () => {
    const result = screen('Ayo coblos Sekar-Bagus nomor 2 tanggal 27! #SekarBagus2Periode');
    // The screener's run is reused: screening another post must not change this post's reasons.
    screen('Jangan pilih Arya-Laila, mereka gak ngerti Banyuwangi!');
    const reasons = result.reasons;
    expect(result.reasons).toBe(reasons);
    expect(reasons.map((r) => r.code)).toContain('support_cue');
    expect(reasons.some((r) => r.spans.some((s) => 'Ayo coblos Sekar-Bagus nomor 2 tanggal 27! #SekarBagus2Periode'.slice(s.start, s.end).includes('coblos')))).toBe(true);
    const json = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(json.reasons).toEqual(reasons);
    expect(json.highlights).toEqual(result.highlights);
    expect(json.score).toBe(result.score);
    expect(result.score).toBe(Math.max(0, Math.min(100, reasons.reduce((sum, r) => sum + r.weight, 0))));
  });

  it('scores a news-style mention of the same pair low', () => {
    const result = screen('Menurut KPU Banyuwangi, paslon Sekar-Bagus mendapat nomor urut 2 dalam pengundian, ujar Ketua KPU.');
    expect(result.score).toBeLessThan(DEFAULT_SCORING_CONFIG.threshold);
    expect(result.category).toBe('mention_only');
    expect(result.candidatePairIds[0]).toBe(SEKAR_BAGUS);
    expect(result.reasons.find((r) => r.code === 'neutral_context')?.weight).toBeLessThan(0);
  });

  it('reads "jangan pilih" as opposition, not as the "pilih" inside it', () => {
    const result = screen('Jangan pilih Arya-Laila, mereka gak ngerti Banyuwangi!');
    expect(result.category).toBe('likely_opposition');
    expect(result.candidatePairIds[0]).toBe(ARYA_LAILA);
    expect(result.reasons.map((r) => r.code)).not.toContain('support_cue');
  });

  it('gives the cue to the pair it stands next to', () => {
    const result = screen('Jangan pilih Arya-Laila, pilih Sekar-Bagus!');
    expect(result.candidatePairIds.slice(0, 2).sort()).toEqual([ARYA_LAILA, SEKAR_BAGUS].sort());
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_SCORING_CONFIG.threshold);
  });

  it('counts an ASN sharing campaign content as support (SKB 2022 A06)', () => {
    const text = 'Relawan Arya Wiratama buka posko di Genteng';
    expect(screenCues(text, { kind: 'share' }).score).toBeGreaterThan(screenCues(text).score);
    expect(codes(text, { kind: 'share' })).toContain('engagement');
  });

  it('counts an ASN liking or following candidate content by itself, not the words liked', () => {
    const liked = 'Ayo coblos Retno-Agung nomor 2! #Retno2Periode';
    const asnLike = screen(liked, { kind: 'like' });
    expect(asnLike.category).toBe('likely_support');
    expect(screenCues(liked, { kind: 'like' }).reasons.map((r) => r.code)).toEqual(['candidate_mention', 'engagement', 'asn_account']);
    expect(asnLike.reasons.map((r) => r.code).slice(0, 3)).toEqual(['candidate_mention', 'engagement', 'asn_account']);
    expect(screen(liked, { kind: 'like', asnLinked: false }).score).toBeLessThan(DEFAULT_SCORING_CONFIG.threshold);
    expect(screen('Andi Mappaseng Tahir (Cagub Kaltim)', { kind: 'follow' })).toMatchObject({ category: 'likely_support', candidatePairIds: [ANDI_DAYANG] });
  });

  it('raises the score when the account is linked to an ASN', () => {
    const text = 'Kalo mau Banyuasin bersih, pilih Heru.';
    expect(screenCues(text).score - screenCues(text, { asnLinked: false }).score).toBe(DEFAULT_SCORING_CONFIG.asnLinked);
    expect(screen(text).score).toBeGreaterThan(screen(text, { asnLinked: false }).score);
  });

  it('takes a common first name for the candidate only when a cue stands right beside it', () => {
    expect(screen('Kalo mau Banyuasin bersih, pilih Heru.')).toMatchObject({ category: 'likely_support', candidatePairIds: [HERU_ZAHRA] });
    expect(screen('Heru temen kantorku kalo main catur pasti menang terus').category).toBe('mention_only');
  });

  it('calls a post without any candidate mention irrelevant, campaign words or not', () => {
    expect(screen('Ayo coblos tanggal 27, jangan golput!')).toMatchObject({ score: 0, category: 'irrelevant', candidatePairIds: [], reasons: [] });
  });

  it("settles a bare ballot number with the account's region", () => {
    expect(screen('coblos nomor 2 ya dulur', { regionCode: '35.76' }).candidatePairIds[0]).toBe(RETNO_AGUNG);
    expect(screen('coblos nomor 2 ya dulur', { regionCode: '64.72' }).candidatePairIds[0]).toBe(ANDI_DAYANG);
  });

  it('lists at most maxCandidatePairs pairs and counts them all', () => {
    const many = createScreener(buildLexicon('pilkada-2024', pairs), { maxCandidatePairs: 2 });
    const result = many.screen({ text: 'nomor 2 ✌️', kind: 'post', asnLinked: true });
    expect(result.candidatePairIds).toHaveLength(2);
    expect(result.candidatePairCount).toBe(4);
    expect(result.reasons[0].en).toMatch(/\(\+3\)/);
  });

  it('explains itself: reasons in both languages that add up to the score, highlights in the text', () => {
    const text = 'Gas terus Mas Arya, menurut saya Banyuwangi Lebih Berdaya 💪';
    for (const result of [screen(text), screenCues(text)]) {
      expect(result.score).toBe(result.reasons.reduce((sum, r) => sum + r.weight, 0));
      for (const reason of result.reasons) {
        expect(reason.id.length).toBeGreaterThan(0);
        expect(reason.en.length).toBeGreaterThan(0);
      }
    }
    expect(screenCues(text).highlights.map((h) => text.slice(h.start, h.end))).toEqual(['Gas', 'Mas Arya', 'menurut', 'Banyuwangi Lebih Berdaya', '💪']);
  });

  it('keeps the score within 0..100', () => {
    const loud = screen('COBLOS SEKAR BAGUS!!! wajib pilih nomor 2, menangkan Bu Sekar, lanjutkan! #SekarBagus', { kind: 'share' });
    expect(loud.score).toBe(100);
    const quiet = screen('Menurut Bawaslu dan KPU, sosialisasi netralitas ASN soal paslon Sekar-Bagus, ujarnya, tegasnya.', { asnLinked: false });
    expect(quiet.score).toBe(0);
  });

  it('follows a configured threshold and weights', () => {
    const strict = createScreener(screener.lexicon, { threshold: 90, asnLinked: 0, model: null });
    const result = strict.screen({ text: 'Ayo coblos Sekar-Bagus!', kind: 'post', asnLinked: true });
    expect(result.category).toBe('mention_only');
    expect(result.reasons.map((r) => r.code)).toEqual(['candidate_mention', 'support_cue', 'asn_account']);
    expect(result.reasons.at(-1)?.weight).toBe(0);
  });
});
