import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { ELECTION, importForm, jsonl, postRecord, seedAsn, seedPairs, type PairKey } from '../../testing/screening.ts';
import { rescoreOpenPosts } from './scoring.ts';

/**
 * Issue 18: whether a flagged post supports or attacks a pair is stored with its score, and the
 * pair stored first is the attacked one for an attack, so the triage view can say which.
 */
let t: TestApp;
let pairs: Record<PairKey, string>;
let officer: StaffClient;

interface Listed {
  url: string;
  score: number;
  category: string;
  stance: 'support' | 'attack' | null;
  candidate: { id: string; label: string } | null;
}

const NIP = '198703112014032002';
const attack = postRecord({
  url: 'https://facebook.com/p/stance-attack',
  handle: 'dwi.lestari',
  asnNip: NIP,
  text: 'Jangan pilih Bu Kinanti lagi! 5 tahun cuma janji, jalan desa tetap rusak. Asal bukan nomor 2, coblos Mas Bayu saja.',
  regionCode: '35.10',
});
const attackOnly = postRecord({
  url: 'https://facebook.com/p/stance-attack-only',
  handle: 'dwi.lestari',
  asnNip: NIP,
  text: 'Bu Kinanti itu pemimpin gagal, korupsi dana desa kok mau dipilih lagi. Jangan pilih Kinanti-Dhika! #KinantiDhika',
  regionCode: '35.10',
});
const support = postRecord({
  url: 'https://facebook.com/p/stance-support',
  handle: 'dwi.lestari',
  asnNip: NIP,
  text: 'Ayo coblos no 1 Mas Bayu - Ning Laila tgl 27, pilihan tepat buat Banyuwangi! #BayuLaila',
  regionCode: '35.10',
});
const news = postRecord({
  url: 'https://facebook.com/p/stance-news',
  text: 'KPU Banyuwangi menggelar debat kedua antara pasangan Bayu Sasongko dan Kinanti Rahayuningsih, Rabu malam.',
  regionCode: '35.10',
});

async function listed(): Promise<Map<string, Listed>> {
  const res = await officer.get('/api/v1/screening/posts?status=all&limit=200');
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json().items as Listed[]).map((p) => [p.url, p]));
}

beforeAll(async () => {
  t = await createTestApp();
  pairs = await seedPairs(t.ctx.db);
  await seedAsn(t.ctx.db, { nip: NIP, name: 'Dwi Lestari Handayani', regionCode: '35.10', agencyName: 'Pemerintah Kabupaten Banyuwangi (uji)' });
  officer = await staffClient(t, 'bawaslu_regency', '35.10');
  const res = await officer.request({ method: 'POST', url: '/api/v1/screening/posts/import', ...importForm('stance.jsonl', jsonl([attack, attackOnly, support, news]), { electionId: ELECTION }) });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().imported).toBe(4);
});
afterAll(async () => t?.close());

describe('stance of a screened post', () => {
  it('stores an attack as an attack against the attacked pair, and support as support of the supported pair', async () => {
    const posts = await listed();
    for (const url of [attack.url, attackOnly.url]) {
      const post = posts.get(url as string)!;
      expect(post.score).toBeGreaterThanOrEqual(60);
      expect(post).toMatchObject({ stance: 'attack', category: 'likely_opposition', candidate: { id: pairs.kinanti } });
    }
    expect(posts.get(support.url as string)).toMatchObject({ stance: 'support', category: 'likely_support', candidate: { id: pairs.bayu } });
    const stored = await t.ctx.db.selectFrom('screening_posts').select(['url', 'stance', 'candidate_pair_id']).execute();
    expect(stored.find((r) => r.url === attackOnly.url)).toMatchObject({ stance: 'attack', candidate_pair_id: pairs.kinanti });
  });

  it('gives a post below the threshold no stance', async () => {
    const post = (await listed()).get(news.url as string)!;
    expect(post.score).toBeLessThan(60);
    expect(post.stance).toBeNull();
  });

  it('writes the stance again when open posts are rescored', async () => {
    await sql`UPDATE screening_posts SET stance = NULL`.execute(t.ctx.db);
    expect(await rescoreOpenPosts(t.ctx.db, { electionId: ELECTION }, new Date())).toBe(4);
    const posts = await listed();
    expect(posts.get(attackOnly.url as string)).toMatchObject({ stance: 'attack', candidate: { id: pairs.kinanti } });
    expect(posts.get(support.url as string)).toMatchObject({ stance: 'support', candidate: { id: pairs.bayu } });
    expect(posts.get(news.url as string)!.stance).toBeNull();
  });

  it('refuses a stance outside support and attack in the database', async () => {
    await expect(sql`UPDATE screening_posts SET stance = 'neutral'`.execute(t.ctx.db)).rejects.toThrow(/check constraint/);
  });
});
