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
});
