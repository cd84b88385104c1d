import type { CandidateDirectory } from './directory.ts';
import { MENTION_KINDS, type LexiconEntry } from './lexicon.ts';
import type { LexiconHit, TokenList } from './matcher.ts';
import { contributions, cueFeatureWeights, describeSource, MentionMask, modelLogitsByCueIdsInto, postFeatures, type Contribution, type CueFeature, type FeatureGroup, type FeatureHashing, type MaskedSpan, type PostFeatures, type ScreeningModel } from './model.ts';
import type { NormalisedToken, Normaliser } from './normalise.ts';
import { knownPairIndex, PairMarks, pairIndicesOf, pairName } from './pair-index.ts';

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
  /**
   * The most a post may score whose only mention is a hand sign (✌, ☝, "salam dua jari", "pose
   * satu jari") with no call to vote beside it: an everyday photo caption (arisan, wisuda,
   * liburan). The learned model is not consulted for it. A pair's name, a spelled ballot number
   * ("nomor 2", "coblos 1") or a vote word makes the sign count again.
   */
  everydayPose: number;
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
 * below it, and a first name alone (10) needs a clear cue to get there.
 *
 * The threshold is the triage queue's operating point: 50, below the cue score of even odds the
 * model is calibrated at (60, bench/screening/train.ts), because an officer reviews every flag
 * and a missed campaigner costs more than a post dismissed. Chosen on the development splits and
 * the second blind set, which earlier rounds already steered by (precision / recall there at 60:
 * 0.961 / 0.973 and 0.944 / 0.873; at 50: 0.947 / 0.983 and 0.927 / 0.901), before the third
 * blind set was measured with it (bench/screening/README.md, 6 December).
 */
export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  threshold: 50,
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
  everydayPose: 25,
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
function outermostCues(list: List<LexiconHit>, kept: List<LexiconHit>): void {
  kept.clear();
  const cues = list.items;
  for (let i = 0; i < list.count; i++) {
    const cue = cues[i];
    let inside = false;
    for (let j = 0; j < list.count && !inside; j++) {
      const other = cues[j];
      if (j === i || other.tokenStart > cue.tokenStart || other.tokenEnd < cue.tokenEnd) continue;
      const sameSpan = other.tokenStart === cue.tokenStart && other.tokenEnd === cue.tokenEnd;
      inside = !sameSpan || (other.entry.kind === cue.entry.kind && (other.entry.ambiguous === cue.entry.ambiguous ? j < i : !other.entry.ambiguous));
    }
    if (!inside) kept.push(cue);
  }
}

/**
 * A list whose array is kept from post to post: `items[0..count)` are its members. It never
 * shrinks (setting an array's length to 0 gives its storage back, and the next post grows it
 * again), so refilling it for each post allocates nothing once it has grown: the analysis of a
 * post that names a candidate used to build some 4.5 KB of arrays and objects, and its garbage
 * collection cost ~5 % of screening. Beyond `count` it still holds the last posts' members.
 */
class List<T> {
  items: T[] = [];
  count = 0;

  clear(): void {
    this.count = 0;
  }

  push(item: T): void {
    this.items[this.count++] = item;
  }

