import { BALLOT_NUMBER_TEMPLATES, DEFAULT_CUES, HAND_SIGN_TEMPLATES, ORDINAL_NUMBER_TEMPLATES, ORDINAL_WORDS, SALIENT_NUMBER_TEMPLATES, NUMBER_GESTURES, NUMBER_WORDS, type CueList, type CueLists } from './cues.ts';
import { ADDRESS_FORMS, COMMON_NAMES, FEMALE_MARKERS, HONORIFICS, MALE_MARKERS, NAME_TITLES, PARTY_ALIASES } from './names.ts';
import { BASE_VOCABULARY, createNormaliser, type Normaliser } from './normalise.ts';

export interface CandidateName {
  /** Registered name, titles included ("Ir. H. Budi Santoso, M.Si."). */
  name: string;
  /** How the candidate is called ("Mas Budi", "Gus Makki"). */
  nickname?: string;
  /** Other known spellings or forms of the name. */
  variants?: string[];
}

export interface CandidatePair {
  id: string;
  electionId: string;
  /** Kemendagri code of the region the pair runs in ("35.10", "64"). */
  regionCode: string;
  ballotNumber: number;
  head: CandidateName;
  deputy: CandidateName;
  parties: string[];
  independent: boolean;
  incumbent: boolean;
  slogans: string[];
  hashtags: string[];
  /** Names of the pair as a unit, such as acronyms ("BuSi"). */
  aliases?: string[];
}

export type LexiconEntryKind =
  | 'candidate_name'
  | 'pair_name'
  | 'ballot_number'
  | 'party'
  | 'slogan'
  | 'hashtag'
  | 'support_cue'
  | 'opposition_cue'
  | 'neutral_cue';

/** Kinds whose entries name a candidate pair (a party names every pair it backs). */
export const MENTION_KINDS: ReadonlySet<LexiconEntryKind> = new Set([
  'candidate_name', 'pair_name', 'ballot_number', 'party', 'slogan', 'hashtag',
]);

/** Kinds of the general campaign vocabulary, which name no pair. */
export const CUE_KINDS: ReadonlySet<LexiconEntryKind> = new Set(['support_cue', 'opposition_cue', 'neutral_cue']);

export interface LexiconEntry {
  /** The term as written by the registry, the cue list or the user. */
  readonly term: string;
  /** The term's normalised tokens, the sequence the matcher looks for. */
  readonly tokens: readonly string[];
  readonly kind: LexiconEntryKind;
  /** Pairs the term points to; empty for cues. */
  readonly candidatePairIds: readonly string[];
  /** An everyday word or common name that only hints at its meaning; it weighs less. */
  readonly ambiguous: boolean;
  /** The region whose registry or officers own the entry; null for election-wide entries. */
  readonly regionCode: string | null;
  readonly source: 'registry' | 'general' | 'user';
}

/** What the scorer needs to know about a pair to explain itself. */
export interface LexiconCandidate {
  readonly id: string;
  readonly regionCode: string;
  readonly ballotNumber: number;
  /** "Budi Santoso – Siti Aminah (2)". */
  readonly label: string;
}

export interface Lexicon {
  readonly electionId: string;
  readonly candidates: readonly LexiconCandidate[];
  readonly entries: readonly LexiconEntry[];
}

/** A user's change to an election's lexicon, at the scope of one region (or election-wide). */
export interface LexiconEdit {
  electionId: string;
  /** The region the edit is made for; null edits the election-wide entries (cues, user additions). */
  regionCode: string | null;
  action: 'add' | 'remove';
  term: string;
  /** Required to add; to remove, restricts the removal to this kind. */
  kind?: LexiconEntryKind;
  /** Required to add a term of a mention kind. */
  candidatePairIds?: string[];
  ambiguous?: boolean;
}

/**
 * An entry before normalisation: its term, or tokens already normalised; without `ambiguous`,
 * ambiguity is decided by the words.
 */
interface DraftEntry extends Omit<LexiconEntry, 'tokens' | 'ambiguous'> {
  readonly tokens?: readonly string[];
  readonly ambiguous?: boolean;
}

const HONORIFIC = new Set(HONORIFICS);
const TITLE = new Set(NAME_TITLES);
const COMMON_NAME = new Set(COMMON_NAMES);

/**
 * A single word that alone does not identify a candidate: a common given name, an everyday
 * word ("Bagus" is also "good") or a very short one.
 */
function isAmbiguousWord(word: string): boolean {
  return word.length <= 3 || COMMON_NAME.has(word) || BASE_VOCABULARY.has(word);
}

function isAmbiguousPhrase(tokens: readonly string[]): boolean {
  return tokens.length === 0 || (tokens.length === 1 && isAmbiguousWord(tokens[0]));
}

function withoutHonorifics(tokens: readonly string[]): readonly string[] {
  let k = 0;
  while (k < tokens.length - 1 && HONORIFIC.has(tokens[k])) k++;
  return tokens.slice(k);
}

