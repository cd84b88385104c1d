/**
 * bench/dashboard — the dashboard figures at national scale, from Netra's materialised aggregates
 * against the same figures computed by plain GROUP BY over the base tables, side by side on the
 * same embedded PostgreSQL and data.
 *
 *   npx tsx bench/dashboard/dashboard.bench.ts [--asn 7000000] [--cases 1000000] [--posts 10000000]
 *        [--runs 100] [--baseline-runs 2] [--keep]
 *
 * Data, generated with set-based SQL (generate_series): ASN spread over every province and
 * regency/city (40 agencies each), cases for one election with one report each, states across the
 * whole process and deadline outcomes, pledges for 40% of the ASN, socialisation attendance for
 * 1 in 7, and posts in the screening capability's own `screening_posts` table (~8% queued for
 * triage, with its indexes). Secondary indexes are built after each bulk load.
 *
 * Measured, per view (national; province Jawa Timur):
 *   - Netra: the figures the dashboard reads (case/report cube by child region, prevention per
 *     child region, screening queue) from the aggregates, as the API's repository queries them;
 *     and the whole `dashboard()` service call (every query of the page, in parallel).
 *   - Baseline: the same figures by plain GROUP BY over the base tables: the `dash_keys` view
 *     (the figure definitions, unaggregated), and the aggregates' own definitions
 *     (pg_get_viewdef) run as ordinary queries.
 * Both sides must return identical figures; the script checks it. Writes bench/dashboard/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../../packages/server/src/context.ts';
import { localFileStore } from '../../packages/server/src/storage/local-store.ts';
import { connectDatabase, migrateToLatest, type Db } from '../../packages/server/src/db/database.ts';
import { startEmbeddedPostgres } from '../../packages/server/src/db/embedded-postgres.ts';
import { seedReference } from '../../packages/server/src/db/seed/reference.ts';
import { dashboard } from '../../packages/server/src/capabilities/dashboards/service.ts';
import { AGGREGATES, refreshDashboards, useRefreshQueue } from '../../packages/server/src/capabilities/figures/refresh.ts';
import * as repo from '../../packages/server/src/capabilities/figures/repository.ts';
import { Cube, headline } from '../../packages/server/src/capabilities/figures/service.ts';
import { TOTAL_CHILD } from '../../packages/server/src/capabilities/figures/repository.ts';
import { freePort } from '../../packages/server/src/testing/free-port.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    asn: { type: 'string', default: '7000000' },
    cases: { type: 'string', default: '1000000' },
    posts: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '100' },
    'baseline-runs': { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
});
const ASN = Number(values.asn);
const CASES = Number(values.cases);
const POSTS = Number(values.posts);
const RUNS = Number(values.runs);
const BASELINE_RUNS = Number(values['baseline-runs']);
const ELECTION = 'pilkada-2024';
/** Screened social-media accounts the posts come from. */
const ACCOUNTS = 20_000;
const log = (message: string) => console.error(`[dashboard] ${message}`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function timed<T>(label: string, work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  log(`${label}: ${fmt(ms / 1000, 1)} s`);
  return [result, ms];
}

// ---------------------------------------------------------------- database
const dataDir = path.join(root, 'bench/.data/dashboard');
const sizeKey = `${ASN}-${CASES}-${POSTS}`;
const stamp = path.join(dataDir, 'generated.txt');
const reuse = values.keep && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sizeKey;
fs.mkdirSync(dataDir, { recursive: true });
fs.chmodSync(dataDir, 0o755);
const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), fast: true, onProgress: log });
const admin = connectDatabase(server.connectionString('postgres'), 1);
if (!reuse) {
  await admin.pool.query('DROP DATABASE IF EXISTS netra_dashboard_bench WITH (FORCE)');
  await admin.pool.query('CREATE DATABASE netra_dashboard_bench');
}
await admin.close();
const url = server.connectionString('netra_dashboard_bench');
// Generation runs with foreign-key triggers off (session_replication_role = replica): the rows are
// consistent by construction, and per-row FK checks would take most of the half hour.
const loader = connectDatabase(`${url}?options=${encodeURIComponent('-c session_replication_role=replica')}`, 2);
const run = (query: RawBuilder<unknown>) => query.execute(loader.db);
const timings: Record<string, number> = {};

