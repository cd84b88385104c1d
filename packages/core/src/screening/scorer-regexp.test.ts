import { describe, expect, it } from 'vitest';
import { ELECTION_CONTEXT, hasElectionContext, REFERENCE, referenceAfter } from './scorer.ts';

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
  'coblos pak   haji ya pak haji pak  \t haji xpak haji pak',
  '12pak haji _dia dia_ dia1 é beliau \u0345dia xbu bu',
  '𝐀nya 𝐀𝐀nya 😀dia \uDC00dia \uD835dia ЯKANG',
];

/** The same through `referenceAfter`, as the scorer reads them. */
function fastMatches(text: string, from: number, to: number): Array<[number, string, boolean, boolean]> {
  const found: Array<[number, string, boolean, boolean]> = [];
  for (let m = referenceAfter(text, from, to); m; m = referenceAfter(text, m.index + m[0].length, to)) found.push([m.index, m[0], m[1] !== undefined, m[2] !== undefined]);
  return found;
}

/** The REFERENCE matches a search from `from` finds while they start before `to`, as [index, text]. */
function matches(text: string, from: number, to: number): Array<[number, string, boolean, boolean]> {
  const found: Array<[number, string, boolean, boolean]> = [];
  REFERENCE.lastIndex = from;
  for (let m = REFERENCE.exec(text); m && m.index < to; m = REFERENCE.exec(text)) found.push([m.index, m[0], m[1] !== undefined, m[2] !== undefined]);
  return found;
}

describe('referenceAfter', () => {
  it('finds the REFERENCE matches from any position (inside a surrogate pair too) up to any end', () => {
    for (const text of REFERENCE_TEXTS) {
      for (let from = 0; from <= text.length; from++) {
        for (let to = from; to <= text.length; to++) {
          expect(fastMatches(text, from, to), `${JSON.stringify(text)} ${from}-${to}`).toEqual(matches(text, from, to));
        }
      }
    }
  });
});
