import { describe, expect, it } from 'vitest';
import { cuesOnly, screener, HERU_ZAHRA, ARYA_LAILA } from './fixtures/screeners.ts';
import { DEFAULT_SCORING_CONFIG, type ScreenablePost } from './scorer.ts';

const { threshold } = DEFAULT_SCORING_CONFIG;

const screenCues = (text: string, post: Partial<ScreenablePost> = {}) => cuesOnly.screen({ text, kind: 'post', asnLinked: false, ...post });
const screen = (text: string, post: Partial<ScreenablePost> = {}) => screener.screen({ text, kind: 'post', asnLinked: true, ...post });

describe('coreference: a pronoun or form of address beside a call points back at the candidate named earlier', () => {
  const post = 'Kemarin ketemu Pak Heru di pasar, ngobrol lama soal harga karet. Pokoknya tanggal 27 coblos beliau!';

  it('counts the far call as near the named candidate, with a reason saying whom the pronoun means', () => {
    const result = screenCues(post, { regionCode: '16.07' });
    expect(result.candidatePairIds[0]).toBe(HERU_ZAHRA);
    expect(result.score).toBeGreaterThanOrEqual(threshold);
    const support = result.reasons.find((r) => r.code === 'support_cue');
    expect(support?.weight).toBeGreaterThanOrEqual(DEFAULT_SCORING_CONFIG.supportCue);
    expect(support?.id).toContain('"beliau" merujuk ke "Pak Heru" yang disebut sebelumnya');
    expect(support?.en).toContain('refers to "Pak Heru"');
    // The pronoun is highlighted with the call.
    const at = post.indexOf('beliau');
    expect(result.highlights.some((s) => s.start <= at && s.end >= at + 'beliau'.length)).toBe(true);
  });

  it('gives the same call without a pronoun only the far factor', () => {
    const without = screenCues('Kemarin ketemu Pak Heru di pasar, ngobrol lama soal harga karet. Pokoknya tanggal 27 coblos!', { regionCode: '16.07' });
    const withPronoun = screenCues(post, { regionCode: '16.07' });
    expect(withPronoun.score).toBeGreaterThan(without.score);
    expect(without.reasons.find((r) => r.code === 'support_cue')?.id ?? '').not.toContain('merujuk');
  });

  it('reads a bare form of address after the call ("coblos Abah") but not one followed by another name', () => {
    const abah = screenCues('Mas Arya iku wonge sregep, saben minggu mubeng deso-deso. Sesok nang TPS pokoke coblos Abah!', { regionCode: '35.10' });
    expect(abah.candidatePairIds[0]).toBe(ARYA_LAILA);
    expect(abah.reasons.find((r) => r.code === 'support_cue')?.id).toContain('"Abah" merujuk ke "Mas Arya"');
    const other = screenCues('Mas Arya iku wonge sregep, saben minggu mubeng deso-deso. Tapi sesok aku pilih Pak Budi', { regionCode: '35.10' });
    expect(other.reasons.find((r) => r.code === 'support_cue')?.id ?? '').not.toContain('merujuk');
  });

  it('points at the nearest candidate named before the pronoun when the post names two', () => {
    const text = 'Bu Sekar wis rong periode, cukup. Saiki wayahe Mas Arya sing enom lan sregep. Tanggal 27 coblos beliau!';
    const result = screenCues(text, { regionCode: '35.10' });
    expect(result.candidatePairIds[0]).toBe(ARYA_LAILA);
    expect(result.reasons.find((r) => r.code === 'support_cue')?.id).toContain('"beliau" merujuk ke "Mas Arya"');
  });

  it('leaves a pronoun in everyday talk about a candidate alone: no call, no coreference', () => {
    const result = screenCues('Turut berduka atas wafatnya ibunda Pak Heru, semoga beliau sekeluarga diberi ketabahan 🙏', { regionCode: '16.07' });
    expect(result.score).toBeLessThan(threshold);
    expect(result.reasons.some((r) => r.id.includes('merujuk'))).toBe(false);
  });
});

describe('everyday finger poses', () => {
  it('caps a pose in an everyday caption, with a reason, and the model does not lift it', () => {
    for (const text of ['Arisan RT bulan ini, pose salam dua jari dulu ✌😁', 'Kopdar komunitas motor, salam dua jari ✌', 'Nikahan sepupu, pose salam dua jari 😂✌']) {
      const cues = screenCues(text, { regionCode: '35.10', asnLinked: true });
      expect(cues.score, text).toBeLessThanOrEqual(DEFAULT_SCORING_CONFIG.everydayPose);
      expect(cues.reasons.some((r) => r.code === 'neutral_context' && r.id.startsWith('Pose jari dalam foto keseharian')), text).toBe(true);
      expect(screen(text, { regionCode: '35.10' }).score, text).toBeLessThan(threshold);
    }
    // A bare ✌ in an everyday caption scores no more than the cap already: no reason needed, but the model stays out.
    expect(screen('Wisuda adek akhirnya, pose ✌ bareng keluarga', { regionCode: '35.10' }).score).toBeLessThanOrEqual(DEFAULT_SCORING_CONFIG.everydayPose);
  });

  it('still counts the pose with a pair name, a vote word or election day beside it', () => {
    expect(screen('Arisan RT bulan ini, pose salam dua jari buat Bu Sekar ✌ #SekarBagus', { regionCode: '35.10' }).score).toBeGreaterThanOrEqual(threshold);
    const vote = screenCues('Arisan RT bulan ini, pose salam dua jari ✌ ayo coblos!', { regionCode: '35.10', asnLinked: true });
    expect(vote.reasons.some((r) => r.id.startsWith('Pose jari'))).toBe(false);
    const day = screenCues('Arisan RT bulan ini, pose salam dua jari ✌ sampai 27 November', { regionCode: '35.10', asnLinked: true });
    expect(day.reasons.some((r) => r.id.startsWith('Pose jari'))).toBe(false);
  });
});
