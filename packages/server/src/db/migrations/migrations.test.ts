import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { connectDatabase, migrateToLatest, type DatabaseHandle } from '../database.ts';
import { migrations } from './index.ts';

const MIGRATION_NAMES = Object.keys(migrations);

async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`.execute(handle.db);
  return result.rows.map((r) => r.table_name);
}

describe('migrations on the seeded template', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('run nothing when the schema is already up to date', async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
    expect(await migrateToLatest(database.db)).toEqual([]);
  });
});

describe('migrations on an empty database', () => {
  // An empty database (not a clone of the migrated template), as a fresh install or an external
  // DATABASE_URL starts.
  const name = `test_empty_${randomBytes(6).toString('hex')}`;
  const urlFor = (database: string) => {
    const url = new URL(inject('postgresUrl'));
    url.pathname = `/${database}`;
    return url.toString();
  };
  let admin: DatabaseHandle;
  let database: DatabaseHandle;
  beforeAll(async () => {
    admin = connectDatabase(urlFor('postgres'), 1);
    await admin.pool.query(`CREATE DATABASE ${name}`);
    database = connectDatabase(urlFor(name), 2);
  });
  afterAll(async () => {
    await database.close();
    await admin.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  });

  it('creates the whole schema once, then runs nothing the second time', async () => {
    expect(await migrateToLatest(database.db)).toEqual(MIGRATION_NAMES);
    expect(await tableNames(database)).toEqual(
      expect.arrayContaining(['agencies', 'asn', 'election_regions', 'election_stages', 'elections', 'regions', 'units']),
    );
    expect(await migrateToLatest(database.db)).toEqual([]);
  });
});
