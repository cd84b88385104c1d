import type { CandidateDirectory } from './directory.ts';
import { MENTION_KINDS, type LexiconEntry } from './lexicon.ts';
import type { LexiconHit } from './matcher.ts';
import { contributions, describeSource, linearScore, postFeatures, type Contribution, type CueFeature, type FeatureGroup, type FeatureHashing, type PostFeatures, type ScreeningModel } from './model.ts';
import type { NormalisedToken } from './normalise.ts';

/** What the account did: wrote a post or comment, re-shared content, liked it, followed an account. */
export type PostKind = 'post' | 'comment' | 'share' | 'like' | 'follow';

export interface ScreenablePost {
  /** The post's text; for a like, the liked content; for a follow, the followed account's name and bio. */
  text: string;
  kind: PostKind;
  /** Whether the account is linked to an ASN in the register. */
  asnLinked: boolean;
  /** Region of the account's ASN, when known: settles which pair a bare ballot number means. */
  regionCode?: string;
}

export type ScreeningCategory = 'likely_support' | 'likely_opposition' | 'mention_only' | 'irrelevant';

export type MentionKind = 'candidate_name' | 'pair_name' | 'ballot_number' | 'party' | 'slogan' | 'hashtag';

type EngagementKind = 'share' | 'like' | 'follow';

/**
 * Weights of the explainable score. The score is the sum of the reasons' weights, clamped to
 * 0..100; a post at or above `threshold` is queued for human triage.
 */
export interface ScoringConfig {
  /** Score from which a post is "likely support/opposition". */
  threshold: number;
  /** Tokens between a cue and a candidate mention within which the cue is "near" it. */
  nearWindow: number;
  /**
   * The same for an ambiguous mention (a first name, "Bu Sekar"): only a cue right beside it
   * ("pilih Heru") makes it the candidate; "Heru temanku ... pasti menang" is someone else.
   */
  ambiguousNearWindow: number;
  /** Weight of the strongest mention of the most likely pair, per kind of mention. */
  mentionWeights: Readonly<Record<MentionKind, number>>;
  /** Weight of the strongest support cue near the mention. */
  supportCue: number;
  /** Weight of the strongest opposition cue near the mention ("jangan pilih", "asal bukan"). */
  oppositionCue: number;
  /** Added for each further cue about the same pair, up to `maxExtraCues` of them. */
  extraCue: number;
  maxExtraCues: number;
  /** Factor for a cue farther than `nearWindow` from every mention. */
  farCueFactor: number;
  /**
   * The same when the post names one pair only: a far cue can hardly be about anyone else
   * ("Kenal Mas Arya dari dulu ... tgl 27 coblos beliau").
   */
  soleGroupFarCueFactor: number;
  /**
   * Added when a hand sign of the pair's ballot number (☝, ✌, "salam dua jari") stands in the
   * same post as the pair's name, hashtag or slogan: the sign is then tied to the pair.
   */
  handSign: number;
  /** Factor for ambiguous entries: common first names, everyday words, ✌. */
  ambiguousFactor: number;
  /**
   * Sharing, liking or following content that names a candidate is itself a prohibited act for
   * an ASN (SKB 2022, A06). For likes and follows the words are someone else's, so their cues
   * do not count; the engagement does.
   */
  engagement: Readonly<Record<EngagementKind, number>>;
  /** Added when the account is linked to an ASN and the post names a candidate. */
  asnLinked: number;
  /** Subtracted for each neutral cue (news reporting verbs, election bodies, disclaimers). */
  neutralCue: number;
  /** Cap on the total subtracted for neutral cues. */
  maxNeutralPenalty: number;
  /** How many pairs a result lists: a bare ballot number can name one pair in every region. */
  maxCandidatePairs: number;
  /**
   * The learned model (model.ts) that adds or subtracts points for what the cues miss, with the
   * words behind them; null scores with the cues alone.
   */
  model: ScreeningModel | null;
  /** How many of the model's strongest features a reason names. */
  modelReasonFeatures: number;
}

/**
 * Defaults, chosen on principle and checked against the tuning split of the labelled posts:
 * a clear call to vote next to a full name (20 + 40) reaches the threshold on its own; a bare
 * mention, even by an ASN (20 + 15), does not; two reporting verbs (−20) pull a quoted call
 * below it, and a first name alone (10) needs a clear cue and an ASN account to get there.
 */