function texts(normaliser: Normaliser, term: string): string[] {
  return normaliser.normalise(term).map((t) => t.text);
}

/**
 * The registered name without degrees and titles: "Ir. H. Budi Santoso, M.Si." → "Budi Santoso".
 * Done on the raw name, before normalisation would read "Dr." as the slang "dr" (dari).
 */
function withoutTitles(name: string): string {
  const words = name.split(',')[0].trim().split(/\s+/);
  const isTitle = (word: string) => TITLE.has(word.toLowerCase().replace(/[^a-z]/g, ''));
  let from = 0;
  let to = words.length;
  while (from < to - 1 && isTitle(words[from])) from++;
  while (to > from + 1 && isTitle(words[to - 1])) to--;
  return words.slice(from, to).join(' ');
}

/** A name of several words is ambiguous only if every word is ("Abdul Rahman", not "Rahman Syahrani"). */
function isAmbiguousName(tokens: readonly string[]): boolean {
  return tokens.every(isAmbiguousWord);
}

/**
 * Builds the entries naming one person: the registered name without titles, without leading
 * honorifics, every run of two or more of its words ("Heru Kuncoro" of "Heru Kuncoro
 * Adinegoro"), the first name, the surname when distinctive, the nickname (with and without its
 * form of address) and the known variants. Returns the short name that pair names are made of.
 */
function personEntries(
  person: CandidateName,
  normaliser: Normaliser,
  draft: (term: string, tokens: readonly string[], ambiguous: boolean) => void,
): { shortName: readonly string[]; firstNames: readonly string[] } {
  const full = texts(normaliser, withoutTitles(person.name));
  const core = withoutHonorifics(full);
  // The whole registered name identifies the candidate even when each word is common.
  draft(person.name, full, core.length < 2 && isAmbiguousPhrase(core));
  for (let from = 0; from < core.length; from++) {
    for (let to = from + 2; to <= core.length; to++) {
      const words = core.slice(from, to);
      draft(words.join(' '), words, words.length < core.length && isAmbiguousName(words));
    }
  }
  if (core.length >= 2) {
    // Not a first name that is an everyday word ("Bagus" is "good", and Javanese "apik" folds into it):
    // alone it names no one; the nickname ("Cak Bagus"), the full name and the pair name still do.
    if (!BASE_VOCABULARY.has(core[0])) draft(core[0], [core[0]], isAmbiguousWord(core[0]));
    // The surname, and any other distinctive word: people call "Heru Kuncoro Adinegoro" "Kuncoro".
    for (const word of core.slice(1)) if (!isAmbiguousWord(word) && word.length >= 5) draft(word, [word], false);
  } else {
    draft(person.name, core, isAmbiguousPhrase(core));
  }
  let shortName: readonly string[] = core.slice(0, 1);
  for (const [index, written] of [person.nickname, ...(person.variants ?? [])].entries()) {
    if (!written) continue;
    const tokens = texts(normaliser, written);
    const bare = withoutHonorifics(tokens);
    draft(written, tokens, isAmbiguousPhrase(bare));
    // Without its form of address, not when that leaves an everyday word ("Cak Bagus" → "bagus").
    if (!(bare.length === 1 && BASE_VOCABULARY.has(bare[0]))) draft(written, bare, isAmbiguousPhrase(bare));
    if (index === 0 && bare.length > 0) shortName = bare;
    // Shortened after the form of address ("Mas Dim", "Bang Fir", "Ning Ret"; set 6): the first three or
    // four letters of a name of five or more, unless they are a word or a common name. Ambiguous.
    if (tokens.length === 2 && bare.length === 1 && HONORIFIC.has(tokens[0]) && bare[0].length >= 5) {
      for (const k of [3, 4]) {
        const prefix = bare[0].slice(0, k);
        if (!BASE_VOCABULARY.has(prefix) && !COMMON_NAME.has(prefix) && !HONORIFIC.has(prefix)) draft(written, [tokens[0], prefix], true);
      }
    }
  }
  // Another form of address before the name people call the candidate by (set 7: "Kang Arya", "Bang Andi",
  // "Puang Tahir", "Kak Firdaus"), and before the last syllables of a long one ("Bang Daus" of Firdaus: four
  // letters or more, not a word or a common name). By the registry's gender; ambiguous, like the nickname alone.
  const gender = genderOf(person, normaliser);
  const forms = [...ADDRESS_FORMS.either, ...(gender === 'm' ? ADDRESS_FORMS.male : gender === 'f' ? ADDRESS_FORMS.female : [])];
  const called = new Set<string>();
  const nickname = person.nickname ? withoutHonorifics(texts(normaliser, person.nickname)) : [];
  for (const word of [...nickname, core[0], ...(COMMON_NAME.has(full[0]) ? [full[0]] : [])]) {
    if (word === undefined || BASE_VOCABULARY.has(word) || (HONORIFIC.has(word) && !COMMON_NAME.has(word)) || word.length < 3) continue;
    called.add(word);
    const tail = lastSyllable(word);
    if (word.length >= 6 && tail.length >= 4 && !BASE_VOCABULARY.has(tail) && !COMMON_NAME.has(tail) && !HONORIFIC.has(tail)) called.add(tail);
  }
  for (const word of called) for (const form of forms) if (form !== word) draft(`${form} ${word}`, [form, word], true);
  // Round 8: the short name after any of those forms as well ("Bu Ret", "Mbak Ret" of Ning Retno, "Pak Her" of Heru,
  // "Mas Ary" of Arya): three or four letters of a name of four or more, never a word, a common name or a form of
  // address ("Bu Sek" stays out: "sek" is "wait"). Ambiguous, like the registry's own shortened form.
  for (const word of called) {
    if (word.length < 4) continue;
    for (const k of [3, 4]) {
      if (k >= word.length) continue;
      const prefix = word.slice(0, k);
      if (BASE_VOCABULARY.has(prefix) || COMMON_NAME.has(prefix) || HONORIFIC.has(prefix)) continue;
      for (const form of forms) draft(`${form} ${prefix}`, [form, prefix], true);
    }
  }
  // "Andi" of "Andi Mappaseng Tahir" is both a Bugis form of address and how people call him.
  return { shortName, firstNames: [...new Set([core[0], full[0]])].filter((w) => w !== undefined) };
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** The last syllable of a name, from the consonant before its last vowels: "firdaus" → "daus". */
function lastSyllable(word: string): string {
  let k = word.length;
  while (k > 0 && !VOWELS.has(word[k - 1])) k--;
  while (k > 0 && VOWELS.has(word[k - 1])) k--;
  return k > 0 ? word.slice(k - 1) : word;
}

/** Two-letter initials of a person's name, nickname and variants ("Ning Laila" → "nl"). */
function personInitials(person: CandidateName, normaliser: Normaliser): Set<string> {
  const out = new Set<string>();
  const initials = (words: readonly string[]) => {
    if (words.length >= 2) out.add(words.slice(0, 2).map((w) => w[0]).join(''));
  };
  initials(withoutHonorifics(texts(normaliser, withoutTitles(person.name))));
  // As written, not normalised: "Bu Sekar" is "BS", not the "IS" of its expansion "ibu sekar".
  for (const written of [person.nickname, ...(person.variants ?? [])]) if (written) initials(written.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean));
  // Only letters: a digit or a slang expansion is not an initial.
  return new Set([...out].filter((i) => /^\p{L}{2}$/u.test(i)));
}

