import type { CaseState } from '@netra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../testing/cases.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { addReport, createAgency, createAsn, refreshDashboardsNow } from '../../testing/dashboards.ts';
import { regencyTiles } from '../dashboards/tile-layout.ts';
import { publicColumn, publicCount, publicPercent, SMALL_COUNT_LIMIT } from './suppression.ts';
import type { Transparency } from './service.ts';

let t: TestApp;
const secrets: string[] = [];

/**
 * Jawa Timur: Banyuwangi with 7 proven violations (3 sanctioned) and 12 reports, Kabupaten
 * Mojokerto with 2 proven, Kota Mojokerto with reports but nothing proven ("nihil pelanggaran",
 * seed 003).
 */
beforeAll(async () => {
  t = await createTestApp();
  const agency = await createAgency(t, '35.10', 'Dinas Rahasia Fiktif Banyuwangi');
  secrets.push('Dinas Rahasia Fiktif Banyuwangi');
  const open = async (region: string, state: CaseState, extraReports = 0) => {
    const person = await createAsn(t, { agencyId: agency, regionCode: '35.10', name: `Sutrisno Rahasia ${secrets.length}` });
    secrets.push(person.name, person.nip);
    const c = await createCase(t, { regionCode: region, state, agencyId: region === '35.10' ? agency : null, asnId: region === '35.10' ? person.id : null, receivedOn: '2024-10-03', actCodes: ['A02'] });
    secrets.push(c.number);
    for (let i = 0; i < extraReports; i++) await addReport(t, c, { receivedOn: '2024-10-04' });
    return c;
  };
  for (const state of ['sanction_decided', 'sanction_decided', 'sanction_decided', 'recommended_to_ppk', 'recommended_to_ppk', 'forwarded_to_bkn', 'classified_other_law'] as const) {
    await open('35.10', state, state === 'sanction_decided' ? 1 : 0);
  }
  await open('35.10', 'classified_not_violation', 2);
  await open('35.16', 'recommended_to_ppk');
  await open('35.16', 'classified_other_law');
  await open('35.76', 'classified_not_violation', 1);
  await open('35.76', 'under_review');
  // Bali (province level): six reports of acts during the campaign, all received in December.
  const late = await createCase(t, { regionCode: '51', state: 'classified_not_violation', receivedOn: '2024-12-02', actCodes: ['A02'] });
  for (let i = 0; i < 5; i++) await addReport(t, late, { receivedOn: '2024-12-02', occurredOn: '2024-10-10' });
  await t.ctx.db.updateTable('reports').set({ occurred_on: '2024-10-10' }).where('case_id', '=', late.id).execute();
  await refreshDashboardsNow(t.ctx.db);
});
afterAll(async () => t?.close());

const page = async (url: string) => {
  const res = await t.app.inject(url);
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.json() as Transparency, raw: res.body, headers: res.headers };
};

