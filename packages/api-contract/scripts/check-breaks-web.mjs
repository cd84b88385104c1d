/**
 * Self-check of the API contract (run by packages/server/src/openapi.test.ts, so by CI):
 *
 * 1. The committed types (src/openapi.d.ts) are what openapi-typescript makes of the committed
 *    document (openapi.json): nobody edited them by hand or forgot to regenerate.
 * 2. A server change that renames a response field the web app reads breaks the web type check:
 *    the script renames `number` in the answer of GET /api/v1/cases/{id} in a copy of the
 *    document, generates types from it, and type-checks packages/web against them (the web's own
 *    tsconfig, with @netra/api-contract pointed at the mutated copy). tsc must fail, naming the
 *    field.
 *
 * Nothing in the working tree is changed; the copies live under node_modules/.cache.
 * Prints "web type check fails on the changed field" and exits 0 when both hold.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const contractDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = path.resolve(contractDir, '../..');
const webDir = path.join(repositoryRoot, 'packages/web');
const generator = path.join(contractDir, 'node_modules/.bin/openapi-typescript');
const tsc = path.join(repositoryRoot, 'node_modules/.bin/tsc');
const work = path.join(contractDir, 'node_modules/.cache/check-breaks-web');

const MUTATED_PATH = '/api/v1/cases/{id}';
const FIELD = 'number';
const RENAMED = 'caseNumber';

function fail(message) {
  console.error(`[check-breaks-web] ${message}`);
  process.exit(1);
}

function generate(documentFile, outFile) {
  execFileSync(generator, [documentFile, '--output', outFile], { cwd: contractDir, stdio: ['ignore', 'ignore', 'inherit'] });
  return fs.readFileSync(outFile, 'utf8');
}

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'contract'), { recursive: true });

// 1. Committed types match the committed document.
const committedDocument = path.join(contractDir, 'openapi.json');
const regenerated = generate(committedDocument, path.join(work, 'regenerated.d.ts'));
if (regenerated !== fs.readFileSync(path.join(contractDir, 'src/openapi.d.ts'), 'utf8')) {
  fail('src/openapi.d.ts does not match openapi.json: run `npm run api:types` and commit both.');
}

// 2. Rename a response field the web app reads, in a copy of the document.
const document = JSON.parse(fs.readFileSync(committedDocument, 'utf8'));
const schema = document.paths?.[MUTATED_PATH]?.get?.responses?.['200']?.content?.['application/json']?.schema;
if (!schema?.properties?.[FIELD]) fail(`${MUTATED_PATH} no longer answers a field "${FIELD}": pick another field for this check.`);
schema.properties[RENAMED] = schema.properties[FIELD];
delete schema.properties[FIELD];
schema.required = (schema.required ?? []).map((name) => (name === FIELD ? RENAMED : name));
const mutatedDocument = path.join(work, 'openapi.mutated.json');
fs.writeFileSync(mutatedDocument, JSON.stringify(document));
generate(mutatedDocument, path.join(work, 'contract/openapi.d.ts'));
fs.copyFileSync(path.join(contractDir, 'src/index.ts'), path.join(work, 'contract/index.ts'));

// The web app's own settings; only the contract package resolves to the mutated copy.
fs.writeFileSync(
  path.join(work, 'tsconfig.json'),
  JSON.stringify({
    extends: path.join(webDir, 'tsconfig.json'),
    compilerOptions: { paths: { '@netra/api-contract': ['./contract/index.ts'] } },
  }),
);
const run = spawnSync(tsc, ['--noEmit', '-p', path.join(work, 'tsconfig.json')], { cwd: repositoryRoot, encoding: 'utf8' });
const output = `${run.stdout}${run.stderr}`;
const broken = output.split('\n').filter((line) => line.includes(`Property '${FIELD}' does not exist`));
if (run.status === 0) fail(`packages/web still type-checks with "${FIELD}" renamed in ${MUTATED_PATH}: the web app does not take its types from the contract.`);
if (broken.length === 0) fail(`tsc failed, but not on the renamed field:\n${output}`);

console.log(`[check-breaks-web] committed types match openapi.json`);
console.log(`[check-breaks-web] renamed "${FIELD}" → "${RENAMED}" in GET ${MUTATED_PATH}: web type check fails on the changed field`);
for (const line of broken) console.log(`  ${line.slice(0, 160)}`);