/** The template with every `{n}` replaced by each spelling of each number: "2", "02", "dua", "loro". */
function withNumbers(template: string, numbers: readonly number[]): string[] {
  if (!template.includes('{n}')) return [template];
  return numbers.flatMap((n) =>
    [String(n), ...(n < 10 ? [`0${n}`] : []), ...(NUMBER_WORDS[n] ?? [])].map((spelling) => template.replaceAll('{n}', spelling)),
  );
}

const ALL_NUMBERS = Object.keys(NUMBER_WORDS).map(Number);

function cueDrafts(list: CueList, kind: LexiconEntryKind): DraftEntry[] {
  const drafts = (terms: readonly string[], ambiguous: boolean): DraftEntry[] =>
    terms.flatMap((template) => withNumbers(template, ALL_NUMBERS)).map((term) => ({
      term, kind, ambiguous, candidatePairIds: [], regionCode: null, source: 'general',
    }));
  return [...drafts(list.clear, false), ...drafts(list.ambiguous, true)];
}

/** Words that name a pair by what it is rather than who: the incumbent, the independent pair. */
export const CODED_REFERENCES = {
  incumbent: ['petahana', 'calon petahana', 'paslon petahana', 'sang petahana', 'incumbent'],
  independent: [
    'calon independen', 'paslon independen', 'jalur independen', 'calon perseorangan', 'paslon perseorangan', 'jalur perseorangan',
    'paslon tanpa partai', 'calon tanpa partai', 'maju tanpa partai', 'tanpa kendaraan partai', 'calon non partai', 'paslon non partai',
    'jalur non partai',
    // issue 18, set 6: the route of the KTP (an independent pair collects identity cards), "no party behind it"
    'jalur ktp', 'calon ktp', 'paslon ktp', 'tanpa dukungan partai', 'tidak diusung partai', 'tanpa partai', 'non partai',
    'bukan dari partai', 'tidak ada partai', 'tanpa partai politik', 'tidak punya partai', 'lewat ktp', 'bukan lewat partai',
    // round 8: "dak butuh partai, cukup KTP rakyat"
    'tidak butuh partai', 'cukup ktp', 'modal ktp', 'tidak pakai partai', 'tanpa bantuan partai',
  ],
  /**
   * The office held now ("bupati saiki", "Bu Wali"): the incumbent too, but news says it of anyone
   * in office, and "Pak Bupati" may be the officer's own superior, so ambiguous.
   */
  incumbentOffice: [
    'sudah lima tahun', 'lima tahun menjabat', 'sudah menjabat', 'bupati lama', 'wali kota lama', 'gubernur lama',
    'bupati sing saiki', 'wali kota sing saiki', 'bupati yang sekarang', 'wali kota yang sekarang',
    'bupati sekarang', 'bupati saiki', 'wali kota sekarang', 'wali kota saiki', 'gubernur sekarang', 'yang sedang menjabat', 'sing lagi menjabat',
    'bu bupati', 'pak bupati', 'bu wali', 'pak wali', 'bu wali kota', 'pak wali kota', 'bu gubernur', 'pak gubernur',
    'yang lagi menjabat', 'lagi menjabat', 'masih menjabat', 'saiki menjabat', 'sing saiki njabat',
    // round 8: the one holding the office now, said without the office ("sing nyekel saiki", "yang berkuasa sekarang")
    'sing nyekel saiki', 'yang pegang sekarang', 'yang memegang sekarang', 'yang berkuasa sekarang', 'sing kuasa saiki',
    'yang lagi berkuasa', 'penguasa sekarang', 'sing nyekel kota saiki', 'pas periode iki', 'periode sekarang',
  ],
  /**
   * A second term asked for points at the incumbent only ("dua periode!", "jilid 2"; set 6): ambiguous, as a
   * second term is also national talk and news of term limits. Not the change of office demanded ("ganti
   * bupati", "cukup satu periode"): said beside a challenger's name, it would outrank the pair the post is about.
   */
  incumbentTerm: ['dua periode', '2 periode', 'periode kedua', 'jilid dua', 'jilid 2', 'lanjut periode', 'lanjut dua periode'],
} as const;