describe('small-count suppression', () => {
  it('shows 1 to 4 as "< 5" and 0 or 5 and more exactly', () => {
    expect([0, 1, 4, 5, 1234].map((n) => publicCount(n, 'id'))).toEqual([
      { value: 0, display: '0', hidden: null },
      { value: null, display: '< 5', hidden: 'small' },
      { value: null, display: '< 5', hidden: 'small' },
      { value: 5, display: '5', hidden: null },
      { value: 1234, display: '1.234', hidden: null },
    ]);
  });

  it('hides a second cell when a single small one could be derived from the total', () => {
    expect(publicColumn([12, 3, 0, 7], 'id').map((c) => c.display)).toEqual(['12', '< 5', '0', '*']);
    expect(publicColumn([12, 3, 2, 7], 'id').map((c) => c.display)).toEqual(['12', '< 5', '< 5', '7']);
    expect(publicColumn([12, 0, 7], 'id').map((c) => c.display)).toEqual(['12', '0', '7']);
  });

  it('shows a rate only when neither the part nor the rest is 1–4 (5 proven and 80 % would tell 4)', () => {
    expect(publicPercent(4, 5)).toBeNull();
    expect(publicPercent(5, 9)).toBeNull(); // 4 not followed up
    expect(publicPercent(3, 9)).toBeNull();
    expect(publicPercent(1, 4)).toBeNull();
    expect(publicPercent(5, 5)).toBe(100);
    expect(publicPercent(0, 7)).toBe(0);
    expect(publicPercent(5, 10)).toBe(50);
    expect(publicPercent(6, 12)).toBe(50);
  });

  it('no published figure lets a count of 1–4 be derived, for every column and rate of 1–9 cases', () => {
    const small = (n: number) => n > 0 && n < SMALL_COUNT_LIMIT;
    // Rates: from a shown rate and a known whole, the part and the rest follow; neither may be small.
    for (let whole = 1; whole <= 9; whole++) {
      for (let part = 0; part <= whole; part++) {
        if (publicPercent(part, whole) !== null) expect(small(part) || small(whole - part), `${part}/${whole}`).toBe(false);
      }
    }
    // Columns of three cells of 0–9 under a published total: a single hidden small cell would follow by subtraction.
    for (let a = 0; a <= 9; a++)
      for (let b = 0; b <= 9; b++)
        for (let c = 0; c <= 9; c++) {
          const values = [a, b, c];
          const total = publicCount(a + b + c, 'id');
          if (total.value === null) continue;
          const cells = publicColumn(values, 'id');
          const hidden = cells.map((cell, i) => (cell.value === null ? i : -1)).filter((i) => i >= 0);
          if (hidden.length === 1) expect(small(values[hidden[0]]), `${values}`).toBe(false);
          // And shown cells are exact.
          cells.forEach((cell, i) => cell.value !== null && expect(cell.value).toBe(values[i]));
        }
  });
});

