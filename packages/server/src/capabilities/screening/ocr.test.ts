/**
 * Pictures (issue 18): a generated campaign flyer shared without a word about the candidate is
 * read by OCR, scored like a post and put in the triage queue with the recognised text and the
 * terms found; a neutral picture is read and left alone. Runs tesseract.js with the Indonesian
 * data from node_modules, against the test PostgreSQL.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flyerImage, neutralImage } from '../../testing/flyers.ts';
import { ELECTION, importForm, jsonl, postRecord, seedPairs, type PairKey } from '../../testing/screening.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { stopOcr } from './ocr-engine.ts';
import { runOcr } from './ocr.service.ts';

let t: TestApp;
let pairs: Record<PairKey, string>;
let officer: StaffClient;
let server: http.Server;
let base: string;
const pictures = new Map<string, Buffer>();

interface ImageTextBody {
  source: string;
  status: string;
  text: string;
  score: number;
  category: string;
  highlights: Array<{ start: number; end: number }>;
  matches: Array<{ start: number; end: number; kind: string; term: string; mention: boolean }>;
}
interface PostBody {
  id: string;
  url: string;
  score: number;
  category: string;
  candidate: { id: string } | null;
  flaggedBy?: string | null;
  imageTexts?: ImageTextBody[];
  reasons: Array<{ code: string; text: string }>;
}

beforeAll(async () => {
  t = await createTestApp();
  pairs = await seedPairs(t.ctx.db);
  officer = await staffClient(t, 'bawaslu_regency', '35.10');
  pictures.set('/flyer.png', await flyerImage({ call: 'COBLOS NOMOR 1', names: 'MAS BAYU - NING LAILA', ballotNumber: 1, slogan: 'Banyuwangi Makin Maju', hashtag: '#BayuLaila' }, 7));
  pictures.set('/posyandu.jpg', await neutralImage(3, { jpeg: true }));
  server = http.createServer((req, res) => {
    const body = pictures.get(req.url ?? '');
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': req.url!.endsWith('.png') ? 'image/png' : 'image/jpeg', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await stopOcr();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

async function postByUrl(url: string): Promise<PostBody> {
  const res = await officer.get('/api/v1/screening/posts?status=all&limit=200');
  expect(res.statusCode, res.body).toBe(200);
  const found = (res.json().items as PostBody[]).find((p) => p.url === url);
  if (!found) throw new Error(`post ${url} not in the queue`);
  return found;
}

describe('OCR of pictures in posts', () => {
  it('flags a flyer with a candidate name, number and slogan through its text, and leaves a neutral picture alone', async () => {
    const flyerPost = postRecord({ text: 'Mantap, sebarkan! 👍', regionCode: '35.10', mediaUrls: [`${base}/flyer.png`] });
    const neutralPost = postRecord({ text: 'Info buat ibu-ibu', regionCode: '35.10', mediaUrls: [`${base}/posyandu.jpg`] });
    const imported = await officer.request({ method: 'POST', url: '/api/v1/screening/posts/import', ...importForm('media.jsonl', jsonl([flyerPost, neutralPost]), { electionId: ELECTION }) });
    expect(imported.statusCode, imported.body).toBe(200);

    // The caption alone names nobody.
    const before = await postByUrl(flyerPost.url as string);
    expect(before.score).toBeLessThan(60);
    expect(before.imageTexts).toEqual([]);

    const progress: number[] = [];
    const run = await runOcr(t.ctx, { onProgress: (p) => progress.push(p.done) });
    expect(run).toMatchObject({ status: 'done', total: 2, done: 2, failed: 0, flagged: 1 });
    expect(progress).toEqual([1, 2]);

    const flyer = await postByUrl(flyerPost.url as string);
    expect(flyer.flaggedBy).toBe('image_text');
    expect(flyer.score).toBeGreaterThanOrEqual(60);
    expect(flyer.category).toBe('likely_support');
    expect(flyer.candidate?.id).toBe(pairs.bayu);
    expect(flyer.reasons.some((r) => r.text.startsWith('Dalam gambar:'))).toBe(true);
    const [read] = flyer.imageTexts!;
    expect(read.status).toBe('read');
    expect(read.text).toMatch(/BAYU/);
    expect(read.text).toMatch(/Makin Maju/i);
    const found = read.matches.map((m) => read.text.slice(m.start, m.end).toLowerCase());
    expect(found).toEqual(expect.arrayContaining(['coblos', 'banyuwangi makin maju']));
    expect(read.matches.some((m) => m.mention && m.kind === 'slogan')).toBe(true);
    expect(read.highlights.length).toBeGreaterThan(0);

    const neutral = await postByUrl(neutralPost.url as string);
    expect(neutral.flaggedBy ?? null).toBeNull();
    expect(neutral.score).toBeLessThan(60);
    expect(neutral.imageTexts![0]).toMatchObject({ status: 'read', category: 'irrelevant' });
    expect(neutral.imageTexts![0].text).toMatch(/POSYANDU/i);

    // Nothing left to read: the next run reads nothing and changes nothing.
    expect(await runOcr(t.ctx)).toMatchObject({ status: 'done', total: 0, flagged: 0 });
    const detail = await officer.get(`/api/v1/screening/posts/${flyer.id}`);
    expect(detail.json()).toMatchObject({ flaggedBy: 'image_text', imageTexts: [expect.objectContaining({ source: `${base}/flyer.png` })] });
  }, 180_000);

  it('stores a picture it cannot fetch as failed, with the reason, and does not try it again', async () => {
    const broken = postRecord({ text: 'lihat ini', regionCode: '35.10', mediaUrls: [`${base}/missing.png`] });
    const imported = await officer.request({ method: 'POST', url: '/api/v1/screening/posts/import', ...importForm('broken.jsonl', jsonl([broken]), { electionId: ELECTION }) });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(await runOcr(t.ctx)).toMatchObject({ total: 1, done: 1, failed: 1, flagged: 0 });
    expect((await postByUrl(broken.url as string)).imageTexts).toEqual([expect.objectContaining({ status: 'failed', text: '' })]);
    expect(await runOcr(t.ctx)).toMatchObject({ total: 0 });
  }, 60_000);
});
