/**
 * Netra as a service on several servers, on loopback with real protocols only (harness.ts):
 * nginx → three Netra servers (production build) → PostgreSQL primary + streaming replica, and
 * an S3-protocol object store for every file.
 *
 * - the main story through the proxy: an anonymous report with a photo → Bawaslu → BKN → PPK →
 *   closed, with public tracking and the transparency page (served from the replica, cached,
 *   revalidated with ETag/304);
 * - evidence lives in the object store, so any server serves any file;
 * - the scheduled dashboards refresh runs once per tick although three servers schedule it;
 * - one app server is killed (SIGKILL) during a burst of reports: every acknowledged report is
 *   stored, and a retry with the same Idempotency-Key returns the same receipt;
 * - compressed JS bundle and immutable hashed assets through the proxy;
 * - a server with another encryption key refuses to start, saying why.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateSync } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO } from '../../e2e/fixtures.ts';
import { DEMO_PASSWORD, demoTotpSecret } from '../../packages/server/src/demo/accounts.ts';
import { ROOT, startCluster, startNetra, type Cluster } from './harness.ts';

let cluster: Cluster;
let base = '';
const startedAt = new Date();

beforeAll(async () => {
  cluster = await startCluster();
  base = cluster.nginx.url;
});
afterAll(async () => {
  await cluster?.stop();
});

/** A staff member signed in through the proxy (password + TOTP), with their cookie and CSRF token. */
async function signIn(email: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  expect(login.status, await login.clone().text()).toBe(200);
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const verify = await fetch(`${base}/api/v1/auth/totp/verify`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ code: generateSync({ secret: demoTotpSecret(email) }) }),
  });
  expect(verify.status, await verify.clone().text()).toBe(200);
  // Passing the second factor renews the session token (the old one no longer opens anything).
  const headers = { cookie: verify.headers.getSetCookie()[0].split(';')[0], 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  return {
    get: (url: string) => fetch(`${base}${url}`, { headers }),
    post: (url: string, body: unknown) => fetch(`${base}${url}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  };
}


function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

/** An anonymous report about a fictional civil servant in Kabupaten Banyuwangi, with a photo. */
function reportForm(n: number, photo = true): FormData {
  const form = new FormData();
  const fields: Record<string, string | string[]> = {
    electionId: 'pilkada-2024',
    regionCode: '35.10',
    place: `Balai Desa Fiktif ${n}, Kecamatan Genteng`,
    occurredOn: yesterday(),
    knownOn: yesterday(),
    description: `Seorang kepala seksi (fiktif, nomor ${n}) mengunggah foto bersama pasangan calon sambil mengacungkan jari di grup WhatsApp dinas.`,
    actCodes: ['A07'],
    reportedName: `Hartono Fiktif ${n}`,
    anonymous: 'true',
  };
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item);
  if (photo) form.append('evidence', new Blob([new Uint8Array(PHOTO)], { type: 'image/jpeg' }), `foto-${n}.jpg`);
  return form;
}

async function submit(n: number, key: string, photo = true) {
  const res = await fetch(`${base}/api/v1/reports`, { method: 'POST', body: reportForm(n, photo), headers: { 'idempotency-key': key } });
  return { status: res.status, body: (await res.json().catch(() => null)) as { receiptNumber: string; secret: string; caseNumber: string } | null };
}

const NOTE = 'Langkah ini dilakukan dalam uji klaster.';

describe('the main story through the proxy, on three servers', () => {
  let receipt: { receiptNumber: string; secret: string; caseNumber: string };

  it('an anonymous citizen files a report with a photo; its evidence is stored in the object store', async () => {
    const res = await submit(0, randomUUID());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    receipt = res.body!;
    const objects = fs.readdirSync(cluster.s3.directory, { recursive: true }).map(String);
    expect(objects.some((name) => /sha256\/[0-9a-f]{2}\/[0-9a-f]{64}/.test(name))).toBe(true);
    // No server keeps the evidence on its own disk.
    for (const server of cluster.servers) {
      const local = path.join(cluster.base, server.name, 'evidence', 'sha256');
      expect(fs.existsSync(local)).toBe(false);
    }
  });

  it('Bawaslu → BKN → PPK → closed, each step on whichever server nginx picks', async () => {
    const bawaslu = await signIn('bawaslu.banyuwangi@netra.demo');
    const bkn = await signIn('bkn@netra.demo');
    const ppk = await signIn('ppk.banyuwangi@netra.demo');
    const listed = await bawaslu.get(`/api/v1/cases?queue=all&q=${encodeURIComponent(receipt.caseNumber)}`);
    expect(listed.status, await listed.clone().text()).toBe(200);
    const list = (await listed.json()) as { items: Array<{ id: string; number: string }> };
    const found = list.items.find((c) => c.number === receipt.caseNumber);
    expect(found, JSON.stringify(list)).toBeDefined();
    const id = found!.id;

    // The photo (its metadata-free copy for staff outside the case, or the original) comes back from S3 through any server.
    const detail = (await (await bawaslu.get(`/api/v1/cases/${id}`)).json()) as { reports: Array<{ id: string; evidenceCount: number }> };
    expect(detail.reports[0].evidenceCount).toBe(1);

    const move = async (who: typeof bawaslu, body: Record<string, unknown>, to: string) => {
      const res = await who.post(`/api/v1/cases/${id}/transitions`, { note: NOTE, ...body });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(((await res.json()) as { to: string }).to).toBe(to);
    };
    await move(bawaslu, { transition: 'start_check' }, 'formal_check');
    // An anonymous report lacks a formal requirement: the officer records why it is reviewed anyway.
    await move(bawaslu, { transition: 'accept_for_review', formalOverride: 'Foto dan uraian cukup jelas untuk dikaji (uji klaster).' }, 'under_review');
    await move(bawaslu, { transition: 'classify_violation', actCodes: ['A07'] }, 'classified_other_law');
    // The civil servant is identified in the register before the case leaves Bawaslu.
    const register = await bawaslu.get('/api/v1/register/asn?regionCode=35.10&limit=1');
    expect(register.status, await register.clone().text()).toBe(200);
    const [person] = ((await register.json()) as { items: Array<{ id: number }> }).items;
    expect(person, 'the demo register has civil servants in Banyuwangi').toBeDefined();
    const linked = await bawaslu.post(`/api/v1/cases/${id}/people`, { asnId: person.id });
    expect(linked.status, await linked.clone().text()).toBe(201);
    await move(bawaslu, { transition: 'forward_to_bkn', letterNumber: '001/PM.00.02/K.JI-10/KLASTER' }, 'forwarded_to_bkn');
    await move(bkn, { transition: 'bkn_verify' }, 'verified_by_bkn');
    await move(bkn, { transition: 'recommend_to_ppk', letterNumber: 'R-77/BKN/KLASTER' }, 'recommended_to_ppk');
    await move(ppk, { transition: 'record_sanction', sanctionTypes: ['written_reprimand'], decreeNumber: '800/77/429.012/KLASTER', decreeDate: new Date().toISOString().slice(0, 10) }, 'sanction_decided');
    await move(bkn, { transition: 'close' }, 'closed');
  });

  it('the citizen tracks the report with the receipt and sees it closed', async () => {
    const res = await fetch(`${base}/api/v1/reports/track`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receiptNumber: receipt.receiptNumber, secret: receipt.secret }) });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(JSON.stringify(await res.json())).toMatch(/closed|ditutup|selesai/i);
    // The photo's metadata-free copy is made by a job that any server may take, and is stored in S3.
    let thumbnailUrl: string | null = null;
    for (let i = 0; i < 60 && !thumbnailUrl; i++) {
      const again = await fetch(`${base}/api/v1/reports/track`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receiptNumber: receipt.receiptNumber, secret: receipt.secret }) });
      [{ thumbnailUrl }] = ((await again.json()) as { evidence: Array<{ thumbnailUrl: string | null }> }).evidence;
      if (!thumbnailUrl) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(thumbnailUrl, 'the copy was made within 30 s').toBeTruthy();
    const thumbnail = await fetch(`${base}${thumbnailUrl}`);
    expect([thumbnail.status, thumbnail.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    // The receipt slip, drawn by pdfkit in the production build (loaded on first use there).
    const slip = await fetch(`${base}/api/v1/reports/track/slip`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receiptNumber: receipt.receiptNumber, secret: receipt.secret }) });
    expect(slip.status).toBe(200);
    expect(Buffer.from(await slip.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the transparency page is served (from the replica), cached with an ETag, and revalidated with 304', async () => {
    const url = `${base}/api/v1/transparency/pilkada-2024/35.10`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+, stale-while-revalidate=\d+/);
    const body = (await first.json()) as { name: string };
    expect(body.name).toBe('Kabupaten Banyuwangi');
    const again = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    // nginx keeps a copy too.
    const cached = await fetch(url);
    expect(['HIT', 'REVALIDATED', 'UPDATING', 'STALE', 'MISS']).toContain(cached.headers.get('x-cache-status'));
    expect((await fetch(url)).headers.get('x-cache-status')).toMatch(/HIT|REVALIDATED|UPDATING|STALE/);
  });

  it('the web app: the JS bundle compressed, hashed assets immutable for a year', async () => {
    const index = await (await fetch(`${base}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script, index.slice(0, 500)).toBeDefined();
    const res = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toMatch(/br|gzip/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const html = await fetch(`${base}/`);
    expect(html.headers.get('cache-control')).not.toMatch(/immutable/);
  });
});