  /** A copy of the members, for the reasons (written rarely, and kept). */
  toArray(): T[] {
    return this.items.slice(0, this.count);
  }
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

/** A cue given to a group (pooled: one analysis at a time). */
interface CueEvidence {
  hit: LexiconHit;
  weight: number;
  near: boolean;
  /** Set when the cue counts for a pair through a pronoun or form of address that points back at it (coreference). */
  reference: Reference | undefined;
}

/** A pronoun or bare form of address beside a call to vote ("coblos beliau") and the mention it points at. */
interface Reference {
  readonly start: number;
  readonly end: number;
  readonly antecedent: LexiconHit;
}

/** An entry the post mentions, with every place it does ("✌✌✌" is one mention, three hits); pooled. */
interface Mention {
  index: number;
  entry: LexiconEntry;
  /** The hits are `hits[0..hitCount)` (the array is reused). */
  hits: LexiconHit[];
  hitCount: number;
  weight: number;
}

/**
 * Pairs named by exactly the same mentions share all their evidence, so the scorer works on
 * such groups and never on pairs one by one: a bare "nomor 2" or ✌ names one pair in every
 * region at once, and must cost no more than a name.
 */
interface PairGroup {
  /** The members, in the post's order. */
  readonly mentions: List<Mention>;
  /** The strongest of the mentions. */
  best: Mention;
  /**
   * The group's pairs as indices (pair-index.ts), `pairs[0..pairCount)`: those of its one
   * mention's list, except, when `excluded`, the ones other mentions name too (marked in SHARED
   * while the post is analysed); or a part's pairs, in `own`.
   */
  pairs: Int32Array;
  pairCount: number;
  /** The pairs of a part that several namers share (`computeGrouping`), kept with the pooled group. */
  own: Int32Array;
  excluded: boolean;
  /** Bit k set when mention k of the post is a member (0 when a member's index is past 30: `assignCue` then scans). */
  memberMask: number;
  size: number;
  readonly support: List<CueEvidence>;
  readonly opposition: List<CueEvidence>;
}

/** A group with what ranks it (pooled). */
interface RankedGroup {
  group: PairGroup;
  /** The group's pairs in the account's region. */
  local: readonly string[];
  total: number;
}

/*
 * The analysis of one post at a time (scoring is synchronous), in objects and lists kept from
 * post to post. A result keeps the post's hits, not its analysis: its reasons are written, when
 * read, from the post analysed again (the same hits give the same analysis).
 */
const MENTION_HITS = new List<LexiconHit>();
const CUE_HITS = new List<LexiconHit>();
const OUTER_CUES = new List<LexiconHit>();
const NEUTRAL = new List<LexiconHit>();
const MENTIONS = new List<Mention>();
const GROUPS = new List<PairGroup>();
const RANKED = new List<RankedGroup>();
const EVIDENCE = new List<CueEvidence>();
/** The distinct pair lists of a post's mentions and their indices (`groupPairs`). */
const LISTS = new List<readonly string[]>();
const LIST_INDICES = new List<Int32Array>();
/** Which of LISTS each mention's list is (`groupPairs`). */
let namerOf = new Int32Array(16);
/** Which namers name each part (`computeGrouping`). */
let partMasks = new Int32Array(16);

/** The pooled group at `slot`. */
function groupAt(slot: number): PairGroup {
  let group = GROUPS.items[slot];
  if (group === undefined) {
    group = { mentions: new List(), best: undefined as unknown as Mention, pairs: NO_PAIRS, pairCount: 0, own: new Int32Array(8), excluded: false, memberMask: 0, size: 0, support: new List(), opposition: new List() };
    GROUPS.items[slot] = group;
  }
  return group;
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

/** The post's mentions into MENTIONS, in the order they first come. */
function mentionsOf(mentionHits: List<LexiconHit>, config: ScoringConfig): void {
  // A post names a few entries: a scan beats a Map built per post.
  const mentions = MENTIONS.items;
  let count = 0;
  for (let h = 0; h < mentionHits.count; h++) {
    const hit = mentionHits.items[h];
    let mention: Mention | undefined;
    for (let k = 0; k < count && !mention; k++) if (mentions[k].entry === hit.entry) mention = mentions[k];
    if (mention) mention.hits[mention.hitCount++] = hit;
    else {
      const weight = config.mentionWeights[hit.entry.kind as MentionKind] * factorOf(hit.entry, config);
      mention = mentions[count];
      if (mention === undefined) mentions[count] = mention = { index: count, entry: hit.entry, hits: [hit], hitCount: 1, weight };
      else {
        mention.index = count;
        mention.entry = hit.entry;
        mention.hits[0] = hit;
        mention.hitCount = 1;
        mention.weight = weight;
      }
      count++;
    }
  }
  MENTIONS.count = count;
}

/** Makes the pooled `group`, its members already in `group.mentions`, a group of `pairs[0..pairCount)`. */
function newGroup(group: PairGroup, pairs: Int32Array, pairCount: number, excluded: boolean, size: number): PairGroup {
  const members = group.mentions.items;
  const count = group.mentions.count;
  // The first of the strongest mentions.
  let best = members[0];
  for (let k = 1; k < count; k++) if (members[k].weight > best.weight) best = members[k];
  let memberMask = 0;
  for (let k = 0; k < count && memberMask !== -1; k++) memberMask = members[k].index < 31 ? memberMask | (1 << members[k].index) : -1;
  group.best = best;
  group.pairs = pairs;
  group.pairCount = pairCount;
  group.excluded = excluded;
  group.memberMask = memberMask === -1 ? 0 : memberMask;
  group.size = size;
  group.support.clear();
  group.opposition.clear();
  return group;
}

const EMPTY_IDS: readonly string[] = Object.freeze([]);
const NO_PAIRS = new Int32Array(0);

/**
 * The pairs of `x` (the shorter list) that `y` (a long one, such as the pairs of "✌") names too,
 * in x's order, cached by the lists' identities: the matcher gives every entry naming the same
 * pairs one list, so "✌" and "nomor 2" meet the same lists post after post.
 */
const intersections = new WeakMap<Int32Array, Map<Int32Array, Int32Array>>();

function sharedPairs(x: Int32Array, y: Int32Array): Int32Array {
  let byOther = intersections.get(x);
  if (!byOther) intersections.set(x, (byOther = new Map()));
  let ids = byOther.get(y);
  if (!ids) {
    const large = indexSetOf(y);
    const found: number[] = [];
    for (let k = 0; k < x.length; k++) if (large.has(x[k])) found.push(x[k]);
    ids = found.length === 0 ? NO_PAIRS : Int32Array.from(found);
    if (byOther.size >= 4096) byOther.clear();
    byOther.set(y, ids);
  }
  return ids;
}

const indexSets = new WeakMap<Int32Array, ReadonlySet<number>>();
function indexSetOf(list: Int32Array): ReadonlySet<number> {
  let set = indexSets.get(list);
  if (!set) indexSets.set(list, (set = new Set(list)));
  return set;
}

function includesIndex(list: Int32Array, count: number, index: number): boolean {
  for (let k = 0; k < count; k++) if (list[k] === index) return true;
  return false;
}

/**
 * The pairs the post's distinct pair lists share, each with the mask of the lists naming it (in
 * the order first found: the order of the parts), and whether a pair is listed (LISTED, while
 * the pairs are listed): scratch of one analysis at a time (scoring is synchronous).
 */
const SHARED = new PairMarks();
const LISTED = new PairMarks();
let sharedOrder = new Int32Array(64);
let sharedTotal = 0;

function addShared(index: number, both: number): void {
  if (SHARED.add(index, both)) {
    if (sharedTotal === sharedOrder.length) {
      const grown = new Int32Array(sharedTotal * 2);
      grown.set(sharedOrder);
      sharedOrder = grown;
    }
    sharedOrder[sharedTotal++] = index;
  } else SHARED.setValue(index, SHARED.value(index) | both);
}

/** How many of each list's pairs are shared: scratch of `computeGrouping`, read at once by `groupPairs` (scoring is synchronous). */
let sharedCountScratch = new Int32Array(32);

/**
 * How the pairs of a post's distinct pair lists fall into parts: which lists name each shared
 * pair (a bit mask, in `partMasks`), the pairs of each part (in the `own` pairs of the pooled
 * group of the same slot: the parts' groups come first), and how many of each list's pairs are
 * shared (in `sharedCountScratch`). Returns how many parts there are.
 */
function computeGrouping(lists: List<Int32Array>): number {
  // More than 30 distinct namers in one post is no post a person writes: the rest stand alone.
  const n = Math.min(lists.count, 30);
  SHARED.clear();
  sharedTotal = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const both = (1 << a) | (1 << b);
      const la = lists.items[a];
      const lb = lists.items[b];
      const x = la.length <= lb.length ? la : lb;
      const y = x === la ? lb : la;
      if (y.length <= 8) {
        // Two short lists (the parts of one name): compared at once, cheaper than the cache.
        for (let k = 0; k < x.length; k++) if (includesIndex(y, y.length, x[k])) addShared(x[k], both);
        continue;
      }
      const ids = sharedPairs(x, y);
      for (let k = 0; k < ids.length; k++) addShared(ids[k], both);
    }
  }
  if (sharedCountScratch.length < lists.count) sharedCountScratch = new Int32Array(lists.count * 2);
  const sharedCount = sharedCountScratch;
  sharedCount.fill(0, 0, lists.count);
  let parts = 0;
  // The parts in the order their first pair comes: a post has a few, so a scan finds a part.
  for (let s = 0; s < sharedTotal; s++) {
    const id = sharedOrder[s];
    const mask = SHARED.value(id);
    let part = -1;
    for (let p = 0; p < parts && part < 0; p++) if (partMasks[p] === mask) part = p;
    if (part < 0) {
      part = parts++;
      if (part === partMasks.length) partMasks = grownInt32(partMasks);
      partMasks[part] = mask;
      groupAt(part).pairCount = 0;
    }
    const group = groupAt(part);
    if (group.pairCount === group.own.length) group.own = grownInt32(group.own);
    group.own[group.pairCount++] = id;
    for (let k = 0; k < n; k++) if (mask & (1 << k)) sharedCount[k]++;
  }
  return parts;
}

