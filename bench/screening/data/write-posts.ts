/**
 * Writes the tuning and dev splits of labelled posts (bench/screening/data/posts.jsonl) from
 * hand-written templates and hand-written name, slang and place lists, filled with a seeded PRNG:
 *
 *   npx tsx bench/screening/data/write-posts.ts
 *
 * Every template below was written by hand for the eight fictional pairs of
 * packages/core/src/screening/fixtures/candidates.json, in the styles the issue lists: regional
 * slang (Osing / Jawa Timuran, Palembang, Banjar, Bugis–Makassar), Javanese and Sundanese
 * phrases, misspelled names, abbreviations, emoji, comments, shares, replies, attacks and support,
 * hand signs, event invitations, praise with the voting date, pronoun references, bare ballot
 * numbers, hashtags alone; and the hard negatives. Each template belongs to one split only
 * (one in five goes to "dev"), so the dev split measures posts written in ways the training never saw.
 */
import { writeFileSync } from 'node:fs';

type Stance = 'support' | 'attack' | 'none';
interface Row {
  id: string;
  text: string;
  kind: 'post' | 'comment' | 'share' | 'like' | 'follow';
  asnLinked: boolean;
  regionCode: string;
  label: 'violation' | 'not_violation';
  candidateId?: string;
  stance: Stance;
  category: string;
  split: 'tuning' | 'dev';
}

