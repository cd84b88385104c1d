/**
 * The dispatcher: finds the command named by the leading words, parses its options, opens the
 * database, runs it and always closes the database again. Independent of `process` so tests can
 * drive it with their own database and output.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Localised } from '@netra/core';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import type { Language } from '../http/language.ts';
import { EXIT, type Command, type CommandOption, type OptionValues } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { GLOBAL_OPTIONS, commandHelp, commandSynopsis, overviewHelp } from './help.ts';

export interface CliEnvironment {
  /** Results and requested help (stdout). */
  print(line: string): void;
  /** Progress lines while working (stderr). */
  progress(line: string): void;
  /** Errors and usage mistakes (stderr). */
  error(line: string): void;
  /** A migrated database with the reference data; the dispatcher calls `close` when done. */
  openDatabase(options: { demoData: boolean; bare?: boolean }): Promise<{ db: Db; close(): Promise<void> }>;
}

const TEXT = {
  unknownCommand: (words: string) => ({
    id: `Perintah tidak dikenal: ${words}. Lihat netra --help.`,
    en: `Unknown command: ${words}. See netra --help.`,
  }),
  chooseCommand: { id: 'Pilih salah satu perintah.', en: 'Choose one of the commands.' },
  badLanguage: { id: '--lang harus id atau en.', en: '--lang must be id or en.' },
  argumentCount: (command: Command) => ({
    id: `Perintah ini butuh ${command.arguments.length} argumen: ${commandSynopsis(command)}`,
    en: `This command takes ${command.arguments.length} argument(s): ${commandSynopsis(command)}`,
  }),
  databaseFailed: { id: 'Basis data tidak dapat disiapkan', en: 'The database could not be prepared' },
  failed: { id: 'Gagal', en: 'Failed' },
} satisfies Record<string, Localised | ((...args: never[]) => Localised)>;

function parseArgsOptions(options: Record<string, CommandOption>): ParseArgsConfig['options'] {
  return Object.fromEntries(
    Object.entries(options).map(([name, { type, short }]) => [name, short ? { type, short } : { type }]),
  );
}

function describeError(error: unknown, language: Language): string {
  if (error instanceof ApiError) {
    const fields = (error.fields ?? []).map((f) => `\n  ${f.field}: ${f.message[language]}`).join('');
    return `${error.messages[language]}${fields}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The command whose words begin the positionals, preferring the longest (most specific). */
function findCommand(commands: readonly Command[], positionals: string[]): Command | undefined {
  return commands
    .filter((c) => c.words.every((word, i) => positionals[i] === word))
    .sort((a, b) => b.words.length - a.words.length)[0];
}

export async function runCli(argv: string[], env: CliEnvironment, commands: readonly Command[] = COMMANDS): Promise<number> {
  // First pass knows only the global options: enough to pick the language and the command.
  const firstPass = parseArgs({ args: argv, options: parseArgsOptions(GLOBAL_OPTIONS), strict: false, allowPositionals: true });
  const lang = firstPass.values.lang;
  if (lang !== undefined && lang !== 'id' && lang !== 'en') {
    // The language is what is wrong, so say it in both.
    env.error(`${TEXT.badLanguage.id} / ${TEXT.badLanguage.en}`);
    return EXIT.usage;
  }
  const language: Language = lang ?? 'id';
  const help = firstPass.values.help === true;

  const command = findCommand(commands, firstPass.positionals);
  if (!command) {
    // `netra election` lists the commands under `election`; an unknown word is an error.
    const group = commands.filter((c) => firstPass.positionals.every((word, i) => c.words[i] === word));
    if (group.length === 0) {
      env.error(TEXT.unknownCommand(firstPass.positionals.join(' '))[language]);
      return EXIT.usage;
    }
    const output = help ? env.print : env.error;
    if (!help) output(TEXT.chooseCommand[language]);
    output(overviewHelp(group, language));
    return help ? EXIT.ok : EXIT.usage;
  }

  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: parseArgsOptions({ ...command.options, ...GLOBAL_OPTIONS }),
      strict: true,
      allowPositionals: true,
    }) as typeof parsed;
  } catch (error) {
    env.error(`${describeError(error, language)}\n\n${commandHelp(command, language)}`);
    return EXIT.usage;
  }
  if (help) {
    env.print(commandHelp(command, language));
    return EXIT.ok;
  }
  const args = parsed.positionals.slice(command.words.length);
  if (args.length !== command.arguments.length) {
    env.error(`${TEXT.argumentCount(command)[language]}\n\n${commandHelp(command, language)}`);
    return EXIT.usage;
  }

  let database: Awaited<ReturnType<CliEnvironment['openDatabase']>>;
  try {
    database = await env.openDatabase({ demoData: command.loadsDemoData?.(parsed.values) ?? false, ...(command.database === 'bare' ? { bare: true } : {}) });
  } catch (error) {
    env.error(`${TEXT.databaseFailed[language]}: ${describeError(error, language)}`);
    return EXIT.failed;
  }
  try {
    return await command.run({ db: database.db, args, options: parsed.values, language, print: env.print, progress: env.progress });
  } catch (error) {
    env.error(`${TEXT.failed[language]}: ${describeError(error, language)}`);
    return EXIT.failed;
  } finally {
    await database.close();
  }
}
