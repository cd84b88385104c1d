import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../capabilities/audit/service.ts';
import { listRotations } from '../capabilities/rotations/service.ts';
import { createTestApp, type TestApp } from '../testing/test-database.ts';
import { seedDemoAccounts } from './accounts.ts';
import { seedDemoActivity } from './activity.ts';
import { seedDemoCases } from './cases.ts';
import { seedDemoRegister } from './register.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // The demo is loaded on the day someone first starts Netra, long after the 2024 campaign.
  t.setNow('2026-11-22T03:00:00Z');
  await seedDemoRegister(t.ctx.db, '2026-11-22');
  await seedDemoAccounts(t.ctx);
});
afterAll(async () => t?.close());

describe('demo activity (Pilkada 2024, Banyuwangi)', () => {
  it('adds two candidate pairs, links the ASN deputy to the register, one rotation the watch flags, and posts to screen', async () => {
    expect(await seedDemoActivity(t.ctx)).toBe(true);
    const pairs = await t.ctx.db.selectFrom('candidate_pairs').select(['ballot_number', 'deputy_asn_id', 'incumbent_member']).where('region_code', '=', '35.10').orderBy('ballot_number').execute();
    expect(pairs).toHaveLength(2);
    expect(pairs[1].deputy_asn_id).not.toBeNull();
    expect(pairs.map((p) => p.incumbent_member)).toEqual(['head', null]);

    const officer = await t.ctx.db.selectFrom('users').select(['id', 'email', 'name', 'role']).where('email', '=', 'bawaslu.ri@netra.demo').executeTakeFirstOrThrow();
    const staff = { ...officer, scope: { kind: 'national' as const }, sessionId: 'test', csrfToken: '', mfa: 'passed' as const };
    const rc = { actor: staff, language: 'id' as const, meta: { ip: null, userAgent: null } };
    const all = await listRotations(t.ctx, rc as never, { limit: 50, offset: 0 });
    expect(all.total).toBe(3);
    const flagged = await listRotations(t.ctx, rc as never, { flagged: true, limit: 50, offset: 0 });
    expect(flagged.items.map((r) => r.decree.date)).toEqual(['2024-06-14']);

    // The supporting posts are scored as support for the right pair; the neutral ones are not.
    const posts = await t.ctx.db.selectFrom('screening_posts').select(['url', 'category', 'candidate_pair_id']).orderBy('url').execute();
    expect(posts).toHaveLength(5);
    const category = Object.fromEntries(posts.map((p) => [p.url.split('demo-')[1], p.category]));
    expect(category).toMatchObject({ '1': 'likely_support', '2': 'likely_support', '4': 'irrelevant', '5': 'irrelevant' });
    expect(posts.filter((p) => p.candidate_pair_id !== null)).toHaveLength(3);
  });

  it('is loaded once: a second start leaves it alone', async () => {
    expect(await seedDemoActivity(t.ctx)).toBe(false);
    const pairs = await t.ctx.db.selectFrom('candidate_pairs').select('id').where('region_code', '=', '35.10').execute();
    expect(pairs).toHaveLength(2);
  });
});

describe('demo cases (Pilkada 2024, Banyuasin and Kabupaten Mojokerto)', () => {
  it('carries one case to a recorded sanction, leaves one with the PPK and one under review, all audited', async () => {
    expect(await seedDemoCases(t.ctx)).toBe(true);
    const cases = await t.ctx.db.selectFrom('cases').select(['region_code', 'state']).where('region_code', 'in', ['16.07', '35.16']).orderBy('received_on').execute();
    expect(cases).toEqual([
      { region_code: '16.07', state: 'closed' },
      { region_code: '16.07', state: 'recommended_to_ppk' },
      { region_code: '35.16', state: 'under_review' },
    ]);
    const sanctioned = await t.ctx.db.selectFrom('cases').select('id').where('region_code', '=', '16.07').where('state', '=', 'closed').executeTakeFirstOrThrow();
    const recorded = await t.ctx.db.selectFrom('cases').select('sanction').where('id', '=', sanctioned.id).executeTakeFirstOrThrow();
    expect(recorded.sanction).toMatchObject({ decreeNumber: '800.1.6/045/BKPSDM/2024' });
    expect((await verifyAuditChain(t.ctx)).ok).toBe(true);
    // Loaded once.
    expect(await seedDemoCases(t.ctx)).toBe(false);
  });
});