let seed = 20261204;
function rand(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const chance = (p: number) => rand() < p;

interface Pair {
  id: string;
  region: string;
  accountRegions: string[];
  num: number;
  head: string[];
  deputy: string[];
  /** Misspellings people actually type. */
  typos: string[];
  pair: string[];
  tags: string[];
  slogans: string[];
  parties: string[];
  places: string[];
  dialect: 'osing' | 'jatim' | 'palembang' | 'banjar';
  opponent: string;
  incumbent: boolean;
  /** Namesakes: non-political uses of a name or word. */
  namesakes: string[];
}

const PAIRS: Pair[] = [
  {
    id: 'pilkada2024-3510-1', region: 'Banyuwangi', accountRegions: ['35.10'], num: 1,
    head: ['Mas Arya', 'Arya Wiratama', 'mas arya', 'Raden Arya', 'Mas Arya Wiratama', 'arya wiratama', 'Arya'],
    deputy: ['Ning Laila', 'Laila Khoirunnisa', 'ning laila', 'Laila'],
    typos: ['Arya Wiratma', 'Arya Wiraatama', 'Arya Wiratamma', 'arya wirtama', 'Laila Khoirunisa', 'Laila Khairunnisa', 'Leila Khoirunnisa', 'mas arya wiratma'],
    pair: ['Arya-Laila', 'Arya Laila', 'Arya - Laila', 'Mas Arya & Ning Laila', 'Arya dan Laila', 'ARYA-LAILA', 'aryalaila'],
    tags: ['#AryaLaila', '#BanyuwangiBerdaya', '#aryalaila'], slogans: ['Banyuwangi Lebih Berdaya', 'banyuwangi lebih berdaya'],
    parties: ['PKB', 'Gerindra'], places: ['Genteng', 'Rogojampi', 'Srono', 'Muncar', 'Taman Blambangan', 'Gesibu', 'Kalibaru', 'Glenmore'],
    dialect: 'osing', opponent: 'pilkada2024-3510-2', incumbent: false,
    namesakes: ['Arya anakku', 'Mas Arya bengkel', 'Arya temen kos', 'Laila tetangga sebelah'],
  },
  {
    id: 'pilkada2024-3510-2', region: 'Banyuwangi', accountRegions: ['35.10'], num: 2,
    head: ['Bu Sekar', 'Sekar Ayu Kinanthi', 'bu sekar', 'Bu Sekar Ayu', 'Sekar Ayu', 'Ibu Sekar Ayu Kinanthi', 'Bupati Sekar'],
    deputy: ['Cak Bagus', 'Bagus Prasetyo', 'cak bagus', 'Cak Bagus Prasetyo'],
    typos: ['Sekar Ayu Kinanti', 'Sekar Ayu Kinnthi', 'Sekar Ayu Kinathi', 'Bagus Prasetya', 'Bagus Prasetio', 'Bagus Praseyto', 'Sekar Ayu Kinanthy'],
    pair: ['Sekar-Bagus', 'Sekar Bagus', 'SeBagus', 'Sebagus', 'Bu Sekar & Cak Bagus', 'Sekar dan Bagus', 'SEKAR-BAGUS', 'sekarbagus'],
    tags: ['#SekarBagus', '#SekarBagus2Periode', '#sekarbagus2periode'], slogans: ['Lanjutkan Banyuwangi Hebat', 'lanjutkan banyuwangi hebat'],
    parties: ['PDIP', 'Golkar', 'Nasdem', 'PDI Perjuangan'], places: ['Genteng', 'Cluring', 'Tegaldlimo', 'Pesanggaran', 'Ketapang', 'Kabat', 'Giri'],
    dialect: 'osing', opponent: 'pilkada2024-3510-1', incumbent: true,
    namesakes: ['Warung Bu Sekar', 'Sekar anak saya', 'bagus banget', 'Mbak Sekar penjual jamu'],
  },
  {
    id: 'pilkada2024-1607-1', region: 'Banyuasin', accountRegions: ['16.07'], num: 1,
    head: ['Bang Firdaus', 'Firdaus Halim', 'bang firdaus', 'Firdaus', 'Muhammad Firdaus Halim', 'Bang Firdaus Halim'],
    deputy: ['Ayuk Rini', 'Rini Andayani', 'ayuk rini', 'Ayuk Rini Andayani'],
    typos: ['Firdaus Halin', 'Ferdaus Halim', 'Firdous Halim', 'Bang Firdau', 'Rini Andayni', 'Rini Andayanni', 'Firdaus Haliim', 'Rini Adayani'],
    pair: ['Firdaus-Rini', 'Firdaus Rini', 'FiRi', 'firi', 'Bang Firdaus & Ayuk Rini', 'FIRDAUS-RINI', 'Firdaus dan Rini'],
    tags: ['#FirdausRini', '#BanyuasinBangkit', '#firdausrini'], slogans: ['Banyuasin Bangkit Bersama', 'banyuasin bangkit bersama'],
    parties: ['Gerindra', 'PKS'], places: ['Pangkalan Balai', 'Betung', 'Talang Kelapa', 'Sembawa', 'Rambutan', 'Tanjung Lago'],
    dialect: 'palembang', opponent: 'pilkada2024-1607-2', incumbent: false,
    namesakes: ['Firdaus tukang ojek', 'Rini kasir Indomaret', 'jannatul firdaus', 'Bang Firdaus sopir travel'],
  },
  {
    id: 'pilkada2024-1607-2', region: 'Banyuasin', accountRegions: ['16.07'], num: 2,
    head: ['Pak Heru', 'Heru Kuncoro', 'Heru Kuncoro Adinegoro', 'pak heru kuncoro', 'Heru Adinegoro', 'Kuncoro'],
    deputy: ['Mbak Zahra', 'Anisa Zahra', 'Anisa Zahra Fitriani', 'mbak zahra', 'Zahra Fitriani'],
    typos: ['Heru Koncoro', 'Heru Kuncoroo', 'Heru Kuncor', 'Heru Adinegara', 'Heru Adinegor', 'Anisa Zahra Fitriyani', 'Annisa Zahra Fitriani', 'Heru Kuntjoro'],
    pair: ['Heru-Zahra', 'Heru Zahra', 'Pak Heru & Mbak Zahra', 'HERU-ZAHRA', 'heruzahra', 'Heru dan Zahra'],
    tags: ['#HeruZahra', '#heruzahra'], slogans: ['Banyuasin Baru Tanpa Korupsi', 'banyuasin baru tanpa korupsi'],
    parties: [], places: ['Pangkalan Balai', 'Muara Padang', 'Air Kumbang', 'Makarti Jaya', 'Banyuasin III'],
    dialect: 'palembang', opponent: 'pilkada2024-1607-1', incumbent: false,
    namesakes: ['Pak Heru ketua RT', 'Heru temen mancing', 'Zahra ponakan saya', 'Mbak Zahra MUA'],
  },
  {
    id: 'pilkada2024-3576-1', region: 'Mojokerto', accountRegions: ['35.76'], num: 1,
    head: ['Mas Dimas', 'Dimas Anggoro', 'Dimas Anggoro Putro', 'mas dimas', 'Cak Dimas', 'Dimas Putro'],
    deputy: ['Ning Nurul', 'Nurul Hidayati', 'ning nurul'],
    typos: ['Dimas Anggoro Putra', 'Dimas Angoro', 'Dimas Anggora', 'Dimas Anggoro Puttro', 'Nurul Hidayatti', 'Nurul Hidayti', 'Dimas Anggoroo'],
    pair: ['Dimas-Nurul', 'Dimas Nurul', 'DiNu', 'dinu', 'Mas Dimas & Ning Nurul', 'DIMAS-NURUL', 'Dimas dan Nurul'],
    tags: ['#DimasNurul', '#MojokertoMajuBareng', '#dimasnurul'], slogans: ['Mojokerto Maju Bareng', 'mojokerto maju bareng'],
    parties: ['PKB', 'PAN', 'Demokrat'], places: ['Prajurit Kulon', 'Magersari', 'Kranggan', 'alun-alun Mojokerto', 'Surodinawan', 'Gedongan'],
    dialect: 'jatim', opponent: 'pilkada2024-3576-2', incumbent: false,
    namesakes: ['Dimas anakku', 'Mas Dimas kurir JNE', 'Nurul guru ngaji', 'Dimas ketua kelas'],
  },
  {
    id: 'pilkada2024-3576-2', region: 'Mojokerto', accountRegions: ['35.76'], num: 2,
    head: ['Ning Retno', 'Retno Wulandari', 'Retno Wulandari Sasmita', 'ning retno', 'Bu Retno', 'Retno Sasmita', 'Bu Wali Retno'],
    deputy: ['Cak Agung', 'Agung Setiabudi', 'cak agung'],
    typos: ['Retno Wulandari Sasmitha', 'Retno Sasmitta', 'Retno Wulandri Sasmita', 'Agung Setiabudy', 'Agung Setyabudi', 'Retno Smita', 'Agung Setiabud'],
    pair: ['Retno-Agung', 'Retno Agung', 'Ning Retno & Cak Agung', 'RETNO-AGUNG', 'retnoagung', 'Retno dan Agung'],
    tags: ['#RetnoAgung', '#Retno2Periode', '#retnoagung'], slogans: ['Kota Onde-Onde Makin Sejahtera', 'kota onde onde makin sejahtera'],
    parties: ['PDIP', 'Gerindra', 'PSI'], places: ['Prajurit Kulon', 'Kedundung', 'Meri', 'Balongsari', 'Wates', 'Jl. Majapahit'],
    dialect: 'jatim', opponent: 'pilkada2024-3576-1', incumbent: true,
    namesakes: ['Bu Retno wali kelas', 'Retno penjual onde-onde', 'Agung temen futsal', 'Masjid Agung'],
  },
  {
    id: 'pilkada2024-64-1', region: 'Kaltim', accountRegions: ['64', '64.72', '64.71', '64.02'], num: 1,
    head: ['Haji Rahman', 'Rahman Syahrani', 'Abdul Rahman Syahrani', 'H. Rahman', 'pak rahman syahrani', 'Syahrani'],
    deputy: ['Pak Yohanes', 'Yohanes Lawing', 'yohanes lawing', 'Pak Yohanes Lawing'],
    typos: ['Rahman Syahrni', 'Rahman Sahrani', 'Rahman Syahranni', 'Rahman Syarani', 'Yohanes Lawin', 'Yohannes Lawing', 'Johanes Lawing', 'Rachman Syahrani'],
    pair: ['Rahman-Yohanes', 'Rahman Yohanes', 'RaYo', 'rayo', 'Haji Rahman & Pak Yohanes', 'RAHMAN-YOHANES', 'Rahman dan Yohanes'],
    tags: ['#RahmanYohanes', '#KaltimBerdaulat', '#rahmanyohanes'], slogans: ['Kaltim Berdaulat Energi', 'kaltim berdaulat energi'],
    parties: ['Golkar', 'Nasdem', 'PKS'], places: ['Samarinda', 'Balikpapan', 'Tenggarong', 'Bontang', 'Sangatta', 'Penajam'],
    dialect: 'banjar', opponent: 'pilkada2024-64-2', incumbent: false,
    namesakes: ['Pak Rahman satpam', 'Yohanes anak gereja', 'Rahman tukang bakso', 'Haji Rahman pemilik travel umroh'],
  },
  {
    id: 'pilkada2024-64-2', region: 'Kaltim', accountRegions: ['64', '64.72', '64.71', '64.03'], num: 2,
    head: ['Andi Tahir', 'Andi Mappaseng Tahir', 'Andi Mappaseng', 'pak andi tahir', 'Puang Andi Tahir', 'Mappaseng Tahir'],
    deputy: ['Dayang', 'Dayang Lestari', 'Dayang Lestari Aji', 'Bu Dayang'],
    typos: ['Andi Mapaseng Tahir', 'Andi Mappasseng', 'Andi Mappaseng Tahr', 'Andi Mapaseng', 'Dayang Lestri Aji', 'Dayang Lestari Ajie', 'Andi Mapasseng Tahir'],
    pair: ['Andi-Dayang', 'Andi Dayang', 'Andi Tahir & Dayang', 'ANDI-DAYANG', 'andidayang', 'Andi Tahir dan Dayang'],
    tags: ['#AndiDayang', '#BenuaEtamBersatu', '#andidayang'], slogans: ['Benua Etam Bersatu', 'benua etam bersatu'],
    parties: ['Gerindra', 'PDIP', 'Demokrat'], places: ['Samarinda', 'Balikpapan', 'Kutai Barat', 'Berau', 'Paser', 'Sangasanga'],
    dialect: 'banjar', opponent: 'pilkada2024-64-1', incumbent: false,
    namesakes: ['Andi temen kantor', 'Dayang-dayang keraton', 'Andi anak tetangga', 'Pak Andi guru olahraga'],
  },
];
const byId = new Map(PAIRS.map((p) => [p.id, p]));

const NUM_WORDS: Record<number, string[]> = { 1: ['1', '01', 'satu', 'siji', 'SATU'], 2: ['2', '02', 'dua', 'loro', 'DUA'] };
const HAND: Record<number, string[]> = { 1: ['☝️', '☝', '☝🏻', '☝️☝️'], 2: ['✌️', '✌', '✌🏻', '✌️✌️'] };
const SUPPORT_EMOJI = ['💪', '🔥', '👍', '❤️', '🙏', '💯', '😍', '👏', '✊', '🥰', '🤩', '🫡'];
const ATTACK_EMOJI = ['🤮', '👎', '😤', '🙄', '😒', '🤡', '💩', '😡'];
const DATES = ['27 November', 'tgl 27', '27 Nov', '27/11', 'Rabu 27 November', 'tanggal 27 nanti', 'tgl 27-11-2024', 'hari Rabu tgl 27', '27 nov'];

const DIALECT: Record<Pair['dialect'], { hello: string[]; pals: string[]; bye: string[]; vote: string[]; me: string[]; very: string[] }> = {
  osing: {
    hello: ['Lur,', 'Dulur Using,', 'Sedulur,', 'Rek,', 'Isun ngomong,', 'Kadung riko wong Banyuwangi,'],
    pals: ['dulur', 'sedulur', 'lur', 'riko kabeh', 'wong Using'],
    bye: ['gancang', 'sing usah ragu', 'paran maning', 'gedigi lho', 'isun yakin'],
    vote: ['coblosen', 'pilihen', 'nyoblos', 'coblos', 'milih'], me: ['isun', 'aku', 'kulo'], very: ['temenan', 'banget', 'pol'],
  },
  jatim: {
    hello: ['Rek,', 'Cak,', 'Arek Mojokerto,', 'Ayo rek,', 'Dulur,', 'Koncoku kabeh,'],
    pals: ['rek', 'arek-arek', 'dulur', 'konco', 'cak'],
    bye: ['ojo lali', 'pokoke', 'mbois', 'jos', 'gak onok liyane'],
    vote: ['coblosen', 'pilihen', 'nyoblos', 'coblos', 'milih'], me: ['aku', 'awakku', 'kulo'], very: ['pol', 'poll', 'banget', 'temen'],
  },
  palembang: {
    hello: ['Wong kito galo,', 'Sanak,', 'Kawan,', 'Dulur Banyuasin,', 'Cak mano kabar,', 'Ayo kito,'],
    pals: ['wong kito', 'sanak', 'kawan', 'dulur'],
    bye: ['jingok bae', 'kagek nyesel', 'lemak nian', 'jangan dak milih', 'pacak lah'],
    vote: ['coblos', 'pilih', 'nyoblos', 'milih'], me: ['aku', 'kami', 'wong ini'], very: ['nian', 'nian nian', 'banget'],
  },
  banjar: {
    hello: ['Bubuhan Kaltim,', 'Dangsanak,', 'Ayuha,', 'Sanak saudara,', 'Iye kawan,', 'Daeng,'],
    pals: ['dangsanak', 'bubuhan', 'sanak', 'kawan', 'ki'],
    bye: ['ayuha', 'kada usah ragu', 'tawwa', 'iye', 'pilih mi'],
    vote: ['coblos', 'pilih', 'nyoblos', 'milih', 'pilih mi', 'coblos ki'], me: ['ulun', 'aku', 'saya'], very: ['banar', 'nian', 'tawwa', 'sekali'],
  },
};
const SUNDA = ['Hayu urang', 'Mangga,', 'Sae pisan', 'Abdi mah', 'Urang'];

interface Ctx {
  p: Pair;
  o: Pair;
  typoRate: number;
}

function name(ctx: Ctx, which: 'head' | 'deputy' | 'any', of: Pair = ctx.p): string {
  if (chance(ctx.typoRate)) return pick(of.typos);
  const side = which === 'any' ? (chance(0.7) ? 'head' : 'deputy') : which;
  return pick(side === 'head' ? of.head : of.deputy);
}

function ballot(p: Pair): string {
  const n = pick(NUM_WORDS[p.num]);
  return pick([`nomor ${n}`, `no ${n}`, `no. ${n}`, `nomer ${n}`, `nmr ${n}`, `paslon ${n}`, `nomor urut ${n}`, `no${n}`, `paslon no ${n}`, `nomor ${n}`]);
}

function handSign(p: Pair): string {
  const n = pick(NUM_WORDS[p.num]);
  return pick([`salam ${n} jari`, `salam ${n} jari ${pick(HAND[p.num])}`, pick(HAND[p.num]), `${n} jari ${pick(HAND[p.num])}`, `${pick(HAND[p.num])}${pick(HAND[p.num])}`, `salam ${n} jari`, `${pick(HAND[p.num])} salam ${n} jari`]);
}

function emoji(list: readonly string[], max = 3): string {
  const k = 1 + Math.floor(rand() * max);
  let s = '';
  for (let i = 0; i < k; i++) s += pick(list);
  return s;
}

function fill(template: string, ctx: Ctx): string {
  const d = DIALECT[ctx.p.dialect];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const { p, o } = ctx;
    switch (key) {
      case 'nm': return name(ctx, 'any');
      case 'hd': return name(ctx, 'head');
      case 'dp': return name(ctx, 'deputy');
      case 'typo': return pick(p.typos);
      case 'pr': return chance(ctx.typoRate / 2) ? pick(p.typos) : pick(p.pair);
      case 'no': return ballot(p);
      case 'n': return pick(NUM_WORDS[p.num]);
      case 'hand': return handSign(p);
      case 'hnd': return pick(HAND[p.num]);
      case 'tag': return pick(p.tags);
      case 'slg': return pick(p.slogans);
      case 'party': return p.parties.length ? pick(p.parties) : 'jalur independen';
      case 'reg': return pick([p.region, p.region, p.region.toUpperCase(), p.region.toLowerCase()]);
      case 'place': return pick(p.places);
      case 'date': return pick(DATES);
      case 'emo': return emoji(SUPPORT_EMOJI);
      case 'bad': return emoji(ATTACK_EMOJI, 2);
      case 'hello': return pick(d.hello);
      case 'pals': return pick(d.pals);
      case 'bye': return pick(d.bye);
      case 'vote': return pick(d.vote);
      case 'me': return pick(d.me);
      case 'very': return pick(d.very);
      case 'sunda': return pick(SUNDA);
      case 'onm': return name(ctx, 'any', o);
      case 'ohd': return name(ctx, 'head', o);
      case 'opr': return pick(o.pair);
      case 'ono': return ballot(o);
      case 'otag': return pick(o.tags);
      case 'ohand': return handSign(o);
      case 'namesake': return pick(p.namesakes);
      case 'num': return String(1 + Math.floor(rand() * 30));
      default: throw new Error(`unknown slot {${key}}`);
    }
  });
}

