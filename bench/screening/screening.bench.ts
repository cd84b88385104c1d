/**
 * bench/screening — throughput of Netra's social-media screening (normalise + Aho–Corasick match
 * + score) against two baselines, side by side in one script on the same generated posts:
 *   (a) ONE combined JavaScript RegExp of the same lexicon terms (alternation, word boundaries,
 *       case-insensitive);
 *   (b) PostgreSQL full-text search, to_tsvector('indonesian', body) @@ to_tsquery('indonesian',
 *       <OR of the lexicon>), by sequential scan and with a GIN index, on an embedded PostgreSQL.
 * Then a lexicon-size curve: Netra's normalise+match and the RegExp at 500 … 50,000 terms.
 *
 *   npx tsx bench/screening/screening.bench.ts [--posts 1000000] [--regexp-sample 200000]
 *        [--pg-sample 10000] [--gin-sample 500] [--curve-posts 20000] [--skip-postgres] [--out FILE]
 *
 * Rates are per core, in CPU time (this process; the PostgreSQL backend from /proc, parallel
 * workers off), because the machine may be shared; Netra and the RegExp run in alternating chunks
 * of the same posts. The RegExp and PostgreSQL are too slow for a million posts in a few minutes,
 * so they read the first posts of the same list, and Netra's rate on those posts is reported
 * beside theirs. Writes the Markdown report to bench/screening/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildLexicon, createScreener, MENTION_KINDS, type Lexicon, type LexiconEntry } from '../../packages/core/src/screening/index.ts';
import { startEmbeddedPostgres } from '../../packages/server/src/db/embedded-postgres.ts';
import { freePort } from '../../packages/server/src/testing/free-port.ts';
import { generatePairs, generatePosts, seededRandom } from './generate.ts';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '1000000' },
    'regexp-sample': { type: 'string', default: '200000' },
    'pg-sample': { type: 'string', default: '10000' },
    'gin-sample': { type: 'string', default: '500' },
    'curve-posts': { type: 'string', default: '20000' },
    'skip-postgres': { type: 'boolean', default: false },
    /** Where the Markdown report goes (default bench/screening/RESULTS.md). */
    out: { type: 'string' },
  },
});
const postCount = Number(values.posts);
const regexpSample = Math.min(postCount, Number(values['regexp-sample']));
const pgSample = Math.min(postCount, Number(values['pg-sample']));
const ginSample = Math.min(pgSample, Number(values['gin-sample']));
const curvePosts = Math.min(postCount, Number(values['curve-posts']));
const PAIRS = 1500;
const CURVE_SIZES = [500, 5_000, 20_000, 50_000];
const ELECTION = 'bench-election';