describe('scheduled jobs on three servers', () => {
  it('the dashboards refresh runs once per tick, whichever server takes it', async () => {
    const db = new pg.Client({ connectionString: cluster.primary.url() });
    await db.connect();
    try {
      const perTick = async () =>
        (
          await db.query<{ tick: Date; n: number; done: number }>(
            `SELECT date_trunc('minute', created_on) AS tick, count(*)::int AS n, count(*) FILTER (WHERE state = 'completed')::int AS done
               FROM (SELECT created_on, state::text FROM pgboss.job WHERE name = 'dashboard-refresh'
                     UNION ALL SELECT created_on, state::text FROM pgboss.archive WHERE name = 'dashboard-refresh') j
              WHERE created_on >= $1 GROUP BY 1 ORDER BY 1`,
            [startedAt],
          )
        ).rows;
      const deadline = Date.now() + 100_000;
      let ticks = await perTick();
      while (!ticks.some((t) => t.done > 0) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 2000));
        ticks = await perTick();
      }
      const seen = JSON.stringify(ticks);
      expect(ticks.length, seen).toBeGreaterThanOrEqual(1);
      // Three servers schedule it; pg-boss sends one job per tick, and one worker runs it.
      for (const tick of ticks) expect(tick.n, seen).toBe(1);
      expect(ticks.some((t) => t.done === 1), seen).toBe(true);
    } finally {
      await db.end();
    }
  });
});

