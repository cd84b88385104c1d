/**
 * A fingerprint of everything the screening engine says about a fixed set of posts, to check that
 * a change for speed changes no result:
 *
 *   npx tsx bench/screening/check-identical.ts [--posts 20000] [--out FILE]
 *
 * Screens (a) the bench's generated posts (seed 2024, 1,500 pairs, as screening.bench.ts draws
 * them), each as a post, comment, share, like or follow, ASN-linked or not, with or without a
 * region, and (b) every labelled post of bench/screening/data and the core fixtures against the
 * fixture candidates, in five variants each. For every post it records the matcher's hits
 * (`matchText`), and the screening result with the learned model and with the cues alone: score,
 * category, pairs, pair count, stance, and the reasons and highlights read after the next post was
 * screened (they are written lazily, from the text normalised again). Prints one SHA-256 per part
 * and of all; `--out` also writes every post's line, to diff two runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  buildLexicon,
  createScreener,
  parseLabelledPosts,
  type CandidatePair,
  type Lexicon,
  type LexiconHit,
  type PostKind,
  type ScreenablePost,
  type ScreeningResult,
} from '../../packages/core/src/screening/index.ts';
import { generatePairs, generatePosts, seededRandom } from './generate.ts';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '20000' }, out: { type: 'string' } } });
const postCount = Number(values.posts);
const lines: string[] = [];

const KINDS: readonly PostKind[] = ['post', 'comment', 'share', 'like', 'follow'];

const hitsLine = (hits: readonly LexiconHit[]) =>
  hits.map((h) => `${h.entry.kind}/${h.entry.tokens.join(' ')}/${h.entry.candidatePairIds.length}@${h.tokenStart}-${h.tokenEnd}:${h.start}-${h.end}`).join(' ');

const resultLine = (r: ScreeningResult) =>
  JSON.stringify([r.score, r.category, r.candidatePairIds, r.candidatePairCount, r.stance]);

const reasonsLine = (r: ScreeningResult) => JSON.stringify([r.reasons, r.highlights]);

/** Screens the posts with one lexicon; returns the part's hash. */
function screenAll(name: string, lexicon: Lexicon, posts: readonly ScreenablePost[]): string {
  const hash = createHash('sha256');
  const withModel = createScreener(lexicon);
  const cuesOnly = createScreener(lexicon, { model: null });
  let previous: [number, ScreeningResult, ScreeningResult] | null = null;
  const write = (line: string) => {
    hash.update(line);
    hash.update('\n');
    if (values.out) lines.push(line);
  };
  const flush = () => {
    if (!previous) return;
    const [i, model, cues] = previous;
    write(`${name} ${i} reasons ${reasonsLine(model)} ${reasonsLine(cues)}`);
  };
  posts.forEach((post, i) => {
    const hits = withModel.matchText(post.text);
    const model = withModel.screen(post);
    const cues = cuesOnly.screen(post);
    // The previous post's reasons, read after this post was screened (the lazy path).
    flush();
    write(`${name} ${i} ${JSON.stringify([post.kind, post.asnLinked, post.regionCode ?? null])} hits ${hitsLine(hits)}`);
    write(`${name} ${i} model ${resultLine(model)} cues ${resultLine(cues)}`);
    previous = [i, model, cues];
  });
  flush();
  const digest = hash.digest('hex');
  console.log(`${name}: ${posts.length} posts ${digest}`);
  return digest;
}

const started = performance.now();
// (a) The bench's generated posts.
const random = seededRandom(2024);
const pairs = generatePairs(random, 1500, 'bench-election');
const texts = generatePosts(random, postCount, pairs);
const regions = [...new Set(pairs.map((p) => p.regionCode))];
const generated: ScreenablePost[] = texts.map((text, i) => ({
  text,
  kind: KINDS[i % KINDS.length],
  asnLinked: i % 3 !== 0,
  ...(i % 4 === 0 ? {} : { regionCode: regions[(i * 7919) % regions.length] }),
}));
const parts = [screenAll('generated', buildLexicon('bench-election', pairs), generated)];

// (b) The labelled posts, against the fixture candidates.
const fixtures = new URL('../../packages/core/src/screening/fixtures/', import.meta.url);
const fixturePairs = JSON.parse(readFileSync(new URL('candidates.json', fixtures), 'utf8')) as CandidatePair[];
const files = [
  new URL('labelled-posts.jsonl', fixtures),
  ...['posts.jsonl', 'dev-freeform.jsonl', 'freeform-2.jsonl', 'freeform-3.jsonl', 'freeform-4.jsonl'].map((f) => new URL(`./data/${f}`, import.meta.url)),
];
const labelled = files.flatMap((file) => parseLabelledPosts(readFileSync(file, 'utf8')));
const variants: ScreenablePost[] = labelled.flatMap((p) => {
  const post: ScreenablePost = { text: p.text, kind: p.kind, asnLinked: p.asnLinked, ...(p.regionCode ? { regionCode: p.regionCode } : {}) };
  return [
    post,
    { ...post, asnLinked: !post.asnLinked },
    { ...post, kind: 'share' },
    { ...post, kind: 'like' },
    { text: post.text, kind: post.kind, asnLinked: post.asnLinked },
  ];
});
parts.push(screenAll('labelled', buildLexicon('pilkada-2024', fixturePairs), variants));

console.log(`all: ${createHash('sha256').update(parts.join('\n')).digest('hex')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
if (values.out) writeFileSync(values.out, `${lines.join('\n')}\n`);
