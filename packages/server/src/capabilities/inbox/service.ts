/**
 * The SMS/WhatsApp staging inbox. Messages come in through signed webhooks (routes.ts), are
 * grouped per sender and channel into a conversation (a keyed hash of the number groups them; the
 * number itself is sealed with the encryption key, like a reporter identity, and never shown), and
 * their media go through the evidence rules (type sniffed from the bytes, SHA-256, a
 * metadata-free copy). The region is read from the message (a code or a regency name) or from
 * the number it was sent to; otherwise the sender is asked once, and an officer may set it.
 * Officers in scope read, reply, dismiss with a reason, or turn a conversation into a report
 * (commands/inbox-report.ts). Every step is audited; nothing about the sender's device is kept.
 */
import { createHmac } from 'node:crypto';
import { regionWithinScope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { PUBLIC_META, type RequestContext } from '../../http/request-context.ts';
import { decrypt, encrypt } from '../../security/encryption.ts';
import { openStored, receiveUpload, UploadTooLargeError, discardIncoming } from '../../storage/evidence-store.ts';
import { appendAudit } from '../audit/service.ts';
import { EVIDENCE_LIMITS, sniffEvidenceType } from '../evidence/evidence.ts';
import { discardAll, storeEvidence, type EvidenceRow } from '../evidence/evidence-files.ts';
import type { AcceptedUpload } from '../evidence/uploads.ts';
import { findRegion, listRegions } from '../regions/service.ts';
import { dispatch, queueText } from './outbox.ts';
import { inboxSetup, providerFor, type Channel } from './providers.ts';
import { regionFromText, type RegencyName } from './region-hint.ts';
import * as repo from './repository.ts';

export interface InboundMessage {
  channel: Channel;
  providerMessageId: string;
  /** The sender's number, digits with country code. */
  from: string;
  /** The number it was sent to, digits (the region it serves, if configured). */
  to: string | null;
  text: string;
  media: Array<{ ref: string; contentType: string | null }>;
}

const digits = (s: string) => s.replace(/[^\d]/g, '');

export const REGION_QUESTION =
  'Terima kasih, pesan Anda sudah diterima Bawaslu. Di kabupaten/kota mana kejadiannya? Balas dengan namanya (mis. "Banyuwangi") atau kodenya (mis. 35.10). / Thank you, Bawaslu has your message. In which regency or city did it happen? Reply with its name or code.';

let regencies: Promise<RegencyName[]> | null = null;
function regencyList(ctx: AppContext): Promise<RegencyName[]> {
  regencies ??= listRegions(ctx, { level: ['regency'], limit: 10_000, offset: 0 } as never).then((r) => r.items.map((i) => ({ code: i.code, name: i.name })));
  return regencies;
}

/** The keyed hash that groups one sender's messages; the number cannot be read back from it. */
function senderKey(ctx: AppContext, channel: Channel, number: string): string {
  return createHmac('sha256', ctx.hmacKey).update(`inbox-sender:${channel}:${number}`).digest('hex');
}

/** Fetch one announced media item through the provider and keep it by the evidence rules; null when refused. */
async function fetchMedia(ctx: AppContext, channel: Channel, ref: string): Promise<AcceptedUpload | null> {
  const fetched = await providerFor(channel).fetchMedia(ref);
  let incoming;
  try {
    incoming = await receiveUpload(ctx.evidenceDir, fetched.body, EVIDENCE_LIMITS.maxFileBytes, 'file');
  } catch (error) {
    if (error instanceof UploadTooLargeError) return null;
    throw error;
  }
  const mimeType = await sniffEvidenceType(incoming.tempPath);
  if (!mimeType || incoming.sizeBytes === 0) {
    await discardIncoming(incoming);
    return null;
  }
  const extension = mimeType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';
  return { ...incoming, mimeType, originalName: `${channel}-${incoming.sha256.slice(0, 8)}.${extension}` };
}

/** Take in one webhook's messages. Messages a provider sends again (retries) are taken once. */
export async function receive(ctx: AppContext, messages: readonly InboundMessage[]): Promise<{ accepted: number; duplicates: number }> {
  const result = { accepted: 0, duplicates: 0 };
  for (const message of messages) {
    if (!(await repo.claimProviderId(ctx.db, message.channel, message.providerMessageId))) {
      result.duplicates += 1;
      continue;
    }
    const uploads: AcceptedUpload[] = [];
    let refused = 0;
    for (const m of message.media.slice(0, EVIDENCE_LIMITS.maxFiles)) {
      const upload = await fetchMedia(ctx, message.channel, m.ref);
      if (upload) uploads.push(upload);
      else refused += 1;
    }
    const files = await storeEvidence(ctx, uploads).catch(async (error: unknown) => {
      await discardAll(uploads);
      throw error;
    });
    const from = digits(message.from);
    const fromNumber = message.to ? inboxSetup().config.numbers[digits(message.to)] : undefined;
    const now = ctx.now();
    const questionId = await ctx.db.transaction().execute(async (trx) => {
      const conversation = await repo.openConversation(trx, message.channel, senderKey(ctx, message.channel, from), encrypt(ctx.encryptionKey, from), now);
      const stored = await repo.insertMessage(trx, { conversationId: conversation.id, direction: 'in', providerMessageId: message.providerMessageId, body: message.text.slice(0, 5000), sentBy: null, at: now });
      await repo.insertMedia(trx, stored.id, files);
      let region = conversation.region_code;
      if (!region) region = fromNumber ?? regionFromText(message.text, await regencyList(ctx));
      let question: string | null = null;
      if (!region && !conversation.region_asked_at) question = await queueText(ctx, trx, conversation.id, 'region_question', REGION_QUESTION, now);
      await repo.updateConversation(trx, conversation.id, {
        last_message_at: now,
        ...(region !== conversation.region_code ? { region_code: region } : {}),
        ...(question ? { region_asked_at: now } : {}),
      });
      if (question) await repo.insertMessage(trx, { conversationId: conversation.id, direction: 'out', providerMessageId: null, body: REGION_QUESTION, sentBy: null, at: now });
      await appendAudit(trx, {
        actorId: null,
        action: 'inbox.message_received',
        entityType: 'inbox_conversation',
        entityId: conversation.id,
        data: { channel: message.channel, characters: message.text.length, media: files.map((f) => f.sha256), mediaRefused: refused, regionCode: region },
        ...PUBLIC_META,
        at: now,
      });
      return question;
    });
    if (questionId) await dispatch(ctx, questionId);
    result.accepted += 1;
  }
  return result;
}

// ---------------------------------------------------------------- officers

const CONVERSATION = { id: 'Percakapan', en: 'Conversation' };

/** A label for the sender that identifies nobody: the channel and four characters of the keyed hash. */
const senderLabel = (channel: string, key: string) => `${channel === 'sms' ? 'SMS' : 'WhatsApp'} #${key.slice(0, 4).toUpperCase()}`;

export async function conversationList(ctx: AppContext, rc: RequestContext, query: { status: 'open' | 'converted' | 'dismissed'; limit: number; offset: number }) {
  const { total, items } = await repo.listConversations(ctx.db, rc.actor.scope, query);
  return {
    total,
    limit: query.limit,
    offset: query.offset,
    items: items.map((c) => ({
      id: c.id,
      channel: c.channel,
      sender: senderLabel(c.channel, c.sender_key),
      regionCode: c.region_code,
      regionName: c.region_name,
      status: c.status,
      lastMessageAt: new Date(c.last_message_at).toISOString(),
      messageCount: Number(c.message_count ?? 0),
      mediaCount: Number(c.media_count ?? 0),
      preview: (c.preview ?? '').slice(0, 160),
    })),
  };
}

export async function conversationDetail(ctx: AppContext, rc: RequestContext, id: string, apiPrefix: string) {
  const c = await repo.findConversation(ctx.db, rc.actor.scope, id);
  if (!c) throw notFound(CONVERSATION);
  const [messages, media, outbox] = await Promise.all([repo.messagesOf(ctx.db, id), repo.mediaOf(ctx.db, id), repo.outboxOf(ctx.db, id)]);
  return {
    id: c.id,
    channel: c.channel,
    sender: senderLabel(c.channel, c.sender_key),
    regionCode: c.region_code,
    regionName: c.region_name,
    regionAsked: c.region_asked_at !== null,
    status: c.status,
    dismissReason: c.dismiss_reason,
    reportId: c.report_id,
    createdAt: new Date(c.created_at).toISOString(),
    messages: messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      body: m.body,
      at: new Date(m.received_at).toISOString(),
      sentBy: m.sent_by_name,
      media: media.filter((f) => f.message_id === m.id).map((f) => ({ id: f.id, mimeType: f.mime_type, sizeBytes: f.size_bytes, sha256: f.sha256, url: `${apiPrefix}/inbox/media/${f.id}`, hasPublicCopy: f.public_copy_key !== null })),
    })),
    outbox: outbox.map((o) => ({ id: o.id, kind: o.kind, status: o.status, attempts: o.attempts, lastError: o.last_error, createdAt: new Date(o.created_at).toISOString(), sentAt: o.sent_at ? new Date(o.sent_at).toISOString() : null })),
  };
}