function grownInt32(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** The groups of the post's MENTIONS into GROUPS. */
function groupPairs(): void {
  const mentions = MENTIONS.items;
  const mentionCount = MENTIONS.count;
  GROUPS.count = 0;
  // Most posts that name a candidate name one pair list (a ✌, or one name said several ways):
  // one group, found without the namers' lists.
  const first = mentions[0].entry.candidatePairIds;
  let oneList = true;
  for (let k = 1; k < mentionCount && oneList; k++) oneList = mentions[k].entry.candidatePairIds === first;
  if (oneList) {
    if (first.length === 0) return;
    const group = groupAt(0);
    group.mentions.clear();
    for (let k = 0; k < mentionCount; k++) group.mentions.push(mentions[k]);
    const pairs = pairIndicesOf(first);
    newGroup(group, pairs, pairs.length, false, first.length);
    GROUPS.count = 1;
    return;
  }
  // Mentions naming the very same pairs ("✌" and "nomor 2": the matcher gives them one pair
  // list) are one namer; the pairs several namers name (a name and its ballot number) are found
  // by intersecting their lists (cached), and grouped by which namers name them (a bit mask).
  LISTS.clear();
  LIST_INDICES.clear();
  if (namerOf.length < mentionCount) namerOf = new Int32Array(mentionCount * 2);
  for (let m = 0; m < mentionCount; m++) {
    const list = mentions[m].entry.candidatePairIds;
    let k = -1;
    for (let j = 0; j < LISTS.count && k < 0; j++) if (LISTS.items[j] === list) k = j;
    if (k < 0) {
      k = LISTS.count;
      LISTS.push(list);
      LIST_INDICES.push(pairIndicesOf(list));
    }
    namerOf[m] = k;
  }
  const parts = computeGrouping(LIST_INDICES);
  const sharedCount = sharedCountScratch;
  const n = Math.min(LISTS.count, 30);
  for (let g = 0; g < parts; g++) {
    const mask = partMasks[g];
    // The namers' mentions in the post's order.
    const group = groupAt(g);
    group.mentions.clear();
    for (let m = 0; m < mentionCount; m++) if (namerOf[m] < n && mask & (1 << namerOf[m])) group.mentions.push(mentions[m]);
    newGroup(group, group.own, group.pairCount, false, group.pairCount);
  }
  let count = parts;
  for (let k = 0; k < LISTS.count; k++) {
    const pairs = LIST_INDICES.items[k];
    if (pairs.length <= sharedCount[k]) continue;
    const group = groupAt(count++);
    group.mentions.clear();
    for (let m = 0; m < mentionCount; m++) if (namerOf[m] === k) group.mentions.push(mentions[m]);
    newGroup(group, pairs, pairs.length, sharedCount[k] > 0, pairs.length - sharedCount[k]);
  }
  GROUPS.count = count;
}

function hasPair(group: PairGroup, id: string): boolean {
  const index = knownPairIndex(id);
  if (index < 0) return false;
  return group.excluded ? pairSet(group.best.entry).has(id) && !SHARED.has(index) : includesIndex(group.pairs, group.pairCount, index);
}

/**
 * Gives a support or opposition cue to the pairs of the mention(s) it is closest to: near a
 * mention first (an ambiguous one only right beside it), then by distance, a mention right after
 * the cue counting as slightly nearer ("pilih Budi"). Far cues count by `farCueFactor`.
 */
function assignCue(cue: LexiconHit, mentionList: List<Mention>, groupList: List<PairGroup>, config: ScoringConfig, text: string): void {
  const mentions = mentionList.items;
  const mentionCount = mentionList.count;
  const groups = groupList.items;
  const farFactor = groupList.count === 1 ? config.soleGroupFarCueFactor : config.farCueFactor;
  if (closenessScratch.length < mentionCount) closenessScratch = new Float64Array(mentionCount * 2);
  const closeness = closenessScratch;
  let closest = Infinity;
  // Whether a clear (not ambiguous) mention is near: then the cue is about it, and no coreference is looked for.
  let nearClear = false;
  for (let k = 0; k < mentionCount; k++) {
    const mention = mentions[k];
    const window = mention.entry.ambiguous ? config.ambiguousNearWindow : config.nearWindow;
    let nearest = Infinity;
    for (let h = 0; h < mention.hitCount; h++) {
      const hit = mention.hits[h];
      const tokens = gap(cue, hit);
      nearest = Math.min(nearest, (tokens <= window ? 0 : FAR) + tokens + (hit.tokenStart >= cue.tokenEnd ? 0 : 0.5));
    }
    closeness[k] = nearest;
    if (nearest < closest) closest = nearest;
    if (nearest < FAR && !mention.entry.ambiguous) nearClear = true;
  }
  const near = closest < FAR;
  const support = cue.entry.kind === 'support_cue';
  // Coreference, only for a call to vote far from every mention but a pronoun ("coblos beliau" names every pair of
  // the region), with a pronoun or bare form of address beside it.
  if (!nearClear && isCall(cue.entry) && !nearNamed(closeness, mentionList) && assignByReference(cue, mentionList, groupList, config, text, support)) return;
  const weight = (support ? config.supportCue : config.oppositionCue) * factorOf(cue.entry, config) * (near ? 1 : farFactor);
  let evidence: CueEvidence | undefined;
  if (mentionCount <= 31) {
    // The mentions at the closest distance as a bit mask: a group gets the cue when one of its
    // members is among them, one AND per group instead of a scan of its members.
    let closestMask = 0;
    for (let k = 0; k < mentionCount; k++) if (closeness[k] === closest) closestMask |= 1 << k;
    for (let g = 0; g < groupList.count; g++) {
      const group = groups[g];
      if ((group.memberMask & closestMask) === 0) continue;
      (support ? group.support : group.opposition).push((evidence ??= newEvidence(cue, weight, near, undefined)));
    }
    return;
  }
  for (let g = 0; g < groupList.count; g++) {
    const group = groups[g];
    for (let k = 0; k < group.mentions.count; k++) {
      if (closeness[group.mentions.items[k].index] !== closest) continue;
      (support ? group.support : group.opposition).push((evidence ??= newEvidence(cue, weight, near, undefined)));
      break;
    }
  }
}

/** A pooled cue evidence (EVIDENCE: one analysis at a time). */
function newEvidence(hit: LexiconHit, weight: number, near: boolean, reference: Reference | undefined): CueEvidence {
  let evidence = EVIDENCE.items[EVIDENCE.count];
  if (evidence === undefined) EVIDENCE.items[EVIDENCE.count] = evidence = { hit, weight, near, reference };
  else {
    evidence.hit = hit;
    evidence.weight = weight;
    evidence.near = near;
    evidence.reference = reference;
  }
  EVIDENCE.count++;
  return evidence;
}

/**
 * Words that call to vote, support or campaign, as the normalised tokens of a cue: a pronoun or
 * form of address beside them points at a candidate, and a hand sign beside them is no pose.
 * The weak ones count only in a clear (not ambiguous) cue: "menang" alone is any contest.
 */
const CALL_WORDS: ReadonlySet<string> = new Set([
  'coblos', 'nyoblos', 'coblosen', 'dicoblos', 'pilih', 'pilihlah', 'memilih', 'dipilih', 'milih', 'pilihen', 'pilihanku', 'terpilih',
  'dukung', 'dukunglah', 'mendukung', 'didukung', 'menangkan', 'memenangkan', 'dimenangkan', 'menangke', 'menangno', 'kawal',
  'relawan', 'pemenangan', 'suara', 'suaraku', 'lanjutkan', 'periode', 'tps', 'deklarasi', 'paslon', 'pilkada', 'kampanye', 'hadiri', 'hadirilah',
]);
const WEAK_CALL_WORDS: ReadonlySet<string> = new Set(['menang', 'lanjut', 'pilihan', 'dukungan', 'pendukung', 'kemenangan']);
const callCues = new WeakMap<LexiconEntry, boolean>();
function isCall(entry: LexiconEntry): boolean {
  let call = callCues.get(entry);
  if (call === undefined) {
    call = entry.tokens.some((t) => CALL_WORDS.has(t) || (!entry.ambiguous && WEAK_CALL_WORDS.has(t)));
    callCues.set(entry, call);
  }
  return call;
}

/**
 * Pronouns ("dia", "beliau", "doi", "deweke", "dio", "panjenengane", "mereka"; group 1), bare
 * forms of address ("Abah", "Pak Haji", "Bu", "Kang", "Mas", "Puang"; group 2) and a word ending
 * in "-nya" (group 3; "coblos fotonya"), as written.
 */
const REFERENCE_BODY_SOURCE =
  "(?:(dia|dio|doi|beliau|deweke|dewek'?e|panjenengane|panjenengan|piyambake|piyambakipun|mereka|kalian)|(pak\\s+haji|bapak|abah|pak|ibu|bu|kang|akang|mas|mbak|cak|ning|bang|abang|ayuk|puang|daeng|uda|teteh|gus|kyai|bunda)|(\\p{L}{2,}nya))(?![\\p{L}\\p{N}_])";
/** The rule, as one RegExp: what `referenceAfter` finds (the tests hold them to it). */
export const REFERENCE = new RegExp(`(?<![\\p{L}\\p{N}_])${REFERENCE_BODY_SOURCE}`, 'giu');
/** How far (characters) a pronoun may stand from the call it is the object or subject of. */
const PRONOUN_REACH = 24;

/*
 * REFERENCE, read faster with the same matches. A search of the RegExp tries its leading
 * lookbehind and then its body at every character up to a match, which is often the post's end
 * (about 37 ns a character, 4 µs a call), and a search of the body alone is slower still (the
 * "-nya" alternative then starts inside every word). `referenceAfter` walks the positions the
 * search would try, in its order, checks the lookbehind itself (it reads only the code point
 * before) and tries the body, anchored, only where that passes and a letter starts (every
 * alternative starts with one): the first position where both hold is where the RegExp matches.
 */
const REFERENCE_AT = new RegExp(REFERENCE_BODY_SOURCE, 'iuy');
/** The lookbehind's class with the same flags (under `iu` a few non-letters fold to letters). */
const WORD_CHARACTER = /^[\p{L}\p{N}_]$/iu;

/**
 * `REFERENCE.exec(text)` with `REFERENCE.lastIndex = from`, when it matches before `to`: the
 * same match, or null.
 */
export function referenceAfter(text: string, from: number, to: number): RegExpExecArray | null {
  // In the middle of a surrogate pair, a `u` search starts at the pair (as V8 does).
  let at = from > 0 && from < text.length && isPairAt(text, from - 1) ? from - 1 : from;
  for (; at < to; at += isPairAt(text, at) ? 2 : 1) {
    const c = text.charCodeAt(at);
    if (c < 128 && !((c | 32) >= 97 && (c | 32) <= 122)) continue;
    if (wordCharacterBefore(text, at)) continue;
    REFERENCE_AT.lastIndex = at;
    const m = REFERENCE_AT.exec(text);
    if (m) return m;
  }
  return null;
}

/** Whether a surrogate pair starts at `at`. */
function isPairAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Whether the code point before `at` (a surrogate pair read whole, as a `u` lookbehind does) is in `[\p{L}\p{N}_]` under the `iu` flags. */
function wordCharacterBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57) || c === 95;
  return WORD_CHARACTER.test(at >= 2 && isPairAt(text, at - 2) ? text.slice(at - 2, at) : text[at - 1]);
}