/** [category, stance, template, kind(s)] — stance "attack": the post attacks `p`. */
type Template = readonly [string, Stance, string, ...Row['kind'][]];

const VIOLATIONS: Template[] = [
  // explicit calls to vote
  ['support_call', 'support', '{hello} tgl 27 jgn lupa {vote} {no} {hd} {emo}'],
  ['support_call', 'support', 'Ayo {vote} {pr} {no}!! {tag}'],
  ['support_call', 'support', 'Bismillah, {me} {vote} {hd} dan {dp}. {reg} harus lebih baik {emo}'],
  ['support_call', 'support', 'Sudah mantap pilih {pr}, keluarga besar {place} juga sepakat {emo}'],
  ['support_call', 'support', 'yuk dukung {hd} jd pemimpin {reg}, org baik insyaallah amanah'],
  ['support_call', 'support', 'Wajib coblos {pr} ya {pals}, {bye}', 'post', 'comment'],
  ['support_call', 'support', 'pokoknya {date} coblos {hd}, titik. gak pake nawar'],
  ['support_call', 'support', 'Menangkan {pr}! {slg} {emo}'],
  ['support_call', 'support', 'Sy ASN tapi hati sy utk {hd} 🤫 {no} yaa'],
  ['support_call', 'support', 'mari kita menangkan {pr} satu putaran!! {tag}'],
  ['support_call', 'support', 'Siap memenangkan {hd} {dp} di {place}, relawan sudah bergerak 💪'],
  ['support_call', 'support', 'Dukung terus {hd} sampai menang, jgn kasih kendor'],
  ['support_call', 'support', 'Kalau mau {reg} maju ya pilih {pr}, gak ada pilihan lain'],
  ['support_call', 'support', 'pilihanku wes jelas: {pr} {hnd}'],
  ['support_call', 'support', 'Coblos {hd}!!! {emo}{emo}'],
  ['support_call', 'support', '{sunda} {vote} {pr}, {reg} pasti leuwih hade {emo}'],
  ['support_call', 'support', 'Abdi mah tetep milih {hd}, sae pisan programna'],
  ['support_call', 'support', '{hello} ayo rame-rame ke TPS, coblos {pr} {no}'],
  ['support_call', 'support', 'Keluarga kami solid dukung {pr}. Kalian kapan nyusul? 😄'],
  ['support_call', 'support', 'Insyaallah {date} kita menangkan {hd} 🤲 {tag}'],
  // abbreviations and slang
  ['abbreviation', 'support', 'yg pnting tgl 27 cblos {pr} y gaes, jgn smpe ga dtg ke tps'],
  ['abbreviation', 'support', 'sy dkg {hd} krn progrmny jls, bkn omdo. {no} pokoknya'],
  ['abbreviation', 'support', 'gas trs {pr} smp mnng!! {emo}'],
  ['abbreviation', 'support', 'plh {hd} utk {reg} yg lbh baik, otw {no}'],
  ['abbreviation', 'support', 'dkg pnuh {pr}, tmn2 kntor jg udh sepakat 👍'],
  ['abbreviation', 'support', 'btw klo tgl 27 blm tau mau plh spa, {pr} aja, udh trbukti'],
  ['abbreviation', 'support', 'otw tps, nyoblos {hd} {dp} bismillah, mksh'],
  ['abbreviation', 'support', 'fix no debat, {no} {pr} 💯'],
  ['abbreviation', 'support', 'dr dlu smp skrg ttp {hd}, gk pindah ke lain hati ❤️'],
  // slang cheers: nickname + emoji
  ['slang_cheer', 'support', '{hd} gaskeun {emo}', 'comment', 'post'],
  ['slang_cheer', 'support', 'gaspol {pr} {emo}{emo}', 'comment', 'post'],
  ['slang_cheer', 'support', '{hd} the best lah pokoke {emo}', 'comment'],
  ['slang_cheer', 'support', 'Mantul {hd}, lanjutkan!! {emo}', 'comment'],
  ['slang_cheer', 'support', 'jos gandos {pr} {emo}', 'comment', 'post'],
  ['slang_cheer', 'support', '{hd} {very} {emo} {no} menang', 'comment'],
  ['slang_cheer', 'support', 'hidup {hd}!!! {emo}', 'comment', 'post'],
  ['slang_cheer', 'support', 'sat set {pr} {emo} {tag}', 'comment'],
  ['slang_cheer', 'support', 'Gass {hd} jadi bupati {emo}', 'comment'],
  ['slang_cheer', 'support', '{hd} kereeen pol, wes wayahe! {emo}', 'comment'],
  ['slang_cheer', 'support', 'semangat {hd}, kami bersamamu {emo}', 'comment', 'post'],
  // pronoun / honorific after one mention
  ['pronoun', 'support', 'Kenal {hd} dari jaman beliau masih aktif di desa. Orangnya jujur, merakyat, gak neko-neko. Makanya {date} nanti saya pastikan coblos beliau, insyaallah amanah.'],
  ['pronoun', 'support', '{hd} itu yg bangun jalan di {place}. Dulu becek, skrg mulus. Tgl 27 jangan lupa, pilih beliau ya semua 🙏'],
  ['pronoun', 'support', 'Tadi ketemu {hd} di pasar, ramah banget, mau foto bareng warga. Pokoknya nanti di bilik suara, ibu-ibu tau kan harus coblos siapa 😉 yang tadi itu lho'],
  ['pronoun', 'support', 'Saya tau persis kerja {hd} selama ini buat guru honorer. Makanya ntar di TPS nomor beliau yg saya coblos, gak ada keraguan sedikitpun.'],
  ['pronoun', 'support', '{hd} orangnya sederhana, sholatnya rajin, pinter pula. Wes pokoke njenengan kabeh pilih beliau wae, ora usah bingung {emo}'],
  ['pronoun', 'support', 'Waktu banjir kemarin {hd} turun langsung bantu warga. Orang kayak gini yang harus kita dukung jadi pemimpin. Beliau layak!'],
  ['pronoun', 'support', 'Ada yg nanya kenapa sy ngefans {hd}? krn beliau satu2nya yg peduli sama nasib petani. Tgl 27 coblos beliau, sampeyan gak bakal nyesel'],
  ['pronoun', 'support', 'Baru pulang dari silaturahmi bareng {hd}. Semoga Allah mudahkan langkah ibu/bapak menuju kemenangan, kami siap kawal sampai TPS 🤲'],
  ['pronoun', 'support', 'Pertama kali lihat {hd} pidato langsung jatuh hati sama visinya. Pilihan keluarga kami sudah bulat untuk beliau.'],
  // ballot number as the obvious choice, no verb
  ['ballot_obvious', 'support', 'Udah jelas lah {no}, ngapain ragu {emo}'],
  ['ballot_obvious', 'support', '{reg} butuh perubahan, dan jawabannya cuma satu: {no}'],
  ['ballot_obvious', 'support', 'Yang waras pasti {no} 😎'],
  ['ballot_obvious', 'support', 'sing liyane wes lewat, {no} wae lur', 'post', 'comment'],
  ['ballot_obvious', 'support', 'Nomor berapa? ya {n} lah masa nanya 😂', 'comment'],
  ['ballot_obvious', 'support', 'tim {no} mana suaranyaaa {emo}', 'post', 'comment'],
  ['ballot_obvious', 'support', 'kalau sy sih {no}, sudah terbukti kerjanya nyata'],
  ['ballot_obvious', 'support', '{date} ingat ya, {no}. Cukup itu aja {emo}'],
  ['ballot_obvious', 'support', 'Bapak ibu guru sekalian, kita tahu sama tahu lah ya, {no} 😉🙏'],
  // event invitations
  ['event_invite', 'support', 'Hadir yuk di kampanye akbar {pr} di {place}, Minggu jam 8 pagi. Ada doorprize motor! {tag}'],
  ['event_invite', 'support', 'Undangan: jalan sehat bersama {hd} start {place} besok pagi, ajak keluarga ya {emo}'],
  ['event_invite', 'support', 'Ramaikan deklarasi relawan {pr} malam ini di {place}, kita tunjukkan kekuatan!'],
  ['event_invite', 'support', 'Nanti sore {hd} blusukan ke {place}, ayo sambut rame-rame {pals} {emo}'],
  ['event_invite', 'support', 'Ayo datang ke panggung rakyat {pr} di {place}, ada dangdutan dan makan gratis, jangan lupa bawa kaos {no}'],
  ['event_invite', 'support', 'Besok ngopi bareng {hd} di {place} jam 19.00. Yang mau ikut japri ya, tempat terbatas ☕'],
  ['event_invite', 'support', 'Info kampanye dialogis {hd} bersama guru dan ASN se-{reg}, Sabtu di {place}. Wajib hadir ya rekan2 🙏'],
  ['event_invite', 'support', 'Sapa warga bareng {pr} di {place} Kamis depan, ayo rapatkan barisan {tag}'],
  // praise + voting date
  ['praise_date', 'support', 'Programnya {hd} buat UMKM nyata banget, warung ibu saya dibantu modal. {date} ingat ya {emo}'],
  ['praise_date', 'support', 'Jalan mulus, sekolah gratis, puskesmas 24 jam. Terima kasih {hd}. Sampai ketemu {date} di TPS 😉'],
  ['praise_date', 'support', '{hd} pemimpin yg peduli, bukan cuma janji. Jangan lupa {date}!'],
  ['praise_date', 'support', 'Bangga punya {hd}, kerjanya tuntas. {date} kita tuntaskan juga ya {pals} {emo}'],
  ['praise_date', 'support', 'Visi misi {pr} paling masuk akal di debat semalam. {date} sudah tahu kan harus ke mana 😁'],
  ['praise_date', 'support', 'Respect sama {hd}, dateng sendiri ke rumah warga yg kena musibah. Tanggal 27 saatnya balas budi 🙏'],
  // attacks on the other pair
  ['attack', 'attack', 'Jangan pilih {hd}, janji palsu semua {bad}'],
  ['attack', 'attack', '{hd} cuma pencitraan, 5 thn kemarin ngapain aja? {bad}'],
  ['attack', 'attack', 'Asal bukan {pr} lah, capek dibohongi terus {bad}'],
  ['attack', 'attack', 'ogah milih {hd}, programnya omdo thok {bad}', 'post', 'comment'],
  ['attack', 'attack', '{pr} gagal total urus banjir, masih berani nyalon? malu dong {bad}'],
  ['attack', 'attack', 'Ingat ya {pals}, {hd} itu yg dulu korupsi dana desa. Jangan sampai menang! {bad}'],
  ['attack', 'attack', 'tolak {pr}! {reg} bukan milik keluarga mereka', 'post', 'comment'],
  ['attack', 'attack', 'kok ada yg mau coblos {hd}? otaknya di mana {bad}', 'comment'],
  ['attack', 'attack', 'Gak usah pilih {no}, kualitasnya keliatan pas debat, plonga plongo {bad}'],
  ['attack', 'attack', '{hd} itu boneka oligarki, sadar dong {pals}', 'post', 'comment'],
  ['attack', 'attack', 'Cukup sekali aja {hd}, jangan kasih kesempatan kedua {bad}'],
  ['attack', 'attack', 'Ojo milih {hd}, wes kebukti gak iso kerjo {bad}'],
  ['attack', 'attack', 'jgn mau dibodohi {pr}, bagi2 sembako pas mau pilkada doang {bad}'],
  ['attack', 'attack', 'Kada usah pilih {hd}, banyak janji kada ditepati {bad}'],
  ['attack', 'attack', '{hd} mundur aja deh, malu2in {reg} {bad}', 'comment'],
  ['attack', 'attack', 'Siapa aja asal jangan {hd} 🙄 #GantiBupati'],
  ['attack', 'attack', 'Dak usah milih {hd}, wong kito bukan bodoh {bad}'],
  ['attack', 'attack', 'Waduh, {pr} nyalon lagi? skip, skip, skip {bad}', 'comment', 'post'],
  // hand signs
  ['hand_sign', 'support', '{hand} {pals}, tgl 27 jangan salah {emo}'],
  ['hand_sign', 'support', 'Foto bareng guru2 SD {place}, kompak {hand} 😄 kalian paham kan'],
  ['hand_sign', 'support', 'Salam dari kantor dinas {hand} {tag}'],
  ['hand_sign', 'support', 'kompak {hand} bareng {hd} {emo}'],
  ['hand_sign', 'support', 'Pose wajib minggu ini: {hand} 😉 demi {reg}'],
  ['hand_sign', 'support', 'Ibu-ibu PKK {place} kompak {hand} buat {hd}'],
  ['hand_sign', 'support', 'Pokoknya {hand} sampai menang! {emo}'],
  // hashtags alone
  ['hashtag_only', 'support', '{tag}'],
  ['hashtag_only', 'support', '{tag} {tag}'],
  ['hashtag_only', 'support', '{tag} {emo}'],
  ['hashtag_only', 'support', '{emo} {tag} {emo}'],
  ['hashtag_only', 'support', '{tag} #Pilkada2024 {hnd}'],
  ['hashtag_only', 'support', 'Bismillah {tag}'],
  // misspelled names
  ['misspelled', 'support', 'Ayo coblos {typo} {emo}'],
  ['misspelled', 'support', 'dukung trs {typo}, bismillah menang'],
  ['misspelled', 'support', '{typo} pilihan kami sekeluarga, insyaallah amanah {emo}'],
  ['misspelled', 'support', 'pilih {typo} tgl 27 yaa {pals}'],
  ['misspelled', 'support', 'Semangat pak/bu {typo}, kami siap menangkan 💪'],
  ['misspelled', 'attack', 'jangan pilih {typo}, terbukti ingkar janji {bad}'],
  ['misspelled', 'attack', '{typo} cuma modal baliho doang, skip {bad}'],
  ['misspelled', 'support', 'mantab {typo}, lanjutken {emo}', 'comment'],
  // regional language
  ['regional', 'support', '{hello} {date} {vote} {hd} yo, {bye} {emo}'],
  ['regional', 'support', '{me} wes mantep {vote} {pr}, {bye}'],
  ['regional', 'support', '{hello} {hd} iku apik {very}, {vote} ae {no}'],
  ['regional', 'support', 'Ayo {pals}, {vote} {hd}, {reg} kudu maju {emo}'],
  ['regional', 'support', '{me} wong {reg} asli, {vote} {pr} {very}'],
  ['regional', 'attack', '{hello} ojo {vote} {hd}, {bye} {bad}'],
  ['regional', 'attack', '{me} kada handak {hd} jadi pemimpin, banyak bohongnya {bad}'],
  ['regional', 'support', 'Sampeyan kabeh ojo lali, {date} {vote} {hd} {emo}'],
  ['regional', 'support', 'Ayo mi {vote} {hd}, tawwa mantap sekali programnya {emo}'],
  ['regional', 'support', 'Kito galo pilih {pr} nian, dak katek yang lain {emo}'],
  ['regional', 'support', 'Ulun pilih {hd} ai, bubuhan sekampung sudah sepakat {emo}'],
  // shares with comment
  ['share', 'support', 'Setuju 100% 👆 {pr} {no}', 'share'],
  ['share', 'support', '{hd}: "Kami akan gratiskan seragam sekolah" 👏👏 ini baru pemimpin', 'share'],
  ['share', 'support', 'Video kampanye {pr} di {place}, rame pol! {tag}', 'share'],
  ['share', 'support', 'Bagikan sebanyak2nya! {slg} {tag}', 'share'],
  ['share', 'support', 'Baliho baru {pr} di perempatan {place}, keren {emo}', 'share'],
  ['share', 'attack', 'Nih rekam jejak {hd}, masih mau pilih? {bad}', 'share'],
  ['share', 'attack', 'Fakta2 kegagalan {pr} selama menjabat, sebarkan! {bad}', 'share'],
  ['share', 'support', 'Relawan {hd} buka posko di {place}, yg mau gabung merapat', 'share'],
  // replies
  ['reply', 'support', '@{num}warga betul kak, makanya tgl 27 kita coblos {hd} aja', 'comment'],
  ['reply', 'support', 'Bener bgt min, {pr} emang layak 2 periode', 'comment'],
  ['reply', 'attack', 'Halah {hd} mah gitu2 aja, ganti lah', 'comment'],
  ['reply', 'support', 'Setuju sama komen di atas, {hd} pilihan paling masuk akal {emo}', 'comment'],
  ['reply', 'support', '@admin kapan {hd} ke {place} lagi? kami siap sambut 💪', 'comment'],
  ['reply', 'attack', 'Buzzer {pr} mulai keluar nih 😂 jangan percaya, pilih yg lain aja', 'comment'],
  // likes and follows by ASN
  ['engagement', 'support', 'Ayo coblos {pr} {no}! {tag}', 'like'],
  ['engagement', 'support', 'Relawan {pr} Official', 'follow'],
  ['engagement', 'support', '{hd} (Calon Bupati {reg} {no})', 'follow'],
  ['engagement', 'support', 'Kampanye akbar {pr} dihadiri ribuan warga {place} {tag}', 'like'],
  ['engagement', 'support', '{slg} bersama {pr} {emo}', 'like'],
  // party + candidate
  ['party', 'support', 'Kader {party} wajib menangkan {hd}, instruksi jelas!'],
  ['party', 'support', '{party} solid di belakang {pr}, {reg} menang {emo}'],
  // slogan-led
  ['slogan', 'support', '{slg}! bersama {hd} kita bisa {emo}'],
  ['slogan', 'support', '{slg} 🔥 {tag}'],
  ['slogan', 'support', 'Yakin {slg} kalau {pr} yg pimpin'],
  ['incumbent', 'support', '{hd} sudah terbukti, lanjutkan 2 periode! {emo}'],
  ['incumbent', 'attack', '5 tahun {hd} gak ada yg berubah. Cukup satu periode! {bad}'],
  // second voice: longer posts, forwards, questions, comparisons, threads
  ['support_call', 'support', '*PESAN BERANTAI* Mohon disebarkan ke grup keluarga: {date} kita kompak pilih {pr}. {slg}. Terima kasih 🙏'],
  ['support_call', 'support', 'Bapak/Ibu, kalau ditanya pilih siapa, jawab saja {hd}. Sudah teruji, sudah terbukti.'],
  ['support_call', 'support', 'Nitip pesan ke yg di rumah: {pr} ya, jgn yg lain 😁'],
  ['support_call', 'support', 'Sdh sy sampaikan ke warga RT sy, semua sepakat coblos {pr}. Alhamdulillah'],
  ['support_call', 'support', '{hd} or nothing 💯 {tag}'],
  ['support_call', 'support', 'Bukan kampanye ya, cuma ngingetin aja: {no} 😉'],
  ['comparison', 'support', '{ohd} cuma janji, {hd} sudah bukti. Pilih yg sudah bukti dong {emo}'],
  ['comparison', 'support', 'Bandingin aja programnya, {pr} jauh lebih masuk akal drpd {opr}'],
  ['comparison', 'attack', 'Yg satu kerja nyata, yg satu cuma pencitraan. Tebak sendiri lah, pokoknya bukan {hd} 🙄'],
  ['question', 'support', 'Siapa yang mau ikut aku nyoblos {hd} besok? angkat tangan 🙋'],
  ['question', 'attack', 'Masih ada yang percaya janjinya {hd}? Saya sih nggak. Cukup!'],
  ['question', 'support', 'Kenapa harus {pr}? Karena mereka satu-satunya yg punya program jelas buat guru. Paham kan {pals}?'],
  ['pronoun', 'support', 'Kemarin {hd} mampir ke sekolah kami. Beliau dengar keluhan guru satu per satu. Kalau bukan beliau, siapa lagi? Tgl 27 saya tahu harus ke mana 🙏'],
  ['pronoun', 'support', 'Gak banyak pemimpin kayak {hd}. Dia datang pas kampung kami kebanjiran, bukan pas mau pilkada doang. Makanya suara saya buat dia.'],
  ['pronoun', 'attack', 'Dulu {hd} janji bangun pasar, sampai sekarang mana? Dia cuma datang pas butuh suara. Jangan ketipu dua kali.'],
  ['ballot_obvious', 'support', 'Yang lain boleh bingung, saya sih udah mantap {no} dari awal 😌'],
  ['ballot_obvious', 'support', 'angka favorit bulan ini: {n} {hnd} hehe'],
  ['ballot_obvious', 'support', 'Apapun pertanyaannya, jawabannya {no} 😂{emo}'],
  ['slang_cheer', 'support', 'wkwk {hd} kocak tapi keren, lanjut bos {emo}', 'comment'],
  ['slang_cheer', 'support', 'idola emak2 nih {hd} {emo}', 'comment'],
  ['slang_cheer', 'support', 'auto coblos {hd} 😎', 'comment', 'post'],
  ['slang_cheer', 'support', 'MANTAP {pr} 👍👍', 'comment'],
  ['event_invite', 'support', 'Jangan lupa ya besok pagi senam bareng {hd} di {place}, kaos dibagi gratis {emo}'],
  ['event_invite', 'support', 'Sholawatan dan doa bersama untuk kemenangan {pr} malam Jumat di {place}. Hadir ya jamaah'],
  ['event_invite', 'support', 'Rombongan dari {place} berangkat jam 7 ke kampanye {hd}, yg mau ikut kumpul di balai desa'],
  ['praise_date', 'support', 'Makasih {hd} sudah perbaiki irigasi sawah kami. Petani gak lupa, {date} kami balas 🌾'],
  ['praise_date', 'support', 'Sejak {hd} memimpin, pelayanan KTP cuma sehari jadi. Rabu nanti kita pertahankan ya {pals}'],
  ['attack', 'attack', 'Program {hd} itu copas semua dari daerah lain, gak kreatif. Mau dibawa ke mana {reg}? {bad}'],
  ['attack', 'attack', 'Pendukung {pr} kok pada kasar2 ya. Pemimpinnya gimana? ogah deh'],
  ['attack', 'attack', 'Jangan sampai {reg} dipimpin {hd}, bisa mundur 10 tahun {bad}'],
  ['attack', 'attack', '{hd} dulu pernah tersangkut kasus, masa mau dipilih lagi? mikir {pals}'],
  ['attack', 'attack', 'Baliho {hd} di mana-mana tapi kerjanya nol. Sayang duitnya {bad}'],
  ['hand_sign', 'support', 'Kompak dong {hand} kayak {hd} 😁'],
  ['hand_sign', 'support', 'Tim {hd} foto bareng ibu2 pengajian, semua {hand} {emo}'],
  ['hashtag_only', 'support', 'Pagi semua {emo} {tag}'],
  ['hashtag_only', 'support', '{tag} 🙏🙏🙏'],
  ['misspelled', 'support', 'vote {typo} yaa bestie {emo}'],
  ['misspelled', 'attack', 'ogah sama {typo}, kerjanya gak jelas {bad}'],
  ['regional', 'support', 'Hayu urang sadaya milih {hd}, pamingpin nu jujur {emo}'],
  ['regional', 'support', 'Isun sing bakal pindah, tetep {pr} sampek menang, riko?'],
  ['regional', 'support', 'Wong kito galo la tau, {hd} yang paling pacak ngurus Banyuasin'],
  ['regional', 'attack', 'Dangsanak, jangan pilih {hd}, kada pernah datang ke kampung kita {bad}'],
  ['share', 'support', 'Repost: jadwal kampanye {pr} minggu ini, catat ya {pals}', 'share'],
  ['share', 'support', 'Lagu kampanye {pr} enak bgt, auto hafal 🎶 {tag}', 'share'],
  ['reply', 'support', 'Bener, sy jg udah mantap ke {hd}. Dari keluarga besar juga sama', 'comment'],
  ['reply', 'attack', '@{num}warga {hd} itu yg bikin pasar sepi, lupa ya?', 'comment'],
];