/**
 * Bulk loads build their indexes once at the end rather than row by row: secondary indexes, and
 * primary-key/unique constraints that no foreign key depends on, are dropped and re-created.
 */
async function withoutIndexes(table: string, load: () => Promise<unknown>) {
  const { rows: constraints } = await sql<{ name: string; def: string }>`
    SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
    WHERE c.conrelid = ${table}::regclass AND c.contype IN ('p', 'u')
      AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)`.execute(loader.db);
  const { rows: indexes } = await sql<{ name: string; def: string }>`
    SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = ${table}::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`.execute(loader.db);
  for (const index of indexes) await run(sql`DROP INDEX ${sql.ref(index.name)}`);
  for (const constraint of constraints) await run(sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.ref(constraint.name)}`);
  await load();
  for (const constraint of constraints) await run(sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT ${sql.ref(constraint.name)} ${sql.raw(constraint.def)}`);
  for (const index of indexes) await run(sql.raw(index.def));
}

if (!reuse) {
  await migrateToLatest(loader.db);
  await seedReference(loader.db);
  // Lookup tables by integer position, so every generated row finds its region, agency and
  // account through a hash join instead of searching.
  [, timings.agencies] = await timed('agencies (40 per province and regency/city)', async () => {
    await run(sql`
      INSERT INTO agencies (code, name, region_code)
      SELECT 'B-' || r.code || '-' || a, 'Dinas Bench ' || a || ' ' || r.name, r.code
      FROM regions r CROSS JOIN generate_series(1, 40) a WHERE r.level IN ('province', 'regency')`);
    await run(sql`
      CREATE TABLE bench_agency_map AS
      SELECT (row_number() OVER (ORDER BY a.region_code, a.id) - 1)::int AS idx, a.id AS agency_id, a.region_code
      FROM agencies a WHERE a.code LIKE 'B-%'`);
    await run(sql`CREATE TABLE bench_regency_map AS SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, code FROM regions WHERE level = 'regency'`);
    await run(sql`ANALYZE bench_agency_map`);
    await run(sql`ANALYZE bench_regency_map`);
  });
  [, timings.asn] = await timed(`${fmt(ASN)} ASN`, () =>
    withoutIndexes('asn', () => run(sql`
      INSERT INTO asn (nip, kind, name, gender, birth_date, position_title, position_type, agency_id, region_code)
      SELECT lpad(g::text, 18, '0'), CASE WHEN g % 7 = 0 THEN 'pppk' ELSE 'pns' END, 'ASN Bench ' || g,
             CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END, date '1965-01-01' + (g % 12000)::int, 'Jabatan bench',
             (ARRAY['functional', 'functional', 'functional', 'executor', 'executor', 'supervisor', 'administrator', 'camat_lurah', 'jpt'])[1 + g % 9],
             m.agency_id, m.region_code
      FROM generate_series(1, ${ASN}::bigint) g
      JOIN bench_agency_map m ON m.idx = (g % (SELECT count(*) FROM bench_agency_map))::int`)),
  );
  // States across the process, weighted roughly like the Pilkada 2024 figures (FACTS.md §7).
  const states = sql`(ARRAY['received','formal_check','under_review','under_review','awaiting_information','classified_other_law','classified_not_violation','classified_not_violation','classified_other','not_accepted','forwarded_to_bkn','forwarded_to_bkn','verified_by_bkn','recommended_to_ppk','recommended_to_ppk','sanction_decided','sanction_decided','sanction_decided','closed','withdrawn'])`;
  const acts = sql`(ARRAY['A01','A02','A03','A04','A05','A06','A07','A08','A09','A10','A11','A12'])`;
  [, timings.cases] = await timed(`${fmt(CASES)} cases`, () =>
    withoutIndexes('cases', () => run(sql`
      INSERT INTO cases (number, election_id, region_code, agency_id, asn_id, state, act_codes, summary, received_on, forwarded_to_bkn_on, recommended_to_ppk_on,
                         next_deadline_code, next_deadline_due, sanction, siasn_block_recommended, closed_at)
      SELECT 'BENCH-' || x.g, ${ELECTION}, a.region_code, a.agency_id, a.id, x.state,
             CASE WHEN x.g % 5 = 0 THEN ARRAY[${acts}[1 + x.g % 12], ${acts}[1 + (x.g / 12) % 12]] ELSE ARRAY[${acts}[1 + x.g % 12]] END,
             'Perkara bench ' || x.g, x.received,
             CASE WHEN x.state IN ('forwarded_to_bkn','verified_by_bkn','recommended_to_ppk','sanction_decided') THEN x.received + 5 END,
             CASE WHEN x.state IN ('recommended_to_ppk','sanction_decided') THEN x.received + 14 END,
             CASE WHEN x.state IN ('received','formal_check','under_review') THEN 'review' WHEN x.state = 'awaiting_information' THEN 'more_information'
                  WHEN x.state = 'forwarded_to_bkn' THEN 'bkn_verification' WHEN x.state = 'recommended_to_ppk' THEN 'ppk_follow_up' END,
             CASE WHEN x.state IN ('received','formal_check','under_review') THEN x.received + 3 WHEN x.state = 'awaiting_information' THEN x.received + 4
                  WHEN x.state = 'forwarded_to_bkn' THEN x.received + 12 WHEN x.state = 'recommended_to_ppk' THEN x.received + 24 END,
             CASE WHEN x.state = 'sanction_decided' OR (x.state = 'closed' AND x.g % 2 = 0) THEN '{"types":["demotion_12_months"]}'::jsonb END,
             x.state = 'recommended_to_ppk' AND x.g % 3 = 0,
             CASE WHEN x.state IN ('classified_not_violation','classified_other','not_accepted','closed','withdrawn') THEN now() END
      FROM (SELECT g, ${states}[1 + (g * 31) % 20] AS state, date '2024-08-20' + ((g * 13) % 125)::int AS received FROM generate_series(1, ${CASES}::bigint) g) x
      JOIN asn a ON a.id = 1 + (x.g * 7919) % ${ASN}`)),
  );
  [, timings.reports] = await timed(`${fmt(CASES)} reports`, () =>
    withoutIndexes('reports', () => run(sql`
      INSERT INTO reports (receipt_number, source, case_id, election_id, region_code, place, occurred_on, known_on, received_on, description, act_codes,
                           reported_name, reported_name_normalised, anonymous)
      SELECT 'R-' || c.number, (ARRAY['public','public','public','finding','finding','paper','screening'])[1 + abs(hashtext(c.number)) % 7], c.id, c.election_id,
             c.region_code, 'Tempat bench', c.received_on - 2, c.received_on - 1, c.received_on, 'Laporan bench', c.act_codes, 'Terlapor', 'terlapor', true
      FROM cases c WHERE c.number LIKE 'BENCH-%'`)),
  );
  [, timings.outcomes] = await timed('deadline outcomes', () =>
    run(sql`
      INSERT INTO case_deadline_outcomes (case_id, deadline_code, due, stopped_on, to_state)
      SELECT id, 'review', received_on + 3, received_on + (abs(hashtext(number)) % 6), state FROM cases
      WHERE state NOT IN ('received','formal_check','under_review','awaiting_information')
      UNION ALL
      SELECT id, 'bkn_verification', forwarded_to_bkn_on + 7, forwarded_to_bkn_on + (abs(hashtext(number)) % 10), state FROM cases
      WHERE state IN ('verified_by_bkn','recommended_to_ppk','sanction_decided')
      UNION ALL
      SELECT id, 'ppk_follow_up', recommended_to_ppk_on + 10, recommended_to_ppk_on + (abs(hashtext(number)) % 16), state FROM cases
      WHERE state = 'sanction_decided'`),
  );
  [, timings.pledges] = await timed('pledges (40% of ASN)', () =>
    run(sql`INSERT INTO pledges (election_id, asn_id, signed_on, method) SELECT ${ELECTION}, id, date '2024-09-02' + (id % 30)::int, 'agency' FROM asn WHERE id % 5 < 2`),
  );
  [, timings.events] = await timed('socialisation events and attendance (1 in 7 ASN)', async () => {
    await run(sql`
      INSERT INTO socialisation_events (election_id, region_code, kind, title, held_on, place, organiser)
      SELECT ${ELECTION}, code, 'apel_siaga', 'Apel siaga bench', date '2024-09-16', 'Halaman kantor', 'BKPSDM' FROM regions WHERE level IN ('province', 'regency')`);
    await run(sql`
      INSERT INTO socialisation_attendance (event_id, asn_id)
      SELECT e.id, a.id FROM asn a JOIN socialisation_events e ON e.region_code = a.region_code AND e.election_id = ${ELECTION} WHERE a.id % 7 = 0`);
  });
  [, timings.posts] = await timed(`${fmt(POSTS)} screened posts (the screening capability's table)`, () =>
    withoutIndexes('screening_posts', async () => {
      await run(sql`
        INSERT INTO screening_accounts (platform, handle, region_code)
        SELECT 'x', 'bench_' || lpad(i::text, 6, '0'), r.code FROM generate_series(0, ${ACCOUNTS - 1}) i
        JOIN bench_regency_map r ON r.idx = i % (SELECT count(*) FROM bench_regency_map)`);
      await run(sql`
        CREATE TABLE bench_account_map AS
        SELECT (row_number() OVER (ORDER BY handle) - 1)::int AS idx, id, region_code FROM screening_accounts WHERE handle LIKE 'bench_%'`);
      await run(sql`ANALYZE bench_account_map`);
      // Ids in insertion order (not random uuids) so the primary key grows at its end, as a
      // bulk import's would with uuid v7.
      await run(sql`
        INSERT INTO screening_posts (id, platform, account_id, url, text, posted_at, kind, election_id, region_code, score, category, reasons, highlights, lexicon_version, scored_at, status)
        SELECT lpad(to_hex(g), 32, '0')::uuid, 'x', a.id, 'https://x.example/bench/' || g, 'unggahan bench', timestamptz '2024-08-20' + (g % 10800000) * interval '1 second', 'post',
               ${ELECTION}, a.region_code, (g % 100)::smallint, 'mention_only', '[]', '[]', 'bench', timestamptz '2024-12-01',
               CASE WHEN g % 100 < 8 THEN 'queued' WHEN g % 100 < 10 THEN 'confirmed' ELSE 'dismissed' END
        FROM generate_series(1, ${POSTS}::bigint) g JOIN bench_account_map a ON a.idx = (g % ${ACCOUNTS})::int`);
    }),
  );
  await timed('VACUUM ANALYZE', () => run(sql`VACUUM ANALYZE`));
  fs.writeFileSync(stamp, sizeKey);
}
await loader.close();
const database = connectDatabase(url, 8);
const db: Db = database.db;