/**
 * Descriptions that point at one pair by what sets it apart in its region (issue 18, set 6), each
 * derived from the registry, never written per pair, and each only when one pair of the region fits:
 * the only woman heading a pair ("calon perempuan", Javanese "sing wedok" folds into it), the only
 * woman deputy, a doctor or engineer by title, the challengers of an incumbent, the pair with most
 * parties, the odd or even ballot number and the first or last column of the ballot paper. All
 * ambiguous (news and history say "wali kota perempuan" too): they count only with a cue beside them.
 */
export const DESCRIPTIONS = {
  femaleHead: [
    'calon perempuan', 'cabup perempuan', 'cagub perempuan', 'cawali perempuan', 'calon bupati perempuan', 'calon wali kota perempuan',
    'calon gubernur perempuan', 'bupati perempuan', 'wali kota perempuan', 'gubernur perempuan', 'yang perempuan', 'sing perempuan',
    'wong perempuan', 'satu satunya perempuan', 'perempuan satu satunya', 'kandidat perempuan', 'paslon perempuan', 'srikandi', 'ibu kita',
  ],
  femaleDeputy: [
    'wakil perempuan', 'wakilnya perempuan', 'cawabup perempuan', 'cawagub perempuan', 'cawawali perempuan', 'calon wakil perempuan',
  ],
  doctor: { female: ['bu dokter', 'bu doktor', 'ibu doktor', 'ibu dokter'], male: ['pak dokter', 'pak doktor'], either: ['sang doktor', 'sang dokter'] },
  engineer: { female: ['bu insinyur'], male: ['pak insinyur'], either: ['sang insinyur'] },
  haji: { female: ['bu hajjah', 'bu haji', 'ibu hajjah'], male: ['pak haji'], either: [] as string[] },
  challenger: ['penantang', 'sang penantang', 'calon penantang', 'wajah baru', 'calon baru', 'pemimpin baru', 'yang baru', 'sing baru'],
  mostParties: ['koalisi gemuk', 'koalisi besar', 'diusung banyak partai', 'partai paling banyak'],
  odd: ['angka ganjil', 'nomor ganjil', 'yang ganjil', 'sing ganjil'],
  even: ['angka genap', 'nomor genap', 'yang genap', 'sing genap'],
  first: ['paling kiri', 'sebelah kiri', 'kiri sendiri', 'kolom kiri', 'kotak kiri', 'gambar kiri', 'urutan pertama', 'nomor paling awal'],
  last: ['paling kanan', 'sebelah kanan', 'kanan sendiri', 'kolom kanan', 'kotak kanan', 'gambar kanan', 'nomor buncit', 'nomor terakhir', 'urutan terakhir'],
} as const;

/**
 * References to a candidate by what the registry does not record (set 7): age ("sing enom", "yang sudah tua"),
 * origin ("putra daerah", "wong asli sini", "bukan pendatang"), a former office ("mantan kadis", "mantan camat")
 * or deeds ("yang bangun jembatan"). They cannot say which pair, so they name every pair of the region, ranked
 * as a bare ballot number is; ambiguous, so that only a cue beside them (or the learned model) makes them count.
 * Written as normalised: "enom" is read "muda", "tuwek" "tua", "kene" "sini", "dewek" "sendiri".
 */