export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  threshold: 60,
  nearWindow: 8,
  ambiguousNearWindow: 2,
  mentionWeights: { pair_name: 25, hashtag: 25, slogan: 20, candidate_name: 20, ballot_number: 20, party: 10 },
  supportCue: 40,
  oppositionCue: 40,
  extraCue: 5,
  maxExtraCues: 2,
  farCueFactor: 0.5,
  soleGroupFarCueFactor: 0.75,
  handSign: 25,
  ambiguousFactor: 0.5,
  engagement: { share: 20, like: 30, follow: 30 },
  asnLinked: 15,
  neutralCue: 10,
  maxNeutralPenalty: 40,
  maxCandidatePairs: 10,
  model: null,
  modelReasonFeatures: 3,
};

export type ReasonCode =
  | 'candidate_mention'
  | 'hand_sign'
  | 'support_cue'
  | 'opposition_cue'
  | 'engagement'
  | 'asn_account'
  | 'neutral_context'
  | 'model';

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface ScoreReason {
  readonly code: ReasonCode;
  /** Points this reason adds (negative: subtracts). */
  readonly weight: number;
  /** Explanation in Indonesian (the UI's default language). */
  readonly id: string;
  /** Explanation in English. */
  readonly en: string;
  readonly spans: readonly TextSpan[];
}

export interface ScreeningResult {
  readonly score: number;
  readonly category: ScreeningCategory;
  /** Pairs the post refers to, the most likely first (at most `maxCandidatePairs`). */
  readonly candidatePairIds: readonly string[];
  /** How many pairs the post's mentions name in all. */
  readonly candidatePairCount: number;
  /**
   * For a flagged post, whether it supports or attacks its first pair (an attack counts against
   * the attacked pair, which is listed first); null below the threshold.
   */
  readonly stance: 'support' | 'attack' | null;
  readonly reasons: readonly ScoreReason[];
  /** Spans of the original text behind the reasons, sorted and merged. */
  readonly highlights: readonly TextSpan[];
}

const KIND_LABEL: Readonly<Record<MentionKind, { id: string; en: string }>> = {
  candidate_name: { id: 'nama calon', en: 'candidate name' },
  pair_name: { id: 'nama pasangan', en: 'pair name' },
  ballot_number: { id: 'nomor urut', en: 'ballot number' },
  party: { id: 'partai pengusung', en: 'backing party' },
  slogan: { id: 'slogan', en: 'slogan' },
  hashtag: { id: 'tagar', en: 'hashtag' },
};

const ENGAGEMENT_LABEL: Readonly<Record<EngagementKind, { id: string; en: string }>> = {
  share: { id: 'Membagikan konten yang menyebut calon', en: 'Shared content naming a candidate' },
  like: { id: 'Menyukai konten yang menyebut calon', en: 'Liked content naming a candidate' },
  follow: { id: 'Mengikuti akun yang menyebut calon', en: 'Followed an account naming a candidate' },
};

function isEngagement(kind: PostKind): kind is EngagementKind {
  return kind === 'share' || kind === 'like' || kind === 'follow';
}

/** Tokens between two hits; 0 when they touch or overlap. */
function gap(a: LexiconHit, b: LexiconHit): number {
  return Math.max(0, a.tokenStart - b.tokenEnd, b.tokenStart - a.tokenEnd);
}

/**
 * Drops a cue that lies inside a longer cue: "pilih" in "jangan pilih" is not a call to vote,
 * "tolak" in "tolak politik uang" opposes nobody. Of two cues on the same span the clear one stays.
 */
function outermostCues(cues: readonly LexiconHit[]): LexiconHit[] {
  return cues.filter((cue, i) =>
    !cues.some((other, j) => {
      if (j === i || other.tokenStart > cue.tokenStart || other.tokenEnd < cue.tokenEnd) return false;
      const sameSpan = other.tokenStart === cue.tokenStart && other.tokenEnd === cue.tokenEnd;
      if (!sameSpan) return true;
      return other.entry.kind === cue.entry.kind && (other.entry.ambiguous === cue.entry.ambiguous ? j < i : !other.entry.ambiguous);
    }),
  );
}