/** A pronoun or bare form of address beside the cue, as [start, end], or null. Read only on the rare path. */
function referenceBeside(cue: LexiconHit, text: string): [number, number] | null {
  const from = Math.max(0, cue.start - PRONOUN_REACH);
  const to = Math.min(text.length, cue.end + PRONOUN_REACH);
  for (let m = referenceAfter(text, from, to); m; m = referenceAfter(text, m.index + m[0].length, to)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) return [start, end];
    if (m[2] !== undefined) {
      // A form of address right after the call, not followed by a capitalised name ("coblos Abah!", not "pilih Pak Budi").
      if (start < cue.end || start - cue.end > 2) continue;
      const next = /^\s+(\p{Lu})/u.exec(text.slice(end, end + 3));
      if (next) continue;
      return [start, end];
    }
    // "-nya" on the call itself or on the word right after it.
    if (end > cue.start && start <= cue.end + 1) return [start, end];
  }
  return null;
}

/**
 * Gives a call to vote far from every mention to the pair a pronoun or form of address beside it
 * points back at: the nearest candidate named by name, pair name, hashtag or slogan before the
 * call (else the first after it). "Kemarin ketemu Pak Heru di pasar. Pokoknya tgl 27 coblos
 * beliau!" counts as a call near "Pak Heru". False when there is no such word or mention.
 */
function assignByReference(cue: LexiconHit, mentions: List<Mention>, groups: List<PairGroup>, config: ScoringConfig, text: string, support: boolean): boolean {
  const span = referenceBeside(cue, text);
  if (!span) return false;
  let antecedent: Mention | undefined;
  let at: LexiconHit | undefined;
  for (let k = 0; k < mentions.count; k++) {
    const mention = mentions.items[k];
    if (!NAMING_KINDS.has(mention.entry.kind) || isPronoun(mention.entry)) continue;
    for (let h = 0; h < mention.hitCount; h++) {
      const hit = mention.hits[h];
      // Before the call: the one ending last, the longest of those ("Mas Arya", not "Arya"); else the first after it.
      const better = !at
        ? true
        : hit.end <= cue.start
          ? at.end > cue.start || hit.end > at.end || (hit.end === at.end && hit.start < at.start)
          : at.end > cue.start && (hit.start < at.start || (hit.start === at.start && hit.end > at.end));
      if (better) {
        antecedent = mention;
        at = hit;
      }
    }
  }
  if (!antecedent || !at) return false;
  const weight = (support ? config.supportCue : config.oppositionCue) * factorOf(cue.entry, config);
  const evidence = newEvidence(cue, weight, true, { start: span[0], end: span[1], antecedent: at });
  for (let g = 0; g < groups.count; g++) {
    const group = groups.items[g];
    if (!group.mentions.items.slice(0, group.mentions.count).includes(antecedent)) continue;
    (support ? group.support : group.opposition).push(evidence);
  }
  return true;
}

/** Whether a mention other than a pronoun is near the cue (by `closeness`). */
function nearNamed(closeness: Float64Array, mentions: List<Mention>): boolean {
  for (let k = 0; k < mentions.count; k++) if (closeness[k] < FAR && !isPronoun(mentions.items[k].entry)) return true;
  return false;
}

const PRONOUNS: ReadonlySet<string> = new Set(['dia', 'dio', 'doi', 'beliau', 'deweke', 'panjenengane', 'panjenengan', 'piyambake', 'mereka']);
const pronounEntries = new WeakMap<LexiconEntry, boolean>();
/** A vague mention that is a pronoun ("coblos beliau": every pair of the region). */
function isPronoun(entry: LexiconEntry): boolean {
  if (!entry.ambiguous) return false;
  let pronoun = pronounEntries.get(entry);
  if (pronoun === undefined) pronounEntries.set(entry, (pronoun = entry.tokens.some((t) => PRONOUNS.has(t))));
  return pronoun;
}

/** Each mention's distance from the cue being assigned (scratch: scoring is synchronous). */
let closenessScratch = new Float64Array(16);

/** Ranks GROUPS into RANKED by evidence; ties go to pairs of the account's region, then to the earlier mention. */
function rankGroups(post: ScreenablePost, directory: CandidateDirectory, config: ScoringConfig): void {
  const localPairs = post.regionCode === undefined ? EMPTY_IDS : directory.localTo(post.regionCode);
  // A post names a few groups: a stable insertion sort (as Array#sort is) without a comparator call.
  const ranked = RANKED.items;
  let count = 0;
  for (let g = 0; g < GROUPS.count; g++) {
    const group = GROUPS.items[g];
    const local = localPairs.length === 0 ? EMPTY_IDS : localPairs.filter((id) => hasPair(group, id));
    const total = group.best.weight + cueTotal(group.support, config) + cueTotal(group.opposition, config);
    // The pooled object past the ranked ones is free: reuse it, then shift the ranked ones over it.
    let next = ranked[count];
    if (next === undefined) next = { group, local, total };
    else {
      next.group = group;
      next.local = local;
      next.total = total;
    }
    let at = count;
    while (at > 0 && rankedBefore(next, ranked[at - 1])) {
      ranked[at] = ranked[at - 1];
      at--;
    }
    ranked[at] = next;
    count++;
  }
  RANKED.count = count;
}

