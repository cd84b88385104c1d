/**
 * Deterministic fictional data for the screening benchmark: candidate pairs with generated
 * names, and social-media posts of realistic length, a share of them naming candidates.
 * Same seed, same data, on every machine.
 */
import { BASE_VOCABULARY, createNormaliser, editDistance, maxNameEdits, type CandidatePair } from '../../packages/core/src/screening/index.ts';
import { createRng } from '../../packages/core/src/demo/random.ts';

export type Random = () => number;

/** The core's seeded PRNG (mulberry32) as a plain function: the same seed draws the same data. */
export const seededRandom = (seed: number): Random => createRng(seed).next;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const capitalise = (word: string) => word[0].toUpperCase() + word.slice(1);

const SYLLABLES = [
  'ba', 'bu', 'di', 'da', 'ra', 'ri', 'sa', 'si', 'to', 'ti', 'ka', 'ku', 'wa', 'wi', 'ya', 'yu', 'na', 'ni',
  'ma', 'mu', 'la', 'li', 'ha', 'ja', 'ju', 'pa', 'pu', 'ga', 'gu', 'se', 'ne', 'ro', 'lo', 'do', 'de', 'te',
];
const ENDINGS = ['n', 'r', 's', 'h', 'ng', 'di', 'no', 'ti', 'wan', 'yah', 'man', 'sih', 'ono', 'anto', 'wati', 'ningsih'];
const HONORIFICS = ['Mas', 'Mbak', 'Pak', 'Bu', 'Cak', 'Bang', 'Gus', 'Ning', 'Kang', 'Uda'];
const PARTIES = ['PDIP', 'Golkar', 'Gerindra', 'PKB', 'PKS', 'Nasdem', 'Demokrat', 'PAN', 'PPP', 'PSI', 'Perindo', 'Hanura'];
const SLOGAN_WORDS = ['Maju', 'Sejahtera', 'Bangkit', 'Bersatu', 'Hebat', 'Berdaya', 'Mandiri', 'Berkah', 'Juara', 'Makmur', 'Bersinar'];

/** Everyday social-media words, slang and emoji: the body of every post. */
const FILLER = (
  'aku saya kita kami kamu dia yg yang gak nggak ga tidak udah sudah belum bgt banget aja saja lagi lg sama sm ' +
  'dan di ke dari utk untuk dgn dengan ini itu tapi tp karena krn kalo kalau jadi jd terus trs juga masih ' +
  'hari ini besok kemarin pagi siang sore malam minggu senin jumat tanggal bulan tahun jam menit ' +
  'makan minum kopi teh nasi bakso soto sate rendang pempek pecel tempong rujak es jeruk gorengan ' +
  'kerja kantor rapat dinas laporan apel absen gaji cuti lembur tugas sekolah guru murid kuliah ' +
  'jalan macet hujan panas banjir motor mobil bus kereta pasar toko warung masjid rumah kampung desa kota ' +
  'senang sedih capek lelah semangat bagus mantap keren lucu seru enak mahal murah ramai sepi ' +
  'teman temen keluarga anak adik kakak ibu bapak tetangga warga orang semua banyak sedikit ' +
  'wkwk wkwkwk haha hehe anjir astaga alhamdulillah insyaallah amin semoga selamat terima kasih ' +
  'info berita video foto story status update live link cek baca lihat dengar nonton main bola ' +
  'pilkada pemilu kampanye debat calon paslon tps netral asn pns bupati gubernur walikota partai ' +
  '😂 🤣 🙏 👍 🔥 💪 ❤️ 😍 😭 😅 ✌️ 🎉'
).split(' ');
const FILLER_WORDS: ReadonlySet<string> = new Set(FILLER);
/** The filler's words as the normaliser reads them (slang expanded), by first letter. */
const FILLER_BY_LETTER: ReadonlyMap<string, readonly string[]> = (() => {
  const byLetter = new Map<string, string[]>();
  for (const { text } of createNormaliser().normalise(FILLER.join(' '))) {
    if (!/^\p{L}+$/u.test(text)) continue;
    const list = byLetter.get(text[0]) ?? [];
    if (!list.includes(text)) list.push(text);
    byLetter.set(text[0], list);
  }
  return byLetter;
})();

/**
 * Whether the screener would read an everyday word of the posts as a misspelling of `name`
 * (the same first letter, within the edits `maxNameEdits` allows): "Dinah" for "dinas".
 */
function nearFiller(name: string): boolean {
  const limit = maxNameEdits(name.length);
  if (limit === 0) return false;
  return (FILLER_BY_LETTER.get(name[0]) ?? []).some((word) => word.length >= 5 && editDistance(word, name, limit) <= limit);
}

/** A generated person's first name as the lexicon joins it into a pair name, lower case. */
const firstName = (person: { name: string }) => person.name.split(' ')[0].toLowerCase();

function generatedWord(random: Random, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(random, SYLLABLES);
  return word + pick(random, ENDINGS);
}

/**
 * Distinct generated words for names. Words the posts use otherwise are left out ("Teman",
 * "Bagus"), and so are words the screener would take an everyday word for a misspelling of
 * ("Dinah", a spelling of "dinas" to the name fuzzer), so that a post names a candidate only
 * when it was written to.
 */
