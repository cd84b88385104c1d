/** `--help` texts, generated from the command table so they cannot drift from what is parsed. */
import type { Language } from '../http/language.ts';
import type { Command, CommandOption } from './command.ts';

export const GLOBAL_OPTIONS = {
  help: {
    type: 'boolean',
    short: 'h',
    description: { id: 'Tampilkan bantuan (juga per perintah).', en: 'Show help (also per command).' },
  },
  lang: {
    type: 'string',
    valueName: 'id|en',
    description: { id: 'Bahasa keluaran (bawaan: id).', en: 'Output language (default: id).' },
  },
} as const satisfies Record<string, CommandOption>;

const TEXT = {
  title: { id: 'Netra: pengawasan netralitas ASN dalam pemilihan.', en: "Netra: supervising civil servants' neutrality in elections." },
  usage: { id: 'Pemakaian', en: 'Usage' },
  command: { id: '<perintah>', en: '<command>' },
  options: { id: 'opsi', en: 'options' },
  commands: { id: 'Perintah', en: 'Commands' },
  commandOptions: { id: 'Opsi', en: 'Options' },
  globalOptions: { id: 'Opsi umum', en: 'Global options' },
  arguments: { id: 'Argumen', en: 'Arguments' },
  database: {
    id: 'Basis data: DATABASE_URL bila diisi; selain itu PostgreSQL tertanam di NETRA_DATA_DIR (bawaan .netra, port NETRA_PG_PORT).',
    en: 'Database: DATABASE_URL when set; otherwise the embedded PostgreSQL in NETRA_DATA_DIR (default .netra, port NETRA_PG_PORT).',
  },
};

function table(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function optionRows(options: Record<string, CommandOption>, language: Language): Array<[string, string]> {
  return Object.entries(options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${name}${option.type === 'string' ? ` <${option.valueName ?? 'value'}>` : ''}`;
    return [flag, option.description[language]];
  });
}

/** `election regions import <electionId> <file.csv>` */
function commandLine(command: Command): string {
  return [...command.words, ...command.arguments.map((a) => `<${a.name}>`)].join(' ');
}

export function commandSynopsis(command: Command): string {
  return `netra ${commandLine(command)}`;
}

/** The overview: every command (or those under a group such as `election`) and the global options. */
export function overviewHelp(commands: readonly Command[], language: Language): string {
  return [
    TEXT.title[language],
    '',
    `${TEXT.usage[language]}: netra ${TEXT.command[language]} [${TEXT.options[language]}]`,
    '',
    `${TEXT.commands[language]}:`,
    ...table(commands.map((c) => [commandLine(c), c.summary[language]])),
    '',
    `${TEXT.globalOptions[language]}:`,
    ...table(optionRows(GLOBAL_OPTIONS, language)),
    '',
    TEXT.database[language],
  ].join('\n');
}

export function commandHelp(command: Command, language: Language): string {
  const lines = [`${TEXT.usage[language]}: ${commandSynopsis(command)} [${TEXT.options[language]}]`, '', command.summary[language]];
  if (command.description) lines.push('', command.description[language]);
  if (command.arguments.length > 0) {
    lines.push('', `${TEXT.arguments[language]}:`, ...table(command.arguments.map((a) => [`<${a.name}>`, a.description[language]])));
  }
  lines.push('', `${TEXT.commandOptions[language]}:`, ...table(optionRows({ ...command.options, ...GLOBAL_OPTIONS }, language)));
  lines.push('', TEXT.database[language]);
  return lines.join('\n');
}
