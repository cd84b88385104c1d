import { describe, expect, it } from 'vitest';
import { createNormaliser, stemWord } from './normalise.ts';
import { SLANG } from './slang.ts';

const normaliser = createNormaliser(['budi', 'siti', 'ipuk', 'budisiti']);
const texts = (text: string) => normaliser.normalise(text).map((t) => t.text);

describe('normaliser', () => {
  it('lower-cases and splits on punctuation and spaces', () => {
    expect(texts('AYO, Pilih BUDI-Siti!!')).toEqual(['ayo', 'pilih', 'budi', 'siti']);
  });

  it('folds fancy, full-width and accented letters to plain ones', () => {
    expect(texts('𝗽𝗶𝗹𝗶𝗵 ＰＩＬＩＨ ⓟⓘⓛⓘⓗ 𝓹𝓲𝓵𝓲𝓱 café')).toEqual(['pilih', 'pilih', 'pilih', 'pilih', 'cafe']);
  });

  it('keeps a word whole across invisible characters and apostrophes', () => {
    expect(texts('pi\u200blih pi\u00adlih jum\'at Ma’ruf')).toEqual(['pilih', 'pilih', 'jumat', 'maruf']);
  });

  it('undoes letter repetition, keeping the double letters the vocabulary knows', () => {
    expect(texts('mantaaap saaaat maaaf gasss yukkk bgttt')).toEqual(['mantap', 'saat', 'maaf', 'gas', 'yuk', 'banget']);
    expect(texts('gass saat')).toEqual(['gas', 'saat']);
  });

  it('collapses unknown words with long runs to one letter and leaves their double letters alone', () => {
    expect(texts('Ipuuuuk Hasanuddin')).toEqual(['ipuk', 'hasanuddin']);
  });

  it('reads digits inside words as leetspeak', () => {
    expect(texts('p1l1h c0bl0s 4ku 5ama s4m4 s3m4ng4t')).toEqual(['pilih', 'coblos', 'aku', 'sama', 'sama', 'semangat']);
  });

  it('keeps standalone numbers, so ballot numbers survive', () => {
    expect(normaliser.normalise('no. 2, paslon 02 tahun 2024').map((t) => [t.text, t.kind])).toEqual([
      ['nomor', 'word'], ['2', 'number'], ['paslon', 'word'], ['02', 'number'], ['tahun', 'word'], ['2024', 'number'],
    ]);
  });

  it('splits a number from the word that announces it, and a known word from a trailing digit', () => {
    expect(texts('paslon2 no1 coblos02 ipuk1')).toEqual(['paslon', '2', 'nomor', '1', 'coblos', '02', 'ipuk', '1']);
  });

  it('reads a trailing 2 as reduplication ("hati2" is "hati-hati")', () => {
    expect(texts('hati2 teman2')).toEqual(['hati', 'hati', 'teman', 'teman']);
  });

  it('expands social-media abbreviations, into several words where needed', () => {
    expect(texts('yg gak bgt jgn sy udh krn dr org bpk bu tp sm utk dgn tdk aja')).toEqual([
      'yang', 'tidak', 'banget', 'jangan', 'saya', 'sudah', 'karena', 'dari', 'orang', 'bapak', 'ibu', 'tapi', 'sama',
      'untuk', 'dengan', 'tidak', 'saja',
    ]);
    expect(texts('gpp')).toEqual(['tidak', 'apa', 'apa']);
    expect(Object.keys(SLANG).length).toBeGreaterThanOrEqual(80);
  });

  it('splits CamelCase hashtags and mentions', () => {
    expect(texts('#BudiSitiLanjutkan @KPUBanyuwangi')).toEqual(['budi', 'siti', 'lanjutkan', 'kpu', 'banyuwangi']);
  });

  it('cuts all-lower-case hashtags into vocabulary words', () => {
    expect(texts('#ipukbupatiterbaik')).toEqual(['ipuk', 'bupati', 'terbaik']);
    expect(texts('#budisitilanjutkan')).toEqual(['budisiti', 'lanjutkan']);
    expect(texts('#ipukxyzmaju')).toEqual(['ipuk', 'xyz', 'maju']);
  });

  it('leaves words outside hashtags uncut', () => {
    expect(texts('ipukbupati')).toEqual(['ipukbupati']);
  });

  it('keeps emoji as tokens, without variation selectors or skin tones', () => {
    expect(normaliser.normalise('✌️ ☝🏽 🔥').map((t) => [t.text, t.kind])).toEqual([['✌', 'emoji'], ['☝', 'emoji'], ['🔥', 'emoji']]);
    expect(normaliser.normalise('2️⃣').map((t) => [t.text, t.kind])).toEqual([['2', 'number']]);
  });

  it('gives each token its span in the original text, surrogate pairs included', () => {
    const text = 'Ayo 𝗽𝗶𝗹𝗶𝗵 #BudiSiti ✌️ p1l1h';
    expect(normaliser.normalise(text).map((t) => text.slice(t.start, t.end))).toEqual(['Ayo', '𝗽𝗶𝗹𝗶𝗵', 'Budi', 'Siti', '✌', 'p1l1h']);
  });

  it('stems with the Indonesian Snowball stemmer', () => {
    expect(normaliser.normalise('mendukung dicoblos').map((t) => t.stem)).toEqual(['dukung', 'coblos']);
    expect(stemWord('kemenangan')).toBe('menang');
  });

  it('keeps words the vocabulary knows as written, party acronyms included', () => {
    expect(texts('PPP pppp')).toEqual(['ppp', 'p']);
  });

  it('streams the same tokens to a sink as it returns', () => {
    const text = 'Ayo #BudiSiti p1l1h no.2 ✌️ mantaaap';
    const streamed: unknown[] = [];
    normaliser.scan(text, { token: (word, stem, kind, start, end) => streamed.push({ text: word, stem, kind, start, end }) });
    expect(streamed).toEqual(normaliser.normalise(text));
  });

  it('knows the vocabulary and the slang', () => {
    expect(normaliser.isKnownWord('budi')).toBe(true);
    expect(normaliser.isKnownWord('yg')).toBe(true);
    expect(normaliser.isKnownWord('qwerty')).toBe(false);
  });

  it('returns nothing for empty or symbol-only text', () => {
    expect(texts('')).toEqual([]);
    expect(texts('... !!! ---')).toEqual([]);
  });
});