describe('public transparency page', () => {
  it('answers without signing in, for a regency, with counts and the follow-up rate', async () => {
    const { body, headers } = await page('/api/v1/transparency/pilkada-2024/35.10');
    // Served from the public read cache: proxies may keep it, and revalidate by ETag (http/public-cache.test.ts).
    expect(headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(headers.etag).toMatch(/^W\/"/);
    expect(body.name).toBe('Kabupaten Banyuwangi');
    expect(body.participates).toBe(true);
    // 8 cases + 3 + 2 extra reports = 13 reports; 7 proven; 3 sanctions (< 5); 5 recommended, 3 followed up.
    expect(body.counts.reports).toEqual({ value: 13, display: '13', hidden: null });
    expect(body.counts.provenViolations).toEqual({ value: 7, display: '7', hidden: null });
    expect(body.counts.sanctions).toEqual({ value: null, display: '< 5', hidden: 'small' });
    // 3 of 5 followed up: a 60 % rate would tell the 3 sanctions hidden above.
    expect(body.followUpRate).toBeNull();
    expect(body.nihil).toBe(false);
    expect(body.dataAsOf).not.toBeNull();
  });

  it('never sends the small number itself, nor any name, NIP, case number or agency', async () => {
    const { raw, body } = await page('/api/v1/transparency/pilkada-2024/35.16');
    // Kabupaten Mojokerto: 2 reports, 2 proven, no sanction.
    expect(body.counts.reports).toEqual({ value: null, display: '< 5', hidden: 'small' });
    expect(body.counts.provenViolations).toEqual({ value: null, display: '< 5', hidden: 'small' });
    expect(body.counts.sanctions).toEqual({ value: 0, display: '0', hidden: null });
    // One recommendation is too few for a rate.
    expect(body.followUpRate).toBeNull();
    expect(raw).not.toMatch(/"value":[1-4][,}]/);
    // Every page, national to regency (1–4 cases in Mojokerto, 5–9 in Banyuwangi and Bali): no count of 1–4
    // anywhere (totals, stages by act and by receipt, rows, tiles).
    for (const url of ['/api/v1/transparency/pilkada-2024/35.10', '/api/v1/transparency/pilkada-2024/35', '/api/v1/transparency/pilkada-2024', '/api/v1/transparency/pilkada-2024/51', '/api/v1/transparency/pilkada-2024/35.76']) {
      const { raw: text } = await page(url);
      expect(text, url).not.toMatch(/"value":[1-4][,}]/);
      for (const secret of secrets) expect(text, `${url} leaks ${secret}`).not.toContain(secret);
      expect(text).not.toMatch(/NTR-\d{4}/);
      expect(text).not.toMatch(/\d{18}/);
    }
  });

  it('says "nihil pelanggaran" (seed 003) only when nothing is proven and nothing is still under review', async () => {
    const { body } = await page('/api/v1/transparency/pilkada-2024/35.76');
    expect(body.name).toBe('Kota Mojokerto');
    expect(body.counts.provenViolations.value).toBe(0);
    // One case is still under review: it may yet be proven.
    expect(body.nihil).toBe(false);
    const bali = await page('/api/v1/transparency/pilkada-2024/51');
    expect(bali.body.counts.provenViolations.value).toBe(0);
    expect(bali.body.nihil).toBe(true);
  });

  it('places reports in the stages by the date of the act, with the day-of-receipt view beside it', async () => {
    const { body } = await page('/api/v1/transparency/pilkada-2024/51');
    expect(body.stagesCountedBy).toBe('act_date');
    expect(body.receiptViewDiffers).toBe(true);
    const campaign = body.byStage.find((s) => s.code === 'campaign')!;
    // Six acts in the campaign (the case's first report and five more), none received then.
    expect(campaign.reports).toMatchObject({ value: 6 });
    expect(campaign.reportsByReceipt).toMatchObject({ value: 0 });
    const receivedIn = body.byStage.filter((s) => (s.reportsByReceipt.value ?? 0) > 0).map((s) => s.code);
    expect(receivedIn).toHaveLength(1);
    expect(receivedIn[0]).not.toBe('campaign');
  });

  it('lists a province by regency, suppressing so that no small count can be derived from the total', async () => {
    const { body } = await page('/api/v1/transparency/pilkada-2024/35');
    expect(body.counts.provenViolations).toMatchObject({ value: 9 });
    const row = (code: string) => body.children.find((c) => c.code === code)!;
    expect(row('35.16').provenViolations).toMatchObject({ hidden: 'small', value: null });
    // 9 = 7 + "< 5" + 0 + …: Banyuwangi's 7 is hidden too, or Mojokerto's 2 would follow by subtraction.
    expect(row('35.10').provenViolations).toEqual({ hidden: 'complementary', value: null, display: '*' });
    expect(row('35.10').reports).toMatchObject({ value: 13 });
    expect(row('35.76')).toMatchObject({ nihil: false, provenViolations: { value: 0 } });
    const shown = body.children.map((c) => c.provenViolations).filter((c) => c.value !== null).reduce((n, c) => n + c.value!, 0);
    expect(body.counts.provenViolations.value! - shown).not.toBe(2);
    expect(body.children.find((c) => c.name === 'Tingkat provinsi')).toBeDefined();
    // The stage column adds up to the total in the same way (here: all in the campaign).
    expect(body.byStage.find((s) => s.code === 'campaign')!.reports).toMatchObject({ value: 18 });
  });

  it('covers the whole country by province, with the province tiles', async () => {
    const { body } = await page('/api/v1/transparency/pilkada-2024?lang=en');
    expect(body.name).toBe('Indonesia');
    expect(body.region).toBeNull();
    expect(body.children).toHaveLength(38);
    expect(body.children.find((c) => c.code === '35')).toMatchObject({ short: 'JATIM', participates: true, nihil: false });
    // DI Yogyakarta holds no governor election in 2024 but its regencies do.
    expect(body.children.find((c) => c.code === '34')!.participates).toBe(true);
    expect(body.children.find((c) => c.code === '64')).toMatchObject({ nihil: true });
  });

  it('answers 404 for an unknown region or election and 400 for a district', async () => {
    expect((await t.app.inject('/api/v1/transparency/pilkada-2024/99.99')).statusCode).toBe(404);
    expect((await t.app.inject('/api/v1/transparency/pilkada-2099/35')).statusCode).toBe(404);
    expect((await t.app.inject('/api/v1/transparency/pilkada-2024/35.10.01')).statusCode).toBe(400);
  });

  it('says so where the election is not held (DI Yogyakarta, Pilkada 2024 governor)', async () => {
    const { body } = await page('/api/v1/transparency/pilkada-2024/34');
    expect(body.participates).toBe(false);
    expect(body.nihil).toBe(false);
  });
});

