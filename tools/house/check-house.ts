/**
 * The house rules as one command (`npm run check:house`, run by CI): dependency-cruiser judges the
 * import graph (.dependency-cruiser.cjs: circles, SQL libraries outside repositories, another
 * capability's repository, pure core, web ⇸ server, floors), a text scan catches what an import
 * graph cannot see — a query built on `ctx.db` in a service or route — and the server's folders
 * must not import each other in a circle (floors.ts; two files need not import each other for
 * two folders to) nor stand on more floors than MAX_SERVER_FLOORS. Exit 1 on any violation.
 *
 *   npx tsx tools/house/check-house.ts [ROOT] [PATH…]   (defaults: the repository, packages e2e bench)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { floorsOf, serverGraph, type Floors } from './floors.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Query-building calls that only a repository may make. */
const QUERY_PATTERNS: Array<[RegExp, string]> = [
  [/\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\s*\(/, 'Kysely query builder'],
  [/(^|[^\w.])sql\s*(<[^>]*>)?\s*`/, 'sql`…` template'],
  [/\bsql\.(raw|ref|lit|id|table|join|val)\s*\(/, 'sql helper'],
  [/\.query\s*\(\s*['"`]/, 'pool/client query'],
  [/\bcopyFrom\s*\(|\bcopyTo\s*\(/, 'COPY stream'],
];
const REPOSITORY_FILE = /(^|\/)(repository|[^/]+\.repository)\.ts$/;
const TEST_FILE = /\.(test|e2e)\.tsx?$/;

export interface Violation {
  rule: string;
  file: string;
  line?: number;
  detail: string;
}

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.tsx?$/.test(entry.name)) yield full;
  }
}

/** Lines of non-repository files under server capabilities that build a query. */
export function scanQueriesOutsideRepositories(root: string): Violation[] {
  const violations: Violation[] = [];
  const capabilities = path.join(root, 'packages/server/src/capabilities');
  for (const file of walk(capabilities)) {
    const relative = path.relative(root, file);
    if (REPOSITORY_FILE.test(relative) || TEST_FILE.test(relative)) continue;
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, index) => {
      const trimmed = text.trim();
      if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return;
      for (const [pattern, what] of QUERY_PATTERNS) {
        if (pattern.test(text)) {
          violations.push({ rule: 'sql-only-in-repositories', file: relative, line: index + 1, detail: `${what}: ${trimmed.slice(0, 100)}` });
          break;
        }
      }
    });
  }
  return violations;
}

/** dependency-cruiser over the given paths with the repository's rules; its error lines, if any. */
export function cruise(root: string, paths: string[]): { ok: boolean; output: string } {
  const bin = path.join(REPO, 'node_modules/.bin/depcruise');
  const result = spawnSync(bin, ['--config', path.join(REPO, '.dependency-cruiser.cjs'), '--output-type', 'err', ...paths], {
    cwd: root,
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/**
 * The most floors the server's import graph may stand on (floors.ts). Lower it when the floors come
 * down; a change that adds a floor has to take one away elsewhere (or say in review why not).
 */
export const MAX_SERVER_FLOORS = 7;

/** The server's floors and folder circles, tests left out (null for a tree without a server). */
function serverFloors(root: string): Floors | null {
  const src = 'packages/server/src';
  return fs.existsSync(path.join(root, src)) ? floorsOf(serverGraph(src, root)) : null;
}

/** Server folders (capabilities, http/, db/ …) that import each other. */
function folderCircles(floors: Floors | null): Violation[] {
  return (floors?.circles ?? []).map((circle) => ({
    rule: 'no-folder-circle',
    file: circle.map((unit) => `packages/server/src/${unit}`).join(' ⇄ '),
    detail: 'move the shared piece to its true owner or a floor below both',
  }));
}

/** More floors than allowed: names the top floor and the count. */
function floorCeiling(floors: Floors | null, max: number): Violation[] {
  if (!floors || floors.floors.length <= max) return [];
  return [{
    rule: 'server-floors',
    file: 'packages/server/src',
    detail: `${floors.floors.length} floors, at most ${max} (top: ${floors.floors[0]!.units.join(', ')}; see npx tsx tools/house/floors.ts)`,
  }];
}

export function checkHouse(root: string, paths: string[], maxFloors: number = MAX_SERVER_FLOORS): { ok: boolean; report: string } {
  const graph = cruise(root, paths);
  const queries = scanQueriesOutsideRepositories(root);
  const floors = serverFloors(root);
  const circles = folderCircles(floors);
  const ceiling = floorCeiling(floors, maxFloors);
  const lines: string[] = [];
  if (!graph.ok) lines.push(graph.output);
  for (const v of queries) lines.push(`  error ${v.rule}: ${v.file}:${v.line} ${v.detail}`);
  for (const v of [...circles, ...ceiling]) lines.push(`  error ${v.rule}: ${v.file} (${v.detail})`);
  const ok = graph.ok && queries.length === 0 && circles.length === 0 && ceiling.length === 0;
  lines.push(
    ok
      ? 'house rules: no violations'
      : `house rules: ${queries.length} query line(s) outside repositories, ${circles.length} circle(s) between server folders${ceiling.length ? ', too many server floors' : ''}${graph.ok ? '' : ', and import-graph violations above'}`,
  );
  return { ok, report: lines.join('\n') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [rootArg, ...pathArgs] = process.argv.slice(2);
  const root = path.resolve(rootArg ?? REPO);
  const paths = pathArgs.length ? pathArgs : ['packages', 'e2e', 'bench'].filter((p) => fs.existsSync(path.join(root, p)));
  const { ok, report } = checkHouse(root, paths);
  console.log(report);
  process.exit(ok ? 0 : 1);
}
