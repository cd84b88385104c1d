/**
 * Writes the server's OpenAPI document to a file (default: packages/api-contract/openapi.json)
 * without a database; `npm run api:types` then generates the web app's types from it.
 *
 *   tsx packages/server/src/openapi/print-document.ts [OUT.json | -] [--check]
 *
 * With --check, or when the environment says CI, the file is not written: the run fails when
 * the committed document differs from what the server publishes (a route schema changed and
 * `npm run api:types` was not run and committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument, formatOpenApiDocument } from './document.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const args = process.argv.slice(2);
const checkOnly = args.includes('--check') || Boolean(process.env.CI);
const target = args.find((arg) => arg !== '--check') ?? path.join(repositoryRoot, 'packages/api-contract/openapi.json');

const text = formatOpenApiDocument(await buildOpenApiDocument());
if (target === '-') {
  process.stdout.write(text);
} else {
  const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  const shown = path.relative(process.cwd(), target);
  if (before === text) {
    process.stderr.write(`[api:types] ${shown} unchanged\n`);
  } else if (checkOnly) {
    process.stderr.write(`[api:types] ${shown} differs from the document the server publishes: run \`npm run api:types\` and commit it.\n`);
    process.exit(1);
  } else {
    // Left untouched when unchanged (above), so tools watching the file see no change.
    fs.writeFileSync(target, text);
    process.stderr.write(`[api:types] ${shown} written\n`);
  }
}
