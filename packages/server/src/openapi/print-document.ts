/**
 * Writes the server's OpenAPI document to a file (default: packages/api-contract/openapi.json)
 * without a database; `npm run api:types` then generates the web app's types from it.
 *
 *   tsx packages/server/src/openapi/print-document.ts [OUT.json | -]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument, formatOpenApiDocument } from './document.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const target = process.argv[2] ?? path.join(repositoryRoot, 'packages/api-contract/openapi.json');

const text = formatOpenApiDocument(await buildOpenApiDocument());
if (target === '-') {
  process.stdout.write(text);
} else {
  // Left untouched when unchanged, so tools watching the file see no change.
  const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (before !== text) fs.writeFileSync(target, text);
  process.stderr.write(`[api:types] ${path.relative(process.cwd(), target)} ${before === text ? 'unchanged' : 'written'}\n`);
}