const AGE_WORDS = ['muda', 'tua'] as const;
const DEED_WORKS = ['jembatan', 'jalan', 'pasar', 'masjid', 'sekolah', 'puskesmas', 'rumah sakit', 'alun alun', 'bendungan', 'pelabuhan'];

export const VAGUE_REFERENCES: readonly string[] = [
  // age: said of a candidate only with "calon", "paling" or a vote beside it ("pilih sing enom", "yang tua ngalah");
  // "yang muda" alone is any office's young staff
  ...AGE_WORDS.flatMap((age) => [
    `calon ${age}`, `calon yang ${age}`, `calon sing ${age}`, `calon yang paling ${age}`, `calon sing paling ${age}`,
    `yang paling ${age}`, `sing paling ${age}`, `calon yang sudah ${age}`, `calon sing sudah ${age}`,
    ...['pilih', 'memilih', 'dukung', 'coblos', 'ikut', 'ganti', 'kasih', 'pokoknya'].flatMap((verb) => [
      `${verb} yang ${age}`, `${verb} sing ${age}`, `${verb} yang masih ${age}`, `${verb} sing isih ${age}`,
    ]),
    `yang ${age} saja`, `sing ${age} saja`,
  ]),
  'calon termuda', 'yang muda memimpin', 'sing muda mimpin', 'saatnya yang muda', 'wayahe sing muda', 'yang tua ngalah',
  'sing tua ngalah', 'yang tua mundur', 'sing tua leren', 'yang sudah tua itu', 'sing sudah tua iku',
  // origin
  'putra daerah', 'putra asli', 'putri asli', 'anak asli', 'asli sini', 'asli daerah', 'wong asli', 'orang asli',
  'urang asli', 'warga asli', 'wong kita sendiri', 'orang kita sendiri', 'dulur sendiri', 'saudara sendiri',
  'bukan pendatang', 'orang kiriman', 'titipan pusat', 'bukan titipan', 'wong luar', 'orang luar daerah',
  'orang bugis', 'urang banjar', 'orang banjar', 'wong osing', 'urang kutai', 'orang kutai', 'orang dayak',
  'wong madura', 'wong jawa', 'orang jawa', 'wong palembang', 'orang palembang', 'orang betawi', 'anak betawi',
  // a former office, a trade
  'mantan kadis', 'eks kadis', 'mantan kepala dinas', 'pernah jadi kepala dinas', 'mantan camat', 'pernah jadi camat',
  'tahu jadi camat', 'mantan sekda', 'mantan anggota dewan', 'mantan dewan', 'mantan dirut', 'mantan direktur',
  'mantan rektor', 'mantan kapolres', 'mantan dandim', 'mantan pejabat', 'mantan birokrat', 'mantan kades',
  'pengusaha sukses', 'pengusaha tambang', 'ahli komputer', 'orang teknik', 'sing wis pengalaman', 'yang sudah pengalaman',
  // deeds: the work built, not "yang membangun" alone ("kritik yang membangun")
  ...['yang bangun', 'yang membangun', 'sing membangun', 'yang dulu bangun', 'yang dulu membangun'].flatMap((verb) => DEED_WORKS.map((work) => `${verb} ${work}`)),
  // a vote given to "beliau" when no name is written at all ("… coblos beliau"): whom else would one vote for
  'coblos beliau', 'pilih beliau', 'memilih beliau', 'menangkan beliau',
  // round 8: a rival pointed at without a name, to hint at a scandal ("yang satu itu kan pernah dipanggil kejaksaan",
  // "salah satu cagub punya saham di tambang", "calon sing bapake juragan tambang", "saiki arep nyalon maneh")
  'salah satu calon', 'salah satu cagub', 'salah satu cabup', 'salah satu cawali', 'salah satu paslon', 'yang satu itu',
  'calon yang satu', 'calon sing siji', 'calon yang dulu', 'calon sing dulu', 'calon yang pernah', 'calon sing pernah',
  'calon yang katanya', 'calon sing jare', 'calon yang dekat', 'calon sing dekat', 'calon yang bapaknya', 'calon sing bapake',
  'calon yang anaknya', 'calon sing anake', 'calon yang kantornya', 'calon sing kantore', 'ada calon yang', 'nyalon lagi',
  'nyalon maneh', 'sekarang nyalon', 'saiki nyalon', 'arep nyalon', 'mau nyalon', 'yang pernah dipanggil',
];

const FEMALE = new Set(FEMALE_MARKERS);
const MALE = new Set(MALE_MARKERS);
const lettersOf = (word: string) => word.toLowerCase().replace(/[^a-z]/g, '');