const NEGATIVES: Template[] = [
  // news and quotes
  ['news', 'none', 'KPU {reg} menetapkan {pr} sebagai pasangan calon dengan nomor urut {n}, ujar Ketua KPU.'],
  ['news', 'none', 'Debat publik kedua calon {reg}: {pr} dan {opr} adu gagasan soal kesehatan, Selasa malam.'],
  ['news', 'none', 'Bawaslu {reg} memanggil tim kampanye {pr} terkait APK di fasilitas umum, kata Ketua Bawaslu.'],
  ['news', 'none', 'Dilansir Antara, {hd} menyampaikan visi misi di hadapan nelayan {place}.'],
  ['news', 'none', '"Pilih pemimpin yang jujur," kata {hd} dalam kampanye di {place}, dikutip dari media lokal.'],
  ['news', 'none', 'Survei terbaru: elektabilitas {pr} {num} persen, {opr} {num} persen. Margin of error 3,5%.'],
  ['news', 'none', 'Quick count sementara: {pr} unggul tipis di {reg}, KPU minta warga tunggu hasil resmi.'],
  ['news', 'none', 'Paslon {pr} melaporkan dana kampanye ke KPU {reg}, menurut siaran pers.', 'post', 'share'],
  ['news', 'none', 'Berita: {hd} cuti kampanye, Sekda ditunjuk sebagai Plh, ujar Kabag Hukum.', 'share', 'post'],
  ['news', 'none', 'Tim hukum {pr} menggugat hasil rekapitulasi ke MK, jelasnya kepada wartawan.'],
  ['news', 'none', 'Reporter kami mewawancarai {hd} soal program air bersih. Simak selengkapnya di kanal berita.', 'share'],
  ['news', 'none', 'Pengamat: peluang {pr} dan {opr} masih terbuka, tergantung pemilih muda.'],
  ['news', 'none', 'Dalam debat {hd} berjanji "coblos saya, jalan desa mulus", tegasnya. Tim {opr} menanggapi dingin.'],
  ['news', 'none', 'Hasil rekapitulasi KPU: {pr} {num},2%, {opr} {num},8%. Penetapan pekan depan.'],
  ['news', 'none', 'Cek fakta: video {hd} bagi-bagi uang adalah hoaks, hasil editan, kata Kominfo.', 'post', 'share'],
  ['news', 'none', 'Kampanye {pr} di {place} diwarnai hujan, massa tetap bertahan, dilansir media setempat.'],
  ['news', 'none', 'Ketua tim pemenangan {pr} mengklaim menang di {num} kecamatan, ujarnya saat konferensi pers.'],
  // satire and jokes
  ['satire', 'none', 'Paslon nomor 3: nasi padang 🤣 pilihan rakyat lapar'],
  ['satire', 'none', 'Debat tadi malam lucu, {hd} salah sebut nama kecamatan 🤣🤣 wkwk'],
  ['satire', 'none', '{pr} vs {opr} kayak final Piala Dunia aja, grup WA keluarga panas 😅'],
  ['satire', 'none', 'Yg nyoblos {hd} dapet kaos, yg nyoblos {ohd} dapet nasi kotak, aku netral dapet capek 😂'],
  ['satire', 'none', 'Baliho {hd} segede gaban nutupin papan nama warung, sampe pembeli nyasar 😂'],
  ['satire', 'none', 'Musim pilkada: tiba2 semua orang jadi pengamat politik di grup RT 🤣'],
  ['satire', 'none', 'Mending pilih tidur siang daripada debat politik sama mertua wkwk'],
  ['satire', 'none', 'Kucing saya ikut debat: meong nomor 1, meong nomor 2. Netral dia 🐱'],
  // neutral civic calls
  ['civic', 'none', 'Ayo ke TPS {date}, gunakan hak pilihmu. Jangan golput! 🇮🇩'],
  ['civic', 'none', 'Siapapun pilihanmu, datang ke TPS {date} ya. Suaramu menentukan {reg} 5 tahun ke depan.'],
  ['civic', 'none', 'Semoga {reg} lebih berdaya siapapun bupatinya nanti, yang penting damai 🙏'],
  ['civic', 'none', 'Pilkada damai, beda pilihan tetap saudara. Jaga persatuan {pals}!'],
  ['civic', 'none', 'Cek nama kamu di DPT lewat cekdptonline.kpu.go.id sebelum {date} ya'],
  ['civic', 'none', 'Pilih pemimpin yang jujur dan amanah, tolak politik uang. Pilkada {reg} damai!'],
  ['civic', 'none', 'Mari sukseskan pilkada {reg} {date}, datang ke TPS, pilih sesuai hati nurani.'],
  ['civic', 'none', 'Pemilih pemula, jangan lupa bawa KTP ke TPS {date}. Gunakan hak suaramu 🗳️'],
  ['civic', 'none', 'Kalau ada yg bagi amplop, tolak & laporkan ke Bawaslu. Pilkada bersih!'],
  ['civic', 'none', 'Semoga {reg} maju bareng, damai dan sejahtera, siapapun yang terpilih 🤲'],
  // official announcements
  ['official', 'none', 'PENGUMUMAN: Kantor Dinas libur pada hari pemungutan suara {date}. Pelayanan dibuka kembali keesokan harinya.'],
  ['official', 'none', 'KPU {reg} membuka pendaftaran KPPS untuk pilkada 2024, syarat lengkap di website resmi.'],
  ['official', 'none', 'Jadwal debat publik pasangan calon {reg} ditetapkan KPU: {date} pukul 19.00 WIB di {place}.'],
  ['official', 'none', 'Surat edaran Sekda: ASN wajib netral dalam pilkada, dilarang foto dengan pose jari yang menunjukkan keberpihakan.'],
  ['official', 'none', 'Bawaslu {reg} membuka posko pengaduan pelanggaran pilkada di {place}.'],
  ['official', 'none', 'KPU umumkan nomor urut: {pr} nomor {n}, {opr} nomor berikutnya. Pengundian berjalan lancar.', 'post', 'share', 'like'],
  ['official', 'none', 'Info resmi: distribusi logistik pilkada ke {num} TPS di {place} selesai hari ini.'],
  // neutrality reminders
  ['neutrality', 'none', 'Ingat ya rekan ASN, jangan like, komen, atau share postingan paslon manapun. Netralitas harga mati!'],
  ['neutrality', 'none', 'Pengingat: ASN dilarang foto pose 1 atau 2 jari di masa kampanye. Jaga netralitas 🙏'],
  ['neutrality', 'none', 'Sosialisasi netralitas ASN hari ini di aula kantor, bersama Bawaslu {reg}.'],
  ['neutrality', 'none', 'Kami ASN {reg} siap netral dalam pilkada. Tidak memihak {pr} maupun {opr}.'],
  ['neutrality', 'none', 'Tetap netral ya bapak ibu guru, hak pilih rahasia, cukup di bilik suara.'],
  ['neutrality', 'none', 'ASN boleh hadir ke TPS, tapi jangan kampanye. Sanksi menanti, kata BKN.'],
  // namesakes
  ['namesake', 'none', '{namesake} hari ini ulang tahun, selamat ya semoga panjang umur 🎂'],
  ['namesake', 'none', 'Tadi ketemu {namesake} di pasar, katanya harga cabe naik lagi'],
  ['namesake', 'none', 'Dicari: {namesake}, hp nya ketinggalan di warung kopi. Hubungi saya ya'],
  ['namesake', 'none', 'Kalau {namesake} menang lomba mancing, traktir bakso ya wkwk'],
  ['namesake', 'none', 'Selamat atas pernikahan {namesake}, semoga sakinah mawaddah warahmah 💍'],
  ['namesake', 'none', '{namesake} juara 1 lomba 17an, mantap pol 🏆'],
  ['namesake', 'none', 'Heru temen kantorku kalau main catur pasti menang, jagoan kita emang 😂'],
  ['namesake', 'none', 'Anakku milih Dimas jadi ketua kelas, soalnya Dimas bawa permen 🤣'],
  ['namesake', 'none', 'Sayang banget hari ini hujan terus, jemuran gak kering2 😩'],
  ['namesake', 'none', 'Bagus banget hasil panen tahun ini, alhamdulillah 🌾'],
  // greetings without politics
  ['greeting', 'none', 'Selamat ulang tahun {hd}, semoga sehat selalu 🎂', 'post', 'comment'],
  ['greeting', 'none', 'Turut berduka cita atas wafatnya ibunda {hd}. Semoga husnul khotimah 🤲', 'post', 'comment'],
  ['greeting', 'none', 'Selamat Hari Raya Idul Fitri {hd} sekeluarga, mohon maaf lahir batin 🙏', 'comment'],
  ['greeting', 'none', 'Semoga lekas sembuh {hd}, Allah angkat penyakitnya', 'comment'],
  ['greeting', 'none', 'Selamat Natal {hd} dan keluarga, damai selalu 🎄', 'comment'],
  // everyday numbers and finger poses
  ['everyday_number', 'none', 'Antri nomor {n} di puskesmas dari jam 7 😩'],
  ['everyday_number', 'none', 'Alhamdulillah anak saya ranking {n} di kelas 🥹'],
  ['everyday_number', 'none', 'Pilih mana: bakso atau mie ayam? nomor 2 sih 😋'],
  ['everyday_number', 'none', 'Promo beli 1 gratis 1 di {place}, buruan! 🛍️'],
  ['everyday_number', 'none', 'Kamar nomor {n} hotel ini view-nya bagus banget'],
  ['everyday_number', 'none', 'Juara {n} lomba voli antar kantor, alhamdulillah 🏐'],
  ['everyday_number', 'none', 'Tim kami nomor {n} di klasemen liga kampung, gas terus!'],
  ['finger_pose', 'none', 'Liburan ke pantai bareng keluarga ✌️ seneng banget'],
  ['finger_pose', 'none', 'Peace ✌️ jangan marah ya gaes'],
  ['finger_pose', 'none', 'Wisuda hari ini ✌️🎓 alhamdulillah'],
  ['finger_pose', 'none', 'Tunggu sebentar ☝️ aku ambil kopi dulu'],
  ['finger_pose', 'none', 'Selfie dulu sebelum rapat ✌️😁'],
  ['finger_pose', 'none', 'Satu hal yg pasti ☝️ hidup harus tetap bersyukur'],
  ['finger_pose', 'none', 'Anak-anak TK lomba foto gaya, pose dua jari semua ✌️ lucu banget'],
  // everyday with slogan words / campaign vocabulary but no candidate
  ['everyday', 'none', 'Ayo dukung UMKM lokal {reg}, beli produk tetangga 🛍️'],
  ['everyday', 'none', 'Coblos balon pakai jarum, anak-anak ketawa semua 🎈'],
  ['everyday', 'none', 'Jangan pilih kasih sama anak, semuanya sama-sama disayang'],
  ['everyday', 'none', 'Tim futsal kantor menang telak 5-0, gas terus! 🔥'],
  ['everyday', 'none', 'Pemimpin yang baik itu mendengar, bukan cuma bicara. Catatan rapat hari ini.'],
  ['everyday', 'none', 'Kopi pilihan terbaik pagi ini ☕ mantap'],
  // non-ASN engagements (likes, follows by accounts not linked to an ASN are not violations)
  ['non_asn', 'none', 'Ayo coblos {pr} {no}! {tag}', 'like'],
  ['non_asn', 'none', 'Relawan {pr} Official', 'follow'],
  // second voice: hard negatives
  ['news', 'none', 'Tim pemenangan {pr} mengajak warga "coblos nomor {n}", namun Bawaslu mengingatkan soal aturan kampanye.'],
  ['news', 'none', 'VIDEO: Suasana kampanye akbar {pr} di {place}, ribuan massa hadir. (sumber: kanal berita lokal)', 'share', 'post'],
  ['news', 'none', 'Menurut rilis tim {hd}, program unggulan mereka adalah sekolah gratis. Tim {ohd} belum berkomentar.'],
  ['news', 'none', 'Pasangan {pr} resmi mendaftar ke KPU {reg} diantar ribuan pendukung, Rabu (28/8).'],
  ['news', 'none', '{hd} dilaporkan ke Bawaslu karena diduga melibatkan ASN dalam kampanye di {place}.'],
  ['news', 'none', 'Debat: {hd} sebut "pilih pemimpin yang sudah terbukti", {ohd} balas "perubahan itu perlu". Simak ulasannya.'],
  ['satire', 'none', 'Ramalan zodiak hari ini: Leo jangan pilih kasih, Virgo pilih istirahat 😂'],
  ['satire', 'none', 'Grup WA keluarga: om dukung {hd}, tante dukung {ohd}, aku dukung yg traktir makan 🤣'],
  ['satire', 'none', 'Tukang parkir depan kantor lebih konsisten dari janji politisi manapun wkwk'],
  ['civic', 'none', 'Beda pilihan boleh, beda rasa jangan. Salam damai untuk semua pendukung paslon di {reg} 🤝'],
  ['civic', 'none', 'Mari kawal TPS masing-masing, awasi penghitungan suara, laporkan kecurangan ke Bawaslu'],
  ['civic', 'none', 'Datang ke TPS {date}, bawa undangan C6 dan KTP. Jangan lupa cek nama di DPT.'],
  ['official', 'none', 'Jadwal kampanye rapat umum: {pr} di {place} tgl {num}, paslon lain di lokasi berbeda. Info resmi KPU {reg}.'],
  ['official', 'none', 'KPU {reg}: surat suara paslon nomor 1 dan 2 sudah tiba di gudang logistik, pengamanan oleh Polres.'],
  ['neutrality', 'none', 'ASN {reg} diimbau tidak hadir kampanye {pr} maupun {opr}. Pelanggaran akan diproses.'],
  ['neutrality', 'none', 'Hati-hati rekan guru, jangan ikut foto pose jari saat kunjungan calon ke sekolah. Jaga netralitas.'],
  ['namesake', 'none', 'Info: {namesake} buka jasa service AC, murah dan bergaransi 👍'],
  ['namesake', 'none', 'Selamat untuk {namesake} yang lulus CPNS tahun ini, semoga amanah 👏'],
  ['namesake', 'none', 'Nasi goreng {namesake} emang paling mantap se-{reg}, wajib coba 🔥'],
  ['greeting', 'none', 'Terima kasih {hd} sudah hadir di pernikahan adik saya, semoga sehat selalu 🙏', 'post', 'comment'],
  ['greeting', 'none', 'Selamat hari guru, termasuk untuk {hd} yang dulu pernah mengajar di SD kami 🌸'],
  ['complaint', 'none', 'Jalan di {place} rusak parah, mohon Pemkab segera perbaiki. Sudah lapor berkali-kali.'],
  ['complaint', 'none', 'Bupati siapa pun nanti, tolong urus sampah di {place} ya, baunya sampai ke sekolah 😷'],
  ['question', 'none', 'Ada yang tau visi misi {pr} dan {opr} lengkapnya di mana? mau baca dulu sebelum milih'],
  ['question', 'none', 'Debat kedua kapan ya? pengen nonton {hd} sama {ohd} adu program'],
  ['everyday_number', 'none', 'Nomor urut lomba agustusan: tim kami dapat nomor {n}, doakan menang 🏆'],
  ['everyday_number', 'none', 'Satu jari ☝️ untuk satu tujuan: lulus ujian tahun ini, aamiin'],
  ['finger_pose', 'none', 'Foto studio anak saya, gayanya ✌️ terus, gak mau ganti 😆'],
];