const [refresh, refreshMs] = await timed('refresh of the aggregates (CONCURRENTLY)', () => refreshDashboards(db));
log(`refresh per aggregate: ${Object.entries(refresh.views).map(([view, ms]) => `${view} ${fmt(ms / 1000, 1)} s`).join(', ')}`);
if (!refresh.screeningQueue) throw new Error('the screening queue aggregate was not created');
const sizes: Array<{ name: string; rows: number }> = [];
for (const name of ['asn', 'cases', 'reports', 'case_deadline_outcomes', 'pledges', 'socialisation_attendance', 'screening_posts', ...AGGREGATES, 'dash_screening_queue']) {
  sizes.push({ name, rows: (await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM ${sql.table(name)}`.execute(db)).rows[0].n });
}

// ---------------------------------------------------------------- the two sides
type Filter = repo.FigureFilter;
const national: Filter = { electionId: ELECTION, level: 'national', regionCode: null, minReach: 0, agencyIds: null };
const province: Filter = { electionId: ELECTION, level: 'province', regionCode: '35', minReach: 0, agencyIds: null };

/** The aggregates' own definitions, to run as ordinary queries over the base tables. */
const definition = async (view: string) => (await sql<{ def: string }>`SELECT pg_get_viewdef(${view}::regclass) AS def`.execute(db)).rows[0].def.replace(/;\s*$/, '');
const [asnCountsDef, preventionDef, screeningDef] = await Promise.all(['dash_asn_counts', 'dash_prevention', 'dash_screening_queue'].map(definition));

interface Figures {
  cube: repo.CubeRow[];
  prevention: repo.PreventionRow[];
  queued: number;
}

async function fromAggregates(filter: Filter): Promise<Figures> {
  const [cube, prevention, queued] = await Promise.all([repo.cubeFromAggregates(db, filter), repo.preventionByChild(db, filter), repo.screeningQueued(db, filter)]);
  return { cube, prevention, queued };
}

async function plainGroupBy(filter: Filter): Promise<Figures> {
  const child = repo.childCodeLength(filter.level);
  const where = repo.territoryFilter(filter, sql.ref('province_code'), sql.ref('region_code'));
  const [cube, prevention, queued] = await Promise.all([
    repo.cubeLive(db, filter),
    sql<repo.PreventionRow>`
      SELECT child, sum(asn_total)::int AS "asnTotal", sum(pledged)::int AS pledged, sum(reached)::int AS reached FROM (
        SELECT left(region_code, ${child}) AS child, asn_total, 0 AS pledged, 0 AS reached FROM (${sql.raw(asnCountsDef)}) a WHERE ${where}
        UNION ALL
        SELECT left(region_code, ${child}), 0, pledged, reached FROM (${sql.raw(preventionDef)}) p WHERE election_id = ${filter.electionId} AND ${where}
      ) x GROUP BY child`.execute(db).then((r) => r.rows),
    sql<{ queued: number }>`SELECT coalesce(sum(queued), 0)::int AS queued FROM (${sql.raw(screeningDef)}) s WHERE election_id = ${filter.electionId} AND ${where}`.execute(db).then((r) => r.rows[0].queued),
  ]);
  return { cube, prevention, queued };
}

/** The figures a dashboard shows: every total, and the headline figures per child region. */
function canonical(f: Figures): string {
  const cube = new Cube(f.cube);
  const children = [...new Set(f.cube.map((r) => r.child).filter((c) => c !== TOTAL_CHILD))].sort();
  return JSON.stringify({
    totals: [...cube.totals()].filter(([, n]) => n > 0).sort(),
    children: children.map((child) => [child, headline(cube, child)]),
    prevention: f.prevention.map((r) => `${r.child}|${r.asnTotal}|${r.pledged}|${r.reached}`).sort(),
    queued: f.queued,
  });
}

const ctx: AppContext = { db, readDb: db, now: () => new Date(), encryptionKey: Buffer.alloc(32), hmacKey: Buffer.alloc(32), evidenceDir: os.tmpdir(), files: localFileStore(os.tmpdir()) };
// The bench refreshed the aggregates itself; no background refresh may run during the timings.
useRefreshQueue(async () => {});
const viewer = { role: 'bawaslu_national' as const, scope: { kind: 'national' as const } };

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function sample(runs: number, work: () => Promise<unknown>, warmUp = true) {
  if (warmUp) await work(); // caches and plans, as a running server has them
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), runs };
}

const rows: string[] = [];
for (const [name, filter, region] of [['national', national, undefined], ['province (Jawa Timur)', province, '35']] as const) {
  const [aggregated, baseline] = [await fromAggregates(filter), await plainGroupBy(filter)];
  const identical = canonical(aggregated) === canonical(baseline);
  if (!identical) throw new Error(`${name}: the aggregates and the plain GROUP BY disagree`);
  log(`${name}: figures identical (${aggregated.cube.length} rows from the aggregates, ${baseline.cube.length} from the base tables, ${fmt(aggregated.prevention.reduce((n, r) => n + r.asnTotal, 0))} ASN, ${fmt(aggregated.queued)} posts queued)`);
  const netra = await sample(RUNS, () => fromAggregates(filter));
  const service = await sample(RUNS, () => dashboard(ctx, { actor: viewer, language: 'id' }, ELECTION, region));
  // The baseline's first run was the equality check above: its warm-up.
  const plain = await sample(BASELINE_RUNS, () => plainGroupBy(filter), false);
  log(`${name}: Netra p50 ${fmt(netra.p50, 1)} ms p95 ${fmt(netra.p95, 1)} ms · whole dashboard p50 ${fmt(service.p50, 1)} ms p95 ${fmt(service.p95, 1)} ms · plain GROUP BY p50 ${fmt(plain.p50)} ms p95 ${fmt(plain.p95)} ms · ${fmt(plain.p50 / netra.p50)}×`);
  rows.push(
    `| ${name} | ${fmt(netra.p50, 1)} / ${fmt(netra.p95, 1)} ms (${netra.runs} runs) | ${fmt(service.p50, 1)} / ${fmt(service.p95, 1)} ms | ${fmt(plain.p50)} / ${fmt(plain.p95)} ms (${plain.runs} runs) | **${fmt(plain.p50 / netra.p50)}×** (p95: ${fmt(plain.p95 / netra.p95)}×) | ${identical ? 'yes' : 'NO'} |`,
  );
}

const report = [
  '# bench/dashboard — results',
  '',
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} with ${fmt(os.totalmem() / 2 ** 30)} GB RAM, embedded PostgreSQL 18.`,
  `Command: \`npx tsx bench/dashboard/dashboard.bench.ts --asn ${ASN} --cases ${CASES} --posts ${POSTS} --runs ${RUNS} --baseline-runs ${BASELINE_RUNS}\``,
  '',
  '| data | rows |',
  '|---|---|',
  ...sizes.map((s) => `| ${s.name} | ${fmt(Number(s.rows))} |`),
  '',
  reuse ? 'Data reused from an earlier run (--keep).' : `Generation: ${Object.entries(timings).map(([k, ms]) => `${k} ${fmt(ms / 1000, 1)} s`).join(', ')}.`,
  `Refresh of every aggregate (REFRESH MATERIALIZED VIEW CONCURRENTLY, in order): ${fmt(refreshMs / 1000, 1)} s (${Object.entries(refresh.views).map(([view, ms]) => `${view} ${fmt(ms / 1000, 1)} s`).join(', ')}).`,
  '',
  '| view | Netra: aggregates p50 / p95 | Netra: whole dashboard() p50 / p95 | plain GROUP BY p50 / p95 | ratio (p50) | same figures |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  'Netra = the figures the dashboard draws (cases and reports by state, stage, act, position type, source, week, deadline outcome and flag, per child region; ASN, pledges and people reached per child region; screening queue) read from the aggregates. Whole dashboard() = the service call behind `GET /api/v1/dashboards/:election`, every query of the page. Plain GROUP BY = the same figures from the base tables (the `dash_keys` view and the aggregates\' own definitions run as ordinary queries). Both sides are checked to return identical figures.',
  '',
];
fs.writeFileSync(path.join(root, 'bench/dashboard/RESULTS.md'), report.join('\n'));
console.log(report.join('\n'));

await database.close();
await server.stop();
if (!values.keep) fs.rmSync(dataDir, { recursive: true, force: true });