/** 'f', 'm' or null, from the forms of address and titles the registry writes ("Hj.", "Bu Sekar"). */
function genderOf(person: CandidateName, normaliser: Normaliser): 'f' | 'm' | null {
  const marks = [
    ...person.name.split(/[\s,]+/).map(lettersOf),
    ...[person.nickname, ...(person.variants ?? [])].flatMap((written) => (written ? texts(normaliser, written).slice(0, 1) : [])),
  ];
  const female = marks.some((w) => FEMALE.has(w));
  const male = marks.some((w) => MALE.has(w));
  return female === male ? null : female ? 'f' : 'm';
}

const hasTitle = (person: CandidateName, titles: readonly string[]) =>
  person.name.split(/[\s,]+/).some((w) => titles.includes(lettersOf(w)) && /\./.test(w));

function descriptionDrafts(pairs: readonly CandidatePair[], normaliser: Normaliser): DraftEntry[] {
  const drafts: DraftEntry[] = [];
  const byRegion = new Map<string, CandidatePair[]>();
  for (const pair of pairs) byRegion.set(pair.regionCode, [...(byRegion.get(pair.regionCode) ?? []), pair]);
  for (const [regionCode, region] of byRegion) {
    if (region.length < 2) continue;
    const add = (chosen: readonly CandidatePair[], terms: readonly string[]) => {
      if (chosen.length === 0 || chosen.length === region.length) return;
      for (const term of terms) {
        drafts.push({ term, kind: 'candidate_name', ambiguous: true, candidatePairIds: chosen.map((p) => p.id), regionCode, source: 'registry' });
      }
    };
    const only = (test: (pair: CandidatePair) => boolean) => {
      const chosen = region.filter(test);
      return chosen.length === 1 ? chosen : [];
    };
    const heads = new Map(region.map((p) => [p.id, genderOf(p.head, normaliser)]));
    const deputies = new Map(region.map((p) => [p.id, genderOf(p.deputy, normaliser)]));
    // Only when every head's (deputy's) gender is known: otherwise "the only woman" may be wrong.
    if ([...heads.values()].every((g) => g !== null)) add(only((p) => heads.get(p.id) === 'f'), DESCRIPTIONS.femaleHead);
    if ([...deputies.values()].every((g) => g !== null)) add(only((p) => deputies.get(p.id) === 'f'), DESCRIPTIONS.femaleDeputy);
    for (const [titles, words] of [[['dr'], DESCRIPTIONS.doctor], [['ir'], DESCRIPTIONS.engineer], [['h', 'hj'], DESCRIPTIONS.haji]] as const) {
      const chosen = only((p) => hasTitle(p.head, titles));
      if (chosen.length === 0) continue;
      const gender = heads.get(chosen[0].id);
      add(chosen, [...words.either, ...(gender === 'f' ? words.female : gender === 'm' ? words.male : [])]);
    }
    if (region.some((p) => p.incumbent)) add(region.filter((p) => !p.incumbent), DESCRIPTIONS.challenger);
    const most = Math.max(...region.map((p) => p.parties.length));
    if (most >= 2) add(only((p) => p.parties.length === most), DESCRIPTIONS.mostParties);
    add(only((p) => p.ballotNumber % 2 === 1), DESCRIPTIONS.odd);
    add(only((p) => p.ballotNumber % 2 === 0), DESCRIPTIONS.even);
    const numbers = region.map((p) => p.ballotNumber);
    add(region.filter((p) => p.ballotNumber === Math.min(...numbers)), DESCRIPTIONS.first);
    add(region.filter((p) => p.ballotNumber === Math.max(...numbers)), DESCRIPTIONS.last);
    for (const term of VAGUE_REFERENCES) {
      drafts.push({ term, kind: 'candidate_name', ambiguous: true, candidatePairIds: region.map((p) => p.id), regionCode, source: 'registry' });
    }
  }
  return drafts;
}