/** Whether `a` ranks strictly before `b`: more evidence, then pairs of the account's region, then the earlier mention. */
function rankedBefore(a: RankedGroup, b: RankedGroup): boolean {
  if (a.total !== b.total) return a.total > b.total;
  const aLocal = a.local.length > 0;
  if (aLocal !== b.local.length > 0) return aLocal;
  return a.group.best.hits[0].tokenStart < b.group.best.hits[0].tokenStart;
}

/** The most likely pairs, at most `max`: each group's local pairs first. */
function listPairs(max: number): string[] {
  const ids: string[] = [];
  LISTED.clear();
  for (let r = 0; r < RANKED.count; r++) {
    const { group, local } = RANKED.items[r];
    // An index loop: most posts have no region, and a for-of over the frozen empty list cost more than the list.
    for (let j = 0; j < local.length; j++) {
      const id = local[j];
      if (ids.length === max) return ids;
      // A local pair is one of the group's (hasPair): it has an index.
      if (LISTED.add(knownPairIndex(id), 0)) ids.push(id);
    }
    const pairs = group.pairs;
    for (let k = 0; k < group.pairCount; k++) {
      const index = pairs[k];
      if (group.excluded && SHARED.has(index)) continue;
      if (ids.length === max) return ids;
      if (LISTED.add(index, 0)) ids.push(pairName(index));
    }
  }
  return ids;
}

function cueTotal(cues: List<CueEvidence>, config: ScoringConfig): number {
  if (cues.count === 0) return 0;
  let best = 0;
  for (let k = 0; k < cues.count; k++) best = Math.max(best, cues.items[k].weight);
  return best + Math.min(cues.count - 1, config.maxExtraCues) * config.extraCue;
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

function cueReason(code: ReasonCode, list: List<CueEvidence>, text: string, config: ScoringConfig, id: string, en: string): ScoreReason {
  const cues = list.toArray();
  const hits = cues.map((c) => c.hit);
  const quoted = quote(text, hits);
  const near = cues.some((c) => c.near);
  const referred = cues.find((c) => c.reference !== undefined)?.reference;
  if (referred) {
    const word = text.slice(referred.start, referred.end);
    const named = text.slice(referred.antecedent.start, referred.antecedent.end);
    const before = referred.antecedent.end <= referred.start;
    return reason(
      code,
      cueTotal(list, config),
      `${id} ${quoted}; "${word}" merujuk ke "${named}" yang disebut ${before ? 'sebelumnya' : 'sesudahnya'} di unggahan yang sama`,
      `${en} ${quoted}; "${word}" refers to "${named}", named ${before ? 'earlier' : 'later'} in the same post`,
      [...hits, { ...referred.antecedent, start: referred.start, end: referred.end }],
    );
  }
  return reason(
    code,
    cueTotal(list, config),
    `${id} ${quoted} ${near ? 'di dekat sebutan calon' : 'di unggahan yang sama'}`,
    `${en} ${quoted} ${near ? 'near the candidate mention' : 'elsewhere in the post'}`,
    hits,
  );
}

/** Mentions that name a pair by what is its own: not a number every region's pair shares, nor a party. */
const NAMING_KINDS: ReadonlySet<string> = new Set(['candidate_name', 'pair_name', 'hashtag', 'slogan']);

/** ☝, ✌ or "salam 2 jari", "dua jari". */
const handSigns = new WeakMap<LexiconEntry, boolean>();
function isHandSign(entry: LexiconEntry): boolean {
  let sign = handSigns.get(entry);
  if (sign === undefined) handSigns.set(entry, (sign = entry.tokens.some((t) => t === 'jari' || /\p{Extended_Pictographic}/u.test(t))));
  return sign;
}

/** Whether the post ties a hand sign of the ballot number to the pair's own name, hashtag or slogan. */
function handSignTied(post: ScreenablePost, best: PairGroup): boolean {
  if (post.kind === 'like' || post.kind === 'follow') return false;
  let sign = false;
  let naming = false;
  for (let k = 0; k < best.mentions.count; k++) {
    const m = best.mentions.items[k];
    if (m.entry.kind === 'ballot_number' && isHandSign(m.entry)) sign = true;
    else if (NAMING_KINDS.has(m.entry.kind)) naming = true;
  }
  return sign && naming;
}

/**
 * Election day, the vote or a hint at it written out beside a pose: "sampai 27 November", "27/11",
 * "ke TPS", "demi Kaltim", "kudu lanjut", "ben podo karo pilihane", "jangan lupa", "tim mana",
 * "yang ngerti ngerti aja", a wink. Read only for a post whose only mentions are hand signs.
 */
const ELECTION_SIGN_SOURCE = '(?<!\\d)27(?!\\d)|[😉🤭😏]';
const ELECTION_WORD_SOURCE = '(?:nov(?:ember)?|pilkada|pemilu|tps|coblos\\p{L}*|nyoblos|pilih\\p{L}*|lanjut\\p{L}*|demi|kode|komando|jangan lupa|ojo lali|tim mana|ngerti|paham)(?![\\p{L}])';
/** The rule, as one RegExp: what `hasElectionContext` answers (the tests hold them to it). */
export const ELECTION_CONTEXT = new RegExp(`${ELECTION_SIGN_SOURCE}|(?<![\\p{L}])${ELECTION_WORD_SOURCE}`, 'iu');

/*
 * ELECTION_CONTEXT, read faster with the same answer. Its leading lookbehind is tried at every
 * character of the post (about 2 µs a post, and 4 in 10 generated posts contain one of its
 * words), so `hasElectionContext` asks its first two alternatives (cheap: a literal and three
 * emoji) and the words without the lookbehind, then checks the lookbehind at each place the
 * words match. The lookbehind reads only the character before the match, so ELECTION_CONTEXT
 * matches at a position exactly when ELECTION_WORDS does and that character is no letter; when
 * it is one, the search goes on from the next position, so no overlapping match is skipped.
 */
const ELECTION_SIGNS = new RegExp(ELECTION_SIGN_SOURCE, 'iu');
const ELECTION_WORDS = new RegExp(ELECTION_WORD_SOURCE, 'giu');
/** The lookbehind's class with the same flags (under `iu` a few non-letters fold to letters). */
const LETTER = /^[\p{L}]$/iu;

/** `ELECTION_CONTEXT.test(text)`, faster. */
export function hasElectionContext(text: string): boolean {
  if (ELECTION_SIGNS.test(text)) return true;
  ELECTION_WORDS.lastIndex = 0;
  for (let m = ELECTION_WORDS.exec(text); m; m = ELECTION_WORDS.exec(text)) {
    if (!letterBefore(text, m.index)) return true;
    // Every alternative starts with a letter of the basic plane: the next position is no half of a pair.
    ELECTION_WORDS.lastIndex = m.index + 1;
  }
  return false;
}

/** Whether the code point ending just before `at` is in `[\p{L}]` under the `iu` flags. */
function letterBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  const pair = c >= 0xdc00 && c <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return LETTER.test(pair ? text.slice(at - 2, at) : text[at - 1]);
}

/**
 * Whether the post is an everyday photo pose: its only mentions are hand signs (✌, ☝, "salam dua
 * jari", "pose satu jari"), it carries everyday context (a neutral cue: arisan, wisuda, liburan,
 * kantor, pose), and nothing beside them points at the vote — no call to vote, no clear cue
 * other than the sign's own greeting ("kode keras", "satu komando"), no election day.
 */