/** Approximate real centres (longitude °E, latitude °S) of Jawa Timur's 38 regencies and cities. */
const JATIM: Record<string, [number, number]> = {
  '35.01': [111.1, 8.2], '35.02': [111.46, 7.87], '35.03': [111.7, 8.1], '35.04': [111.9, 8.1], '35.05': [112.2, 8.15],
  '35.06': [112.05, 7.8], '35.07': [112.65, 8.15], '35.08': [113.2, 8.13], '35.09': [113.7, 8.17], '35.10': [114.2, 8.3],
  '35.11': [113.85, 7.9], '35.12': [114.0, 7.72], '35.13': [113.3, 7.85], '35.14': [112.8, 7.75], '35.15': [112.7, 7.45],
  '35.16': [112.45, 7.55], '35.17': [112.25, 7.55], '35.18': [111.9, 7.6], '35.19': [111.65, 7.6], '35.20': [111.35, 7.65],
  '35.21': [111.4, 7.4], '35.22': [111.85, 7.25], '35.23': [111.95, 6.9], '35.24': [112.35, 7.1], '35.25': [112.55, 7.15],
  '35.26': [112.9, 7.05], '35.27': [113.25, 7.1], '35.28': [113.5, 7.1], '35.29': [113.9, 7.0], '35.71': [112.01, 7.82],
  '35.72': [112.17, 8.1], '35.73': [112.63, 7.97], '35.74': [113.2, 7.75], '35.75': [112.9, 7.65], '35.76': [112.43, 7.47],
  '35.77': [111.52, 7.63], '35.78': [112.75, 7.27], '35.79': [112.52, 7.87],
};

/** Spearman's rank correlation of two equally long lists. */
function spearman(a: number[], b: number[]): number {
  const rank = (v: number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(v.length);
    order.forEach(([, i], k) => (r[i] = k));
    return r;
  };
  const [ra, rb] = [rank(a), rank(b)];
  const n = a.length;
  return 1 - (6 * ra.reduce((s, x, i) => s + (x - rb[i]) ** 2, 0)) / (n * (n * n - 1));
}

describe('the Jawa Timur regency tiles follow the real map', () => {
  it('places every regency once, west to east and north to south as on the ground', async () => {
    const codes = Object.keys(JATIM);
    const tiles = await regencyTiles(codes);
    expect(new Set([...tiles.values()].map((p) => `${p.col},${p.row}`)).size).toBe(38);
    const cols = codes.map((c) => tiles.get(c)!.col);
    const rows = codes.map((c) => tiles.get(c)!.row);
    expect(spearman(cols, codes.map((c) => JATIM[c][0]))).toBeGreaterThan(0.9);
    expect(spearman(rows, codes.map((c) => JATIM[c][1]))).toBeGreaterThan(0.8);
    // Banyuwangi at the east end, Madura's four regencies in order on the top row, Pacitan in the south-west.
    expect(tiles.get('35.10')!.col).toBe(Math.max(...cols));
    const madura = ['35.26', '35.27', '35.28', '35.29'].map((c) => tiles.get(c)!);
    expect(madura.every((p) => p.row === 0)).toBe(true);
    expect(madura.map((p) => p.col)).toEqual([...madura.map((p) => p.col)].sort((x, y) => x - y));
    expect(tiles.get('35.01')).toEqual({ col: 0, row: Math.max(...rows) });
  });
});
