import type { CaseState } from '@netra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../testing/cases.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { addReport, createAgency, createAsn, refreshDashboardsNow } from '../../testing/dashboards.ts';
import { publicColumn, publicCount } from './suppression.ts';
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
    expect(body.followUpRate).toBe(60);
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
    for (const url of ['/api/v1/transparency/pilkada-2024/35.10', '/api/v1/transparency/pilkada-2024/35', '/api/v1/transparency/pilkada-2024']) {
      const { raw: text } = await page(url);
      for (const secret of secrets) expect(text, `${url} leaks ${secret}`).not.toContain(secret);
      expect(text).not.toMatch(/NTR-\d{4}/);
      expect(text).not.toMatch(/\d{18}/);
    }
  });

  it('marks a region with nothing proven "nihil pelanggaran" (seed 003)', async () => {
    const { body } = await page('/api/v1/transparency/pilkada-2024/35.76');
    expect(body.name).toBe('Kota Mojokerto');
    expect(body.counts.provenViolations.value).toBe(0);
    expect(body.nihil).toBe(true);
  });

  it('lists a province by regency, suppressing so that no small count can be derived from the total', async () => {
    const { body } = await page('/api/v1/transparency/pilkada-2024/35');
    expect(body.counts.provenViolations).toMatchObject({ value: 9 });
    const row = (code: string) => body.children.find((c) => c.code === code)!;
    expect(row('35.16').provenViolations).toMatchObject({ hidden: 'small', value: null });
    // 9 = 7 + "< 5" + 0 + …: Banyuwangi's 7 is hidden too, or Mojokerto's 2 would follow by subtraction.
    expect(row('35.10').provenViolations).toEqual({ hidden: 'complementary', value: null, display: '*' });
    expect(row('35.10').reports).toMatchObject({ value: 13 });
    expect(row('35.76')).toMatchObject({ nihil: true, provenViolations: { value: 0 } });
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
