/**
 * bench/inbox (issue 17) — signed WhatsApp webhook posts (one text message each, from 50 senders,
 * so most land in an existing conversation) against the real server on loopback, beside a baseline
 * route on the same server that stores the same raw body with one plain INSERT. Each Netra request
 * checks the HMAC-SHA256 signature, claims the provider message id, groups by a keyed hash of the
 * sender, seals the number, reads the region from the text and appends the audit entry. Rounds
 * alternate the two. Afterwards every acknowledged message must be stored, exactly once.
 *
 *   npx tsx bench/inbox/inbox.bench.ts [--concurrency 16] [--requests 300] [--rounds 3]
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../../packages/server/src/app.ts';
import { bootDatabase } from '../../packages/server/src/boot.ts';
import { embeddedConfig } from '../lib/database.ts';
import { useInbox } from '../../packages/server/src/capabilities/inbox/providers.ts';
import { freePort } from '../../packages/server/src/testing/free-port.ts';

const { values } = parseArgs({ options: { concurrency: { type: 'string', default: '16' }, requests: { type: 'string', default: '300' }, rounds: { type: 'string', default: '3' } } });
const [concurrency, perPhase, rounds] = [Number(values.concurrency), Number(values.requests), Number(values.rounds)];
const SECRET = 'rahasia-aplikasi-bench';
const say = (line: string) => console.error(`[inbox-bench] ${line}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-bench-inbox-'));
fs.chmodSync(dir, 0o755);
const db = await bootDatabase(await embeddedConfig(dir), say);
// Only the provider side is stood in for: nothing is fetched or sent for text messages that name their region.
useInbox({
  config: { sms: null, whatsapp: { appSecret: SECRET, verifyToken: 'v', accessToken: 'x', phoneNumberId: '1', graphUrl: 'http://127.0.0.1:9' }, numbers: {} },
  providers: { whatsapp: { fetchMedia: () => Promise.reject(new Error('no media in this bench')), send: async () => 'unused' } },
});
const server = await buildApp(db.ctx, { rateLimitPerMinute: 10_000_000 });
await db.database.pool.query('CREATE TABLE bench_inbox_baseline (id bigserial PRIMARY KEY, body bytea NOT NULL, at timestamptz NOT NULL DEFAULT now())');
server.post('/bench/inbox-baseline', { config: { rateLimit: false } }, async (request, reply) => {
  await db.database.pool.query('INSERT INTO bench_inbox_baseline (body) VALUES ($1)', [Buffer.from(JSON.stringify(request.body))]);
  return reply.send({ accepted: 1 });
});
const port = await freePort();
await server.listen({ port, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${port}`;

let sequence = 0;
/** A fresh WhatsApp notification (a new message id every time), signed as Meta signs it. */
function notification() {
  sequence += 1;
  const sender = `6285700${String(sequence % 50).padStart(6, '0')}`;
  const body = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6281100000001' }, messages: [{ from: sender, id: `wamid.bench.${sequence}`, timestamp: '1727661600', type: 'text', text: { body: `Pesan ${sequence}: ASN fiktif berkampanye di Banyuwangi.` } }] } }] }] }));
  return { body, signature: `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` };
}

async function phase(url: string, total: number): Promise<{ accepted: number; seconds: number }> {
  let started = 0;
  let accepted = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total) {
        started += 1;
        const { body, signature } = notification();
        const res = await fetch(`${origin}${url}`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });
        const answer = (await res.json()) as { accepted?: number };
        if (res.status === 200 && answer.accepted === 1) accepted += 1;
        else say(`refused ${res.status}`);
      }
    }),
  );
  return { accepted, seconds: (performance.now() - t0) / 1000 };
}

try {
  await phase('/bench/inbox-baseline', concurrency * 2);
  let netraAcked = (await phase('/api/v1/inbox/webhooks/whatsapp', concurrency * 2)).accepted;
  const netra: number[] = [];
  const baseline: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const b = await phase('/bench/inbox-baseline', perPhase);
    const n = await phase('/api/v1/inbox/webhooks/whatsapp', perPhase);
    netraAcked += n.accepted;
    baseline.push(b.accepted / b.seconds);
    netra.push(n.accepted / n.seconds);
    say(`round ${round}/${rounds}: webhook ${netra.at(-1)!.toFixed(1)}/s, baseline ${baseline.at(-1)!.toFixed(1)}/s`);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const { rows } = await db.database.pool.query("SELECT count(*)::int AS messages, count(DISTINCT conversation_id)::int AS conversations FROM inbox_messages WHERE direction = 'in'");
  console.log(
    [
      `| route | messages/s (median of ${rounds}) |`,
      '|---|---|',
      `| POST /api/v1/inbox/webhooks/whatsapp (signed, 1 text message) | ${mid(netra).toFixed(1)} |`,
      `| baseline: the same body, one INSERT | ${mid(baseline).toFixed(1)} |`,
      '',
      `Ratio webhook / baseline: ${(mid(netra) / mid(baseline)).toFixed(3)}. Acknowledged ${netraAcked}; stored ${rows[0].messages} messages in ${rows[0].conversations} conversations.`,
      `Settings: ${concurrency} clients, ${perPhase} requests per phase, ${rounds} rounds, ${os.cpus().length} CPU(s), load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}.`,
    ].join('\n'),
  );
  if (rows[0].messages !== netraAcked) {
    console.error('LOST OR DUPLICATED MESSAGES');
    process.exitCode = 1;
  }
} finally {
  await server.close();
  await db.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
}