function isEverydayPose(post: ScreenablePost, mentionHits: List<LexiconHit>, cues: List<LexiconHit>): boolean {
  if (post.kind === 'like' || post.kind === 'follow') return false;
  for (let k = 0; k < mentionHits.count; k++) {
    const hit = mentionHits.items[k];
    if (hit.entry.kind !== 'ballot_number' || !isHandSign(hit.entry)) return false;
  }
  let everyday = false;
  for (let k = 0; k < cues.count; k++) {
    const cue = cues.items[k];
    if (cue.entry.kind === 'neutral_cue') everyday = true;
    else if (isCall(cue.entry) || (!cue.entry.ambiguous && !isHandSign(cue.entry))) return false;
  }
  return everyday && !hasElectionContext(post.text);
}

function neutralPenalty(neutral: List<LexiconHit>, config: ScoringConfig): number {
  let penalty = 0;
  for (let k = 0; k < neutral.count; k++) penalty += config.neutralCue * factorOf(neutral.items[k].entry, config);
  return -Math.min(config.maxNeutralPenalty, penalty);
}

/** The cue score: the sum of the weights of the reasons \`explain\` writes, without writing them. */
function cueScoreOf(post: ScreenablePost, best: PairGroup, neutral: List<LexiconHit>, config: ScoringConfig): number {
  let sum = Math.round(best.best.weight);
  if (handSignTied(post, best)) sum += Math.round(config.handSign);
  if (best.support.count > 0) sum += Math.round(cueTotal(best.support, config));
  if (best.opposition.count > 0) sum += Math.round(cueTotal(best.opposition, config));
  if (isEngagement(post.kind)) sum += Math.round(config.engagement[post.kind]);
  if (post.asnLinked) sum += Math.round(config.asnLinked);
  if (neutral.count > 0) sum += Math.round(neutralPenalty(neutral, config));
  return Math.max(0, Math.min(100, sum));
}

/** What an everyday pose's cap takes off a cue score (0 or negative). */
function posePenalty(cueScore: number, config: ScoringConfig): number {
  return Math.min(0, config.everydayPose - cueScore);
}

/** The reasons behind the score of a post whose most likely pairs are `best`, led by `pairId`. */
function explain(post: ScreenablePost, best: PairGroup, pairId: string, neutralList: List<LexiconHit>, directory: CandidateDirectory, config: ScoringConfig, pose: number): ScoreReason[] {
  const label = best.size > 1 ? `${directory.label(pairId)} (+${best.size - 1})` : directory.label(pairId);
  const kind = KIND_LABEL[best.best.entry.kind as MentionKind];
  const words = quote(post.text, best.best.hits.slice(0, 1));
  const members = best.mentions.toArray();
  const hitsOf = (m: Mention) => m.hits.slice(0, m.hitCount);
  const mentionHits = members.flatMap(hitsOf);
  const neutral = neutralList.toArray();
  const reasons = [reason('candidate_mention', best.best.weight, `Menyebut ${label} lewat ${kind.id} ${words}`, `Names ${label} through the ${kind.en} ${words}`, mentionHits)];
  if (handSignTied(post, best)) {
    const signs = members.filter((m) => m.entry.kind === 'ballot_number' && isHandSign(m.entry));
    const hits = signs.flatMap(hitsOf);
    const quoted = quote(post.text, hits);
    reasons.push(reason('hand_sign', config.handSign, `Isyarat jari nomor urut ${quoted} bersama nama pasangan`, `Hand sign of the ballot number ${quoted} with the pair's name`, hits));
  }
  if (best.support.count > 0) reasons.push(cueReason('support_cue', best.support, post.text, config, 'Ajakan atau dukungan', 'Support cue'));
  if (best.opposition.count > 0) reasons.push(cueReason('opposition_cue', best.opposition, post.text, config, 'Ajakan menolak', 'Opposition cue'));
  if (isEngagement(post.kind)) {
    const engagement = ENGAGEMENT_LABEL[post.kind];
    reasons.push(reason('engagement', config.engagement[post.kind], `${engagement.id} (SKB 2022 A06)`, `${engagement.en} (SKB 2022 A06)`));
  }
  if (post.asnLinked) reasons.push(reason('asn_account', config.asnLinked, 'Akun terhubung dengan ASN', 'Account linked to an ASN'));
  if (neutral.length > 0) {
    const quoted = quote(post.text, neutral);
    reasons.push(reason('neutral_context', neutralPenalty(neutralList, config), `Konteks berita atau netral: ${quoted}`, `News or neutral context: ${quoted}`, neutral));
  }
  if (pose < 0) {
    reasons.push(
      reason(
        'neutral_context',
        pose,
        'Pose jari dalam foto keseharian: tanpa nama pasangan, nomor urut yang disebut, atau ajakan memilih di dekatnya',
        "A finger pose in an everyday photo: no pair's name, spelled ballot number or call to vote beside it",
      ),
    );
  }
  return reasons;
}


function band(value: number, edges: readonly number[]): number {
  let k = 0;
  while (k < edges.length && value >= edges[k]) k++;
  return k;
}

/** What a cue finding's label needs beyond its name: the exact counts behind its band. */
interface CueContext {
  readonly cueScore: number;
  readonly tokenCount: number;
  readonly pairGroups: number;
  readonly neutral: number;
}

const POST_KINDS: readonly PostKind[] = ['post', 'comment', 'share', 'like', 'follow'];
const MENTION_KIND_LIST = Object.keys(KIND_LABEL) as MentionKind[];
/** Every cue finding's name, by id: a scored post lists its findings as ids, the labels and the training read the names. */
const CUE_FEATURES: string[] = [];
function cueId(name: string): number {
  CUE_FEATURES.push(name);
  return CUE_FEATURES.length - 1;
}
const idsBy = (keys: readonly string[], name: (key: string) => string) => Object.fromEntries(keys.map((k) => [k, cueId(name(k))])) as Record<string, number>;
/** The findings' ids, given once: scoring a post allocates none of them. */
const IDS = {
  mention: idsBy(MENTION_KIND_LIST, (k) => `mention:${k}`),
  mentionAmbiguous: cueId('mention:ambiguous'),
  also: idsBy(MENTION_KIND_LIST, (k) => `also:${k}`),
  support: { near: cueId('support:near'), far: cueId('support:far'), clear: cueId('support:clear'), vague: cueId('support:ambiguous') },
  opposition: { near: cueId('opposition:near'), far: cueId('opposition:far'), clear: cueId('opposition:clear'), vague: cueId('opposition:ambiguous') },
  neutral: [0, 1, 2, 3].map((n) => cueId(`neutral:${n}`)),
  kind: idsBy(POST_KINDS, (k) => `kind:${k}`),
  asn: [cueId('asn:false'), cueId('asn:true')],
  kindAsn: Object.fromEntries(POST_KINDS.map((k) => [k, [cueId(`kind_asn:${k}:false`), cueId(`kind_asn:${k}:true`)]])) as Record<string, [number, number]>,
  pairs: [0, 1, 2, 3].map((n) => cueId(`pairs:${n}`)),
  region: [cueId('region:false'), cueId('region:true')],
  cueScore: [0, 1, 2, 3, 4].map((n) => cueId(`cue_score:${n}`)),
  length: [0, 1, 2, 3, 4].map((n) => cueId(`length:${n}`)),
};
const CUE_SCORE_EDGES = [20, 40, 60, 80];
const LENGTH_EDGES = [4, 9, 21, 41];

/** A post's cue findings as ids, in a scratch array the caller refills for each post. */
class CueIds {
  ids = new Int32Array(32);
  count = 0;