function wordPool(random: Random, size: number, syllables: number): string[] {
  const pool = new Set<string>();
  while (pool.size < size) {
    const word = generatedWord(random, syllables + Math.floor(random() * 2));
    if (!BASE_VOCABULARY.has(word) && !FILLER_WORDS.has(word) && !nearFiller(word)) pool.add(capitalise(word));
  }
  return [...pool];
}

/**
 * `count` fictional pairs, two to four per region (about 500 regions for 1,500 pairs), each with
 * a full name per person, a nickname for two thirds of them, parties or none, a slogan and hashtags.
 */
export function generatePairs(random: Random, count: number, electionId = 'bench-election'): CandidatePair[] {
  const givenNames = wordPool(random, Math.ceil(count * 1.5), 1);
  const surnames = wordPool(random, count * 2, 2);
  const regionNames = wordPool(random, 600, 2);
  const pairs: CandidatePair[] = [];
  let region = 0;
  while (pairs.length < count) {
    const regionCode = `${11 + (region % 84)}.${String(1 + Math.floor(region / 84)).padStart(2, '0')}`;
    const regionName = regionNames[region % regionNames.length];
    const perRegion = Math.min(2 + Math.floor(random() * 3), count - pairs.length);
    for (let ballotNumber = 1; ballotNumber <= perRegion; ballotNumber++) {
      const person = () => {
        const given = pick(random, givenNames);
        return { name: `${given} ${pick(random, surnames)}`, ...(random() < 2 / 3 ? { nickname: `${pick(random, HONORIFICS)} ${given}` } : {}) };
      };
      const head = person();
      // The pair is also named by its running mates' first names run together ("kulishah" for
      // Kulis and Hah): redraw a deputy whose joined name an everyday word would read as
      // ("kuliah"), as a real pair is not named by accident in one post in nine.
      let deputy = person();
      while (nearFiller(`${firstName(head)}${firstName(deputy)}`) || FILLER_WORDS.has(`${firstName(head)}${firstName(deputy)}`)) deputy = person();
      const independent = random() < 0.1;
      const short = (p: { name: string }) => p.name.split(' ')[0];
      pairs.push({
        id: `bench-${pairs.length + 1}`,
        electionId,
        regionCode,
        ballotNumber,
        head,
        deputy,
        parties: independent ? [] : [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, PARTIES)))],
        independent,
        incumbent: ballotNumber === 1 && random() < 0.3,
        slogans: [`${regionName} ${pick(random, SLOGAN_WORDS)} ${pick(random, SLOGAN_WORDS)}`],
        hashtags: [`#${short(head)}${short(deputy)}`, `#${regionName}${pick(random, SLOGAN_WORDS)}`],
      });
    }
    region++;
  }
  return pairs;
}

const SUPPORT = ['ayo coblos', 'jangan lupa pilih', 'dukung terus', 'menangkan', 'gas pol', 'lanjutkan', 'all in', 'wajib pilih', 'pilihan tepat'];
const OPPOSITION = ['jangan pilih', 'asal bukan', 'tolak', 'cukup satu periode'];
const NEUTRAL = ['menurut KPU', 'kata Bawaslu', 'ujarnya', 'dilansir media', 'sosialisasi netralitas'];

function leet(text: string): string {
  return text.replace(/[aeios]/g, (c) => ({ a: '4', e: '3', i: '1', o: '0', s: '5' })[c] ?? c);
}

/** One way of naming a pair, as people write it. */
function reference(random: Random, pair: CandidatePair): string {
  const short = (p: CandidatePair['head']) => p.name.split(' ')[0];
  switch (Math.floor(random() * 6)) {
    case 0: return pair.head.name;
    case 1: return pair.head.nickname ?? pair.deputy.name;
    case 2: return `${short(pair.head)}-${short(pair.deputy)}`;
    case 3: return `no ${pair.ballotNumber}`;
    case 4: return pair.hashtags[0];
    default: return pair.slogans[0];
  }
}

/**
 * `count` posts of 100–250 characters from everyday social-media words; `mentionShare` of them
 * name a candidate, mostly with a support, opposition or news cue; a few are all caps or leet.
 */
export function generatePosts(random: Random, count: number, pairs: readonly CandidatePair[], mentionShare = 0.2): string[] {
  const posts: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const target = 100 + Math.floor(random() * 151);
    const words: string[] = [];
    let length = 0;
    while (length < target) {
      const word = pick(random, FILLER);
      words.push(word);
      length += word.length + 1;
    }
    if (random() < mentionShare) {
      const cue = random() < 0.75 ? pick(random, pick(random, [SUPPORT, SUPPORT, OPPOSITION, NEUTRAL])) : '';
      const at = Math.floor(random() * words.length);
      words.splice(at, 0, `${cue} ${reference(random, pick(random, pairs))}`.trim());
    }
    let post = words.join(' ');
    const style = random();
    if (style < 0.03) post = post.toUpperCase();
    else if (style < 0.05) post = leet(post);
    posts[i] = post;
  }
  return posts;
}