const IRRELEVANT: ScreeningResult = Object.freeze({
  score: 0,
  category: 'irrelevant',
  candidatePairIds: Object.freeze([]),
  candidatePairCount: 0,
  stance: null,
  reasons: Object.freeze([]),
  highlights: Object.freeze([]),
});

/** Added to a cue's distance from a mention that is not near it, so near mentions always win. */
const FAR = 1e6;

interface CueEvidence {
  readonly hit: LexiconHit;
  readonly weight: number;
  readonly near: boolean;
}

/** An entry the post mentions, with every place it does ("✌✌✌" is one mention, three hits). */
interface Mention {
  readonly index: number;
  readonly entry: LexiconEntry;
  readonly hits: LexiconHit[];
  readonly weight: number;
}

/**
 * Pairs named by exactly the same mentions share all their evidence, so the scorer works on
 * such groups and never on pairs one by one: a bare "nomor 2" or ✌ names one pair in every
 * region at once, and must cost no more than a name.
 */
interface PairGroup {
  readonly mentions: readonly Mention[];
  /** The strongest of the mentions. */
  readonly best: Mention;
  /** The group's pairs: those of its one mention, except the ones in `excluded` (named by other mentions too). */
  readonly pairIds: readonly string[];
  readonly excluded: ReadonlyMap<string, unknown> | null;
  readonly size: number;
  readonly support: CueEvidence[];
  readonly opposition: CueEvidence[];
}

interface RankedGroup {
  readonly group: PairGroup;
  /** The group's pairs in the account's region. */
  readonly local: readonly string[];
  readonly total: number;
}

const pairSets = new WeakMap<LexiconEntry, ReadonlySet<string>>();

function pairSet(entry: LexiconEntry): ReadonlySet<string> {
  let set = pairSets.get(entry);
  if (!set) pairSets.set(entry, (set = new Set(entry.candidatePairIds)));
  return set;
}

function factorOf(entry: LexiconEntry, config: ScoringConfig): number {
  return entry.ambiguous ? config.ambiguousFactor : 1;
}

function mentionsOf(mentionHits: readonly LexiconHit[], config: ScoringConfig): Mention[] {
  const byEntry = new Map<LexiconEntry, Mention>();
  for (const hit of mentionHits) {
    const mention = byEntry.get(hit.entry);
    if (mention) mention.hits.push(hit);
    else {
      const weight = config.mentionWeights[hit.entry.kind as MentionKind] * factorOf(hit.entry, config);
      byEntry.set(hit.entry, { index: byEntry.size, entry: hit.entry, hits: [hit], weight });
    }
  }
  return [...byEntry.values()];
}

function newGroup(members: readonly Mention[], pairIds: readonly string[], excluded: PairGroup['excluded'], size: number): PairGroup {
  const best = members.reduce((x, y) => (y.weight > x.weight ? y : x));
  return { mentions: members, best, pairIds, excluded, size, support: [], opposition: [] };
}

function groupPairs(mentions: readonly Mention[]): PairGroup[] {
  // Mentions naming the very same pairs ("✌" and "nomor 2": the matcher gives them one pair
  // list) are one namer; pairs named by several namers (a name and its ballot number) are found
  // from the smaller side of each two.
  const byList = new Map<readonly string[], Mention[]>();
  for (const mention of mentions) {
    const same = byList.get(mention.entry.candidatePairIds);
    if (same) same.push(mention);
    else byList.set(mention.entry.candidatePairIds, [mention]);
  }
  const namers = [...byList.values()];
  if (namers.length === 1) {
    const pairIds = mentions[0].entry.candidatePairIds;
    return pairIds.length > 0 ? [newGroup(mentions, pairIds, null, pairIds.length)] : [];
  }
  const shared = new Map<string, Mention[][]>();
  for (let a = 0; a < namers.length; a++) {
    for (let b = a + 1; b < namers.length; b++) {
      const [setA, setB] = [pairSet(namers[a][0].entry), pairSet(namers[b][0].entry)];
      const [small, large] = setA.size <= setB.size ? [setA, setB] : [setB, setA];
      for (const id of small) {
        if (!large.has(id)) continue;
        const namersOfPair = shared.get(id) ?? [];
        for (const namer of [namers[a], namers[b]]) if (!namersOfPair.includes(namer)) namersOfPair.push(namer);
        shared.set(id, namersOfPair);
      }
    }
  }
  const bySignature = new Map<string, { members: Mention[]; ids: string[] }>();
  for (const [id, namersOfPair] of shared) {
    const members = namersOfPair.flat().sort((x, y) => x.index - y.index);
    const key = members.map((m) => m.index).join(',');
    const signature = bySignature.get(key);
    if (signature) signature.ids.push(id);
    else bySignature.set(key, { members, ids: [id] });
  }
  const groups = [...bySignature.values()].map(({ members, ids }) => newGroup(members, ids, null, ids.length));
  for (const namer of namers) {
    let sharedHere = 0;
    for (const namersOfPair of shared.values()) if (namersOfPair.includes(namer)) sharedHere++;
    const pairIds = namer[0].entry.candidatePairIds;
    if (pairIds.length > sharedHere) groups.push(newGroup(namer, pairIds, sharedHere > 0 ? shared : null, pairIds.length - sharedHere));
  }
  return groups;
}