  push(id: number): void {
    if (this.count === this.ids.length) {
      const ids = new Int32Array(this.count * 2);
      ids.set(this.ids);
      this.ids = ids;
    }
    this.ids[this.count++] = id;
  }

  has(id: number, from: number): boolean {
    for (let k = from; k < this.count; k++) if (this.ids[k] === id) return true;
    return false;
  }

  names(): string[] {
    return Array.from(this.ids.subarray(0, this.count), (id) => CUE_FEATURES[id]);
  }
}

/**
 * What the explainable cues found, as the model's categorical features (as ids into CUE_FEATURES, the names): the kind of
 * the leading mention, support and opposition cues near or far, neutral context, the kind of
 * post, the ASN link, how many pairs are named, whether the pair runs in the account's region,
 * the cue score. `cueFeatureLabels` writes their labels when a reason names them.
 */
function cueFeatureIds(post: ScreenablePost, ranked: List<RankedGroup>, neutral: List<LexiconHit>, cueScore: number, tokenCount: number, f: CueIds): void {
  const best = ranked.items[0].group;
  const kind = best.best.entry.kind;
  f.push(IDS.mention[kind]);
  if (best.best.entry.ambiguous) f.push(IDS.mentionAmbiguous);
  // Each other kind of mention once, in the order they come.
  const others = f.count;
  for (let j = 0; j < best.mentions.count; j++) {
    const k = best.mentions.items[j].entry.kind;
    if (k !== kind && !f.has(IDS.also[k], others)) f.push(IDS.also[k]);
  }
  if (best.support.count > 0) cueState(f, best.support, IDS.support);
  if (best.opposition.count > 0) cueState(f, best.opposition, IDS.opposition);
  if (neutral.count > 0) f.push(IDS.neutral[Math.min(neutral.count, 3)]);
  f.push(IDS.kind[post.kind]);
  f.push(IDS.asn[Number(post.asnLinked)]);
  f.push(IDS.kindAsn[post.kind][Number(post.asnLinked)]);
  f.push(IDS.pairs[Math.min(ranked.count, 3)]);
  if (post.regionCode !== undefined) f.push(IDS.region[Number(ranked.items[0].local.length > 0)]);
  f.push(IDS.cueScore[band(cueScore, CUE_SCORE_EDGES)]);
  f.push(IDS.length[band(tokenCount, LENGTH_EDGES)]);
}

function cueState(f: CueIds, cues: List<CueEvidence>, ids: { near: number; far: number; clear: number; vague: number }): void {
  let isNear = false;
  let isClear = false;
  for (let k = 0; k < cues.count; k++) {
    const c = cues.items[k];
    if (c.near) isNear = true;
    if (!c.hit.entry.ambiguous) isClear = true;
  }
  f.push(isNear ? ids.near : ids.far);
  f.push(isClear ? ids.clear : ids.vague);
}

/** The Indonesian and English labels of a cue finding. */
function cueFeatureLabels(name: string, context: CueContext): CueFeature {
  const [what, value, extra] = name.split(':');
  const label = (id: string, en: string): CueFeature => [name, id, en];
  switch (what) {
    case 'mention':
      return value === 'ambiguous' ? label('sebutan ambigu', 'ambiguous mention') : label(`sebutan lewat ${KIND_LABEL[value as MentionKind].id}`, `named through a ${KIND_LABEL[value as MentionKind].en}`);
    case 'also':
      return label(`juga ${KIND_LABEL[value as MentionKind].id}`, `also a ${KIND_LABEL[value as MentionKind].en}`);
    case 'support':
    case 'opposition': {
      const [id, en] = what === 'support' ? ['ajakan/dukungan', 'support cue'] : ['ajakan menolak', 'opposition cue'];
      if (value === 'near' || value === 'far') return label(`${id} ${value === 'near' ? 'dekat' : 'jauh dari'} sebutan`, `${en} ${value === 'near' ? 'near' : 'far from'} the mention`);
      return label(`${id} ${value === 'clear' ? 'jelas' : 'samar'}`, `${value === 'clear' ? 'clear' : 'vague'} ${en}`);
    }
    case 'neutral':
      return label(`${context.neutral} penanda berita/netral`, `${context.neutral} news or neutral marks`);
    case 'kind':
      return label(`jenis ${value}`, `a ${value}`);
    case 'asn':
      return value === 'true' ? label('akun ASN', 'ASN account') : label('akun bukan ASN', 'account not linked to an ASN');
    case 'kind_asn':
      return label(`${value} ${extra === 'true' ? 'oleh ASN' : 'bukan ASN'}`, `${value} ${extra === 'true' ? 'by an ASN' : 'by a non-ASN'}`);
    case 'pairs':
      return label(`${context.pairGroups} kelompok pasangan disebut`, `${context.pairGroups} pair groups named`);
    case 'region':
      return value === 'true' ? label('calon di wilayah akun', "pair runs in the account's region") : label('calon di luar wilayah akun', 'pair runs elsewhere');
    case 'cue_score':
      return label(`skor isyarat ${context.cueScore}`, `cue score ${context.cueScore}`);
    default:
      return label(`${context.tokenCount} kata`, `${context.tokenCount} words`);
  }
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
  tokens?: readonly NormalisedToken[] | TokenList,
): ScreeningResult {
  const analysis = analyse(post, hits, directory, config);
  if (!analysis) return IRRELEVANT;
  const { cueScore, cueLean, candidatePairIds } = analysis;
  let opposes = cueLean > 0;
  let score = cueScore;
  let points = 0;
  const model = config.model;
  // An everyday pose is capped by the cues alone: the model's words of a holiday photo are no evidence either way.
  if (model && tokens && !analysis.everydayPose) {
    // Numbers only, in scratch arrays: the model's features and their labels are built again only if the reasons are read.
    const array = isTokenArray(tokens);
    const count = array ? tokens.length : tokens.count;
    MASK.clear();
    for (let k = 0; k < analysis.mentionHits.count; k++) {
      const h = analysis.mentionHits.items[k];
      MASK.add(h.tokenStart, h.tokenEnd, h.entry.kind);
    }
    CUES.count = 0;
    cueFeatureIds(post, analysis.ranked, analysis.neutral, cueScore, count, CUES);
    modelLogitsByCueIdsInto(model, array ? tokens : tokens.words, count, !array, MASK, CUES.ids, CUES.count, cueWeightsOf(model), LOGITS);
    points = Math.max(-model.maxPoints, Math.min(model.maxPoints, Math.round(LOGITS[0] * model.pointsPerLogit)));
    score = Math.max(0, Math.min(100, cueScore + points));
    // Support or attack matters for flagged posts only.
    if (score >= config.threshold) opposes = sigmoid(LOGITS[1] + cueLean / model.pointsPerLogit) > 0.5;
  }
  const flagged = score >= config.threshold;
  let pairCount = 0;
  for (let g = 0; g < analysis.groups.count; g++) pairCount += analysis.groups.items[g].size;
  return new ExplainedResult(
    score,
    !flagged ? 'mention_only' : opposes ? 'likely_opposition' : 'likely_support',
    candidatePairIds,
    pairCount,
    !flagged ? null : opposes ? 'attack' : 'support',
    post,
    hits,
    directory,
    config,
    tokens && (isTokenArray(tokens) ? tokens : tokens.normaliser),
    points,
  );
}

