/**
 * Four eyes on Bawaslu findings (issue 14): the officer who recorded a finding cannot alone
 * classify it as a violation and forward it; a second officer of the same Bawaslu confirms. The
 * rule is the rulebook's (`fourEyes.findings`), so an election can turn it off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createCase, reportedPerson } from '../../testing/cases.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

let t: TestApp;
let recorder: StaffClient;
let colleague: StaffClient;

beforeAll(async () => {
  t = await createTestApp();
  [recorder, colleague] = await Promise.all([staffClient(t, 'bawaslu_regency', '35.10'), staffClient(t, 'bawaslu_regency', '35.10')]);
});
afterAll(async () => t.close());

const NOTE = 'Catatan kajian yang cukup panjang.';
const move = (client: StaffClient, id: string, payload: Record<string, unknown>) => client.post(`/api/v1/cases/${id}/transitions`, { note: NOTE, ...payload });

describe('four eyes on a finding', () => {
  it('refuses the recorder alone (403 four_eyes); a second officer of the same Bawaslu classifies and forwards', async () => {
    const c = await createCase(t, { state: 'under_review', recordedBy: recorder.userId, asnId: await reportedPerson(t) });
    const refused = await move(recorder, c.id, { transition: 'classify_violation', actCodes: ['A02'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'four_eyes', details: { reason: 'four_eyes' } });
    expect(refused.json().error.message).toContain('Petugas kedua dari Bawaslu yang sama');

    const confirmed = await move(colleague, c.id, { transition: 'classify_violation', actCodes: ['A02'] });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    // Forwarding is the second step the recorder cannot take alone.
    const forward = { transition: 'forward_to_bkn', letterNumber: '001/PM.01/K.JI-10/2024' };
    expect((await move(recorder, c.id, forward)).statusCode).toBe(403);
    expect((await move(colleague, c.id, forward)).statusCode).toBe(200);
  });

  it('leaves the recorder free for everything else (e.g. classifying as not a violation)', async () => {
    const c = await createCase(t, { state: 'under_review', recordedBy: recorder.userId });
    expect((await move(recorder, c.id, { transition: 'classify_not_violation', actCodes: ['A02'] })).statusCode).toBe(200);
  });

  it('a rulebook with four eyes off lets the recorder classify alone', async () => {
    // Rulebooks are versioned (issue 14): a case runs under its version's rules.
    await sql`UPDATE election_rulebooks SET rulebook = jsonb_set(rulebook, '{fourEyes,findings}', 'false') WHERE election_id = 'pilkada-2020'`.execute(t.ctx.db);
    try {
      const c = await createCase(t, { state: 'under_review', electionId: 'pilkada-2020', recordedBy: recorder.userId });
      expect((await move(recorder, c.id, { transition: 'classify_violation', actCodes: ['A02'] })).statusCode).toBe(200);
    } finally {
      await sql`UPDATE election_rulebooks SET rulebook = jsonb_set(rulebook, '{fourEyes,findings}', 'true') WHERE election_id = 'pilkada-2020'`.execute(t.ctx.db);
    }
  });
});
