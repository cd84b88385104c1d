import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

interface Stage {
  code: string;
  name: string;
  start: string;
  end: string;
  critical: boolean;
}

interface Calendar {
  region: { code: string; name: string; timeZone: string } | null;
  participates: boolean;
  date: string;
  phase: 'before' | 'during' | 'after';
  stage: Stage | null;
  activeStages: Stage[];
  critical: boolean;
  nextStage: Stage | null;
  daysUntilNextStage: number | null;
  stages: Array<Stage & { status: string }>;
}

const DEFAULT_NOW = '2024-10-01T03:00:00Z';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => t.setNow(DEFAULT_NOW));
afterAll(async () => t.close());

async function calendar(electionId: string, query: string): Promise<Calendar> {
  const res = await t.app.inject(`/api/v1/elections/${electionId}/calendar?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/v1/elections', () => {
  it('lists the three shipped elections, newest first, with their region counts', async () => {
    const res = await t.app.inject('/api/v1/elections');
    expect(res.statusCode).toBe(200);
    const items: Array<{ id: string; regionCount: number; scope: string; votingDay: string }> = res.json().items;
    expect(items.map((e) => e.id)).toEqual(['pilkada-2024', 'pemilu-2024', 'pilkada-2020']);
    expect(items.find((e) => e.id === 'pilkada-2024')).toMatchObject({ regionCount: 545, scope: 'regional', votingDay: '2024-11-27' });
    expect(items.find((e) => e.id === 'pemilu-2024')).toMatchObject({ scope: 'national', votingDay: '2024-02-14' });
    expect(items.find((e) => e.id === 'pilkada-2020')).toMatchObject({ scope: 'regional', votingDay: '2020-12-09' });
  });

  it('names the elections in English on request', async () => {
    const res = await t.app.inject('/api/v1/elections?lang=en');
    expect(res.json().items[0].name).toBe('Simultaneous Regional Head Elections 2024');
  });
});

describe('GET /api/v1/elections/:id', () => {
  interface Detail {
    regionCount: number;
    participation: { provinces: number; regencies: number; cities: number; incomplete: string | null; placementNotes: Array<{ code: string; kind: string; note: string }> };
    regions: Array<{ code: string; level: string; isCity: boolean; source: string }>;
    stages: Stage[];
    rulebook: {
      review: { days: number; counting: string; unsure?: boolean };
      reviewExtension: { days: number; counting: string };
      initialReview?: { days: number; counting: string };
      recommendationRecipients: Array<{ recipient: string; from: string | null; to: string | null }>;
    };
  }
  let pilkada2024: Detail;
  beforeAll(async () => {
    const res = await t.app.inject('/api/v1/elections/pilkada-2024');
    expect(res.statusCode).toBe(200);
    pilkada2024 = res.json();
  });

  it('has 545 regions: 37 provinces, 415 regencies and 93 cities', () => {
    expect(pilkada2024.regionCount).toBe(545);
    expect(pilkada2024.regions).toHaveLength(545);
    expect(pilkada2024.participation).toEqual({ provinces: 37, regencies: 415, cities: 93, incomplete: null, placementNotes: [] });
  });

  it('leaves out DI Yogyakarta province and Jakarta’s administrative cities, but not Kota Yogyakarta or DKI Jakarta', () => {
    const codes = new Set(pilkada2024.regions.map((r) => r.code));
    expect(codes.has('34')).toBe(false);
    expect(codes.has('34.71')).toBe(true);
    expect(codes.has('31')).toBe(true);
    for (const jakarta of ['31.01', '31.71', '31.72', '31.73', '31.74', '31.75']) expect(codes.has(jakarta), jakarta).toBe(false);
  });

  it('lists its stages in order, with the campaign from 25 Sep to 23 Nov 2024', () => {
    const starts = pilkada2024.stages.map((s) => s.start);
    expect(starts).toEqual([...starts].sort());
    expect(pilkada2024.stages[0].code).toBe('registration_announcement');
    expect(pilkada2024.stages.find((s) => s.code === 'campaign')).toMatchObject({ start: '2024-09-25', end: '2024-11-23', critical: true });
    expect(pilkada2024.stages.find((s) => s.code === 'voting')).toMatchObject({ start: '2024-11-27', end: '2024-11-27' });
  });

  it('carries the Pilkada rulebook: review in 3 calendar days, extended by 2', () => {
    expect(pilkada2024.rulebook.review).toMatchObject({ days: 3, counting: 'calendar' });
    expect(pilkada2024.rulebook.reviewExtension).toMatchObject({ days: 2, counting: 'calendar' });
  });

  it('ships Pilkada 2020 complete: 270 regions (9 provinces, 224 regencies, 37 cities), with the uncertain placements flagged as data', async () => {
    const res = await t.app.inject('/api/v1/elections/pilkada-2020?lang=en');
    const body: Detail = res.json();
    expect(body.regionCount).toBe(270);
    expect(body.participation).toMatchObject({ provinces: 9, regencies: 224, cities: 37, incomplete: null });
    const uncertain = body.participation.placementNotes.filter((n) => n.kind === 'uncertain');
    expect(uncertain.map((n) => n.code).sort()).toEqual(['62.02', '63.02', '63.07', '63.10', '63.11']);
    expect(uncertain[0].note).toMatch(/confidence/);
    const list = (await t.app.inject('/api/v1/elections')).json().items;
    expect(list.find((e: { id: string }) => e.id === 'pilkada-2020')).toMatchObject({ regionCount: 270 });
  });

  it.each([
    ['12.71', 'Kota Medan'],
    ['33.74', 'Kota Semarang'],
    ['96.03', 'Kabupaten Raja Ampat (post-2022 code)'],
    ['72', 'Sulawesi Tengah (governor)'],
  ])('the Pilkada 2020 calendar answers for %s (%s): it voted on 9 December 2020', async (code) => {
    const body = await calendar('pilkada-2020', `region=${code}&date=2020-12-09`);
    expect(body).toMatchObject({ participates: true, stage: { code: 'voting' } });
  });

  it('the Pilkada 2020 calendar answers for every one of its 270 regions, and each is listed once', async () => {
    const body: Detail = (await t.app.inject('/api/v1/elections/pilkada-2020')).json();
    const codes = body.regions.map((r) => r.code);
    expect(new Set(codes).size).toBe(270);
    const answers = await Promise.all(codes.map((code) => calendar('pilkada-2020', `region=${code}&date=2020-12-09`)));
    const silent = answers.filter((a) => !a.participates || a.stage?.code !== 'voting').map((a) => a.region?.code);
    expect(silent).toEqual([]);
  });

  it('the rulebook gives the recommendation recipient by date (KASN until 23 Aug 2024, BKN from 24 Aug 2024)', async () => {
    const body: Detail = (await t.app.inject('/api/v1/elections/pemilu-2024')).json();
    expect(body.rulebook.recommendationRecipients.map((p) => [p.recipient, p.from, p.to])).toEqual([
      ['KASN', null, '2024-08-23'],
      ['BKN', '2024-08-24', null],
    ]);
    expect(body.rulebook.review).toMatchObject({ days: 7, counting: 'calendar', unsure: true });
    expect(body.rulebook.initialReview).toMatchObject({ days: 2 });
  });

  it('answers 404 for an unknown election', async () => {
    const res = await t.app.inject('/api/v1/elections/pilkada-2099');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: 'not_found', message: 'Pemilihan pilkada-2099 tidak ditemukan.' });
  });
});

describe('GET /api/v1/elections/:id/calendar', () => {
  it('puts Banyuwangi in the critical campaign on 1 Oct 2024, 54 days before the quiet period', async () => {
    const body = await calendar('pilkada-2024', 'region=35.10&date=2024-10-01');
    expect(body).toMatchObject({
      region: { code: '35.10', name: 'Kabupaten Banyuwangi', timeZone: 'Asia/Jakarta' },
      participates: true,
      date: '2024-10-01',
      phase: 'during',
      stage: { code: 'campaign', name: 'Masa kampanye' },
      critical: true,
      nextStage: { code: 'quiet_period' },
      daysUntilNextStage: 54,
    });
    expect(body.stages.find((s) => s.code === 'registration')?.status).toBe('past');
    expect(body.stages.find((s) => s.code === 'campaign')?.status).toBe('current');
    expect(body.stages.find((s) => s.code === 'voting')?.status).toBe('upcoming');
  });

  it('puts 25 Nov 2024 in the quiet period, which is not critical', async () => {
    const body = await calendar('pilkada-2024', 'region=35.10&date=2024-11-25');
    expect(body.stage?.code).toBe('quiet_period');
    expect(body.critical).toBe(false);
    expect(body.nextStage?.code).toBe('voting');
  });

  it('puts 27 Nov 2024 on voting day, though counting starts the same day', async () => {
    const body = await calendar('pilkada-2024', 'region=35.10&date=2024-11-27');
    expect(body.stage?.code).toBe('voting');
    expect(body.activeStages.map((s) => s.code).sort()).toEqual(['counting', 'voting']);
    expect(body.critical).toBe(true);
  });

  it('has no stage on 24 Sep 2024, the day between the ballot draw and the campaign', async () => {
    const body = await calendar('pilkada-2024', 'region=35.10&date=2024-09-24');
    expect(body).toMatchObject({ stage: null, activeStages: [], critical: false, phase: 'during', daysUntilNextStage: 1 });
    expect(body.nextStage?.code).toBe('campaign');
  });

  it('puts a province in its own recapitulation on 8 Dec 2024', async () => {
    const body = await calendar('pilkada-2024', 'region=64&date=2024-12-08');
    expect(body.stage?.code).toBe('recap_province');
    expect(body.region?.timeZone).toBe('Asia/Makassar');
  });

  it('gives a regency no provincial recapitulation', async () => {
    const body = await calendar('pilkada-2024', 'region=35.10&date=2024-12-08');
    expect(body.stage?.code).toBe('counting');
    expect(body.stages.map((s) => s.code)).not.toContain('recap_province');
  });

  it('is before and after the schedule outside it', async () => {
    expect((await calendar('pilkada-2024', 'region=35.10&date=2024-01-01')).phase).toBe('before');
    const after = await calendar('pilkada-2024', 'region=35.10&date=2025-01-01');
    expect(after).toMatchObject({ phase: 'after', stage: null, nextStage: null, daysUntilNextStage: null });
  });

  it("uses today in the region's own time zone when no date is given", async () => {
    // 16:30 UTC on 24 Sep is 23:30 in Jakarta (still the gap day) but 01:30 on 25 Sep in
    // Jayapura, where the campaign has begun.
    t.setNow('2024-09-24T16:30:00Z');
    const banyuwangi = await calendar('pilkada-2024', 'region=35.10');
    const jayapura = await calendar('pilkada-2024', 'region=91.03');
    expect(banyuwangi).toMatchObject({ date: '2024-09-24', stage: null });
    expect(jayapura).toMatchObject({ date: '2024-09-25', stage: { code: 'campaign' }, region: { timeZone: 'Asia/Jayapura' } });
  });

  it('follows the regency for a district code', async () => {
    const body = await calendar('pilkada-2024', 'region=35.10.01&date=2024-10-01');
    expect(body).toMatchObject({ participates: true, stage: { code: 'campaign' }, region: { code: '35.10.01' } });
    expect(body.stages.map((s) => s.code)).not.toContain('recap_province');
  });

  it('answers a national election without a region', async () => {
    const body = await calendar('pemilu-2024', 'date=2024-02-14');
    expect(body).toMatchObject({ region: null, participates: true, stage: { code: 'voting' }, critical: true });
  });

  it('names the stages in English with lang=en', async () => {
    const body = await calendar('pilkada-2024', 'region=35.10&date=2024-10-01&lang=en');
    expect(body.stage?.name).toBe('Campaign');
    expect(body.nextStage?.name).toBe('Quiet period');
  });

  it('says DI Yogyakarta province does not take part in Pilkada 2024', async () => {
    const body = await calendar('pilkada-2024', 'region=34&date=2024-10-01');
    expect(body.participates).toBe(false);
    // Its regencies and Kota Yogyakarta do.
    expect((await calendar('pilkada-2024', 'region=34.71&date=2024-10-01')).participates).toBe(true);
  });

  it('requires a region for a Pilkada, on the region field', async () => {
    const res = await t.app.inject('/api/v1/elections/pilkada-2024/calendar?date=2024-10-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'query.region', message: 'Wajib diisi untuk pilkada, misalnya 35.10' }],
    });
    const english = await t.app.inject('/api/v1/elections/pilkada-2024/calendar?lang=en');
    expect(english.json().error.fields[0].message).toBe('Required for regional elections, e.g. 35.10');
  });

  it('refuses a malformed region code on the region field', async () => {
    const res = await t.app.inject('/api/v1/elections/pilkada-2024/calendar?region=banyuwangi');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('query.region');
  });

  it('answers 404 for a region that does not exist', async () => {
    const res = await t.app.inject('/api/v1/elections/pilkada-2024/calendar?region=99.99&date=2024-10-01');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Wilayah 99.99 tidak ditemukan.');
  });

  it('answers 404 for an election that does not exist', async () => {
    const res = await t.app.inject('/api/v1/elections/nope/calendar?region=35.10');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('refuses an impossible date on the date field, in the caller’s language', async () => {
    for (const date of ['2024-02-30', '2024-13-01', '01-10-2024', 'kemarin']) {
      const res = await t.app.inject(`/api/v1/elections/pilkada-2024/calendar?region=35.10&date=${date}`);
      expect(res.statusCode, date).toBe(400);
      expect(res.json().error.fields).toEqual([{ field: 'query.date', message: 'date harus tanggal yang benar dengan format YYYY-MM-DD' }]);
    }
    const english = await t.app.inject('/api/v1/elections/pilkada-2024/calendar?region=35.10&date=2024-02-30&lang=en');
    expect(english.json().error.fields[0].message).toBe('date must be a calendar date written YYYY-MM-DD');
  });
});