/** Scratch of `scorePost` (scoring is synchronous): the mentions the model masks, the cue findings' ids, the log-odds. */
const MASK = new MentionMask();
const CUES = new CueIds();
/** Each model's weights of the cue findings, by id (violation at [2 id], stance at [2 id + 1]). */
const cueWeights = new WeakMap<ScreeningModel, Float64Array>();
function cueWeightsOf(model: ScreeningModel): Float64Array {
  let weights = cueWeights.get(model);
  if (!weights) cueWeights.set(model, (weights = cueFeatureWeights(model, CUE_FEATURES)));
  return weights;
}
const LOGITS = new Float64Array(2);

/**
 * The reasons of a scored post: its hits analysed again (the analysis lives in scratch that the
 * next post reuses, and the same hits give the same analysis), then written at once.
 */
function explainAll(
  post: ScreenablePost,
  hits: readonly LexiconHit[],
  directory: CandidateDirectory,
  config: ScoringConfig,
  tokens: readonly NormalisedToken[] | Normaliser | undefined,
  points: number,
): ScoreReason[] {
  // Not null: the same hits named a candidate when the post was scored.
  const analysis = analyse(post, hits, directory, config) as Analysis;
  const reasons = explain(post, analysis.ranked.items[0].group, analysis.candidatePairIds[0], analysis.neutral, directory, config, analysis.pose);
  const model = config.model;
  if (model && tokens && points !== 0) {
    const all = Array.isArray(tokens) ? (tokens as readonly NormalisedToken[]) : (tokens as Normaliser).normalise(post.text);
    reasons.push(modelReason(post.text, points, contributions(model.violation, featuresOf(post, analysis, all, model)), config));
  }
  return reasons;
}

/**
 * A result whose reasons and highlights are written when first read (and kept): the score is
 * known from numbers alone, and most posts that name a candidate are read by nobody. A class,
 * so that a result costs one small object; `toJSON` writes the reasons too.
 */
class ExplainedResult implements ScreeningResult {
  private explained: readonly ScoreReason[] | undefined;
  private spans: readonly TextSpan[] | undefined;

  constructor(
    readonly score: number,
    readonly category: ScreeningCategory,
    readonly candidatePairIds: readonly string[],
    readonly candidatePairCount: number,
    readonly stance: 'support' | 'attack' | null,
    // What the reasons are written from, when read: the post, its hits (its own array, which the
    // matcher builds for each post), the post's tokens or the normaliser that reads them from its
    // text again (the matcher's run is reused meanwhile), and the model's points (0: no model reason).
    private readonly post: ScreenablePost,
    private readonly hits: readonly LexiconHit[],
    private readonly directory: CandidateDirectory,
    private readonly config: ScoringConfig,
    private readonly tokens: readonly NormalisedToken[] | Normaliser | undefined,
    private readonly points: number,
  ) {}

  get reasons(): readonly ScoreReason[] {
    return (this.explained ??= explainAll(this.post, this.hits, this.directory, this.config, this.tokens, this.points));
  }

  get highlights(): readonly TextSpan[] {
    return (this.spans ??= mergeSpans(this.reasons));
  }

  toJSON(): ScreeningResult {
    const { score, category, candidatePairIds, candidatePairCount, stance, reasons, highlights } = this;
    return { score, category, candidatePairIds, candidatePairCount, stance, reasons, highlights };
  }
}

function isTokenArray(tokens: readonly NormalisedToken[] | TokenList): tokens is readonly NormalisedToken[] {
  return Array.isArray(tokens);
}

function maskedSpans(analysis: Analysis): MaskedSpan[] {
  return analysis.mentionHits.toArray().map((h) => ({ tokenStart: h.tokenStart, tokenEnd: h.tokenEnd, kind: h.entry.kind }));
}

/** The analysis of the post last analysed: valid until the next (one object, reused). */
interface Analysis {
  readonly mentionHits: List<LexiconHit>;
  readonly groups: List<PairGroup>;
  readonly ranked: List<RankedGroup>;
  readonly neutral: List<LexiconHit>;
  /** The post's own array (a result keeps it). */
  candidatePairIds: string[];
  cueScore: number;
  /** Opposition minus support evidence of the leading pair (engagement counts as support), in points. */
  cueLean: number;
  /** Whether the post is an everyday pose (`isEverydayPose`): capped, and not shown to the model. */
  everydayPose: boolean;
  /** What the everyday-pose cap took off (0 or negative). */
  pose: number;
}

const ANALYSIS: Analysis = { mentionHits: MENTION_HITS, groups: GROUPS, ranked: RANKED, neutral: NEUTRAL, candidatePairIds: [], cueScore: 0, cueLean: 0, everydayPose: false, pose: 0 };

/** The explainable cues' reading of a post; null when it names no candidate. */
function analyse(post: ScreenablePost, hits: readonly LexiconHit[], directory: CandidateDirectory, config: ScoringConfig): Analysis | null {
  if (hits.length === 0) return null;
  const mentionHits = MENTION_HITS;
  const cueHits = CUE_HITS;
  mentionHits.clear();
  cueHits.clear();
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k];
    (MENTION_KINDS.has(hit.entry.kind) ? mentionHits : cueHits).push(hit);
  }
  // Most posts name no candidate: nothing to weigh, whatever cues they hold.
  if (mentionHits.count === 0) return null;
  EVIDENCE.clear();
  mentionsOf(mentionHits, config);
  groupPairs();
  const cues = OUTER_CUES;
  outermostCues(cueHits, cues);
  if (post.kind !== 'like' && post.kind !== 'follow') {
    for (let k = 0; k < cues.count; k++) if (cues.items[k].entry.kind !== 'neutral_cue') assignCue(cues.items[k], MENTIONS, GROUPS, config, post.text);
  }
  rankGroups(post, directory, config);
  if (RANKED.count === 0) return null;
  const best = RANKED.items[0].group;
  const candidatePairIds = listPairs(config.maxCandidatePairs);
  const neutral = NEUTRAL;
  neutral.clear();
  for (let k = 0; k < cues.count; k++) if (cues.items[k].entry.kind === 'neutral_cue') neutral.push(cues.items[k]);
  const raw = cueScoreOf(post, best, neutral, config);
  const everydayPose = isEverydayPose(post, mentionHits, cues);
  const pose = everydayPose ? posePenalty(raw, config) : 0;
  const engagement = isEngagement(post.kind) ? config.engagement[post.kind] : 0;
  const analysis = ANALYSIS;
  analysis.candidatePairIds = candidatePairIds;
  analysis.cueScore = raw + pose;
  analysis.cueLean = cueTotal(best.opposition, config) - cueTotal(best.support, config) - engagement;
  analysis.everydayPose = everydayPose;
  analysis.pose = pose;
  return analysis;
}

function featuresOf(post: ScreenablePost, analysis: Analysis, tokens: readonly NormalisedToken[], hashing: FeatureHashing): PostFeatures {
  const context = { cueScore: analysis.cueScore, tokenCount: tokens.length, pairGroups: analysis.ranked.count, neutral: analysis.neutral.count };
  const ids = new CueIds();
  cueFeatureIds(post, analysis.ranked, analysis.neutral, analysis.cueScore, tokens.length, ids);
  const cues = ids.names().map((name) => cueFeatureLabels(name, context));
  return postFeatures(post.text, tokens, maskedSpans(analysis), cues, hashing);
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
  // An everyday pose is scored by the cues alone, so the model does not learn from it either.
  if (!analysis || analysis.everydayPose) return null;
  return { cueScore: analysis.cueScore, cueLean: analysis.cueLean, features: featuresOf(post, analysis, tokens, hashing), candidatePairIds: analysis.candidatePairIds };
}
