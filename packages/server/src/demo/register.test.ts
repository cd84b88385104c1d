import { plausibilityProblems } from '@netra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { DEMO_REGIONS, seedDemoRegister } from './register.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

describe('seedDemoRegister', () => {
  it('loads fictional civil servants for the demo regions once, and reuses them afterwards', async () => {
    expect(await seedDemoRegister(database.db, '2024-10-01')).toBe(true);
    const count = async () => {
      const { rows } = await database.pool.query<{ region_code: string; n: number }>(
        `SELECT region_code, count(*)::int AS n FROM asn GROUP BY region_code ORDER BY region_code`,
      );
      return rows;
    };
    const first = await count();
    expect(first.map((r) => r.region_code).sort()).toEqual([...DEMO_REGIONS].sort());
    expect(first.every((r) => r.n > 600)).toBe(true);

    expect(await seedDemoRegister(database.db, '2024-10-01')).toBe(false);
    expect(await count()).toEqual(first);
  });

  it('is plausible to a personnel officer: status, post, rank and unit fit together (core plausibilityProblems)', async () => {
    const { rows } = await database.pool.query<{ kind: 'pns' | 'pppk'; position_type: string; position_title: string; grade: string | null; unit: string | null }>(
      `SELECT a.kind, a.position_type, a.position_title, a.grade, u.name AS unit FROM asn a LEFT JOIN units u ON u.id = a.unit_id`,
    );
    expect(rows.length).toBeGreaterThan(3000);
    const problems = rows.flatMap((r) =>
      plausibilityProblems({ status: r.kind, positionType: r.position_type as never, positionTitle: r.position_title, grade: r.grade, unit: r.unit }).map((p) => `${r.position_title} (${r.kind}, ${r.grade}, ${r.unit}): ${p.message.en}`),
    );
    expect(problems).toEqual([]);
    // Every kind of post is there, PPPK only in functional and executor posts, and every camat in a kecamatan.
    expect(new Set(rows.map((r) => r.position_type))).toEqual(new Set(['jpt', 'administrator', 'supervisor', 'executor', 'functional', 'camat_lurah']));
    expect(new Set(rows.filter((r) => r.kind === 'pppk').map((r) => r.position_type))).toEqual(new Set(['functional', 'executor']));
    expect(rows.filter((r) => r.position_type === 'camat_lurah').every((r) => r.unit?.startsWith('Kecamatan '))).toBe(true);
  });
});