const log = (message: string) => console.error(`[screening] ${message}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** CPU time of this process in ms: what one core spends, however busy the machine is. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs `work`, returning its result and the CPU ms it took. */
const time = <T>(work: () => T): [T, number] => {
  const started = cpuMs();
  const result = work();
  return [result, cpuMs() - started];
};

const postsPerSecond = (r: { posts: number; ms: number }) => (r.posts / r.ms) * 1000;
const megabytesPerSecond = (r: { bytes: number; ms: number }) => (r.bytes / 1e6 / r.ms) * 1000;
const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---------------------------------------------------------------- data
const loadBefore = os.loadavg()[0];
const random = seededRandom(2024);
const [pairs, pairsMs] = time(() => generatePairs(random, PAIRS, ELECTION));
const [posts, postsMs] = time(() => generatePosts(random, postCount, pairs));
const byteLengths = posts.map((p) => Buffer.byteLength(p));
const bytesOf = (n: number) => byteLengths.slice(0, n).reduce((sum, b) => sum + b, 0);
log(`${fmt(PAIRS)} pairs in ${seconds(pairsMs)}, ${fmt(postCount)} posts (${fmt(bytesOf(postCount) / 1e6, 1)} MB) in ${seconds(postsMs)}`);

const [lexicon, lexiconMs] = time(() => buildLexicon(ELECTION, pairs));
/** The lexicon's terms as the baselines see them: each distinct normalised token sequence. */
const termsOf = (entries: readonly LexiconEntry[]) => [...new Set(entries.map((e) => e.tokens.join(' ')))];
const terms = termsOf(lexicon.entries);
const names = lexicon.entries.filter((e) => e.kind === 'candidate_name' && e.tokens.length > 1 && e.source === 'registry').length;
log(`lexicon: ${fmt(lexicon.entries.length)} entries, ${fmt(terms.length)} distinct terms, ${fmt(names)} multi-word names, built in ${seconds(lexiconMs)}`);

// ---------------------------------------------------------------- measuring
/** CPU time of another process (the PostgreSQL backend) in ms, from /proc. */
function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, fields 14 and 15 of stat, counted from the state field (3).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

/** An engine over posts [from, to): returns how many of them it found something in. */
type Engine = (from: number, to: number) => number;

/** Netra on the posts: normalise + match, or + score (with the learned model, or the cues alone when `cuesOnly`). */
function netraEngine(forLexicon: Lexicon, score: boolean, cuesOnly = false): Engine {
  const screener = createScreener(forLexicon, cuesOnly ? { model: null } : {});
  const { threshold } = screener.config;
  return (from, to) => {
    let found = 0;
    for (let i = from; i < to; i++) {
      if (score) {
        if (screener.screen({ text: posts[i], kind: 'post', asnLinked: true }).score >= threshold) found++;
      } else if (screener.matchText(posts[i]).length > 0) {
        found++;
      }
    }
    return found;
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One RegExp for all terms: words between \b boundaries, longest first; emoji terms without. */
function regexpEngine(ofTerms: readonly string[]): Engine {
  const sorted = [...ofTerms].sort((a, b) => b.length - a.length);
  const isWords = (t: string) => /^[\p{L}\p{N} ]+$/u.test(t);
  const words = sorted.filter(isWords).map(escapeRegExp);
  const symbols = sorted.filter((t) => !isWords(t)).map(escapeRegExp);
  const regexp = new RegExp(`\\b(?:${words.join('|')})\\b${symbols.length > 0 ? `|${symbols.join('|')}` : ''}`, 'gi');
  return (from, to) => {
    let found = 0;
    for (let i = from; i < to; i++) {
      regexp.lastIndex = 0;
      if (regexp.exec(posts[i]) !== null) found++;
      while (regexp.exec(posts[i]) !== null);
    }
    return found;
  };
}

interface Measured {
  posts: number;
  bytes: number;
  /** CPU ms. */
  ms: number;
  found: number;
}

/**
 * Runs the engines over posts [0, count) in alternating chunks, so that a change of load on a
 * shared machine falls on all of them alike. Each first warms up on up to 20,000 posts: the
 * optimising compiler runs on background threads whose CPU time would otherwise be counted.
 */
function interleaved(engines: readonly Engine[], count: number, chunk = 5_000): Measured[] {
  for (const engine of engines) engine(0, Math.min(20_000, count));
  const results = engines.map(() => ({ posts: count, bytes: bytesOf(count), ms: 0, found: 0 }));
  for (let from = 0; from < count; from += chunk) {
    const to = Math.min(count, from + chunk);
    engines.forEach((engine, k) => {
      const started = cpuMs();
      results[k].found += engine(from, to);
      results[k].ms += cpuMs() - started;
    });
  }
  return results;
}

// ---------------------------------------------------------------- Netra and the RegExp, side by side
log(`Netra and RegExp (${fmt(terms.length)} terms), interleaved over the first ${fmt(regexpSample)} posts …`);
const [netraSample, cuesSample, matchSample, regexpRun] = interleaved(
  [netraEngine(lexicon, true), netraEngine(lexicon, true, true), netraEngine(lexicon, false), regexpEngine(terms)],
  regexpSample,
);
log(`  Netra ${fmt(postsPerSecond(netraSample))} posts/s (cues only ${fmt(postsPerSecond(cuesSample))}), normalise+match ${fmt(postsPerSecond(matchSample))}, RegExp ${fmt(postsPerSecond(regexpRun))}`);

log(`Netra over all ${fmt(postCount)} posts …`);
const [netraAll] = interleaved([netraEngine(lexicon, true)], postCount, 50_000);
log(`  ${fmt(postsPerSecond(netraAll))} posts/s, ${fmt(netraAll.found)} at or above the threshold`);

// ---------------------------------------------------------------- PostgreSQL
/** The lexicon as one tsquery: phrases with <->, all ORed in a balanced tree (a flat chain of 16k ORs recurses too deep). */
function tsquery(ofTerms: readonly string[]): string {
  const operands = ofTerms
    .map((t) => t.split(' '))
    .filter((tokens) => tokens.every((w) => /^[\p{L}\p{N}]+$/u.test(w)))
    .map((tokens) => tokens.map((w) => `'${w}'`).join(' <-> '));
  const tree = (xs: string[]): string => (xs.length === 1 ? xs[0] : `(${tree(xs.slice(0, xs.length >> 1))} | ${tree(xs.slice(xs.length >> 1))})`);
  return tree(operands);
}

const escapeCopy = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

async function runPostgres() {
  const dataDir = new URL('../.data/screening-pg/', import.meta.url).pathname;
  log(`PostgreSQL: starting an embedded server in ${dataDir} …`);
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), fast: true });
  const client = new pg.Client({ connectionString: db.connectionString() });
  await client.connect();
  try {
    const version = (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v;
    const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await client.query('SET max_parallel_workers_per_gather = 0');
    await client.query('DROP TABLE IF EXISTS bench_posts, bench_sample, bench_gin_sample');
    await client.query('CREATE UNLOGGED TABLE bench_posts (id integer PRIMARY KEY, body text NOT NULL)');
    log(`PostgreSQL ${version}: COPY ${fmt(postCount)} posts …`);
    const copyStarted = performance.now();
    await pipeline(
      Readable.from((function* () {
        for (let i = 0; i < posts.length; i++) yield `${i}\t${escapeCopy(posts[i])}\n`;
      })()),
      client.query(copyFrom('COPY bench_posts (id, body) FROM STDIN')),
    );
    const copyMs = performance.now() - copyStarted;
    // The samples in tables of their own: the GIN run is far slower, so it reads fewer posts.
    await client.query(`CREATE UNLOGGED TABLE bench_sample AS SELECT body FROM bench_posts WHERE id < ${pgSample}`);
    await client.query(`CREATE UNLOGGED TABLE bench_gin_sample AS SELECT body FROM bench_posts WHERE id < ${ginSample}`);
    await client.query('ANALYZE bench_sample, bench_gin_sample');
    const query = tsquery(terms);
    const count = (table: string) =>
      `SELECT count(*)::int AS n FROM ${table} WHERE to_tsvector('indonesian', body) @@ to_tsquery('indonesian', $1)`;
    /** Backend CPU time of a statement, less the time to parse the tsquery (measured once). */
    const measure = async (statement: string) => {
      const before = processCpuMs(backend);
      const rows = (await client.query<{ n: number }>(statement, [query])).rows;
      return { ms: processCpuMs(backend) - before, found: rows[0]?.n ?? 0 };
    };
    const parse = await measure(`SELECT numnode(to_tsquery('indonesian', $1)) AS n`);
    log(`PostgreSQL: sequential FTS over the first ${fmt(pgSample)} posts …`);
    const seq = await measure(count('bench_sample'));

    log('PostgreSQL: GIN index on the same posts …');
    const indexStarted = processCpuMs(backend);
    await client.query(`CREATE INDEX bench_gin_sample_fts ON bench_gin_sample USING gin (to_tsvector('indonesian', body))`);
    const indexMs = processCpuMs(backend) - indexStarted;
    await client.query('SET enable_seqscan = off');
    const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${count('bench_gin_sample')}`, [query])).rows
      .map((r) => r['QUERY PLAN'].trim().replace(/^->\s*/, ''))
      .find((line) => /Scan/.test(line));
    const gin = await measure(count('bench_gin_sample'));
    // The data directory stays for the next run; the million rows need not.
    await client.query('DROP TABLE bench_posts, bench_sample, bench_gin_sample');
    const sample = (posts: number, run: { ms: number; found: number }): Measured => ({ posts, bytes: bytesOf(posts), ms: run.ms - parse.ms, found: run.found });
    return { version, copyMs, parseMs: parse.ms, seq: sample(pgSample, seq), gin: sample(ginSample, gin), indexMs, plan: plan?.replace(/\s+\(cost=.*$/, '') };
  } finally {
    await client.end();
    await db.stop();
  }
}