export async function mediaFile(ctx: AppContext, rc: RequestContext, id: string, copy: 'original' | 'public') {
  const row = await repo.findMedia(ctx.db, rc.actor.scope, id);
  const key = copy === 'public' ? row?.public_copy_key : row?.storage_key;
  if (!row || !key) throw notFound({ id: 'Berkas', en: 'File' });
  return { mimeType: copy === 'public' ? 'image/jpeg' : row.mime_type, stream: await openStored(ctx.files, key), fileName: row.original_name };
}

const handled = () =>
  new ApiError(409, 'conversation_handled', { id: 'Percakapan ini sudah ditangani (dijadikan laporan atau diabaikan).', en: 'This conversation has been handled already (made a report or dismissed).' });

/** Lock an open conversation in scope for a change (404 outside scope, 409 when handled). */
export async function lockOpen(trx: Parameters<typeof repo.lockConversation>[0], rc: RequestContext, id: string) {
  const c = await repo.lockConversation(trx, rc.actor.scope, id);
  if (!c) throw notFound(CONVERSATION);
  if (c.status !== 'open') throw handled();
  return c;
}

export async function setRegion(ctx: AppContext, rc: RequestContext, id: string, regionCode: string) {
  const region = await findRegion(ctx, regionCode);
  const field = (m: { id: string; en: string }) => new ApiError(400, 'validation_failed', m, [{ field: 'body.regionCode', message: m }]);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    // Found in scope first: a conversation outside it answers 404, whatever the body says.
    const c = await lockOpen(trx, rc, id);
    if (!region || region.level !== 'regency') throw field({ id: `Wilayah ${regionCode} bukan kabupaten/kota yang dikenal.`, en: `${regionCode} is not a known regency or city.` });
    if (!regionWithinScope(rc.actor.scope, region.code)) throw field({ id: `${region.name} di luar wilayah tugas Anda.`, en: `${region.name} is outside your scope.` });
    await repo.updateConversation(trx, id, { region_code: region.code });
    await appendAudit(trx, { actorId: rc.actor.id, action: 'inbox.region_set', entityType: 'inbox_conversation', entityId: id, data: { from: c.region_code, to: region.code }, ...rc.meta, at: now });
  });
  return { id, regionCode: region!.code, regionName: region!.name };
}

