/**
 * bench/workload — the console home's day's work (GET /workload: six scoped case counts by each
 * region's own "today", plus unread notifications) over a large case table, side by side with a
 * baseline on the same database: one plain count of the open cases in the same scope. The ratio
 * says what the six counts (state, assignee, the region's zone, due dates) cost over that one.
 *
 *   npx tsx bench/workload/workload.bench.ts [--cases 200000] [--runs 20]
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { bootDatabase } from '../../packages/server/src/boot.ts';
import { benchDataDir, embeddedConfig } from '../lib/database.ts';
import { workload } from '../../packages/server/src/capabilities/cases/workload.service.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '200000' }, runs: { type: 'string', default: '20' } } });
const cases = Number(values.cases);
const runs = Number(values.runs);
const dataDir = benchDataDir('workload');
const log = (line: string) => console.error(`[bench] ${line}`);

const booted = await bootDatabase(
  await embeddedConfig(dataDir),
  log,
);
const pool = booted.database.pool;
try {
  // Cases across East Java's regencies (WIB) and Kalimantan Timur (WITA), in every open state,
  // their next clock spread from 10 days ago to 20 days ahead.
  const t0 = Date.now();
  await pool.query(
    `INSERT INTO cases (number, election_id, region_code, state, summary, received_on, next_deadline_code, next_deadline_due, closed_at)
     SELECT 'BENCH-' || g, 'pilkada-2024', r.code,
            (ARRAY['received','formal_check','awaiting_information','under_review','classified_other_law','forwarded_to_bkn','verified_by_bkn','recommended_to_ppk','closed'])[1 + g % 9],
            'Kasus bangku uji ' || g, current_date - (g % 60), 'review', current_date - 10 + (g % 31),
            CASE WHEN g % 9 = 8 THEN now() END
     FROM generate_series(1, $1::int) g,
          LATERAL (SELECT codes[1 + g % array_length(codes, 1)] AS code FROM (SELECT array_agg(code ORDER BY code) AS codes FROM regions WHERE code LIKE '35.__' OR code LIKE '64.__') k) r`,
    [cases],
  );
  await pool.query('ANALYZE cases');
  log(`${cases} cases inserted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const rc = {
    actor: { id: '00000000-0000-4000-8000-000000000001', email: '', name: 'Bangku Uji', role: 'bawaslu_province' as const, scope: { kind: 'region' as const, regionCode: '35' }, sessionId: '', csrfToken: '', mfa: 'passed' as const },
    language: 'id' as const,
    meta: { ip: null, userAgent: 'bench' },
  };
  const baseline = () => pool.query("SELECT count(*) FROM cases WHERE (region_code = '35' OR region_code LIKE '35.%') AND closed_at IS NULL");
  const time = async (fn: () => Promise<unknown>) => {
    const started = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  // Warm both, then alternate so both see the same machine.
  const counts = await workload(booted.ctx, rc);
  await baseline();
  const measured = { workload: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < runs; i++) {
    measured.baseline.push(await time(baseline));
    measured.workload.push(await time(() => workload(booted.ctx, rc)));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [w, b] = [median(measured.workload), median(measured.baseline)];
  console.log(JSON.stringify({ cases, runs, counts: Object.fromEntries(counts.items.map((i) => [i.code, i.count])), workloadMs: Number(w.toFixed(1)), baselineMs: Number(b.toFixed(1)), ratio: Number((w / b).toFixed(2)), loadAverage: os.loadavg()[0].toFixed(1) }, null, 2));
} finally {
  await booted.shutdown();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
