import { describe, expect, it } from 'vitest';
import { ELECTION_CONTEXT, hasElectionContext, REFERENCE, referenceWindow } from './scorer.ts';

/**
 * The scorer reads two of its RegExps a faster way for speed; these hold the fast reading to the
 * RegExp itself on texts chosen to trip it: words inside words, case variants that only the `iu`
 * flags fold (Kelvin sign, U+0345), letters and emoji outside the basic plane before a word,
 * overlapping candidates, multi-word alternatives, the text's edges.
 */
const TRICKY = [
  '',
  'tps',
  'xtps',
  'TPS!',
  'ke TPS besok',
  'pilihan',
  'xpilihan',
  'terpilih',
  'xpilihlanjut lanjut',
  'xjangan lupa',
  'jangan  lupa',
  'JANGAN LUPA',
  'xtim mana tim mana',
  'ojo lali',
  'xojo lali',
  'novemberan',
  'nov',
  'dinov nov.',
  '\u212Aode',
  'ko\u212Ae',
  'x\u212Aode',
  '\u0345tps',
  '\u0345 tps',
  '𝐀tps',
  '𝐀 tps',
  '😀tps',
  '\uDC00tps',
  '\uD835tps',
  'é demi',
  'édemi',
  '27',
  '127',
  '270',
  'tgl 27/11',
  'a27',
  '😉',
  'pose 🤭',
  'ngertiin',
  'ngerti_',
  'paham1',
  'komandonya',
  'coblosnya',
  'ya\u00a0pilkada',
  'ЯTPS',
  'pilkada',
];

describe('hasElectionContext', () => {
  it('answers what ELECTION_CONTEXT answers', () => {
    for (const text of TRICKY) {
      expect(hasElectionContext(text), JSON.stringify(text)).toBe(ELECTION_CONTEXT.test(text));
      for (const prefix of ['', 'a', ' ', 'é', '𝐀', '😀', '1']) {
        const longer = `${prefix}${text} ${prefix}${text}`;
        expect(hasElectionContext(longer), JSON.stringify(longer)).toBe(ELECTION_CONTEXT.test(longer));
      }
    }
  });
});

const REFERENCE_TEXTS = [
  'coblos beliau ya, pak haji juga',
  'pilih dia! bapak abah\tpak   haji.',
  'coblos fotonya, dukung kandidatnya123 ok',
  "dewek'e deweke piyambakipun",
  'pak\u00a0\u00a0haji, Pak Haji, PAK HAJI',
  'coblos 𝐀nya 😀nya ✌️ bunda-nya kalian_',
  'mbak mbak mbak mbak mbak mbak mbak mbak mbak mbak mbak mbak mbak mbak mbak mbak mbak',
  'Ayo coblos nomor 2, sampai 27 November. Pilihannya jelas: beliau! #Menang',
];

/** Every REFERENCE match starting at or after `from` and before `to`, as [index, text]. */
function matches(text: string, from: number, to: number): Array<[number, string]> {
  const found: Array<[number, string]> = [];
  REFERENCE.lastIndex = from;
  for (let m = REFERENCE.exec(text); m && m.index < to; m = REFERENCE.exec(text)) found.push([m.index, m[0]]);
  return found;
}

describe('referenceWindow', () => {
  it('holds every REFERENCE match that starts before the window ends, as in the whole text', () => {
    for (const text of REFERENCE_TEXTS) {
      for (let from = 0; from <= text.length; from++) {
        for (let to = from; to <= text.length; to++) {
          expect(matches(referenceWindow(text, to), from, to), `${JSON.stringify(text)} ${from}-${to}`).toEqual(matches(text, from, to));
        }
      }
    }
  });
});