function rows(): Row[] {
  const out: Row[] = [];
  const seen = new Set<string>();
  const emit = (templates: Template[], prefix: string, perTemplate: number, violation: boolean) => {
    templates.forEach(([category, stance, template, ...kinds], t) => {
      const split: Row['split'] = t % 5 === 2 ? 'dev' : 'tuning';
      let made = 0;
      for (let tries = 0; made < perTemplate && tries < perTemplate * 8; tries++) {
        const p = pick(PAIRS);
        const o = byId.get(p.opponent)!;
        const ctx: Ctx = { p, o, typoRate: category === 'misspelled' ? 0 : 0.12 };
        let text = fill(template, ctx);
        if (chance(0.08)) text = text.toLowerCase();
        else if (chance(0.04)) text = text.toUpperCase();
        if (seen.has(text)) continue;
        seen.add(text);
        const kind = kinds.length > 0 ? pick(kinds) : chance(0.15) ? 'comment' : 'post';
        const nonAsn = category === 'non_asn';
        const asnLinked = nonAsn ? false : violation ? chance(0.95) || kind === 'like' || kind === 'follow' : chance(0.85);
        const regionCode = pick(p.accountRegions);
        out.push({
          id: `${prefix}${String(out.length + 1).padStart(4, '0')}`,
          text,
          kind,
          asnLinked,
          regionCode,
          label: violation ? 'violation' : 'not_violation',
          ...(violation ? { candidateId: p.id } : {}),
          stance,
          category,
          split,
        });
        made++;
      }
    });
  };
  emit(VIOLATIONS, 't', 8, true);
  emit(NEGATIVES, 't', 15, false);
  return out;
}

const all = rows();
const out = new URL('./posts.jsonl', import.meta.url);
writeFileSync(out, `${all.map((r) => JSON.stringify(r)).join('\n')}\n`);
const count = (f: (r: Row) => boolean) => all.filter(f).length;
console.log(
  `${all.length} posts: tuning ${count((r) => r.split === 'tuning')} (${count((r) => r.split === 'tuning' && r.label === 'violation')} violations), dev ${count((r) => r.split === 'dev')} (${count((r) => r.split === 'dev' && r.label === 'violation')} violations)`,
);