export async function reply(ctx: AppContext, rc: RequestContext, id: string, text: string) {
  const now = ctx.now();
  const outboxId = await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockConversation(trx, rc.actor.scope, id);
    if (!c) throw notFound(CONVERSATION);
    const queued = await queueText(ctx, trx, id, 'reply', text, now);
    await repo.insertMessage(trx, { conversationId: id, direction: 'out', providerMessageId: null, body: text, sentBy: rc.actor.id, at: now });
    await appendAudit(trx, { actorId: rc.actor.id, action: 'inbox.reply_sent', entityType: 'inbox_conversation', entityId: id, data: { characters: text.length, outboxId: queued }, ...rc.meta, at: now });
    return queued;
  });
  await dispatch(ctx, outboxId);
  return { id, outboxId };
}

export async function dismiss(ctx: AppContext, rc: RequestContext, id: string, reason: string) {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockOpen(trx, rc, id);
    await repo.updateConversation(trx, id, { status: 'dismissed', dismiss_reason: reason, handled_by: rc.actor.id, handled_at: now });
    await appendAudit(trx, { actorId: rc.actor.id, action: 'inbox.dismissed', entityType: 'inbox_conversation', entityId: id, data: { reason }, ...rc.meta, at: now });
  });
  return { id, status: 'dismissed' as const };
}