function* membersOf(group: PairGroup): Generator<string> {
  for (const id of group.pairIds) if (!group.excluded?.has(id)) yield id;
}

function hasPair(group: PairGroup, id: string): boolean {
  return group.excluded ? pairSet(group.best.entry).has(id) && !group.excluded.has(id) : group.pairIds.includes(id);
}

/**
 * Gives a support or opposition cue to the pairs of the mention(s) it is closest to: near a
 * mention first (an ambiguous one only right beside it), then by distance, a mention right after
 * the cue counting as slightly nearer ("pilih Budi"). Far cues count by `farCueFactor`.
 */
function assignCue(cue: LexiconHit, mentions: readonly Mention[], groups: readonly PairGroup[], config: ScoringConfig): void {
  const farFactor = groups.length === 1 ? config.soleGroupFarCueFactor : config.farCueFactor;
  const closeness = mentions.map((mention) => {
    const window = mention.entry.ambiguous ? config.ambiguousNearWindow : config.nearWindow;
    let closest = Infinity;
    for (const hit of mention.hits) {
      const tokens = gap(cue, hit);
      closest = Math.min(closest, (tokens <= window ? 0 : FAR) + tokens + (hit.tokenStart >= cue.tokenEnd ? 0 : 0.5));
    }
    return closest;
  });
  const closest = Math.min(...closeness);
  const near = closest < FAR;
  const support = cue.entry.kind === 'support_cue';
  const weight = (support ? config.supportCue : config.oppositionCue) * factorOf(cue.entry, config) * (near ? 1 : farFactor);
  for (const group of groups) {
    if (group.mentions.some((m) => closeness[m.index] === closest)) (support ? group.support : group.opposition).push({ hit: cue, weight, near });
  }
}

/** Ranks groups by evidence; ties go to pairs of the account's region, then to the earlier mention. */
function rankGroups(groups: readonly PairGroup[], post: ScreenablePost, directory: CandidateDirectory, config: ScoringConfig): RankedGroup[] {
  const localPairs = post.regionCode === undefined ? [] : directory.localTo(post.regionCode);
  return groups
    .map((group) => ({
      group,
      local: localPairs.filter((id) => hasPair(group, id)),
      total: group.best.weight + cueTotal(group.support, config) + cueTotal(group.opposition, config),
    }))
    .sort(
      (a, b) =>
        b.total - a.total ||
        Number(b.local.length > 0) - Number(a.local.length > 0) ||
        a.group.best.hits[0].tokenStart - b.group.best.hits[0].tokenStart,
    );
}

/** The most likely pairs, at most `max`: each group's local pairs first. */
function listPairs(ranked: readonly RankedGroup[], max: number): string[] {
  const ids: string[] = [];
  for (const { group, local } of ranked) {
    for (const source of [local, membersOf(group)]) {
      for (const id of source) {
        if (ids.length === max) return ids;
        if (!ids.includes(id)) ids.push(id);
      }
    }
  }
  return ids;
}

