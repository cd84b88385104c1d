/**
 * Names as reporters write them ("Drs. H. Bambang Sutejo, M.Si.") reduced to a comparable form
 * ("bambang sutejo"), so two reports about the same civil servant can be recognised even when
 * one spells out the titles and the other does not.
 */

/** Titles written before a name: academic, professional and religious (Haji, Hajjah, Kiai Haji). */
const PREFIX_TITLES = new Set(['prof', 'dr', 'drs', 'dra', 'drg', 'ir', 'h', 'hj', 'kh', 'ust', 'ustadz']);

/**
 * Degrees written after a name, without dots and lower-cased ("S.Pd.I" → "spdi"). Only trailing
 * tokens are compared against this list, so a given name that happens to match (e.g. "Ma")
 * survives unless it is the last word after a real name.
 */
const DEGREES = new Set([
  'amd', 'amdkep', 'amdkeb', 'apt', 'lc', 'ma', 'mag', 'mak', 'map', 'mba', 'me', 'meng', 'mh', 'mhum', 'mkes', 'mkn',
  'mkom', 'mm', 'mp', 'mpd', 'mpdi', 'mph', 'mpsi', 'msc', 'msi', 'mt', 'mth', 'ns', 'phd', 'sag', 'sak', 'se', 'sfarm',
  'sh', 'shi', 'shum', 'shut', 'sip', 'skeb', 'sked', 'skep', 'skes', 'skm', 'skom', 'sp', 'spd', 'spdi', 'spdsd', 'spsi',
  'spt', 'ss', 'ssi', 'ssn', 'ssos', 'sst', 'sstp', 'st', 'sth', 'str',
]);

/**
 * Pre-1972 (van Ophuijsen/Soewandi) spellings still common in names: "Djoko Soesilo" and
 * "Joko Susilo" are the same person more often than not. Only unambiguous pairs are folded.
 */
const OLD_SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/oe/g, 'u'],
  [/dj/g, 'j'],
  [/tj/g, 'c'],
];

const dotless = (token: string) => token.toLowerCase().replace(/\./g, '');

export function normalisePersonName(name: string): string {
  // Degrees conventionally follow a comma: everything after the first one goes.
  const [beforeComma] = name.normalize('NFKC').split(',');
  const tokens = beforeComma.split(/\s+/).filter(Boolean);
  while (tokens.length > 1 && PREFIX_TITLES.has(dotless(tokens[0]))) tokens.shift();
  while (tokens.length > 1 && DEGREES.has(dotless(tokens[tokens.length - 1]))) tokens.pop();

  let folded = tokens
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents: "Dédi" = "Dedi"
    .toLowerCase()
    .replace(/['’`]/g, '') // "Ma'ruf" = "Maruf"
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (const [pattern, modern] of OLD_SPELLINGS) folded = folded.replace(pattern, modern);
  return folded;
}
