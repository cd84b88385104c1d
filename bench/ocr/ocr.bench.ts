/**
 * bench/ocr — reading text in pictures (issue 18): OCR throughput and flyer recall.
 *
 *   npx tsx bench/ocr/ocr.bench.ts [--flyers 40] [--neutral 20] [--out FILE]
 *
 * Draws campaign flyers with sharp (packages/server/src/testing/flyers.ts: a call to vote, the
 * ballot number, the pair's nicknames or full names, the slogan, a hashtag, as SVG text on
 * coloured or gradient backgrounds with speckle noise, PNG or JPEG) for the eight fictional pairs
 * of the core fixtures, and neutral pictures (notices, menus, greetings). Each picture goes
 * through what the OCR job does: sharp preparation, tesseract.js with the packaged Indonesian data
 * (@tesseract.js-data/ind, nothing downloaded), and the core screenImageText with the pairs'
 * lexicon, scored as a post by an ASN-linked account in the pair's region.
 *
 * Throughput is pictures per second of CPU time of this process (tesseract's worker thread
 * included), so per core; wall time is reported beside it. Recall: flyers flagged (score at or
 * above the threshold) with the right pair first; neutral pictures flagged are false alarms.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildLexicon, createScreener, screenImageText, type CandidatePair } from '../../packages/core/src/screening/index.ts';
import { recognise, stopOcr } from '../../packages/server/src/capabilities/screening/ocr-engine.ts';
import { flyerImage, neutralImage, seededRandom, type FlyerSpec } from '../../packages/server/src/testing/flyers.ts';

const { values } = parseArgs({ options: { flyers: { type: 'string', default: '40' }, neutral: { type: 'string', default: '20' }, out: { type: 'string' } } });
const flyerCount = Number(values.flyers);
const neutralCount = Number(values.neutral);
const log = (message: string) => console.error(`[ocr] ${message}`);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const pairs = JSON.parse(fs.readFileSync(new URL('../../packages/core/src/screening/fixtures/candidates.json', import.meta.url), 'utf8')) as CandidatePair[];
const screener = createScreener(buildLexicon('pilkada-2024', pairs));
const threshold = screener.config.threshold;

const short = (name: string) => name.replace(/\b(H|Hj|Ir|Dra?|Drs|Prof|Raden|R)\.?\s+/g, '').replace(/,.*$/, '').trim();
const CALLS = ['COBLOS NOMOR {n}', 'PILIH NOMOR {n}', 'Ayo Coblos No. {n}', 'DUKUNG PASLON {n}', 'Jangan Lupa Coblos {n}!', 'MENANGKAN NOMOR URUT {n}'];

function flyerSpec(random: () => number, pair: CandidatePair): FlyerSpec {
  const call = CALLS[Math.floor(random() * CALLS.length)].replace('{n}', String(pair.ballotNumber));
  const nick = pair.head.nickname && pair.deputy.nickname && random() < 0.6;
  const names = nick ? `${pair.head.nickname} - ${pair.deputy.nickname}` : `${short(pair.head.name)} - ${short(pair.deputy.name)}`;
  return {
    call,
    names: random() < 0.5 ? names.toUpperCase() : names,
    ballotNumber: pair.ballotNumber,
    slogan: pair.slogans[0] ?? '',
    hashtag: random() < 0.7 ? pair.hashtags[0] : undefined,
  };
}

interface Outcome {
  kind: 'flyer' | 'neutral';
  flagged: boolean;
  rightPair: boolean;
  cpuMs: number;
  wallMs: number;
  bytes: number;
  text: string;
}

const random = seededRandom(18);
log('starting tesseract (Indonesian data from node_modules) …');
const startCpu = cpuMs();
const startWall = performance.now();
await recognise(await neutralImage(999));
const initCpu = cpuMs() - startCpu;
const initWall = performance.now() - startWall;
log(`  first picture (worker start + data load) ${fmt(initWall)} ms wall, ${fmt(initCpu)} ms CPU`);

const outcomes: Outcome[] = [];
const items = [
  ...Array.from({ length: flyerCount }, (_, i) => ({ kind: 'flyer' as const, i })),
  ...Array.from({ length: neutralCount }, (_, i) => ({ kind: 'neutral' as const, i })),
];
for (const item of items) {
  const jpeg = random() < 0.5;
  const pair = pairs[Math.floor(random() * pairs.length)];
  const image = item.kind === 'flyer' ? await flyerImage(flyerSpec(random, pair), 1000 + item.i, { jpeg }) : await neutralImage(2000 + item.i, { jpeg });
  const c0 = cpuMs();
  const w0 = performance.now();
  const { text } = await recognise(image);
  const screened = screenImageText(screener, text, { kind: 'share', asnLinked: true, regionCode: pair.regionCode });
  const outcome: Outcome = {
    kind: item.kind,
    flagged: screened.result.score >= threshold,
    rightPair: screened.result.candidatePairIds[0] === pair.id,
    cpuMs: cpuMs() - c0,
    wallMs: performance.now() - w0,
    bytes: image.length,
    text: screened.text,
  };
  outcomes.push(outcome);
  if (item.kind === 'flyer' && !outcome.flagged) log(`  missed flyer ${item.i}: ${JSON.stringify(screened.text)} (score ${screened.result.score})`);
  if (item.kind === 'neutral' && outcome.flagged) log(`  false alarm ${item.i}: ${JSON.stringify(screened.text)}`);
}
await stopOcr();

const flyers = outcomes.filter((o) => o.kind === 'flyer');
const neutral = outcomes.filter((o) => o.kind === 'neutral');
const sum = (xs: Outcome[], f: (o: Outcome) => number) => xs.reduce((s, o) => s + f(o), 0);
const perCore = (xs: Outcome[]) => (xs.length / sum(xs, (o) => o.cpuMs)) * 1000;
const perWall = (xs: Outcome[]) => (xs.length / sum(xs, (o) => o.wallMs)) * 1000;
const flagged = flyers.filter((o) => o.flagged).length;
const right = flyers.filter((o) => o.flagged && o.rightPair).length;
const falseAlarms = neutral.filter((o) => o.flagged).length;
const load = os.loadavg()[0];

const report = `## OCR of pictures: throughput and flyer recall

Measured ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores, shared; load average ${fmt(load, 1)} at the end),
Node ${process.version}, tesseract.js 7.0.0 (LSTM, page segmentation "sparse text"), @tesseract.js-data/ind 1.0.0.
Command: \`npx tsx bench/ocr/ocr.bench.ts --flyers ${flyerCount} --neutral ${neutralCount}\`.

| pictures | count | pictures/s per core (CPU time) | pictures/s (wall) | mean size |
|---|---:|---:|---:|---:|
| flyers (800–1200 px wide, PNG or JPEG) | ${flyers.length} | ${fmt(perCore(flyers), 2)} | ${fmt(perWall(flyers), 2)} | ${fmt(sum(flyers, (o) => o.bytes) / flyers.length / 1024)} KiB |
| neutral pictures | ${neutral.length} | ${fmt(perCore(neutral), 2)} | ${fmt(perWall(neutral), 2)} | ${fmt(sum(neutral, (o) => o.bytes) / Math.max(1, neutral.length) / 1024)} KiB |
| all | ${outcomes.length} | ${fmt(perCore(outcomes), 2)} | ${fmt(perWall(outcomes), 2)} | |

Starting the worker and loading the Indonesian data (first picture included): ${fmt(initWall)} ms wall, ${fmt(initCpu)} ms CPU, once per process.

| quality | value |
|---|---:|
| flyer recall (flagged, score ≥ ${threshold}) | ${fmt((100 * flagged) / flyers.length, 1)} % (${flagged} of ${flyers.length}) |
| flyers flagged with the right pair first | ${fmt((100 * right) / flyers.length, 1)} % (${right} of ${flyers.length}) |
| neutral pictures flagged (false alarms) | ${falseAlarms} of ${neutral.length} |
`;
console.log(report);
if (values.out) fs.writeFileSync(values.out, report);
