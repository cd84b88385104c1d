import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParticipatingRegions } from '../../capabilities/election-catalog/service.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { seedReference } from './reference.ts';

let database: TestDatabase;
beforeAll(async () => {
  // A clone of the template, which global setup has already seeded once.
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

async function referenceCounts() {
  const { rows } = await database.pool.query<{ what: string; n: number }>(`
    SELECT level AS what, count(*)::int AS n FROM regions GROUP BY level
    UNION ALL SELECT 'election:' || election_id, count(*)::int FROM election_regions GROUP BY election_id
    UNION ALL SELECT 'stages', count(*)::int FROM election_stages
    UNION ALL SELECT 'elections', count(*)::int FROM elections`);
  return Object.fromEntries(rows.map((r) => [r.what, r.n]));
}

describe('seedReference', () => {
  it('holds every province, regency/city and district, and the 545 regions of Pilkada 2024', async () => {
    expect(await referenceCounts()).toMatchObject({
      province: 38,
      regency: 514,
      district: 7277,
      'election:pilkada-2024': 545,
      elections: 3,
    });
  });

  it('leaves the same data when run again', async () => {
    const before = await referenceCounts();
    const progress: string[] = [];
    await seedReference(database.db, (message) => progress.push(message));
    expect(await referenceCounts()).toEqual(before);
    // Nothing is reloaded, and the log says so by not announcing any election.
    expect(progress.some((line) => line.startsWith('Pemilihan dimuat'))).toBe(false);
  });

  it("keeps an administrator's edits to an election and the regions imported into it", async () => {
    await database.db
      .updateTable('election_stages')
      .set({ end_date: '2024-11-22' })
      .where('election_id', '=', 'pilkada-2024')
      .where('code', '=', 'campaign')
      .execute();
    await database.pool.query(
      `UPDATE elections SET rulebook = jsonb_set(rulebook, '{review,days}', '4') WHERE id = 'pilkada-2024'`,
    );
    expect(await addParticipatingRegions(database.db, 'pilkada-2020', ['11.01'])).toBe(1);

    await seedReference(database.db);

    const campaign = await database.db
      .selectFrom('election_stages')
      .select(['start_date', 'end_date'])
      .where('election_id', '=', 'pilkada-2024')
      .where('code', '=', 'campaign')
      .executeTakeFirstOrThrow();
    expect(campaign).toEqual({ start_date: '2024-09-25', end_date: '2024-11-22' });
    const { rows } = await database.pool.query(`SELECT rulebook->'review'->>'days' AS days FROM elections WHERE id = 'pilkada-2024'`);
    expect(rows[0].days).toBe('4');
    const imported = await database.db
      .selectFrom('election_regions')
      .select('source')
      .where('election_id', '=', 'pilkada-2020')
      .where('region_code', '=', '11.01')
      .executeTakeFirst();
    expect(imported).toEqual({ source: 'import' });
  });

  it('on a corrected catalog (older election data version), rewrites the shipped rulebooks and adds the missing regions, once', async () => {
    // A database seeded before the correction: Pilkada 2020 with only East Java, the old recipient field.
    await database.pool.query(`DELETE FROM election_regions WHERE election_id = 'pilkada-2020' AND source = 'rule' AND region_code NOT LIKE '35%'`);
    await database.pool.query(`UPDATE elections SET rulebook = rulebook - 'recommendationRecipients' || '{"recommendationRecipient":"KASN"}' WHERE id = 'pemilu-2024'`);
    await database.pool.query(`UPDATE netra_meta SET value = 'catalog/v1' WHERE key = 'election_data_version'`);
    const progress: string[] = [];
    await seedReference(database.db, (message) => progress.push(message));
    expect((await referenceCounts())['election:pilkada-2020']).toBe(271); // 270 + the imported 11.01 kept
    expect(progress).toContain('Pemilihan diperbarui: Pemilihan Kepala Daerah Serentak 2020 (+251 wilayah)');
    const { rows } = await database.pool.query(`SELECT rulebook->'recommendationRecipients'->1->>'recipient' AS r FROM elections WHERE id = 'pemilu-2024'`);
    expect(rows[0].r).toBe('BKN');
    // Run again: the version is current, nothing is rewritten.
    const again: string[] = [];
    await seedReference(database.db, (message) => again.push(message));
    expect(again.some((line) => line.startsWith('Pemilihan diperbarui'))).toBe(false);
  });
});
