/**
 * Throughput of the register row validator, the per-row cost of importing a national register
 * (7 million rows). Not a test: run it with
 *
 *   npx tsx packages/core/src/register/validate.perf.ts [rows]
 *
 * Rows are generated first (not timed) and converted to the raw records a CSV reader produces.
 * The baseline is `decodeNip` alone on the same rows, the one check every row needs and the
 * floor under any validator: the ratio shows what the other eleven columns cost on top of it.
 */
import { createRng } from '../demo/random.ts';
import { decodeNip } from '../nip/nip.ts';
import { asnRowToRecord } from './csv.ts';
import { generateAsnRows } from './generate.ts';
import { validateAsnRow, type AsnRowContext } from './validate.ts';

const rowCount = Number(process.argv[2] ?? 1_000_000);
const today = '2024-09-01';
const regions = Array.from({ length: 40 }, (_, r) => ({
  code: `35.${String(r + 1).padStart(2, '0')}`,
  agencies: [{ code: `PEMKAB-35.${String(r + 1).padStart(2, '0')}`, name: `Pemerintah Kabupaten ${r + 1}` }],
}));
const context: AsnRowContext = {
  today,
  knownAgencyCodes: new Set(regions.flatMap((r) => r.agencies.map((a) => a.code))),
  allowedRegionPrefix: '35',
};

const records = Array.from(generateAsnRows(createRng(7), { count: rowCount, regions, today }), asnRowToRecord);

function rate(label: string, run: () => number): number {
  const start = process.hrtime.bigint();
  const checksum = run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = rowCount / seconds;
  console.log(`${label.padEnd(34)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} rows/s  (${seconds.toFixed(2)} s, check ${checksum})`);
  return perSecond;
}

// One warm-up pass each so the JIT has optimised both loops before they are timed.
for (const pass of ['warm-up', 'measured'] as const) {
  if (pass === 'measured') console.log(`${rowCount.toLocaleString('en-US')} rows`);
  const baseline = rate(pass === 'warm-up' ? 'warm-up baseline' : 'baseline: decodeNip only', () => {
    let valid = 0;
    for (const r of records) if (decodeNip(r.nip, { kind: r.status_kepegawaian === 'PPPK' ? 'pppk' : 'pns', today }).valid) valid += 1;
    return valid;
  });
  const validator = rate(pass === 'warm-up' ? 'warm-up validateAsnRow' : 'validateAsnRow', () => {
    let valid = 0;
    for (const r of records) if (validateAsnRow(r, context).ok) valid += 1;
    return valid;
  });
  if (pass === 'measured') {
    console.log(`validator / baseline: ${(validator / baseline).toFixed(2)}`);
  }
}