function cueTotal(cues: readonly CueEvidence[], config: ScoringConfig): number {
  if (cues.length === 0) return 0;
  let best = 0;
  for (const cue of cues) best = Math.max(best, cue.weight);
  return best + Math.min(cues.length - 1, config.maxExtraCues) * config.extraCue;
}

/** The words of the hits as written, quoted, each once: "Coblos", "Budi". */
function quote(text: string, hits: readonly LexiconHit[]): string {
  const words: string[] = [];
  for (const hit of hits) {
    const word = `"${text.slice(hit.start, hit.end)}"`;
    if (!words.includes(word)) words.push(word);
  }
  return words.join(', ');
}

/** Sorted, overlapping spans merged. Few spans: an insertion sort. */
function mergeSpans(reasons: readonly ScoreReason[]): TextSpan[] {
  const sorted: TextSpan[] = [];
  for (const r of reasons) {
    for (const span of r.spans) {
      let k = sorted.length;
      while (k > 0 && (sorted[k - 1].start > span.start || (sorted[k - 1].start === span.start && sorted[k - 1].end > span.end))) k--;
      sorted.splice(k, 0, span);
    }
  }
  const merged: TextSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged;
}

function reason(code: ReasonCode, weight: number, id: string, en: string, hits: readonly LexiconHit[] = []): ScoreReason {
  const spans: TextSpan[] = [];
  for (const hit of hits) spans.push({ start: hit.start, end: hit.end });
  return { code, weight: Math.round(weight), id, en, spans };
}

function cueReason(code: ReasonCode, cues: readonly CueEvidence[], text: string, config: ScoringConfig, id: string, en: string): ScoreReason {
  const hits = cues.map((c) => c.hit);
  const quoted = quote(text, hits);
  const near = cues.some((c) => c.near);
  return reason(
    code,
    cueTotal(cues, config),
    `${id} ${quoted} ${near ? 'di dekat sebutan calon' : 'di unggahan yang sama'}`,
    `${en} ${quoted} ${near ? 'near the candidate mention' : 'elsewhere in the post'}`,
    hits,
  );
}

/** Mentions that name a pair by what is its own: not a number every region's pair shares, nor a party. */
const NAMING_KINDS: ReadonlySet<string> = new Set(['candidate_name', 'pair_name', 'hashtag', 'slogan']);

/** ☝, ✌ or "salam 2 jari", "dua jari". */
function isHandSign(entry: LexiconEntry): boolean {
  return entry.tokens.some((t) => t === 'jari' || /\p{Extended_Pictographic}/u.test(t));
}

/** The reasons behind the score of a post whose most likely pairs are `best`, led by `pairId`. */
function explain(post: ScreenablePost, best: PairGroup, pairId: string, neutral: readonly LexiconHit[], directory: CandidateDirectory, config: ScoringConfig): ScoreReason[] {
  const label = best.size > 1 ? `${directory.label(pairId)} (+${best.size - 1})` : directory.label(pairId);
  const kind = KIND_LABEL[best.best.entry.kind as MentionKind];
  const words = quote(post.text, best.best.hits.slice(0, 1));
  const mentionHits: LexiconHit[] = [];
  for (const mention of best.mentions) mentionHits.push(...mention.hits);
  const reasons = [reason('candidate_mention', best.best.weight, `Menyebut ${label} lewat ${kind.id} ${words}`, `Names ${label} through the ${kind.en} ${words}`, mentionHits)];
  const signs = best.mentions.filter((m) => m.entry.kind === 'ballot_number' && isHandSign(m.entry));
  if (signs.length > 0 && best.mentions.some((m) => NAMING_KINDS.has(m.entry.kind)) && post.kind !== 'like' && post.kind !== 'follow') {
    const hits = signs.flatMap((m) => m.hits);
    const quoted = quote(post.text, hits);
    reasons.push(reason('hand_sign', config.handSign, `Isyarat jari nomor urut ${quoted} bersama nama pasangan`, `Hand sign of the ballot number ${quoted} with the pair's name`, hits));
  }
  if (best.support.length > 0) reasons.push(cueReason('support_cue', best.support, post.text, config, 'Ajakan atau dukungan', 'Support cue'));
  if (best.opposition.length > 0) reasons.push(cueReason('opposition_cue', best.opposition, post.text, config, 'Ajakan menolak', 'Opposition cue'));
  if (isEngagement(post.kind)) {
    const engagement = ENGAGEMENT_LABEL[post.kind];
    reasons.push(reason('engagement', config.engagement[post.kind], `${engagement.id} (SKB 2022 A06)`, `${engagement.en} (SKB 2022 A06)`));
  }
  if (post.asnLinked) reasons.push(reason('asn_account', config.asnLinked, 'Akun terhubung dengan ASN', 'Account linked to an ASN'));
  if (neutral.length > 0) {
    let penalty = 0;
    for (const cue of neutral) penalty += config.neutralCue * factorOf(cue.entry, config);
    const quoted = quote(post.text, neutral);
    reasons.push(reason('neutral_context', -Math.min(config.maxNeutralPenalty, penalty), `Konteks berita atau netral: ${quoted}`, `News or neutral context: ${quoted}`, neutral));
  }
  return reasons;
}


