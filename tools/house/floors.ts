/**
 * The server's floors, from the same import graph the house rules judge (dependency-cruiser with
 * .dependency-cruiser.cjs). Each folder directly under packages/server/src (and each capability
 * under capabilities/) is one unit, each top-level file one unit; tests are left out, fixtures in
 * testing/ are not. A unit stands one floor above the highest unit it imports; floor 1 imports no
 * other unit. Folders that import each other (a circle between folders) are named, and counted as
 * one floor.
 *
 *   npx tsx tools/house/floors.ts [SRC]   (default: packages/server/src)
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEST_FILE = /\.(test|e2e)\.tsx?$/;

/** The unit a file belongs to: `capabilities/<name>`, a folder of src, or a file of src. */
export function unitOf(file: string, src: string): string | null {
  const prefix = `${src.replace(/\/$/, '')}/`;
  if (!file.startsWith(prefix)) return null;
  const parts = file.slice(prefix.length).split('/');
  if (parts[0] === 'capabilities' && parts.length > 2) return `capabilities/${parts[1]}/`;
  return parts.length > 1 ? `${parts[0]}/` : parts[0];
}

export interface Floors {
  /** Floor number → units on it, top floor first. */
  floors: Array<{ floor: number; units: string[] }>;
  /** Groups of folders that import each other. */
  circles: string[][];
}

/** Floors of a graph given as unit → the units it imports. */
export function floorsOf(graph: ReadonlyMap<string, ReadonlySet<string>>): Floors {
  // Tarjan's strongly connected components: a circle between folders is one component.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const componentOf = new Map<string, number>();
  const components: string[][] = [];
  const visit = (unit: string) => {
    index.set(unit, counter);
    low.set(unit, counter);
    counter += 1;
    stack.push(unit);
    onStack.add(unit);
    for (const next of graph.get(unit) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(unit, Math.min(low.get(unit)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(unit, Math.min(low.get(unit)!, index.get(next)!));
    }
    if (low.get(unit) === index.get(unit)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        componentOf.set(member, components.length);
        component.push(member);
      } while (member !== unit);
      components.push(component.sort());
    }
  };
  for (const unit of graph.keys()) if (!index.has(unit)) visit(unit);
  // Components come out in reverse topological order: whatever one imports is numbered already.
  const floorOf: number[] = [];
  components.forEach((component, i) => {
    let floor = 1;
    for (const unit of component) {
      for (const next of graph.get(unit) ?? []) {
        const j = componentOf.get(next)!;
        if (j !== i) floor = Math.max(floor, floorOf[j]! + 1);
      }
    }
    floorOf[i] = floor;
  });
  const byFloor = new Map<number, string[]>();
  components.forEach((component, i) => {
    const label = component.length > 1 ? `{${component.join(' ')}}` : component[0]!;
    byFloor.set(floorOf[i]!, [...(byFloor.get(floorOf[i]!) ?? []), label]);
  });
  return {
    floors: [...byFloor.entries()].sort((a, b) => b[0] - a[0]).map(([floor, units]) => ({ floor, units: units.sort() })),
    circles: components.filter((c) => c.length > 1),
  };
}

interface CruiseModule {
  source: string;
  dependencies: Array<{ resolved: string }>;
}

/** The unit graph of `src` as dependency-cruiser reads it, tests left out. */
export function serverGraph(src: string, root: string = REPO): Map<string, Set<string>> {
  const bin = path.join(REPO, 'node_modules/.bin/depcruise');
  const result = spawnSync(bin, ['--config', path.join(REPO, '.dependency-cruiser.cjs'), '--output-type', 'json', src], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0 && !result.stdout) throw new Error(result.stderr || 'dependency-cruiser failed');
  const modules = (JSON.parse(result.stdout) as { modules: CruiseModule[] }).modules;
  const graph = new Map<string, Set<string>>();
  for (const module of modules) {
    if (TEST_FILE.test(module.source)) continue;
    const from = unitOf(module.source, src);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const dependency of module.dependencies) {
      const to = unitOf(dependency.resolved, src);
      if (!to || to === from || TEST_FILE.test(dependency.resolved)) continue;
      graph.get(from)!.add(to);
      if (!graph.has(to)) graph.set(to, new Set());
    }
  }
  return graph;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const src = process.argv[2] ?? 'packages/server/src';
  const { floors, circles } = floorsOf(serverGraph(src));
  for (const { floor, units } of floors) console.log(`floor ${String(floor).padStart(2)}  ${units.join(', ')}`);
  console.log(`${floors.length} floors; ${circles.length} circle(s) between folders${circles.length ? `: ${circles.map((c) => c.join(' ⇄ ')).join('; ')}` : ''}`);
}
