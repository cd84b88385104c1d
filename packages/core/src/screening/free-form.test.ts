/**
 * Issue 18: what free-form writing taught the cues — a ballot number stated as the settled
 * choice, Sundanese and Palembang words folded into standard ones, jabs at a pair, news of an
 * attack, finger poses in everyday photos.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLexicon, type CandidatePair } from './lexicon.ts';
import { createScreener } from './screener.ts';

const pairs = JSON.parse(readFileSync(new URL('./fixtures/candidates.json', import.meta.url), 'utf8')) as CandidatePair[];
const lexicon = buildLexicon('pilkada-2024', pairs);
const screener = createScreener(lexicon);
const cuesOnly = createScreener(lexicon, { model: null });
const post = (text: string, regionCode: string) => ({ text, kind: 'post' as const, asnLinked: true, regionCode });
const threshold = screener.config.threshold;

const ARYA = 'pilkada2024-3510-1';
const SEKAR = 'pilkada2024-3510-2';
const HERU = 'pilkada2024-1607-2';
const RAHMAN = 'pilkada2024-64-1';

describe('a ballot number stated as the settled choice', () => {
  it.each([
    ['pokoke loro, ra iso diganggu gugat 😎', '35.10', SEKAR],
    ['Keluarga besar kami tetep siji, sudah jelas.', '35.10', ARYA],
    ['udah mantap di 02 dari kemarin, titik.', '16.07', HERU],
  ])('names the pair of "%s" without a voting verb', (text, region, pair) => {
    const result = cuesOnly.screen(post(text, region));
    expect(result.candidatePairIds[0]).toBe(pair);
    expect(result.reasons.some((r) => r.code === 'candidate_mention' && r.id.includes('nomor urut'))).toBe(true);
  });

  it('reads "01" on its own as an ambiguous ballot number that needs a cue beside it', () => {
    expect(lexicon.entries.some((e) => e.kind === 'ballot_number' && e.term === '02' && e.ambiguous && e.candidatePairIds.includes(SEKAR))).toBe(true);
    expect(screener.screen(post('Rumah kami di RT 01 RW 02 kebanjiran lagi, mohon bantuan kerja bakti besok.', '35.10')).score).toBeLessThan(threshold);
  });

  it('flags the settled choice with the model', () => {
    const result = screener.screen(post('Sudah jelas sejak awal, pilihan kami tetap nomor dua. Tidak usah ragu.', '35.10'));
    expect(result.score).toBeGreaterThanOrEqual(threshold);
    expect(result.stance).toBe('support');
    expect(result.candidatePairIds[0]).toBe(SEKAR);
  });
});

describe('regional words', () => {
  it('folds Sundanese "ulah hilap" and "nomer hiji" into "jangan lupa" and "nomor satu"', () => {
    expect(screener.normalise('ulah hilap nomer hiji').map((t) => t.text)).toEqual(['jangan', 'lupa', 'nomor', 'satu']);
    const result = screener.screen(post('Hayu sadayana, ulah hilap nyoblos nomer hiji, Haji Rahman!', '64'));
    expect(result.score).toBeGreaterThanOrEqual(threshold);
    expect(result.candidatePairIds[0]).toBe(RAHMAN);
  });
});

describe('abbreviated pairs and pronouns', () => {
  it('reads the initials of both running mates ("HR-PY") as the pair, only with a cue beside them', () => {
    expect(lexicon.entries.some((e) => e.kind === 'pair_name' && e.term === 'HR-PY' && e.ambiguous && e.candidatePairIds.includes(RAHMAN))).toBe(true);
    const result = cuesOnly.screen(post('bsk cblos HR-PY ya, kltm mj', '64'));
    expect(result.candidatePairIds[0]).toBe(RAHMAN);
    expect(result.stance).toBe('support');
  });

  it('gives a vote for "beliau" to the pair named earlier in the post', () => {
    const result = cuesOnly.screen(post('Pak Heru pernah bantu sekolah kami waktu banjir, tanpa kamera. Tanggal 27 saya pilih beliau.', '16.07'));
    expect(result.reasons.some((r) => r.code === 'support_cue' && r.en.includes('pilih beliau'))).toBe(true);
    expect(result.candidatePairIds[0]).toBe(HERU);
  });
});

describe('attacks and their hard negatives', () => {
  it('counts a jab with "jangan dikasih" against the attacked pair', () => {
    const result = screener.screen(post('Bu Sekar sudah lima tahun, jalan desa tetap rusak. Jangan dikasih periode kedua.', '35.10'));
    expect(result.score).toBeGreaterThanOrEqual(threshold);
    expect(result.stance).toBe('attack');
    expect(result.candidatePairIds[0]).toBe(SEKAR);
  });

  it('keeps news of a black campaign below the threshold', () => {
    const result = screener.screen(post('Tim hukum Arya-Laila melaporkan dugaan kampanye hitam ke Gakkumdu, kata pengamat kasus serupa meningkat.', '35.10'));
    expect(result.score).toBeLessThan(threshold);
  });

  it('keeps a two-finger pose at a school contest below the threshold', () => {
    const result = screener.screen(post('Lomba mewarnai kelas 1, anak-anak pose ✌️ sambil pegang piala. Lucu!', '35.10'));
    expect(result.score).toBeLessThan(threshold);
  });
});

describe('coded references and hand signs (free-form tuning set 5)', () => {
  const RETNO = 'pilkada2024-3576-2';
  const DIMAS = 'pilkada2024-3576-1';
  const ANDI = 'pilkada2024-64-2';
  const mentionOf = (text: string, region: string) => cuesOnly.screen(post(text, region));

  it('reads Krama and Minang number words and ordinals after "urut" / "paslon" as ballot numbers', () => {
    expect(screener.normalise('nomer kalih').map((t) => t.text)).toEqual(['nomor', 'dua']);
    expect(mentionOf('Sampun, nomer kalih mawon.', '35.10').candidatePairIds[0]).toBe(SEKAR);
    expect(mentionOf('Paslon sing urut pertama iku sing tak coblos.', '35.10').candidatePairIds[0]).toBe(ARYA);
    // "coblos pertama kali" is a first-time voter, not pair 1
    expect(mentionOf('Pemilih pemula, pengalaman coblos pertama kali, jangan golput.', '35.10').candidatePairIds).toEqual([]);
  });

  it('names the incumbent by her office ("Bu Wali"), only as an ambiguous mention', () => {
    const entry = lexicon.entries.find((e) => e.kind === 'candidate_name' && e.term === 'bu wali' && e.candidatePairIds.includes(RETNO));
    expect(entry?.ambiguous).toBe(true);
    expect(lexicon.entries.some((e) => e.term === 'bu wali' && e.candidatePairIds.includes(DIMAS))).toBe(false);
  });

  it('names a pair through a backing party by its symbol, never by the bare symbol', () => {
    const result = mentionOf('Kandang banteng Kaltim siap menangkan, ayo ke TPS!', '64');
    expect(result.candidatePairIds[0]).toBe(ANDI);
    expect(result.reasons.some((r) => r.code === 'candidate_mention' && r.en.includes('backing party'))).toBe(true);
    expect(mentionOf('Pohon beringin di alun-alun ditebang, sayang sekali.', '64').candidatePairIds).toEqual([]);
  });

  it('reads "driji siji" as a hand sign tied to the pair named beside it', () => {
    const result = mentionOf('Ngopi bareng Mas Arya, kabeh ngacungno driji siji', '35.10');
    expect(result.candidatePairIds[0]).toBe(ARYA);
    expect(result.reasons.some((r) => r.code === 'hand_sign')).toBe(true);
  });

  it('does not read 👆 (the post above) as one finger', () => {
    expect(mentionOf('Setuju 100% 👆', '35.10').candidatePairIds).toEqual([]);
  });
});

describe('everyday words that are not names (free-form tuning set 5)', () => {
  it('does not read "putra" / "putri" as the surname Putro, nor "apik" (bagus, good) as Cak Bagus', () => {
    expect(cuesOnly.screen(post('Putra Sulawesi berpasangan dengan putri Kutai.', '64')).candidatePairIds).toEqual([]);
    expect(cuesOnly.screen(post('Alun-alun saiki apik, pasar rapi.', '35.76')).candidatePairIds).toEqual([]);
    expect(cuesOnly.screen(post('Cak Bagus kerjone cepet, lanjut!', '35.10')).candidatePairIds[0]).toBe(SEKAR);
  });

  it('reads thanks for prayers and get-well wishes as neutral, not as "doakan"', () => {
    const result = cuesOnly.screen(post('Pak Rahman tetangga sudah pulang dari RS, terima kasih doanya.', '64'));
    expect(result.reasons.some((r) => r.code === 'support_cue')).toBe(false);
    expect(result.reasons.some((r) => r.code === 'neutral_context')).toBe(true);
  });
});

describe('what the registry does not record, bare numbers and other forms of address (free-form tuning set 7)', () => {
  const FIRDAUS = 'pilkada2024-1607-1';
  const TAHIR = 'pilkada2024-64-2';

  it('reads age, origin and a former office as an ambiguous mention of every pair of the region', () => {
    for (const term of ['pilih sing muda', 'calon yang paling tua', 'putra daerah', 'mantan kadis', 'yang bangun jembatan']) {
      const entry = lexicon.entries.find((e) => e.regionCode === '35.10' && e.tokens.join(' ') === term);
      expect(entry).toMatchObject({ kind: 'candidate_name', ambiguous: true });
      expect([...entry!.candidatePairIds].sort()).toEqual([ARYA, SEKAR]);
    }
    const result = cuesOnly.screen(post('Sing enom iku wis wayahe, pilih sing enom!', '35.10'));
    expect(result.candidatePairIds).toEqual(expect.arrayContaining([ARYA, SEKAR]));
    expect(result.reasons.some((r) => r.code === 'candidate_mention' && r.en.includes('"pilih sing enom"'))).toBe(true);
  });

  it('does not read the young of an office, or constructive criticism, as a candidate', () => {
    expect(cuesOnly.screen(post('Yang muda itu rajin banget, semangat terus ya dek', '35.10')).candidatePairIds).toEqual([]);
    expect(cuesOnly.screen(post('Terima kasih atas kritik yang membangun, kami perbaiki.', '35.10')).candidatePairIds).toEqual([]);
  });

  it('keeps the young and the old of an office outing below the threshold', () => {
    expect(screener.screen(post('Sing enom-enom melu senam, sing tuwek nyiapke teh.', '35.76')).score).toBeLessThan(threshold);
  });

  it('reads a number closed off ("loro wis", "siji ae") as an ambiguous ballot number', () => {
    const result = cuesOnly.screen(post('loro wis, gak usah mikir', '35.10'));
    expect(result.candidatePairIds[0]).toBe(SEKAR);
    expect(result.reasons.some((r) => r.code === 'support_cue')).toBe(true);
    expect(lexicon.entries.some((e) => e.kind === 'ballot_number' && e.tokens.join(' ') === 'satu saja' && e.ambiguous)).toBe(true);
  });

  it('names a candidate after another form of address and by the last syllable of a long name', () => {
    expect(cuesOnly.screen(post('Bang Andi pasti menang', '64')).candidatePairIds[0]).toBe(TAHIR);
    expect(cuesOnly.screen(post('Puang Tahir ewako', '64')).candidatePairIds[0]).toBe(TAHIR);
    expect(cuesOnly.screen(post('Kak Daus pasti menang', '16.07')).candidatePairIds[0]).toBe(FIRDAUS);
    // no feminine form for a man, and never the bare syllable
    expect(lexicon.entries.some((e) => e.tokens.join(' ') === 'mbak firdaus')).toBe(false);
    expect(lexicon.entries.some((e) => e.tokens.join(' ') === 'daus')).toBe(false);
  });

  it('folds Madurese, Betawi and Banjar words ("pelle", "duwa\'", "udeh", "kawa")', () => {
    expect(screener.normalise("Engko' pelle nomer duwa', udeh kawa").map((t) => t.text)).toEqual(['saya', 'pilih', 'nomor', 'dua', 'sudah', 'bisa']);
  });

  it('reads a president\'s second term as national talk', () => {
    const result = cuesOnly.screen(post('Presiden dua periode dulu meresmikan bendungan ini.', '35.10'));
    expect(result.reasons.some((r) => r.code === 'neutral_context')).toBe(true);
    expect(result.reasons.some((r) => r.code === 'support_cue')).toBe(false);
  });
});
