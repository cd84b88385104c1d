/**
 * Runs the `netra` command line in a test against a test database: what it printed (stdout) and
 * reported (stderr, progress and errors alike) is collected with the exit code.
 */
import { runCli, type CliEnvironment } from '../command-line/run.ts';
import type { Db } from '../db/database.ts';

export async function runNetra(db: Db, argv: string[]) {
  const out = { stdout: [] as string[], stderr: [] as string[] };
  const env: CliEnvironment = {
    print: (line) => out.stdout.push(line),
    progress: (line) => out.stderr.push(line),
    error: (line) => out.stderr.push(line),
    openDatabase: async () => ({ db, close: async () => {} }),
  };
  return { code: await runCli(argv, env), ...out };
}
