import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';

interface RegionItem {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  parentName: string | null;
  isCity: boolean;
}

interface RegionList {
  total: number;
  limit: number;
  offset: number;
  nextOffset: number | null;
  items: RegionItem[];
}

interface FieldErrors {
  error: { code: string; message: string; fields: Array<{ field: string; message: string }> };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function list(query: string): Promise<RegionList> {
  const res = await t.app.inject(`/api/v1/regions?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/v1/regions: listing by level and parent', () => {
  it('lists all 514 regencies/cities in one page by default', async () => {
    const body = await list('level=regency');
    expect(body.total).toBe(514);
    expect(body.items).toHaveLength(514);
    expect(body.limit).toBe(1000);
    expect(body.nextOffset).toBeNull();
    expect(body.items.every((r) => r.level === 'regency')).toBe(true);
  });

  it('treats an empty level list as no filter', async () => {
    for (const level of ['', ',']) {
      const body = await list(`level=${level}&limit=1`);
      expect(body.total, level).toBe(38 + 514 + 7277);
    }
  });

  it('lists the 38 provinces, without a parent', async () => {
    const body = await list('level=province');
    expect(body.total).toBe(38);
    expect(body.items).toHaveLength(38);
    expect(body.items.every((r) => r.parentCode === null && r.parentName === null)).toBe(true);
  });

  it('accepts several levels separated by commas', async () => {
    const body = await list('level=province,regency');
    expect(body.total).toBe(38 + 514);
    expect(new Set(body.items.map((r) => r.level))).toEqual(new Set(['province', 'regency']));
  });

  it("lists East Java's 29 regencies and 9 cities under parent=35, each naming its province", async () => {
    const body = await list('parent=35');
    expect(body.total).toBe(38);
    expect(body.items.filter((r) => !r.isCity)).toHaveLength(29);
    expect(body.items.filter((r) => r.isCity)).toHaveLength(9);
    for (const region of body.items) {
      expect(region).toMatchObject({ parentCode: '35', parentName: 'Jawa Timur', level: 'regency' });
    }
    expect(body.items.map((r) => r.code)).toContain('35.76');
  });

  it("lists a regency's districts under parent=PP.KK", async () => {
    const body = await list('parent=35.10');
    expect(body.total).toBeGreaterThan(20);
    expect(body.items.every((r) => r.level === 'district' && r.code.startsWith('35.10.') && r.parentName === 'Kabupaten Banyuwangi')).toBe(true);
  });
});

describe('GET /api/v1/regions: search', () => {
  it('finds Kabupaten Banyuwangi first when searching provinces and regencies by name', async () => {
    const body = await list('q=banyuwangi&level=province,regency');
    expect(body.items[0]).toMatchObject({ code: '35.10', name: 'Kabupaten Banyuwangi' });
  });

  it('ignores case and accents in the search text', async () => {
    for (const q of ['BANYUWANGI', 'Bányuwàngi', 'bAnYuWaNgI']) {
      const body = await list(`q=${encodeURIComponent(q)}&level=regency`);
      expect(body.items.map((r) => r.code), q).toEqual(['35.10']);
    }
  });

  it('searches by code prefix', async () => {
    const body = await list('q=35.1&level=regency');
    const codes = body.items.map((r) => r.code);
    // 35.10–35.19: Banyuwangi … Jombang.
    expect(codes).toEqual(['35.10', '35.11', '35.12', '35.13', '35.14', '35.15', '35.16', '35.17', '35.18', '35.19']);
  });

  it('finds nothing, rather than failing, for a name that does not exist', async () => {
    const body = await list('q=atlantis');
    expect(body).toMatchObject({ total: 0, items: [], nextOffset: null });
  });

  it('refuses a one-letter search with a field message', async () => {
    const res = await t.app.inject('/api/v1/regions?q=a');
    expect(res.statusCode).toBe(400);
    expect((res.json() as FieldErrors).error.fields[0].field).toBe('query.q');
  });
});

describe('GET /api/v1/regions: pagination', () => {
  it('walks every province in pages, ending with nextOffset null', async () => {
    const seen: string[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const page: RegionList = await list(`level=province&limit=15&offset=${offset}`);
      expect(page).toMatchObject({ total: 38, limit: 15, offset });
      seen.push(...page.items.map((r) => r.code));
      offset = page.nextOffset;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(38);
    expect(new Set(seen).size).toBe(38);
    expect(seen).toEqual([...seen].sort());
  });

  it('returns an empty last page past the end', async () => {
    const body = await list('level=province&offset=100');
    expect(body).toMatchObject({ total: 38, items: [], nextOffset: null });
  });

  it('refuses a limit of 0 or a negative offset', async () => {
    for (const query of ['limit=0', 'offset=-1', 'limit=abc']) {
      const res = await t.app.inject(`/api/v1/regions?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
  });
});

