/**
 * The inbox API. Webhooks (no account; each request must carry the provider's signature, checked
 * against the raw body before anything is parsed into the inbox) and the officers' routes.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ApiError, errorResponseSchema } from '../../http/errors.ts';
import { staffContext } from '../../http/request-context.ts';
import { requireStaff } from '../../http/guard.ts';
import { binary, fileHeaders } from '../../http/files.ts';
import { inboxSetup } from './providers.ts';
import { detailResponse, dismissBody, idParams, languageQuery, listQuery, listResponse, mediaQuery, regionBody, replyBody, smsWebhookBody, verifyQuery, whatsappWebhookBody, type WhatsappWebhookBody } from './schema.ts';
import { conversationDetail, conversationList, dismiss, mediaFile, receive, reply, setRegion, type InboundMessage } from './service.ts';
import { smsSignatureValid, whatsappSignatureValid } from './signatures.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as it arrived, for signature checks (inbox routes only). */
    inboxRawBody?: Buffer;
  }
}

const notConfigured = (channel: string) =>
  new ApiError(404, 'channel_not_configured', { id: `Saluran ${channel} belum dikonfigurasi di server ini.`, en: `The ${channel} channel is not configured on this server.` });
const badSignature = () => new ApiError(401, 'bad_signature', { id: 'Tanda tangan permintaan tidak sah.', en: 'The request signature is not valid.' });

function smsMessages(body: Record<string, string>): InboundMessage[] {
  const count = Math.min(Number(body.NumMedia ?? 0) || 0, 10);
  const media = Array.from({ length: count }, (_, i) => ({ ref: body[`MediaUrl${i}`] ?? '', contentType: body[`MediaContentType${i}`] ?? null })).filter((m) => m.ref);
  if (!body.MessageSid || !body.From) throw new ApiError(400, 'validation_failed', { id: 'MessageSid dan From wajib ada.', en: 'MessageSid and From are required.' });
  return [{ channel: 'sms', providerMessageId: body.MessageSid, from: body.From, to: body.To ?? null, text: body.Body ?? '', media }];
}

function whatsappMessages(body: WhatsappWebhookBody): InboundMessage[] {
  const out: InboundMessage[] = [];
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const to = change.value.metadata?.display_phone_number ?? null;
      for (const m of change.value.messages ?? []) {
        const attachment = m.image ?? m.document ?? m.video;
        out.push({
          channel: 'whatsapp',
          providerMessageId: m.id,
          from: m.from,
          to,
          text: m.text?.body ?? attachment?.caption ?? '',
          media: attachment ? [{ ref: attachment.id, contentType: attachment.mime_type ?? null }] : [],
        });
      }
    }
  }
  return out;
}