// ---------------------------------------------------------------- for the command that makes a report

/** What a report is made of: the texts, the media (as uploads to file), the sender's number (sealed in the report's vault). */
/** One conversion at a time per conversation (see repository.withConversationLock). */
export function oneConversionAtATime<T>(ctx: Pick<AppContext, 'db'>, id: string, work: () => Promise<T>): Promise<T> {
  return repo.withConversationLock(ctx.db, id, work);
}

export async function materialForReport(ctx: AppContext, rc: RequestContext, id: string) {
  const c = await repo.findConversation(ctx.db, rc.actor.scope, id);
  if (!c) throw notFound(CONVERSATION);
  if (c.status !== 'open') throw handled();
  const [messages, media] = await Promise.all([repo.messagesOf(ctx.db, id), repo.mediaOf(ctx.db, id)]);
  const uploads: AcceptedUpload[] = [];
  for (const f of media.slice(0, EVIDENCE_LIMITS.maxFiles)) {
    const incoming = await receiveUpload(ctx.evidenceDir, await openStored(ctx.files, f.storage_key), EVIDENCE_LIMITS.maxFileBytes, 'file');
    uploads.push({ ...incoming, mimeType: f.mime_type, originalName: f.original_name });
  }
  return {
    channel: c.channel as Channel,
    regionCode: c.region_code,
    text: messages.filter((m) => m.direction === 'in').map((m) => m.body).filter(Boolean).join('\n'),
    senderNumber: decrypt(ctx.encryptionKey, c.sender_sealed),
    uploads,
    mediaHashes: media.map((f) => f.sha256),
  };
}

/** Mark the conversation made into a report, and send the receipt back through its channel. */
export async function markConverted(ctx: AppContext, rc: RequestContext, id: string, receipt: { reportId: string; receiptNumber: string; secret: string | null; caseNumber: string }, trackUrl: string) {
  const now = ctx.now();
  const text = receipt.secret
    ? `Laporan Anda diterima Bawaslu. Nomor tanda terima: ${receipt.receiptNumber}. Kode rahasia: ${receipt.secret}. Simpan keduanya dan jangan bagikan; lacak di ${trackUrl}. / Your report was received. Receipt ${receipt.receiptNumber}, secret ${receipt.secret}; keep both private and track at ${trackUrl}.`
    : `Laporan Anda diterima Bawaslu. Nomor tanda terima: ${receipt.receiptNumber}.`;
  const outboxId = await ctx.db.transaction().execute(async (trx) => {
    await lockOpen(trx, rc, id);
    await repo.updateConversation(trx, id, { status: 'converted', report_id: receipt.reportId, handled_by: rc.actor.id, handled_at: now });
    const queued = await queueText(ctx, trx, id, 'receipt', text, now);
    // The secret is never kept in the clear: the conversation shows that a receipt was sent.
    await repo.insertMessage(trx, { conversationId: id, direction: 'out', providerMessageId: null, body: `Tanda terima ${receipt.receiptNumber} dikirim (kode rahasia tidak disimpan).`, sentBy: rc.actor.id, at: now });
    await appendAudit(trx, { actorId: rc.actor.id, action: 'inbox.converted', entityType: 'inbox_conversation', entityId: id, data: { reportId: receipt.reportId, caseNumber: receipt.caseNumber, outboxId: queued }, ...rc.meta, at: now });
    return queued;
  });
  await dispatch(ctx, outboxId);
}

export type { EvidenceRow };
