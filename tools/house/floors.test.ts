import { describe, expect, it } from 'vitest';
import { floorsOf, unitOf } from './floors.ts';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

describe('server floors', () => {
  it('puts each unit one floor above the highest it imports', () => {
    const { floors, circles } = floorsOf(graph({ 'app.ts': ['capabilities/cases/', 'db/'], 'capabilities/cases/': ['db/'], 'db/': [] }));
    expect(floors).toEqual([
      { floor: 3, units: ['app.ts'] },
      { floor: 2, units: ['capabilities/cases/'] },
      { floor: 1, units: ['db/'] },
    ]);
    expect(circles).toEqual([]);
  });

  it('names folders that import each other, and counts them as one floor', () => {
    const { floors, circles } = floorsOf(graph({ 'capabilities/a/': ['capabilities/b/'], 'capabilities/b/': ['capabilities/a/', 'db/'], 'db/': [] }));
    expect(circles).toEqual([['capabilities/a/', 'capabilities/b/']]);
    expect(floors).toEqual([
      { floor: 2, units: ['{capabilities/a/ capabilities/b/}'] },
      { floor: 1, units: ['db/'] },
    ]);
  });

  it('takes a capability, a folder or a top-level file as the unit', () => {
    const src = 'packages/server/src';
    expect(unitOf(`${src}/capabilities/cases/service.ts`, src)).toBe('capabilities/cases/');
    expect(unitOf(`${src}/http/errors.ts`, src)).toBe('http/');
    expect(unitOf(`${src}/app.ts`, src)).toBe('app.ts');
    expect(unitOf('packages/core/src/index.ts', src)).toBeNull();
  });
});