export const inboxRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; apiPrefix?: string }> = async (app, { ctx, apiPrefix = '/api/v1' }) => {
  // This plugin only: keep the raw body for the signature, then parse it.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done) => {
    request.inboxRawBody = body;
    if (body.length === 0) return done(null, {});
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      done(new ApiError(400, 'invalid_json', { id: 'Isi permintaan bukan JSON yang sah.', en: 'The request body is not valid JSON.' }), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done) => {
    request.inboxRawBody = body;
    done(null, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  });

  const readers = requireStaff({ action: 'inbox.read' });
  const triage = requireStaff({ action: 'inbox.triage' });

  app.post(
    '/inbox/webhooks/sms',
    {
      schema: {
        tags: ['inbox'],
        summary: 'SMS gateway webhook (Twilio-style form post, signed with X-Twilio-Signature: Base64 HMAC-SHA1 of the URL and sorted parameters)',
        consumes: ['application/x-www-form-urlencoded'],
        body: smsWebhookBody,
        response: { 200: binary('An empty TwiML answer'), 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const sms = inboxSetup().config.sms;
      if (!sms) throw notConfigured('SMS');
      const header = request.headers['x-twilio-signature'];
      if (!smsSignatureValid(sms.authToken, sms.webhookUrl, request.body, typeof header === 'string' ? header : undefined)) throw badSignature();
      await receive(ctx, smsMessages(request.body));
      return reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    },
  );

  app.get(
    '/inbox/webhooks/whatsapp',
    {
      schema: {
        tags: ['inbox'],
        summary: "WhatsApp webhook verification: answers hub.challenge when hub.verify_token is this server's",
        querystring: verifyQuery,
        response: { 200: binary('The challenge, as text'), 403: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const wa = inboxSetup().config.whatsapp;
      if (!wa) throw notConfigured('WhatsApp');
      const q = request.query;
      if (q['hub.mode'] !== 'subscribe' || !wa.verifyToken || q['hub.verify_token'] !== wa.verifyToken) {
        throw new ApiError(403, 'verify_token_mismatch', { id: 'Token verifikasi tidak cocok.', en: 'The verify token does not match.' });
      }
      return reply.type('text/plain').send(q['hub.challenge'] ?? '');
    },
  );

  app.post(
    '/inbox/webhooks/whatsapp',
    {
      schema: {
        tags: ['inbox'],
        summary: 'WhatsApp Business Cloud API webhook (signed with X-Hub-Signature-256: HMAC-SHA256 of the raw body with the app secret)',
        body: z.unknown(),
        response: { 200: z.object({ accepted: z.number(), duplicates: z.number() }), 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const wa = inboxSetup().config.whatsapp;
      if (!wa) throw notConfigured('WhatsApp');
      const header = request.headers['x-hub-signature-256'];
      if (!whatsappSignatureValid(wa.appSecret, request.inboxRawBody ?? Buffer.alloc(0), typeof header === 'string' ? header : undefined)) throw badSignature();
      // Checked only once the signature holds: nothing unsigned is even read.
      const parsed = whatsappWebhookBody.safeParse(request.body);
      if (!parsed.success) throw new ApiError(400, 'validation_failed', { id: 'Isi webhook WhatsApp tidak dikenali.', en: 'The WhatsApp webhook body is not recognised.' });
      return receive(ctx, whatsappMessages(parsed.data));
    },
  );

  app.get(
    '/inbox/conversations',
    { preHandler: readers, schema: { tags: ['inbox'], summary: 'SMS/WhatsApp conversations in your territory, newest first', querystring: listQuery, response: { 200: listResponse } } },
    async (request) => conversationList(ctx, staffContext(request), request.query),
  );

  app.get(
    '/inbox/conversations/:id',
    { preHandler: readers, schema: { tags: ['inbox'], summary: 'One conversation: messages, media, outbox', params: idParams, querystring: languageQuery, response: { 200: detailResponse, 404: errorResponseSchema } } },
    async (request) => conversationDetail(ctx, staffContext(request), request.params.id, apiPrefix),
  );

  app.get(
    '/inbox/media/:id',
    {
      preHandler: readers,
      schema: { tags: ['inbox'], summary: 'A media file of a conversation in your territory (original, or ?copy=public without metadata)', params: idParams, querystring: mediaQuery, response: { 200: binary('The file'), 404: errorResponseSchema } },
    },
    async (request, reply) => {
      const file = await mediaFile(ctx, staffContext(request), request.params.id, request.query.copy);
      fileHeaders(reply, file.mimeType, 'inline', file.fileName);
      return reply.send(file.stream);
    },
  );

  app.post(
    '/inbox/conversations/:id/region',
    { preHandler: triage, schema: { tags: ['inbox'], summary: 'Set the region a conversation is about (inside your scope)', params: idParams, querystring: languageQuery, body: regionBody, response: { 200: z.object({ id: z.string(), regionCode: z.string(), regionName: z.string() }), 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema } } },
    async (request) => setRegion(ctx, staffContext(request), request.params.id, request.body.regionCode),
  );

  app.post(
    '/inbox/conversations/:id/reply',
    { preHandler: triage, schema: { tags: ['inbox'], summary: 'Reply through the channel the messages came from (outbox, retried)', params: idParams, querystring: languageQuery, body: replyBody, response: { 201: z.object({ id: z.string(), outboxId: z.string() }), 400: errorResponseSchema, 404: errorResponseSchema } } },
    async (request, reply) => reply.status(201).send(await reply_(request)),
  );
  const reply_ = (request: FastifyRequest<{ Params: { id: string }; Body: { text: string } }>) => reply(ctx, staffContext(request), request.params.id, request.body.text);

  app.post(
    '/inbox/conversations/:id/dismiss',
    { preHandler: triage, schema: { tags: ['inbox'], summary: 'Dismiss a conversation with a reason', params: idParams, querystring: languageQuery, body: dismissBody, response: { 200: z.object({ id: z.string(), status: z.literal('dismissed') }), 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema } } },
    async (request) => dismiss(ctx, staffContext(request), request.params.id, request.body.reason),
  );
};