function pairDrafts(pair: CandidatePair, normaliser: Normaliser): DraftEntry[] {
  const drafts: DraftEntry[] = [];
  const add = (term: string, kind: LexiconEntryKind, ambiguous?: boolean, tokens?: readonly string[]) =>
    drafts.push({ term, tokens, kind, ambiguous, candidatePairIds: [pair.id], regionCode: pair.regionCode, source: 'registry' });
  const addName = (term: string, tokens: readonly string[], ambiguous: boolean) => add(term, 'candidate_name', ambiguous, tokens);

  const { shortName: head, firstNames: headFirst } = personEntries(pair.head, normaliser, addName);
  const { shortName: deputy, firstNames: deputyFirst } = personEntries(pair.deputy, normaliser, addName);
  const pairTerm = `${head.join(' ')}–${deputy.join(' ')}`;
  // By the short names ("Tahir–Dayang") and by the first names ("Andi–Dayang", "andidayang").
  const forms: Array<[readonly string[], readonly string[]]> = [[head, deputy]];
  for (const h of headFirst) for (const d of deputyFirst) forms.push([[h], [d]]);
  for (const [h, d] of forms) {
    add(pairTerm, 'pair_name', false, [...h, ...d]);
    add(pairTerm, 'pair_name', false, [...h, 'dan', ...d]);
    add(pairTerm, 'pair_name', false, [[...h, ...d].join('')]);
  }
  for (const alias of pair.aliases ?? []) {
    add(alias, 'pair_name');
    add(alias.toLowerCase(), 'pair_name');
  }
  // Initials of both running mates, as people abbreviate them: "AW-NL" (Arya Wiratama – Ning
  // Laila), "HR-PY" (Haji Rahman – Pak Yohanes). Two letters each, so ambiguous: a cue must stand beside.
  for (const h of personInitials(pair.head, normaliser)) {
    for (const d of personInitials(pair.deputy, normaliser)) add(`${h}-${d}`.toUpperCase(), 'pair_name', true, [h, d]);
  }

  for (const template of BALLOT_NUMBER_TEMPLATES) {
    for (const term of withNumbers(template, [pair.ballotNumber])) add(term, 'ballot_number', false);
  }
  for (const gesture of NUMBER_GESTURES[pair.ballotNumber] ?? []) add(gesture, 'ballot_number', true);
  for (const template of [...SALIENT_NUMBER_TEMPLATES, ...HAND_SIGN_TEMPLATES]) {
    for (const term of withNumbers(template, [pair.ballotNumber])) add(term, 'ballot_number', true);
  }
  for (const template of ORDINAL_NUMBER_TEMPLATES) {
    for (const word of ORDINAL_WORDS[pair.ballotNumber] ?? []) add(template.replace('{n}', word), 'ballot_number', false);
  }
  // "01", "02" on their own: how campaigns write ballot numbers, but also RT 01 / RW 02, so ambiguous.
  if (pair.ballotNumber < 10) add(`0${pair.ballotNumber}`, 'ballot_number', true);

  for (const party of pair.parties) {
    for (const name of [party, ...(PARTY_ALIASES[party] ?? [])]) add(name, 'party');
  }
  for (const slogan of pair.slogans) {
    add(slogan, 'slogan');
    // People quote the end of a slogan ("lebih berdaya", "maju bareng"): ambiguous, as everyday
    // words can say it too, so a cue must stand beside it.
    const words = texts(normaliser, slogan);
    if (words.length >= 3) add(slogan, 'slogan', true, words.slice(-2));
  }
  // Coded references people use instead of a name: "petahana" names the incumbent pair of the
  // region, "calon independen" the pair running without parties (ranked by the account's region).
  if (pair.incumbent) for (const term of CODED_REFERENCES.incumbent) add(term, 'candidate_name');
  if (pair.incumbent) for (const term of CODED_REFERENCES.incumbentOffice) add(term, 'candidate_name', true);
  if (pair.incumbent) for (const term of CODED_REFERENCES.incumbentTerm) add(term, 'candidate_name', true);
  if (pair.independent) for (const term of CODED_REFERENCES.independent) add(term, 'candidate_name');
  for (const hashtag of pair.hashtags) {
    // Both as written (split at case changes) and as typed in lower case (cut by vocabulary).
    const tag = hashtag.replace(/^#/, '');
    add(`#${tag}`, 'hashtag');
    add(`#${tag.toLowerCase()}`, 'hashtag');
  }
  return drafts;
}

/**
 * Normalises drafts and merges those that would match the same tokens for the same kind and
 * region, so the matcher reports each place once per meaning.
 */
function finishEntries(drafts: readonly DraftEntry[], normaliser: Normaliser): LexiconEntry[] {
  const byKey = new Map<string, LexiconEntry>();
  for (const draft of drafts) {
    const tokens = draft.tokens ?? texts(normaliser, draft.term);
    if (tokens.length === 0) continue;
    const ambiguous = draft.ambiguous ?? isAmbiguousPhrase(tokens);
    const key = `${draft.kind}|${draft.regionCode}|${tokens.join(' ')}`;
    const existing = byKey.get(key);
    if (existing) {
      byKey.set(key, {
        ...existing,
        candidatePairIds: [...new Set([...existing.candidatePairIds, ...draft.candidatePairIds])],
        ambiguous: existing.ambiguous && ambiguous,
      });
    } else {
      byKey.set(key, { ...draft, candidatePairIds: [...new Set(draft.candidatePairIds)], tokens, ambiguous });
    }
  }
  return [...byKey.values()];
}

/** Every word of the lexicon: the vocabulary its normaliser needs (hashtag cuts, repeated letters). */
export function lexiconVocabulary(lexicon: Pick<Lexicon, 'entries'>): Set<string> {
  return new Set(lexicon.entries.flatMap((e) => e.tokens));
}

/** A normaliser that knows the lexicon's words: use it for posts screened against the lexicon. */
export function lexiconNormaliser(lexicon: Pick<Lexicon, 'entries'>): Normaliser {
  return createNormaliser(lexiconVocabulary(lexicon));
}

function validatePairs(electionId: string, pairs: readonly CandidatePair[]): void {
  const numbers = new Map<string, string>();
  const ids = new Set<string>();
  for (const pair of pairs) {
    if (pair.electionId !== electionId) {
      throw new Error(`Candidate pair ${pair.id} belongs to election ${pair.electionId}, not ${electionId}`);
    }
    if (ids.has(pair.id)) throw new Error(`Candidate pair ${pair.id} appears twice`);
    ids.add(pair.id);
    if (!Number.isInteger(pair.ballotNumber) || pair.ballotNumber < 1) {
      throw new Error(`Candidate pair ${pair.id} has an invalid ballot number ${pair.ballotNumber}`);
    }
    const slot = `${pair.regionCode}#${pair.ballotNumber}`;
    const other = numbers.get(slot);
    if (other) throw new Error(`Candidate pairs ${other} and ${pair.id} share ballot number ${pair.ballotNumber} in region ${pair.regionCode}`);
    numbers.set(slot, pair.id);
  }
}

/**
 * Builds an election's screening lexicon from its candidate registry plus the general campaign
 * vocabulary. Everything goes through the same normaliser as the posts, so "Pak Budi" in the
 * registry and "pak budi" in a post yield the same tokens.
 */
export function buildLexicon(electionId: string, pairs: readonly CandidatePair[], cues: CueLists = DEFAULT_CUES): Lexicon {
  validatePairs(electionId, pairs);
  const plain = createNormaliser();
  const registryDrafts = (normaliser: Normaliser) => [...pairs.flatMap((pair) => pairDrafts(pair, normaliser)), ...descriptionDrafts(pairs, normaliser)];
  // Two passes: the first learns the registry's words, so that the second can cut lower-case
  // hashtags such as "#budisitilanjutkan" with them.
  const normaliser = lexiconNormaliser({ entries: finishEntries(registryDrafts(plain), plain) });
  const drafts = [
    ...registryDrafts(normaliser),
    ...cueDrafts(cues.support, 'support_cue'),
    ...cueDrafts(cues.opposition, 'opposition_cue'),
    ...cueDrafts(cues.neutral, 'neutral_cue'),
  ];
  return {
    electionId,
    candidates: pairs.map((pair) => ({
      id: pair.id,
      regionCode: pair.regionCode,
      ballotNumber: pair.ballotNumber,
      label: `${pair.head.name} – ${pair.deputy.name} (${pair.ballotNumber})`,
    })),
    entries: finishEntries(drafts, normaliser),
  };
}

function validateAddition(lexicon: Lexicon, edit: LexiconEdit): asserts edit is LexiconEdit & { kind: LexiconEntryKind } {
  if (!edit.kind) throw new Error(`Adding "${edit.term}" needs a kind`);
  const pairIds = edit.candidatePairIds ?? [];
  if (MENTION_KINDS.has(edit.kind) && pairIds.length === 0) {
    throw new Error(`Adding "${edit.term}" as ${edit.kind} needs the candidate pair(s) it names`);
  }
  if (CUE_KINDS.has(edit.kind) && pairIds.length > 0) throw new Error(`A ${edit.kind} names no candidate pair`);
  const known = new Set(lexicon.candidates.map((c) => c.id));
  const unknown = pairIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`Unknown candidate pair(s) ${unknown.join(', ')} in election ${lexicon.electionId}`);
}

