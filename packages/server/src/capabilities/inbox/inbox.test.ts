import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { travelTo } from '../../testing/cases.ts';
import { hasExif, jpegWithExif } from '../../testing/reports.ts';
import { staffClient, type StaffClient } from '../../testing/staff.ts';
import { createTestApp, type TestApp } from '../../testing/test-database.ts';
import { startJobs } from '../../jobs/boss.ts';
import { jobs as inboxJobs } from './jobs.ts';
import { useInbox, type InboxSetup, type MessagingProvider } from './providers.ts';
import { REGION_QUESTION } from './service.ts';
import { smsSignature, whatsappSignature } from './signatures.ts';

const SMS_URL = 'https://netra.contoh.invalid/api/v1/inbox/webhooks/sms';
const AUTH_TOKEN = 'token-gateway-uji';
const APP_SECRET = 'rahasia-aplikasi-whatsapp-uji';

/** The provider side only: media served from memory, sent texts recorded. */
class MockProvider implements MessagingProvider {
  media = new Map<string, Buffer>();
  sent: Array<{ to: string; text: string }> = [];
  failNext = 0;
  async fetchMedia(ref: string) {
    const bytes = this.media.get(ref);
    if (!bytes) throw new Error(`unknown media ${ref}`);
    return { body: Readable.from([bytes]), contentType: 'image/jpeg' };
  }
  async send(to: string, text: string) {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('provider unavailable');
    }
    this.sent.push({ to, text });
    return `mock-${this.sent.length}`;
  }
}

let t: TestApp;
let previous: InboxSetup | undefined;
const sms = new MockProvider();
const wa = new MockProvider();
let banyuwangi: StaffClient;
let mojokerto: StaffClient;
let national: StaffClient;
let ppk: StaffClient;
let photo: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  await travelTo(t, '2024-09-30T02:00:00Z');
  previous = useInbox({
    config: {
      sms: { accountSid: 'AC-uji', authToken: AUTH_TOKEN, from: '+6281100000000', webhookUrl: SMS_URL, apiUrl: 'http://127.0.0.1:9' },
      whatsapp: { appSecret: APP_SECRET, verifyToken: 'token-verifikasi-uji', accessToken: 'x', phoneNumberId: '1', graphUrl: 'http://127.0.0.1:9' },
      numbers: {},
    },
    providers: { sms, whatsapp: wa },
  });
  [banyuwangi, mojokerto, national, ppk] = await Promise.all([
    staffClient(t, 'bawaslu_regency', '35.10'),
    staffClient(t, 'bawaslu_regency', '35.16'),
    staffClient(t, 'bawaslu_national', null),
    staffClient(t, 'ppk_delegate', '35.10'),
  ]);
  photo = await jpegWithExif();
});
afterAll(async () => {
  useInbox(previous);
  await t.close();
});

function postSms(params: Record<string, string>, signature = smsSignature(AUTH_TOKEN, SMS_URL, params)) {
  return t.app.inject({ method: 'POST', url: '/api/v1/inbox/webhooks/sms', payload: new URLSearchParams(params).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature } });
}