describe('an app server dies during a burst of reports', () => {
  it('loses no acknowledged report: each one is stored, and a retry with its key returns the same receipt', async () => {
    const victim = cluster.servers[1];
    const acknowledged = new Map<string, string>();
    const sentAs = new Map<string, number>();
    let failures = 0;
    const burst = Array.from({ length: 30 }, (_, i) => i + 1);
    const killAfter = 8;
    let sent = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (burst.length > 0) {
          const n = burst.shift()!;
          const key = randomUUID();
          sentAs.set(key, n);
          if (++sent === killAfter) void victim.kill('SIGKILL');
          const res = await submit(n, key).catch(() => ({ status: 0, body: null }));
          if (res.status === 201) acknowledged.set(key, res.body!.receiptNumber);
          else failures += 1;
        }
      }),
    );
    expect(victim.child.signalCode).toBe('SIGKILL');
    // nginx moved the requests to the other two servers: (nearly) everything was acknowledged.
    expect(acknowledged.size).toBeGreaterThanOrEqual(25);
    expect(acknowledged.size + failures).toBe(30);

    const db = new pg.Client({ connectionString: cluster.primary.url() });
    await db.connect();
    try {
      const { rows } = await db.query<{ receipt_number: string }>('SELECT receipt_number FROM reports WHERE receipt_number = ANY($1)', [[...acknowledged.values()]]);
      expect(new Set(rows.map((r) => r.receipt_number))).toEqual(new Set(acknowledged.values()));
      // Every acknowledged report has its photo in the object store.
      const { rows: evidence } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM evidence e JOIN reports r ON r.id = e.report_id WHERE r.receipt_number = ANY($1)',
        [[...acknowledged.values()]],
      );
      expect(evidence[0].n).toBe(acknowledged.size);
    } finally {
      await db.end();
    }
    // A client that never saw its answer sends the same report again with the same key: the same receipt.
    const [key, receiptNumber] = [...acknowledged.entries()][0];
    const retry = await submit(sentAs.get(key)!, key);
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.body?.receiptNumber).toBe(receiptNumber);
  });
});

describe('keys', () => {
  it('a server with another encryption key refuses to start and says what to do; `netra keys check` of the production build accepts the right one', async () => {
    const wrong = Buffer.alloc(32, 7).toString('base64');
    const refused = startNetra('wrong-key', cluster.base, { ...cluster.serverEnv, NETRA_ENCRYPTION_KEY: wrong, NETRA_DEMO: '0' }).then(
      () => null,
      (error: Error) => error.message,
    );
    const check = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['packages/server/dist/cli.js', 'keys', 'check'], {
        cwd: ROOT,
        env: { ...process.env, ...cluster.serverEnv, NETRA_DATA_DIR: path.join(cluster.base, 'cli') },
      });
      let [stdout, stderr] = ['', ''];
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (status) => resolve({ status, stdout, stderr }));
    });
    const [failed, run] = await Promise.all([refused, check]);
    expect(failed).not.toBeNull();
    expect(failed).toMatch(/NETRA_ENCRYPTION_KEY/);
    expect(failed).toMatch(/does not match/);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Kunci cocok: hmac-sha256:/);
  });
});