/**
 * Applies user edits to an election's lexicon; edits for other elections are ignored. An edit
 * acts at its own scope: a removal for region R removes R's entries with that term (and kind,
 * when given), a removal with regionCode null removes election-wide ones such as the general
 * cues. Additions are owned by the edit's region and, like every entry, match posts from
 * anywhere. Returns a new lexicon.
 */
export function applyLexiconEdits(lexicon: Lexicon, edits: readonly LexiconEdit[]): Lexicon {
  const normaliser = lexiconNormaliser(lexicon);
  let entries: readonly LexiconEntry[] = lexicon.entries;
  for (const edit of edits) {
    if (edit.electionId !== lexicon.electionId) continue;
    const tokens = texts(normaliser, edit.term).join(' ');
    if (edit.action === 'remove') {
      entries = entries.filter(
        (e) => !(e.regionCode === edit.regionCode && e.tokens.join(' ') === tokens && (!edit.kind || e.kind === edit.kind)),
      );
      continue;
    }
    validateAddition(lexicon, edit);
    const addition: DraftEntry = {
      term: edit.term,
      kind: edit.kind,
      candidatePairIds: edit.candidatePairIds ?? [],
      ambiguous: edit.ambiguous,
      regionCode: edit.regionCode,
      source: 'user',
    };
    entries = finishEntries([...entries, addition], normaliser);
  }
  return { ...lexicon, entries };
}
