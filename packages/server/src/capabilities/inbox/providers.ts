/**
 * The two message providers behind the inbox, as one interface: download a media item a webhook
 * announced, and send a text. The real ones speak Twilio's REST API (the SMS gateway; any gateway
 * with the same form post and signature works) and the WhatsApp Business Cloud API (Graph). Tests
 * replace only these with `useInbox`; everything on Netra's side (signatures, storage, evidence
 * rules, outbox, retries) runs for real.
 */
import { Readable } from 'node:stream';
import { inboxEnv, type InboxEnv } from '../../config.ts';

export type Channel = 'sms' | 'whatsapp';

export interface FetchedMedia {
  body: Readable;
  /** What the provider says it is; Netra sniffs the bytes anyway. */
  contentType: string | null;
}

export interface MessagingProvider {
  fetchMedia(ref: string): Promise<FetchedMedia>;
  /** Send `text` to `to` (digits with country code); the provider's message id. Rejects on failure, and the job retries. */
  send(to: string, text: string): Promise<string>;
}

async function ok(res: Response, what: string): Promise<Response> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status}`);
  return res;
}

const streamOf = (res: Response): Readable => Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);

export function twilioProvider(sms: NonNullable<InboxEnv['sms']>): MessagingProvider {
  const auth = `Basic ${Buffer.from(`${sms.accountSid}:${sms.authToken}`).toString('base64')}`;
  return {
    async fetchMedia(url) {
      const res = await ok(await fetch(url, { headers: { authorization: auth }, redirect: 'follow' }), 'SMS media');
      return { body: streamOf(res), contentType: res.headers.get('content-type') };
    },
    async send(to, text) {
      const form = new URLSearchParams({ To: `+${to}`, From: sms.from, Body: text });
      const res = await ok(await fetch(`${sms.apiUrl}/2010-04-01/Accounts/${sms.accountSid}/Messages.json`, { method: 'POST', headers: { authorization: auth }, body: form }), 'SMS send');
      return String(((await res.json()) as { sid?: string }).sid ?? '');
    },
  };
}

export function whatsappProvider(wa: NonNullable<InboxEnv['whatsapp']>): MessagingProvider {
  const headers = { authorization: `Bearer ${wa.accessToken}` };
  return {
    async fetchMedia(mediaId) {
      const meta = await ok(await fetch(`${wa.graphUrl}/${encodeURIComponent(mediaId)}`, { headers }), 'WhatsApp media lookup');
      const { url, mime_type } = (await meta.json()) as { url: string; mime_type?: string };
      const res = await ok(await fetch(url, { headers }), 'WhatsApp media');
      return { body: streamOf(res), contentType: mime_type ?? res.headers.get('content-type') };
    },
    async send(to, text) {
      const res = await ok(
        await fetch(`${wa.graphUrl}/${wa.phoneNumberId}/messages`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }),
        }),
        'WhatsApp send',
      );
      return String(((await res.json()) as { messages?: Array<{ id: string }> }).messages?.[0]?.id ?? '');
    },
  };
}

export interface InboxSetup {
  config: InboxEnv;
  providers: Partial<Record<Channel, MessagingProvider>>;
}

let current: InboxSetup | undefined;

function fromEnv(): InboxSetup {
  const config = inboxEnv();
  return {
    config,
    providers: {
      ...(config.sms ? { sms: twilioProvider(config.sms) } : {}),
      ...(config.whatsapp ? { whatsapp: whatsappProvider(config.whatsapp) } : {}),
    },
  };
}

export function inboxSetup(): InboxSetup {
  current ??= fromEnv();
  return current;
}

/** Replace the configuration and providers (tests); returns the previous setup. */
export function useInbox(setup: InboxSetup | undefined): InboxSetup | undefined {
  const previous = current;
  current = setup;
  return previous;
}

export function providerFor(channel: Channel): MessagingProvider {
  const provider = inboxSetup().providers[channel];
  if (!provider) throw new Error(`No ${channel} provider is configured`);
  return provider;
}
