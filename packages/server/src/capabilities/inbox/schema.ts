/** The inbox API: provider webhooks (as the providers send them) and the officers' routes. */
import { z } from 'zod';
import { REGION_CODE, stringMatching } from '../../http/validation.ts';

export const idParams = z.object({ id: z.uuid() });
export const languageQuery = z.object({ lang: z.enum(['id', 'en']).optional() });

/** Twilio-style form post: MessageSid, From, To, Body, NumMedia, MediaUrl0…, MediaContentType0… (all strings). */
export const smsWebhookBody = z.record(z.string(), z.string()).describe('application/x-www-form-urlencoded, as the SMS gateway posts it');

const waMessage = z.looseObject({
  from: z.string().max(32),
  id: z.string().max(200),
  type: z.string().max(32),
  text: z.looseObject({ body: z.string().max(5000) }).optional(),
  image: z.looseObject({ id: z.string().max(200), mime_type: z.string().max(100).optional(), caption: z.string().max(5000).optional() }).optional(),
  document: z.looseObject({ id: z.string().max(200), mime_type: z.string().max(100).optional(), caption: z.string().max(5000).optional() }).optional(),
  video: z.looseObject({ id: z.string().max(200), mime_type: z.string().max(100).optional(), caption: z.string().max(5000).optional() }).optional(),
});

/** The WhatsApp Business Cloud API's webhook notification (messages; status updates are ignored). */
export const whatsappWebhookBody = z.looseObject({
  object: z.string(),
  entry: z
    .array(
      z.looseObject({
        changes: z
          .array(
            z.looseObject({
              field: z.string(),
              value: z.looseObject({
                metadata: z.looseObject({ display_phone_number: z.string().optional(), phone_number_id: z.string().optional() }).optional(),
                messages: z.array(waMessage).max(100).optional(),
              }),
            }),
          )
          .max(100),
      }),
    )
    .max(100),
});
export type WhatsappWebhookBody = z.infer<typeof whatsappWebhookBody>;

export const verifyQuery = z.object({
  'hub.mode': z.string().max(50).optional(),
  'hub.verify_token': z.string().max(500).optional(),
  'hub.challenge': z.string().max(500).optional(),
});

export const listQuery = z.object({
  status: z.enum(['open', 'converted', 'dismissed']).default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  lang: z.enum(['id', 'en']).optional(),
});

const summary = z.object({
  id: z.string(),
  channel: z.enum(['sms', 'whatsapp']),
  sender: z.string().describe('A label that identifies nobody; the number is in the vault'),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  status: z.enum(['open', 'converted', 'dismissed']),
  lastMessageAt: z.string(),
  messageCount: z.number(),
  mediaCount: z.number(),
  preview: z.string(),
});

export const listResponse = z.object({ total: z.number(), limit: z.number(), offset: z.number(), items: z.array(summary) });

export const detailResponse = summary.omit({ lastMessageAt: true, messageCount: true, mediaCount: true, preview: true }).extend({
  regionAsked: z.boolean(),
  dismissReason: z.string().nullable(),
  reportId: z.string().nullable(),
  createdAt: z.string(),
  messages: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['in', 'out']),
      body: z.string(),
      at: z.string(),
      sentBy: z.string().nullable(),
      media: z.array(z.object({ id: z.string(), mimeType: z.string(), sizeBytes: z.number(), sha256: z.string(), url: z.string(), hasPublicCopy: z.boolean() })),
    }),
  ),
  outbox: z.array(z.object({ id: z.string(), kind: z.string(), status: z.string(), attempts: z.number(), lastError: z.string().nullable(), createdAt: z.string(), sentAt: z.string().nullable() })),
});

export const mediaQuery = z.object({ copy: z.enum(['original', 'public']).default('original') });
export const regionBody = z.object({ regionCode: stringMatching(REGION_CODE, { id: 'Kode wilayah berbentuk PP.KK, mis. 35.10', en: 'A region code looks like PP.KK, e.g. 35.10' }) });
export const replyBody = z.object({ text: z.string().trim().min(2).max(1000) });
export const dismissBody = z.object({ reason: z.string().trim().min(10).max(1000) });