const postgres = values['skip-postgres'] ? undefined : await runPostgres();
if (postgres) log(`PostgreSQL: ${fmt(postsPerSecond(postgres.seq))} posts/s sequential, ${fmt(postsPerSecond(postgres.gin))} posts/s with GIN`);

// ---------------------------------------------------------------- lexicon-size curve
/**
 * Lexicons of exactly N distinct terms: the benchmark lexicon first, then the entries of more
 * generated pairs, so the small lexicons still name the posts' candidates.
 */
function curveLexicons(): Array<{ size: number; lexicon: Lexicon; terms: string[] }> {
  const extra = buildLexicon(ELECTION, generatePairs(seededRandom(7), 3_500, ELECTION).map((p) => ({ ...p, id: `extra-${p.id}` })));
  const pool = new Map<string, LexiconEntry>();
  for (const entry of [...lexicon.entries, ...extra.entries]) {
    const key = entry.tokens.join(' ');
    if (!pool.has(key)) pool.set(key, entry);
  }
  const ordered = [...pool.values()];
  if (ordered.length < Math.max(...CURVE_SIZES)) throw new Error(`only ${ordered.length} distinct terms for the curve`);
  return CURVE_SIZES.map((size) => {
    const entries = ordered.slice(0, size);
    return { size, lexicon: { ...lexicon, candidates: [...lexicon.candidates, ...extra.candidates], entries }, terms: termsOf(entries) };
  });
}

