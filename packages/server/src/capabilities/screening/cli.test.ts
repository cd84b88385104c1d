import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNetra } from '../../testing/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { ELECTION, jsonl, postRecord, seedPairs, type PairKey } from '../../testing/screening.ts';

let database: TestDatabase;
let pairs: Record<PairKey, string>;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pairs = await seedPairs(database.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-screen-'));
});
afterAll(async () => {
  await database?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const netra = (...argv: string[]) => runNetra(database.db, argv);

const file = () =>
  jsonl([
    postRecord({ text: 'Ayo jgn lupa coblos Mas Bayu - Ning Laila!! #BayuLaila', asnNip: '198609262015052001' }),
    '{oops',
    postRecord({ text: 'Rapat koordinasi dinas pendidikan hari ini.' }),
  ]);

describe('netra screen', () => {
  it('writes one scored JSON line per post, the pair named, progress and rejected lines on stderr', async () => {
    const input = path.join(dir, 'pantauan.jsonl');
    fs.writeFileSync(input, file());
    const out = path.join(dir, 'dinilai.jsonl');
    const run = await netra('screen', input, '--election', ELECTION, '--region', '35.10', '--out', out);
    expect(run.code).toBe(1);
    const scored = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(scored).toHaveLength(2);
    expect(scored[0]).toMatchObject({ line: 1, category: 'likely_support', candidates: [{ id: pairs.bayu }] });
    expect(scored[0].score).toBeGreaterThanOrEqual(60);
    expect(scored[0].highlights.map((h: { text: string }) => h.text.toLowerCase()).join(' ')).toContain('coblos');
    expect(scored[1]).toMatchObject({ line: 3, score: 0, category: 'irrelevant' });
    expect(run.stderr.some((l) => /baris\/d/.test(l))).toBe(true);
    expect(run.stderr.some((l) => /^baris 2: Baris bukan JSON yang sah/.test(l))).toBe(true);
  });

  it('prints to stdout without --out, and imports idempotently with --import', async () => {
    const input = path.join(dir, 'impor.jsonl');
    fs.writeFileSync(input, file());
    const printed = await netra('screen', input, '--election', ELECTION, '--region', '35.10', '--lang', 'en');
    expect(printed.stdout).toHaveLength(2);
    expect(JSON.parse(printed.stdout[0]).reasons[0].text).toMatch(/^Names/);

    const first = await netra('screen', input, '--election', ELECTION, '--region', '35.10', '--import');
    expect(first.stdout.at(-1)).toContain('2 diimpor, 0 sudah ada, 1 ditolak');
    const again = await netra('screen', input, '--election', ELECTION, '--region', '35.10', '--import');
    expect(again.stdout.at(-1)).toContain('0 diimpor, 2 sudah ada, 1 ditolak');
    const stored = await database.db.selectFrom('screening_posts').select(['score', 'category', 'candidate_pair_id']).orderBy('score', 'desc').execute();
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({ category: 'likely_support', candidate_pair_id: pairs.bayu });
  });
});