function band(value: number, edges: readonly number[]): number {
  let k = 0;
  while (k < edges.length && value >= edges[k]) k++;
  return k;
}

/**
 * What the explainable cues found, as the model's categorical features: the kind of the leading
 * mention, support and opposition cues near or far, neutral context, the kind of post, the ASN
 * link, how many pairs are named, whether the pair runs in the account's region, the cue score.
 */
function cueFeatures(post: ScreenablePost, ranked: readonly RankedGroup[], neutral: readonly LexiconHit[], cueScore: number, tokenCount: number): CueFeature[] {
  const best = ranked[0].group;
  const kind = best.best.entry.kind as MentionKind;
  const f: CueFeature[] = [[`mention:${kind}`, `sebutan lewat ${KIND_LABEL[kind].id}`, `named through a ${KIND_LABEL[kind].en}`]];
  if (best.best.entry.ambiguous) f.push(['mention:ambiguous', 'sebutan ambigu', 'ambiguous mention']);
  for (const k of new Set(best.mentions.map((m) => m.entry.kind))) if (k !== kind) f.push([`also:${k}`, `juga ${KIND_LABEL[k as MentionKind].id}`, `also a ${KIND_LABEL[k as MentionKind].en}`]);
  const cueState = (cues: readonly CueEvidence[], what: string, id: string, en: string) => {
    if (cues.length === 0) return;
    const near = cues.some((c) => c.near);
    const clear = cues.some((c) => !c.hit.entry.ambiguous);
    f.push([`${what}:${near ? 'near' : 'far'}`, `${id} ${near ? 'dekat' : 'jauh dari'} sebutan`, `${en} ${near ? 'near' : 'far from'} the mention`]);
    f.push([`${what}:${clear ? 'clear' : 'ambiguous'}`, `${id} ${clear ? 'jelas' : 'samar'}`, `${clear ? 'clear' : 'vague'} ${en}`]);
  };
  cueState(best.support, 'support', 'ajakan/dukungan', 'support cue');
  cueState(best.opposition, 'opposition', 'ajakan menolak', 'opposition cue');
  if (neutral.length > 0) f.push([`neutral:${Math.min(neutral.length, 3)}`, `${neutral.length} penanda berita/netral`, `${neutral.length} news or neutral marks`]);
  f.push([`kind:${post.kind}`, `jenis ${post.kind}`, `a ${post.kind}`]);
  f.push([`asn:${post.asnLinked}`, post.asnLinked ? 'akun ASN' : 'akun bukan ASN', post.asnLinked ? 'ASN account' : 'account not linked to an ASN']);
  f.push([`kind_asn:${post.kind}:${post.asnLinked}`, `${post.kind} ${post.asnLinked ? 'oleh ASN' : 'bukan ASN'}`, `${post.kind} ${post.asnLinked ? 'by an ASN' : 'by a non-ASN'}`]);
  f.push([`pairs:${Math.min(ranked.length, 3)}`, `${ranked.length} kelompok pasangan disebut`, `${ranked.length} pair groups named`]);
  if (post.regionCode !== undefined) {
    const local = ranked[0].local.length > 0;
    f.push([`region:${local}`, local ? 'calon di wilayah akun' : 'calon di luar wilayah akun', local ? 'pair runs in the account\'s region' : 'pair runs elsewhere']);
  }
  const scoreBand = band(cueScore, [20, 40, 60, 80]);
  f.push([`cue_score:${scoreBand}`, `skor isyarat ${cueScore}`, `cue score ${cueScore}`]);
  f.push([`length:${band(tokenCount, [4, 9, 21, 41])}`, `${tokenCount} kata`, `${tokenCount} words`]);
  return f;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

interface Explained {
  readonly group: FeatureGroup;
  readonly logit: number;
}

/** The strongest contributions in the direction of the total, merged by label: kata "coblos" (+1.2). */
function topContributions(text: string, contributions: readonly Contribution[], sign: number, count: number): Explained[] {
  const merged = new Map<string, { group: FeatureGroup; logit: number; spans: Array<{ start: number; end: number }> }>();
  // Labels are written for the strongest few only: a post has dozens of sources.
  const candidates = contributions.filter((c) => Math.sign(c.logit) === sign).sort((a, b) => Math.abs(b.logit) - Math.abs(a.logit)).slice(0, 4 * count + 8);
  for (const c of candidates) {
    const group = describeSource(text, c.source);
    const found = merged.get(group.id);
    if (found) {
      found.logit += c.logit;
      found.spans.push(...group.spans);
    } else merged.set(group.id, { group, logit: c.logit, spans: [...group.spans] });
  }
  const strongest = [...merged.values()]
    .filter((c) => Math.abs(c.logit) >= 0.05)
    .sort((a, b) => Number(a.group.background ?? false) - Number(b.group.background ?? false) || Math.abs(b.logit) - Math.abs(a.logit));
  return strongest.slice(0, count).map((c) => ({ group: { ...c.group, spans: c.spans }, logit: c.logit }));
}

/** The model's reason: its points and the features behind them, in words an officer can read. */
function modelReason(text: string, points: number, contributions: readonly Contribution[], config: ScoringConfig): ScoreReason {
  const top = topContributions(text, contributions, Math.sign(points) || 1, config.modelReasonFeatures);
  const list = (lang: 'id' | 'en') => top.map((c) => `${c.group[lang]} (${c.logit > 0 ? '+' : ''}${c.logit.toFixed(1)})`).join(', ');
  const spans = top.flatMap((c) => c.group.spans);
  return {
    code: 'model',
    weight: points,
    id: `Model (dari unggahan berlabel): ${list('id') || 'tanpa ciri menonjol'}`,
    en: `Model (learned from labelled posts): ${list('en') || 'no salient feature'}`,
    spans,
  };
}

/**
 * Scores one post from its lexicon hits. Pure and explainable: every point comes from a reason
 * that names the words behind it.
 *
 * - Mentions are grouped by the pairs they name; the group with the strongest mention plus cue
 *   evidence holds the pair(s) the post most likely refers to (ties: the account's region first).
 * - Each support or opposition cue belongs to the pairs whose mention is nearest (a mention right
 *   after the cue wins a tie: "pilih Budi"); near cues count fully, far ones by `farCueFactor`.
 * - For likes and follows the words are not the account's own: only the engagement counts.
 * - Neutral cues subtract, so news and official notices that name candidates stay low.
 * - With a model and the post's normalised `tokens`, the model adds or subtracts points for what
 *   the cues miss, naming its strongest features, and decides whether a flagged post supports or
 *   attacks its pair (attacks list the attacked pair first).
 */
export function scorePost(
  post: ScreenablePost,
  hits: readonly LexiconHit[],
  directory: CandidateDirectory,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
  tokens?: readonly NormalisedToken[],
): ScreeningResult {
  const analysis = analyse(post, hits, directory, config);
  if (!analysis) return IRRELEVANT;
  const { reasons, cueScore, cueLean, groups, candidatePairIds } = analysis;
  let opposes = cueLean > 0;
  let score = cueScore;
  const model = config.model;
  if (model && tokens) {
    const features = featuresOf(post, analysis, tokens, model);
    const logit = linearScore(model.violation, features);
    const points = Math.max(-model.maxPoints, Math.min(model.maxPoints, Math.round(logit * model.pointsPerLogit)));
    if (points !== 0) reasons.push(modelReason(post.text, points, contributions(model.violation, features), config));
    score = Math.max(0, Math.min(100, cueScore + points));
    // Support or attack matters for flagged posts only.
    if (score >= config.threshold) opposes = sigmoid(linearScore(model.stance, features) + cueLean / model.pointsPerLogit) > 0.5;
  }
  const flagged = score >= config.threshold;
  return {
    score,
    category: !flagged ? 'mention_only' : opposes ? 'likely_opposition' : 'likely_support',
    candidatePairIds,
    candidatePairCount: groups.reduce((sum, g) => sum + g.size, 0),
    stance: !flagged ? null : opposes ? 'attack' : 'support',
    reasons,
    highlights: mergeSpans(reasons),
  };
}

interface Analysis {
  readonly mentionHits: readonly LexiconHit[];
  readonly groups: readonly PairGroup[];
  readonly ranked: readonly RankedGroup[];
  readonly neutral: readonly LexiconHit[];
  readonly candidatePairIds: string[];
  readonly reasons: ScoreReason[];
  readonly cueScore: number;
  /** Opposition minus support evidence of the leading pair (engagement counts as support), in points. */
  readonly cueLean: number;
}

/** The explainable cues' reading of a post; null when it names no candidate. */
function analyse(post: ScreenablePost, hits: readonly LexiconHit[], directory: CandidateDirectory, config: ScoringConfig): Analysis | null {
  const mentionHits: LexiconHit[] = [];
  const cueHits: LexiconHit[] = [];
  for (const hit of hits) (MENTION_KINDS.has(hit.entry.kind) ? mentionHits : cueHits).push(hit);
  // Most posts name no candidate: nothing to weigh, whatever cues they hold.
  if (mentionHits.length === 0) return null;
  const mentions = mentionsOf(mentionHits, config);
  const groups = groupPairs(mentions);
  const cues = outermostCues(cueHits);
  if (post.kind !== 'like' && post.kind !== 'follow') {
    for (const cue of cues) if (cue.entry.kind !== 'neutral_cue') assignCue(cue, mentions, groups, config);
  }
  const ranked = rankGroups(groups, post, directory, config);
  if (ranked.length === 0) return null;
  const best = ranked[0].group;
  const candidatePairIds = listPairs(ranked, config.maxCandidatePairs);
  const neutral = cues.filter((c) => c.entry.kind === 'neutral_cue');
  const reasons = explain(post, best, candidatePairIds[0], neutral, directory, config);
  const cueScore = Math.max(0, Math.min(100, reasons.reduce((sum, r) => sum + r.weight, 0)));
  const engagement = isEngagement(post.kind) ? config.engagement[post.kind] : 0;
  const cueLean = cueTotal(best.opposition, config) - cueTotal(best.support, config) - engagement;
  return { mentionHits, groups, ranked, neutral, candidatePairIds, reasons, cueScore, cueLean };
}

function featuresOf(post: ScreenablePost, analysis: Analysis, tokens: readonly NormalisedToken[], hashing: FeatureHashing): PostFeatures {
  const masked = analysis.mentionHits.map((h) => ({ tokenStart: h.tokenStart, tokenEnd: h.tokenEnd, kind: h.entry.kind }));
  return postFeatures(post.text, tokens, masked, cueFeatures(post, analysis.ranked, analysis.neutral, analysis.cueScore, tokens.length), hashing);
}

/** What the training script needs of a post: the cue score, the cue lean and the model's features. */
export interface ModelInputs {
  readonly cueScore: number;
  /** Opposition minus support evidence of the leading pair, in score points. */
  readonly cueLean: number;
  readonly features: PostFeatures;
  /** The pairs the cues name, the most likely first. */
  readonly candidatePairIds: readonly string[];
}

/** The model's inputs for a post, from its hits and normalised tokens; null when it names no candidate. */
export function modelInputs(
  post: ScreenablePost,
  hits: readonly LexiconHit[],
  tokens: readonly NormalisedToken[],
  directory: CandidateDirectory,
  hashing: FeatureHashing,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): ModelInputs | null {
  const analysis = analyse(post, hits, directory, config);
  if (!analysis) return null;
  return { cueScore: analysis.cueScore, cueLean: analysis.cueLean, features: featuresOf(post, analysis, tokens, hashing), candidatePairIds: analysis.candidatePairIds };
}