log(`Lexicon-size curve over the first ${fmt(curvePosts)} posts …`);
const curve = curveLexicons().map(({ size, lexicon: sized, terms: sizedTerms }) => {
  const [netra, scored, regexp] = interleaved([netraEngine(sized, false), netraEngine(sized, true), regexpEngine(sizedTerms)], curvePosts);
  log(`  ${fmt(size)} terms: Netra ${fmt(postsPerSecond(netra))} posts/s (${fmt(postsPerSecond(scored))} scored), RegExp ${fmt(postsPerSecond(regexp))} posts/s`);
  return { size, netra, scored, regexp };
});
const loadAfter = os.loadavg()[0];

/** Posts of the RegExp sample that name a candidate: the scorer (and its model) reads only those in full. */
const mentioning = (() => {
  const screener = createScreener(lexicon);
  let count = 0;
  for (let i = 0; i < regexpSample; i++) if (screener.matchText(posts[i]).some((h) => MENTION_KINDS.has(h.entry.kind))) count++;
  return count;
})();

// ---------------------------------------------------------------- report
const ratio = (a: Measured, b: Measured) => postsPerSecond(a) / postsPerSecond(b);
const row = (engine: string, r: Measured, note: string) => {
  const mb = megabytesPerSecond(r);
  return `| ${engine} | ${fmt(r.posts)} | ${fmt(postsPerSecond(r))} | ${fmt(mb, mb < 0.1 ? 3 : 2)} | ${note} |`;
};
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const minutes = (r: Measured) => fmt(postCount / postsPerSecond(r) / 60, 0);
const command = `npx tsx bench/screening/screening.bench.ts ${process.argv.slice(2).join(' ')}`.trim();

const postgresRows = postgres
  ? `${row('PostgreSQL FTS, sequential scan', postgres.seq, `${fmt(postgres.seq.found)} posts matched; parsing the tsquery (${fmt(postgres.parseMs)} ms) excluded`)}
${row('PostgreSQL FTS, GIN index', postgres.gin, `${fmt(postgres.gin.found)} posts matched; index built in ${fmt(postgres.indexMs)} ms of CPU (excluded); plan: ${postgres.plan ?? '?'}`)}`
  : '';
const postgresRatios = postgres
  ? `| Netra / PostgreSQL FTS, sequential | ${fmt(ratio(matchSample, postgres.seq), 1)}× | ${fmt(ratio(cuesSample, postgres.seq), 1)}× | ${fmt(ratio(netraSample, postgres.seq), 1)}× | ≥ 10× |
| Netra / PostgreSQL FTS, GIN | ${fmt(ratio(matchSample, postgres.gin), 1)}× | ${fmt(ratio(cuesSample, postgres.gin), 1)}× | ${fmt(ratio(netraSample, postgres.gin), 1)}× | |`
  : '';
const postgresNotes = postgres
  ? `The RegExp reads the first ${fmt(regexpSample)} posts, PostgreSQL the first ${fmt(pgSample)} (${fmt(ginSample)} with the GIN index): all
${fmt(postCount)} would take them about ${minutes(regexpRun)}, ${minutes(postgres.seq)} and ${minutes(postgres.gin)} minutes of CPU. Loading the ${fmt(postCount)} posts with COPY took ${seconds(postgres.copyMs)}.
The GIN index cannot narrow a query that ORs every term of the lexicon (most posts contain some campaign
word) and its phrase operators force a recheck of every candidate row; the query took ${seconds(postgres.gin.ms)} of CPU,
mostly spent once per query on the ${fmt(terms.length)} OR'ed terms, so its per-post rate depends on the sample size.`
  : `The RegExp reads the first ${fmt(regexpSample)} posts (all ${fmt(postCount)} would take it about ${minutes(regexpRun)} minutes of CPU); PostgreSQL was skipped (\`--skip-postgres\`).`;

