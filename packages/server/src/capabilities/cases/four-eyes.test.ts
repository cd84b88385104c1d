/**
 * Four eyes on Bawaslu findings (issue 14): the officer who recorded a finding cannot alone
 * classify it as a violation and forward it; a second officer of the same Bawaslu confirms. The
 * rule is the rulebook's (`fourEyes.findings`), so an election can turn it off. The case page
 * does not offer the recorder those steps and says why; a colleague is offered them.
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
const setFourEyes2020 = (on: boolean) =>
  sql`UPDATE election_rulebooks SET rulebook = jsonb_set(rulebook, '{fourEyes,findings}', ${on ? 'true' : 'false'}::jsonb) WHERE election_id = 'pilkada-2020'`.execute(t.ctx.db);
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
    await setFourEyes2020(false);
    try {
      const c = await createCase(t, { state: 'under_review', electionId: 'pilkada-2020', recordedBy: recorder.userId });
      expect((await move(recorder, c.id, { transition: 'classify_violation', actCodes: ['A02'] })).statusCode).toBe(200);
    } finally {
      await setFourEyes2020(true);
    }
  });
});

const offered = async (client: StaffClient, id: string) => {
  const detail = (await client.get(`/api/v1/cases/${id}?lang=en`)).json() as { transitions: Array<{ code: string }>; fourEyes: { required: boolean; withheld: Array<{ code: string; label: string }> } };
  return { codes: detail.transitions.map((tr) => tr.code), fourEyes: detail.fourEyes };
};

describe('transitions offered under four eyes', () => {
  it('withholds classify_violation from the recorder, and says so; offers it to a colleague', async () => {
    const c = await createCase(t, { state: 'under_review', recordedBy: recorder.userId });
    const mine = await offered(recorder, c.id);
    expect(mine.codes).not.toContain('classify_violation');
    expect(mine.codes).toContain('classify_not_violation');
    expect(mine.fourEyes).toMatchObject({ required: true, withheld: [{ code: 'classify_violation' }] });
    const theirs = await offered(colleague, c.id);
    expect(theirs.codes).toContain('classify_violation');
    expect(theirs.fourEyes.withheld).toEqual([]);
  });

  it('offers it to the recorder when the case runs under a rulebook version with four eyes off', async () => {
    await setFourEyes2020(false);
    try {
      const c = await createCase(t, { state: 'under_review', electionId: 'pilkada-2020', recordedBy: recorder.userId });
      const mine = await offered(recorder, c.id);
      expect(mine.codes).toContain('classify_violation');
      expect(mine.fourEyes).toEqual({ required: false, withheld: [] });
    } finally {
      await setFourEyes2020(true);
    }
  });
});
