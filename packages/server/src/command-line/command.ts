/**
 * What a `netra` command is. Each command lives in its own file under `commands/` and is listed
 * once in `commands/index.ts`; the dispatcher derives parsing, help and database start-up from
 * this description, so a new command needs no changes anywhere else.
 */
import type { Localised } from '@netra/core';
import type { Db } from '../db/database.ts';
import type { Language } from '../http/language.ts';

export interface CommandOption {
  type: 'boolean' | 'string';
  short?: string;
  /** Shown in help as `--name <valueName>` for string options. */
  valueName?: string;
  description: Localised;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  db: Db;
  /** The positional arguments after the command's words, one per declared argument. */
  args: string[];
  options: OptionValues;
  language: Language;
  /** The command's result, on stdout (pipeable). */
  print(line: string): void;
  /** Progress and warnings, on stderr. */
  progress(line: string): void;
}

export interface Command {
  /** The words that select the command: `['election', 'regions', 'import']`. */
  words: readonly string[];
  summary: Localised;
  /** Longer help text, when the summary is not enough. */
  description?: Localised;
  arguments: ReadonlyArray<{ name: string; description: Localised }>;
  options?: Readonly<Record<string, CommandOption>>;
  /**
   * `bare`: the command gets the database as it is — not migrated, no reference data, no key
   * check (restore, which must find it empty). Default: migrated with the reference data.
   */
  database?: 'prepared' | 'bare';
  /** Whether starting the database should load the fictional demo data (default: never). */
  loadsDemoData?(options: OptionValues): boolean;
  /** Returns the process exit code. */
  run(context: CommandContext): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
