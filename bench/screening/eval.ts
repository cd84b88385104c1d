/**
 * Precision and recall of the screening engine on the labelled posts, per split.
 *
 *   npx tsx bench/screening/eval.ts [--mistakes tuning|holdout|all]
 *
 * The holdout split was written before any tuning and is never tuned on: it estimates how the
 * scorer does on posts it has not seen. --mistakes lists the wrongly judged posts of a split.
 */
import { readFileSync } from 'node:fs';
import {
  buildLexicon,
  createScreener,
  evaluateScreening,
  parseLabelledPosts,
  type CandidatePair,
  type LabelledPost,
  type ScreeningEvaluation,
} from '../../packages/core/src/screening/index.ts';

const fixtures = new URL('../../packages/core/src/screening/fixtures/', import.meta.url);
const pairs = JSON.parse(readFileSync(new URL('candidates.json', fixtures), 'utf8')) as CandidatePair[];
const posts = parseLabelledPosts(readFileSync(new URL('labelled-posts.jsonl', fixtures), 'utf8'));
const screener = createScreener(buildLexicon('pilkada-2024', pairs));

const splits: Array<[string, LabelledPost[]]> = [
  ['tuning', posts.filter((p) => p.split !== 'holdout')],
  ['holdout', posts.filter((p) => p.split === 'holdout')],
  ['all', posts],
];
const results = new Map(splits.map(([name, subset]) => [name, evaluateScreening(screener, subset)]));

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`Screening evaluation at the default threshold (${screener.config.threshold})\n`);
console.log('| split | posts | precision | recall | F1 | TP | FP | TN | FN | right candidate |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, r] of results) {
  console.log(
    `| ${name} | ${r.posts} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${r.truePositives} | ${r.falsePositives} | ${r.trueNegatives} | ${r.falseNegatives} | ${pct(r.attributionAccuracy)} |`,
  );
}

const flag = process.argv.indexOf('--mistakes');
if (flag >= 0) {
  const split = process.argv[flag + 1] ?? 'tuning';
  const evaluation: ScreeningEvaluation | undefined = results.get(split);
  if (!evaluation) throw new Error(`--mistakes takes tuning, holdout or all, not ${split}`);
  console.log(`\nMistakes (${split}):`);
  for (const { post, result, error } of evaluation.mistakes) {
    console.log(`\n${error} ${post.id} score ${result.score} ${result.category} → ${result.candidatePairIds[0] ?? '-'} (${post.kind}, asn ${post.asnLinked})`);
    console.log(`  ${post.text}`);
    for (const reason of result.reasons) console.log(`  ${reason.weight > 0 ? '+' : ''}${reason.weight} ${reason.en}`);
  }
}
