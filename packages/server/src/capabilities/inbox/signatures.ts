/**
 * How each provider signs its webhook, checked in constant time against the raw request:
 * - SMS gateway (Twilio's documented scheme): `X-Twilio-Signature` is the Base64 HMAC-SHA1, keyed
 *   with the auth token, of the full webhook URL followed by every POST parameter, sorted by
 *   name, as name + value with nothing between.
 * - WhatsApp Business Cloud API: `X-Hub-Signature-256` is `sha256=` + the hex HMAC-SHA256 of the
 *   raw body, keyed with the app secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function smsSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = url + Object.keys(params).sort().map((k) => k + params[k]).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function smsSignatureValid(authToken: string, url: string, params: Record<string, string>, header: string | undefined): boolean {
  return typeof header === 'string' && sameText(smsSignature(authToken, url, params), header);
}

export function whatsappSignature(appSecret: string, rawBody: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function whatsappSignatureValid(appSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  return typeof header === 'string' && sameText(whatsappSignature(appSecret, rawBody), header.trim().toLowerCase());
}