const report = `## Screening: Netra vs one RegExp${postgres ? ' vs PostgreSQL full-text search' : ''}

Measured ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC on ${cpu} (${os.cpus().length} cores, shared), Node ${process.version}${postgres ? `,
PostgreSQL ${postgres.version}` : ''}. Load average ${fmt(loadBefore, 1)} at the start, ${fmt(loadAfter, 1)} at the end. Command: \`${command}\`.

Every rate is per core: posts (or MB) per second of CPU time of the process doing the work (Node for
Netra and the RegExp, the PostgreSQL backend, read from /proc, with parallel workers off). CPU time
rather than wall time because the machine is shared; Netra and the RegExp also run in alternating
chunks of the same posts, so any change of load falls on both alike.

Data (seeded, fictional): ${fmt(PAIRS)} candidate pairs → a lexicon of ${fmt(lexicon.entries.length)} entries, ${fmt(terms.length)}
distinct terms (${fmt(names)} multi-word candidate names, nicknames, pair names, ballot-number expressions, parties,
slogans, hashtags, and the general cues), built in ${seconds(lexiconMs)} of CPU; ${fmt(postCount)} posts of 100–250 characters
(${fmt(bytesOf(postCount) / 1e6, 1)} MB), about a fifth written to name a candidate; ${fmt((100 * mentioning) / regexpSample, 1)} % of the first
${fmt(regexpSample)} name one for the matcher (a ✌ among the filler emoji is an ambiguous ballot number), and only those are scored in full.

| engine | posts | posts/s per core | MB/s per core | notes |
|---|---:|---:|---:|---|
${row('Netra: normalise + match + score', netraAll, `all posts; ${fmt(netraAll.found)} at or above the threshold`)}
${row('Netra: normalise + match + score', netraSample, 'first posts, beside the RegExp')}
${row('Netra: normalise + match + score, cues only (model off)', cuesSample, 'first posts, beside the RegExp')}
${row('Netra: normalise + match', matchSample, `first posts, beside the RegExp; ${fmt(matchSample.found)} with a hit`)}
${row('one combined RegExp', regexpRun, `${fmt(regexpRun.found)} posts with a match`)}
${postgresRows}

| ratio (posts/s per core) | normalise + match | + score, cues only | + score with the model | target |
|---|---:|---:|---:|---:|
| Netra / RegExp | ${fmt(ratio(matchSample, regexpRun), 1)}× | ${fmt(ratio(cuesSample, regexpRun), 1)}× | ${fmt(ratio(netraSample, regexpRun), 1)}× | ≥ 3× |
${postgresRatios}

${postgresNotes}
The engines do not find the same things: the RegExp${postgres ? ' and PostgreSQL see' : ' sees'} the terms as the lexicon spells them,
without Netra's slang, leetspeak, repeated-letter, misspelled-name and hashtag handling${postgres ? ' (PostgreSQL does stem)' : ''}, and ${postgres ? 'neither scores' : 'does not score'}.
The comparison is of throughput at equal lexicon size.

Lexicon-size curve, first ${fmt(curvePosts)} posts, the three engines interleaved:

| terms | Netra normalise + match, posts/s | Netra + score, posts/s | RegExp posts/s | match / RegExp | + score / RegExp |
|---:|---:|---:|---:|---:|---:|
${curve.map((c) => `| ${fmt(c.size)} | ${fmt(postsPerSecond(c.netra))} | ${fmt(postsPerSecond(c.scored))} | ${fmt(postsPerSecond(c.regexp))} | ${fmt(ratio(c.netra, c.regexp), 1)}× | ${fmt(ratio(c.scored, c.regexp), 1)}× |`).join('\n')}
`;

console.log(report);
const out = values.out ?? new URL('./RESULTS.md', import.meta.url).pathname;
fs.writeFileSync(out, `${report.trim()}\n`);
log(`written to ${out}`);
