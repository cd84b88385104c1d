/**
 * The case page under four eyes (issue 14): the officer who recorded a finding is not offered
 * classifying it as a violation (nor forwarding it); the page says why. A colleague is offered both;
 * with four eyes off in the case's rulebook version, the recorder is offered them too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createCase } from '../../testing/cases.ts';
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
    const c = await createCase(t, { state: 'under_review', electionId: 'pilkada-2020', recordedBy: recorder.userId });
    await sql`UPDATE election_rulebooks SET rulebook = jsonb_set(rulebook, '{fourEyes,findings}', 'false') WHERE election_id = 'pilkada-2020'`.execute(t.ctx.db);
    const mine = await offered(recorder, c.id);
    expect(mine.codes).toContain('classify_violation');
    expect(mine.fourEyes).toEqual({ required: false, withheld: [] });
  });
});