describe('GET /api/v1/regions: bad input', () => {
  it('names the level field, in Indonesian by default', async () => {
    const res = await t.app.inject('/api/v1/regions?level=planet');
    expect(res.statusCode).toBe(400);
    const body: FieldErrors = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toMatch(/tidak valid/);
    expect(body.error.fields).toHaveLength(1);
    expect(body.error.fields[0].field).toBe('query.level');
    expect(body.error.fields[0].message).toMatch(/harus/);
  });

  it('answers in English with ?lang=en or Accept-Language: en', async () => {
    const viaQuery = await t.app.inject('/api/v1/regions?level=province,planet&lang=en');
    const viaHeader = await t.app.inject({ url: '/api/v1/regions?level=planet', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    for (const res of [viaQuery, viaHeader]) {
      expect(res.statusCode).toBe(400);
      const body: FieldErrors = res.json();
      expect(body.error.message).toMatch(/invalid/i);
      expect(body.error.fields[0].field).toBe('query.level');
      expect(body.error.fields[0].message).toMatch(/must be/);
    }
  });

  it('explains a bad parent code in both languages', async () => {
    const indonesian: FieldErrors = (await t.app.inject('/api/v1/regions?parent=3')).json();
    expect(indonesian.error.fields).toEqual([
      { field: 'query.parent', message: 'parent harus kode provinsi (PP) atau kabupaten/kota (PP.KK)' },
    ]);
    const english = await t.app.inject('/api/v1/regions?parent=35.10.01&lang=en');
    expect(english.statusCode).toBe(400);
    expect((english.json() as FieldErrors).error.fields).toEqual([
      { field: 'query.parent', message: 'parent must be a province (PP) or regency/city (PP.KK) code' },
    ]);
  });
});

describe('GET /api/v1/regions/:code', () => {
  async function electionsOf(code: string): Promise<Record<string, boolean>> {
    const res = await t.app.inject(`/api/v1/regions/${code}`);
    expect(res.statusCode, res.body).toBe(200);
    const body: { elections: Array<{ id: string; participates: boolean }> } = res.json();
    return Object.fromEntries(body.elections.map((e) => [e.id, e.participates]));
  }

  it('shows Banyuwangi with its province and every election it takes part in', async () => {
    const res = await t.app.inject('/api/v1/regions/35.10');
    expect(res.json()).toMatchObject({
      code: '35.10',
      name: 'Kabupaten Banyuwangi',
      level: 'regency',
      parentCode: '35',
      parentName: 'Jawa Timur',
      isCity: false,
      timeZone: 'Asia/Jakarta',
    });
    expect(await electionsOf('35.10')).toEqual({ 'pilkada-2024': true, 'pilkada-2020': true, 'pemilu-2024': true });
  });

  it('shows that Kota Mojokerto held no Pilkada in 2020', async () => {
    expect(await electionsOf('35.76')).toMatchObject({ 'pilkada-2024': true, 'pilkada-2020': false });
  });

  it('shows that DI Yogyakarta elects no governor in Pilkada 2024', async () => {
    expect(await electionsOf('34')).toMatchObject({ 'pilkada-2024': false, 'pemilu-2024': true });
  });

  it('gives a district the elections of its regency', async () => {
    expect(await electionsOf('35.10.01')).toEqual({ 'pilkada-2024': true, 'pilkada-2020': true, 'pemilu-2024': true });
  });

  it('answers 404 with a message for a well-formed code that does not exist', async () => {
    const res = await t.app.inject('/api/v1/regions/99.99');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Wilayah 99.99 tidak ditemukan.' } });
    const english = await t.app.inject('/api/v1/regions/99.99?lang=en');
    expect(english.json().error.message).toBe('Region 99.99 not found.');
  });

  it('answers 400 on the code field for a malformed code', async () => {
    for (const code of ['abc', '3510', '35.1', '35.10.01.2001']) {
      const res = await t.app.inject(`/api/v1/regions/${code}`);
      expect(res.statusCode, code).toBe(400);
      expect((res.json() as FieldErrors).error.fields[0].field).toBe('params.code');
    }
  });
});
