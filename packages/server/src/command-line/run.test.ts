import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { EXIT, type Command, type CommandContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { runCli, type CliEnvironment } from './run.ts';

interface Recorded {
  env: CliEnvironment;
  stdout: string[];
  stderr: string[];
  opened: Array<{ demoData: boolean }>;
  closed: number;
}

/** An environment that records output and hands out the given database. */
function recordingEnvironment(db: Db = {} as Db): Recorded {
  const recorded: Recorded = {
    stdout: [],
    stderr: [],
    opened: [],
    closed: 0,
    env: {
      print: (line) => recorded.stdout.push(line),
      progress: (line) => recorded.stderr.push(line),
      error: (line) => recorded.stderr.push(line),
      openDatabase: async (options) => {
        recorded.opened.push(options);
        return { db, close: async () => void recorded.closed++ };
      },
    },
  };
  return recorded;
}

describe('netra dispatcher', () => {
  const calls: Array<{ name: string; args: string[]; options: CommandContext['options']; language: string }> = [];
  const fake = (words: string[], extra: Partial<Command> = {}): Command => ({
    words,
    summary: { id: `ringkasan ${words.join(' ')}`, en: `summary ${words.join(' ')}` },
    arguments: [],
    async run({ args, options, language }) {
      calls.push({ name: words.join(' '), args, options, language });
      return EXIT.ok;
    },
    ...extra,
  });
  const table: Command[] = [
    fake(['audit']),
    fake(['audit', 'verify'], {
      arguments: [{ name: 'from', description: { id: 'dari', en: 'from' } }],
      options: { quick: { type: 'boolean', description: { id: 'cepat', en: 'quick' } } },
    }),
    fake(['demo', 'generate'], { loadsDemoData: (options) => options.small !== true, options: { small: { type: 'boolean', description: { id: 'kecil', en: 'small' } } } }),
    fake(['broken'], {
      run: async () => {
        throw notFound({ id: 'Pemilihan x', en: 'Election x' });
      },
    }),
  ];

  it('runs the most specific command, with its arguments, options and language', async () => {
    const r = recordingEnvironment();
    expect(await runCli(['audit', 'verify', '2024-01-01', '--quick', '--lang', 'en'], r.env, table)).toBe(EXIT.ok);
    expect(calls.at(-1)).toEqual({ name: 'audit verify', args: ['2024-01-01'], options: expect.objectContaining({ quick: true, lang: 'en' }), language: 'en' });
    expect(await runCli(['audit'], r.env, table)).toBe(EXIT.ok);
    expect(calls.at(-1)?.name).toBe('audit');
    // The database is opened once per run and always closed again.
    expect(r.opened).toHaveLength(2);
    expect(r.closed).toBe(2);
  });

  it('loads demo data only for a command that asks for it', async () => {
    const r = recordingEnvironment();
    await runCli(['audit'], r.env, table);
    await runCli(['demo', 'generate'], r.env, table);
    await runCli(['demo', 'generate', '--small'], r.env, table);
    expect(r.opened).toEqual([{ demoData: false }, { demoData: true }, { demoData: false }]);
  });

  it('closes the database and reports the error in the chosen language when a command fails', async () => {
    const r = recordingEnvironment();
    expect(await runCli(['broken', '--lang', 'en'], r.env, table)).toBe(EXIT.failed);
    expect(r.stderr).toEqual(['Failed: Election x not found.']);
    expect(r.closed).toBe(1);
  });

  it('lists every command with --help, without opening the database', async () => {
    const r = recordingEnvironment();
    expect(await runCli(['--help'], r.env, table)).toBe(EXIT.ok);
    const help = r.stdout.join('\n');
    for (const command of table) expect(help).toContain(command.summary.id);
    expect(help).toContain('netra <perintah>');
    expect(r.opened).toHaveLength(0);
  });

  it("shows one command's arguments and options with --help, in English on request", async () => {
    const r = recordingEnvironment();
    expect(await runCli(['audit', 'verify', '-h', '--lang=en'], r.env, table)).toBe(EXIT.ok);
    const help = r.stdout.join('\n');
    expect(help).toContain('Usage: netra audit verify <from> [options]');
    expect(help).toMatch(/--quick\s+quick/);
    expect(help).toMatch(/--lang <id\|en>/);
    expect(r.opened).toHaveLength(0);
  });

  it('lists the commands of a group when only the group is given, as a usage error', async () => {
    const r = recordingEnvironment();
    expect(await runCli(['demo'], r.env, table)).toBe(EXIT.usage);
    const output = r.stderr.join('\n');
    expect(output).toContain('ringkasan demo generate');
    expect(output).not.toContain('ringkasan audit');
  });

  it.each([
    [['frobnicate'], 'Perintah tidak dikenal: frobnicate'],
    [['audit', 'verify'], 'butuh 1 argumen'],
    [['audit', 'verify', 'a', 'b'], 'butuh 1 argumen'],
    [['audit', 'verify', 'a', '--slow'], "Unknown option '--slow'"],
    [['audit', '--lang', 'fr'], '--lang harus id atau en. / --lang must be id or en.'],
  ])('refuses %j as a usage error (exit 2) without opening the database', async (argv, message) => {
    const r = recordingEnvironment();
    expect(await runCli(argv, r.env, table)).toBe(EXIT.usage);
    expect(r.stderr.join('\n')).toContain(message);
    expect(r.opened).toHaveLength(0);
  });

  it('gives every real command a --help', async () => {
    for (const command of COMMANDS) {
      const r = recordingEnvironment();
      expect(await runCli([...command.words, '--help'], r.env), command.words.join(' ')).toBe(EXIT.ok);
      expect(r.stdout.join('\n')).toContain(command.summary.id);
    }
  });
});

describe('netra election regions import', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'netra-cli-'));
  });
  afterAll(async () => {
    await database.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function run(file: string, content: string, ...extra: string[]) {
    const csv = path.join(dir, file);
    await fs.writeFile(csv, content);
    const r = recordingEnvironment(database.db);
    const code = await runCli(['election', 'regions', 'import', 'pilkada-2020', csv, ...extra], r.env);
    return { code, stdout: r.stdout, stderr: r.stderr, opened: r.opened };
  }

  it('prints a line per row and a summary, and fails when a row is rejected', async () => {
    // Banyuasin (16.07) voted in 2018, not 2020, so it is not among the shipped 270 regions.
    const { code, stdout, opened } = await run('mixed.csv', 'kode_wilayah\n16.07\n35.10.01\n\n16.07\n');
    expect(code).toBe(EXIT.failed);
    expect(opened).toEqual([{ demoData: false }]);
    expect(stdout[0]).toBe('Pemilihan Kepala Daerah Serentak 2020: impor dari mixed.csv');
    expect(stdout[1]).toMatch(/^ {2}baris 2 {2}16\.07 +diterima +Kabupaten Banyuasin$/);
    expect(stdout[2]).toMatch(/baris 3 {2}35\.10\.01 +ditolak +35\.10\.01 adalah kecamatan/);
    expect(stdout[3]).toMatch(/baris 5 {2}16\.07 +duplikat +Sama dengan baris 2\./);
    expect(stdout.slice(-2)).toEqual([
      'Ringkasan: 1 diterima, 1 duplikat, 1 ditolak, baris kosong dilewati: 4.',
      '1 wilayah ditambahkan ke pilkada-2020.',
    ]);
  });

  it('succeeds when every row is accepted or already there, in English with --lang en', async () => {
    const { code, stdout } = await run('clean.csv', 'code\n16.07\n16.02\n', '--lang', 'en');
    expect(code).toBe(EXIT.ok);
    expect(stdout.slice(-2)).toEqual(['Summary: 1 accepted, 1 duplicate, 0 rejected.', '1 region(s) added to pilkada-2020.']);
  });

  it('saves nothing with --dry-run', async () => {
    const { code, stdout } = await run('dry.csv', 'kode_wilayah\n16.03\n', '--dry-run');
    expect(code).toBe(EXIT.ok);
    expect(stdout.at(-1)).toBe('Uji coba: tidak ada yang disimpan.');
    const saved = await database.db.selectFrom('election_regions').select('region_code').where('region_code', '=', '16.03').where('election_id', '=', 'pilkada-2020').execute();
    expect(saved).toEqual([]);
  });

  it('explains a missing file or a file without the code column', async () => {
    const r = recordingEnvironment(database.db);
    expect(await runCli(['election', 'regions', 'import', 'pilkada-2020', path.join(dir, 'nope.csv')], r.env)).toBe(EXIT.failed);
    expect(r.stderr.at(-1)).toMatch(/^Gagal: Berkas .*nope\.csv tidak ditemukan\.$/);

    const { code, stderr } = await run('headerless.csv', '16.01\n16.02\n');
    expect(code).toBe(EXIT.failed);
    expect(stderr.at(-1)).toBe('Gagal: Tidak ada kolom kode_wilayah (atau code) di baris judul. Kolom yang ada: 16.01.');
  });
});