function postWhatsapp(messages: unknown[], secret = APP_SECRET) {
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA-1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '6281100000001', phone_number_id: '1' }, contacts: [{ profile: { name: 'Nama Profil Fiktif' }, wa_id: '6285700000002' }], messages } }] }] }));
  return t.app.inject({ method: 'POST', url: '/api/v1/inbox/webhooks/whatsapp', payload: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': whatsappSignature(secret, raw) } });
}

const list = (who: StaffClient, status = 'open') => who.get(`/api/v1/inbox/conversations?status=${status}`);

describe('SMS and WhatsApp into the inbox, signed as the providers sign', () => {
  let smsConversation: string;
  let waConversation: string;

  it('takes an SMS with a photo, groups the same sender, and refuses a bad signature or a replay', async () => {
    sms.media.set('https://api.gateway.invalid/Media/ME1', photo);
    const first = { MessageSid: 'SM0001', From: '+6281234567890', To: '+6281100000000', Body: 'Guru SD di Banyuwangi ikut kampanye paslon 2 hari Sabtu.', NumMedia: '1', MediaUrl0: 'https://api.gateway.invalid/Media/ME1', MediaContentType0: 'image/jpeg' };
    const res = await postSms(first);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/xml/);
    expect((await postSms(first)).statusCode).toBe(200); // the gateway retries: taken once
    expect((await postSms({ MessageSid: 'SM0002', From: '+6281234567890', To: '+6281100000000', Body: 'Lokasinya di SD Negeri 2 Sukamaju.', NumMedia: '0' })).statusCode).toBe(200);

    const tampered = { ...first, MessageSid: 'SM0003', Body: 'Diubah di jalan' };
    const refused = await postSms(tampered, smsSignature(AUTH_TOKEN, SMS_URL, first));
    expect(refused.statusCode).toBe(401);
    expect((await postSms({ ...first, MessageSid: 'SM0004' }, 'bukan-tanda-tangan')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/inbox/webhooks/sms', payload: 'MessageSid=SM5&From=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(401);

    const listed = await list(banyuwangi);
    expect(listed.statusCode, listed.body).toBe(200);
    const [c] = listed.json().items;
    expect(listed.json().total).toBe(1);
    expect(c).toMatchObject({ channel: 'sms', regionCode: '35.10', messageCount: 2, mediaCount: 1, status: 'open' });
    smsConversation = c.id;
    // The number is in the vault, not in the inbox.
    const detail = await banyuwangi.get(`/api/v1/inbox/conversations/${c.id}`);
    expect(detail.body).not.toMatch(/81234567890/);
    const stored = await t.ctx.db.selectFrom('inbox_conversations').selectAll().execute();
    expect(JSON.stringify(stored)).not.toMatch(/81234567890/);
    const [media] = detail.json().messages.flatMap((m: { media: unknown[] }) => m.media);
    expect(media).toMatchObject({ mimeType: 'image/jpeg', hasPublicCopy: true });
    const copy = await banyuwangi.get(`${media.url}?copy=public`);
    expect(copy.statusCode).toBe(200);
    expect(await hasExif(copy.rawPayload)).toBe(false);
    // No region question was needed: the message named the regency.
    expect(sms.sent).toHaveLength(0);
  });

  it('takes a WhatsApp image, asks the region once when it is not said, and files it once the sender answers', async () => {
    wa.media.set('MEDIA-WA-1', photo);
    const res = await postWhatsapp([{ from: '6285700000002', id: 'wamid.A1', timestamp: '1727661600', type: 'image', image: { id: 'MEDIA-WA-1', mime_type: 'image/jpeg', caption: 'Camat membagikan sembako berstiker paslon.' } }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(wa.sent).toEqual([{ to: '6285700000002', text: REGION_QUESTION }]);

    // Region unknown: national Bawaslu only.
    expect((await list(banyuwangi)).json().items.map((i: { channel: string }) => i.channel)).toEqual(['sms']);
    const nationalView = (await list(national)).json().items.find((i: { channel: string }) => i.channel === 'whatsapp');
    expect(nationalView).toMatchObject({ regionCode: null, mediaCount: 1 });
    waConversation = nationalView.id;
    expect((await banyuwangi.get(`/api/v1/inbox/conversations/${waConversation}`)).statusCode).toBe(404);

    expect((await postWhatsapp([{ from: '6285700000002', id: 'wamid.A2', timestamp: '1727661700', type: 'text', text: { body: 'Di Banyuwangi, Kecamatan Fiktif.' } }])).statusCode).toBe(200);
    expect(wa.sent).toHaveLength(1); // asked once only
    const now = (await list(banyuwangi)).json().items.find((i: { id: string }) => i.id === waConversation);
    expect(now).toMatchObject({ regionCode: '35.10', messageCount: 2 });
    expect(JSON.stringify(await t.ctx.db.selectFrom('inbox_messages').select('body').execute())).not.toContain('Nama Profil Fiktif');
  });

  it('refuses a WhatsApp post with a bad signature, and answers the verification handshake only with the right token', async () => {
    const bad = await postWhatsapp([{ from: '6285700000009', id: 'wamid.BAD', timestamp: '1', type: 'text', text: { body: 'palsu' } }], 'rahasia-lain');
    expect(bad.statusCode).toBe(401);
    expect(await t.ctx.db.selectFrom('inbox_provider_ids').selectAll().where('provider_message_id', '=', 'wamid.BAD').execute()).toHaveLength(0);
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/inbox/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=token-verifikasi-uji&hub.challenge=1158201444' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/inbox/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=salah&hub.challenge=1' });
    expect(wrong.statusCode).toBe(403);
  });

  it('an officer outside the region sees neither conversation and cannot act on them; the PPK has no inbox', async () => {
    expect((await list(mojokerto)).json()).toMatchObject({ total: 0, items: [] });
    expect((await mojokerto.get(`/api/v1/inbox/conversations/${smsConversation}`)).statusCode).toBe(404);
    expect((await mojokerto.post(`/api/v1/inbox/conversations/${smsConversation}/dismiss`, { reason: 'Bukan wilayah saya sama sekali.' })).statusCode).toBe(404);
    expect((await mojokerto.post(`/api/v1/inbox/conversations/${smsConversation}/report`, { electionId: 'pilkada-2024', place: 'x', occurredOn: '2024-09-28', knownOn: '2024-09-28', reportedName: 'x' })).statusCode).toBe(404);
    expect((await ppk.get('/api/v1/inbox/conversations')).statusCode).toBe(403);
    const media = await t.ctx.db.selectFrom('inbox_media').select('id').executeTakeFirstOrThrow();
    expect((await mojokerto.get(`/api/v1/inbox/media/${media.id}`)).statusCode).toBe(404);
  });

  it('turns the SMS conversation into a report with the photo as evidence and the number in the vault; the receipt goes back by SMS', async () => {
    const res = await banyuwangi.post(`/api/v1/inbox/conversations/${smsConversation}/report`, {
      electionId: 'pilkada-2024',
      place: 'SD Negeri 2 Sukamaju, Kecamatan Fiktif',
      occurredOn: '2024-09-28',
      knownOn: '2024-09-28',
      actCodes: ['A02'],
      reportedName: 'Guru SD Fiktif',
    });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json();
    expect(made).toMatchObject({ evidenceCount: 1 });
    const report = await t.ctx.db.selectFrom('reports').selectAll().where('id', '=', made.reportId).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ region_code: '35.10', anonymous: false, source: 'paper' });
    expect(report.description).toContain('Guru SD di Banyuwangi ikut kampanye');
    expect(report.description).toContain('SD Negeri 2 Sukamaju');
    const evidence = await t.ctx.db.selectFrom('evidence').selectAll().where('report_id', '=', made.reportId).execute();
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ mime_type: 'image/jpeg' });
    expect(evidence[0].public_copy_key).not.toBeNull();
    const identities = await t.ctx.db.selectFrom('reporter_identities').selectAll().where('report_id', '=', made.reportId).execute();
    expect(identities).toHaveLength(1);
    expect(JSON.stringify(identities)).not.toMatch(/81234567890/);

    // The receipt, by SMS, to the sender: it works on the tracking page.
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0].to).toBe('6281234567890');
    const secret = /Kode rahasia: ([A-Z0-9-]+)/.exec(sms.sent[0].text)![1];
    expect(sms.sent[0].text).toContain(made.receiptNumber);
    const tracked = await t.app.inject({ method: 'POST', url: '/api/v1/reports/track', payload: { receiptNumber: made.receiptNumber, secret } });
    expect(tracked.statusCode, tracked.body).toBe(200);
    // The secret is not kept in the conversation.
    expect(JSON.stringify(await t.ctx.db.selectFrom('inbox_messages').select('body').execute())).not.toContain(secret);

    const after = await banyuwangi.get(`/api/v1/inbox/conversations/${smsConversation}`);
    expect(after.json()).toMatchObject({ status: 'converted', reportId: made.reportId });
    expect((await banyuwangi.post(`/api/v1/inbox/conversations/${smsConversation}/dismiss`, { reason: 'Sudah ditangani sebelumnya.' })).statusCode).toBe(409);
    // A new message from the same sender opens a new conversation.
    expect((await postSms({ MessageSid: 'SM0010', From: '+6281234567890', To: '+6281100000000', Body: 'Terima kasih, Banyuwangi.', NumMedia: '0' })).statusCode).toBe(200);
    expect((await list(banyuwangi)).json().items.filter((i: { channel: string }) => i.channel === 'sms')).toHaveLength(1);
  });

  it('replies through the channel (a failing provider is recorded, not lost), and dismisses with a reason', async () => {
    wa.failNext = 1;
    const failed = await banyuwangi.post(`/api/v1/inbox/conversations/${waConversation}/reply`, { text: 'Terima kasih, laporan Anda kami pelajari.' });
    expect(failed.statusCode, failed.body).toBe(201);
    const detail = (await banyuwangi.get(`/api/v1/inbox/conversations/${waConversation}`)).json();
    expect(detail.outbox.at(-1)).toMatchObject({ kind: 'reply', status: 'failed', attempts: 1, lastError: 'provider unavailable' });
    const ok = await banyuwangi.post(`/api/v1/inbox/conversations/${waConversation}/reply`, { text: 'Mohon kirim foto lain bila ada.' });
    expect(ok.statusCode).toBe(201);
    expect(wa.sent.at(-1)).toEqual({ to: '6285700000002', text: 'Mohon kirim foto lain bila ada.' });

    expect((await banyuwangi.post(`/api/v1/inbox/conversations/${waConversation}/dismiss`, { reason: 'pendek' })).statusCode).toBe(400);
    const dismissed = await banyuwangi.post(`/api/v1/inbox/conversations/${waConversation}/dismiss`, { reason: 'Bukan pelanggaran netralitas ASN: bantuan sosial rutin.' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect((await list(banyuwangi, 'dismissed')).json().items.map((i: { id: string }) => i.id)).toEqual([waConversation]);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'ip', 'user_agent']).where('action', 'like', 'inbox.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['inbox.message_received', 'inbox.converted', 'inbox.reply_sent', 'inbox.dismissed']));
    for (const a of audit.filter((x) => x.action === 'inbox.message_received')) expect([a.ip, a.user_agent]).toEqual([null, null]);
  });

  it('turns a WhatsApp conversation into a report with its image as evidence; the receipt goes back by WhatsApp', async () => {
    wa.media.set('MEDIA-WA-9', await jpegWithExif('#1e8449'));
    const res = await postWhatsapp([{ from: '6285700000003', id: 'wamid.C9', timestamp: '1727670000', type: 'image', image: { id: 'MEDIA-WA-9', mime_type: 'image/jpeg', caption: 'Kepala dinas fiktif di Banyuwangi memakai atribut paslon.' } }]);
    expect(res.statusCode, res.body).toBe(200);
    const id = (await list(banyuwangi)).json().items.find((i: { preview: string }) => i.preview.startsWith('Kepala dinas fiktif')).id;
    const before = wa.sent.length;
    const made = await banyuwangi.post(`/api/v1/inbox/conversations/${id}/report`, { electionId: 'pilkada-2024', place: 'Kantor dinas fiktif', occurredOn: '2024-09-29', knownOn: '2024-09-29', actCodes: ['A02'], reportedName: 'Kepala Dinas Fiktif' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ evidenceCount: 1 });
    const evidence = await t.ctx.db.selectFrom('evidence').selectAll().where('report_id', '=', made.json().reportId).execute();
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ mime_type: 'image/jpeg' });
    expect(evidence[0]!.public_copy_key).not.toBeNull();
    expect(wa.sent.slice(before)).toHaveLength(1);
    expect(wa.sent.at(-1)!.to).toBe('6285700000003');
    expect(wa.sent.at(-1)!.text).toContain(made.json().receiptNumber);
  });

  it('two officers converting the same conversation at once file one report; the other is told it was handled', async () => {
    const colleague = await staffClient(t, 'bawaslu_regency', '35.10');
    const text = 'Lurah fiktif membagikan kaos paslon di Banyuwangi, Minggu pagi.';
    expect((await postSms({ MessageSid: 'SM0050', From: '+6281277777777', To: '+6281100000000', Body: text, NumMedia: '0' })).statusCode).toBe(200);
    const id = (await list(banyuwangi)).json().items.find((i: { preview: string }) => i.preview.startsWith('Lurah fiktif')).id;
    const body = { electionId: 'pilkada-2024', place: 'Balai desa fiktif', occurredOn: '2024-09-28', knownOn: '2024-09-28', actCodes: ['A02'], reportedName: 'Lurah Fiktif' };
    const answers = await Promise.all([banyuwangi, colleague].map((who) => who.post(`/api/v1/inbox/conversations/${id}/report`, body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(refused.json().error).toMatchObject({ code: 'conversation_handled', message: expect.stringContaining('sudah ditangani') });
    const filed = await t.ctx.db.selectFrom('reports').select('id').where('description', 'like', `%${text}%`).execute();
    expect(filed).toHaveLength(1);
  });

  it('with pg-boss running, a reply the provider first refuses is retried by the inbox-send queue after its back-off, and sent', { timeout: 120_000 }, async () => {
    const runner = await startJobs(t.ctx, t.database.pool, { jobs: inboxJobs });
    try {
      expect((await postSms({ MessageSid: 'SM0090', From: '+6281288888888', To: '+6281100000000', Body: 'Ada pengerahan ASN di Banyuwangi malam ini.', NumMedia: '0' })).statusCode).toBe(200);
      const id = (await list(banyuwangi)).json().items.find((i: { preview: string }) => i.preview.startsWith('Ada pengerahan ASN')).id;
      sms.failNext = 1;
      const before = sms.sent.length;
      expect((await banyuwangi.post(`/api/v1/inbox/conversations/${id}/reply`, { text: 'Terima kasih, kami cek segera.' })).statusCode).toBe(201);
      const outbox = async () => (await banyuwangi.get(`/api/v1/inbox/conversations/${id}`)).json().outbox.at(-1) as { status: string; attempts: number; lastError: string | null };
      // The first attempt fails: shown on the conversation, still queued for the retry.
      let item = await outbox();
      for (let i = 0; i < 100 && item.lastError === null; i++) {
        await new Promise((r) => setTimeout(r, 100));
        item = await outbox();
      }
      expect(item).toMatchObject({ status: 'queued', lastError: 'provider unavailable' });
      expect(sms.sent.length).toBe(before);
      // pg-boss retries after its back-off (30 s base): the reply is then sent, once.
      for (let i = 0; i < 100 && item.status !== 'sent'; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        item = await outbox();
      }
      expect(item.status).toBe('sent');
      expect(sms.sent.slice(before)).toEqual([{ to: '6281288888888', text: 'Terima kasih, kami cek segera.' }]);
    } finally {
      await runner.stop();
    }
  });

  it('with pg-boss running, a reply goes out through the inbox-send queue worker', async () => {
    const runner = await startJobs(t.ctx, t.database.pool, { jobs: inboxJobs });
    try {
      expect((await postSms({ MessageSid: 'SM0100', From: '+6281299999999', To: '+6281100000000', Body: 'Kejadian di Banyuwangi, mohon ditindaklanjuti.', NumMedia: '0' })).statusCode).toBe(200);
      const id = (await list(banyuwangi)).json().items.find((i: { preview: string }) => i.preview.startsWith('Kejadian di Banyuwangi')).id;
      const before = sms.sent.length;
      expect((await banyuwangi.post(`/api/v1/inbox/conversations/${id}/reply`, { text: 'Terima kasih, akan kami tindak lanjuti.' })).statusCode).toBe(201);
      let status = '';
      for (let i = 0; i < 200 && status !== 'sent'; i++) {
        status = (await banyuwangi.get(`/api/v1/inbox/conversations/${id}`)).json().outbox.at(-1)?.status ?? '';
        if (status !== 'sent') await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe('sent');
      expect(sms.sent.slice(before)).toEqual([{ to: '6281299999999', text: 'Terima kasih, akan kami tindak lanjuti.' }]);
    } finally {
      await runner.stop();
    }
  });
});
