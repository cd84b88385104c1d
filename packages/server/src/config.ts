/**
 * Runtime configuration from the environment. Every setting has a default that makes
 * `npm start` work on a fresh machine; production overrides them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  port: number;
  host: string;
  /** An external PostgreSQL; when absent Netra runs its own embedded one. */
  databaseUrl: string | null;
  /** DATABASE_READ_URL: a streaming replica for dashboards, public pages and large exports (optional). */
  readDatabaseUrl: string | null;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  embeddedPostgresPort: number;
  /** Load fictional demo data on first start. */
  demoData: boolean;
  /** The built web app served at /. */
  webDist: string;
  /** NETRA_TRUST_PROXY: proxies whose X-Forwarded-For is believed ("127.0.0.1,10.0.0.0/8", a hop count, or "true"). */
  trustProxy: TrustProxy;
}

export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

function parseTrustProxy(value: string | undefined): TrustProxy {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(REPO_ROOT, env.NETRA_DATA_DIR ?? '.netra');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    readDatabaseUrl: env.DATABASE_READ_URL || null,
    dataDir,
    embeddedPostgresPort: Number(env.NETRA_PG_PORT ?? 54329),
    demoData: env.NETRA_DEMO !== '0',
    webDist: path.resolve(REPO_ROOT, env.NETRA_WEB_DIST ?? 'packages/web/dist'),
    trustProxy: parseTrustProxy(env.NETRA_TRUST_PROXY),
  };
}

/**
 * The SMS gateway and the WhatsApp Business Cloud API behind the inbox (issue 17). Without a
 * channel's secret its webhook refuses every request (503), so nothing unsigned is ever taken in.
 */
export interface InboxEnv {
  sms: { accountSid: string; authToken: string; from: string; webhookUrl: string; apiUrl: string } | null;
  whatsapp: { appSecret: string; verifyToken: string; accessToken: string; phoneNumberId: string; graphUrl: string } | null;
  /** Receiving number → the region it serves (NETRA_INBOX_NUMBERS "+62811…=35.10,…"). */
  numbers: Record<string, string>;
}

export function inboxEnv(env: NodeJS.ProcessEnv = process.env): InboxEnv {
  const publicUrl = (env.NETRA_PUBLIC_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
  const token = env.NETRA_SMS_AUTH_TOKEN?.trim();
  const appSecret = env.NETRA_WHATSAPP_APP_SECRET?.trim();
  const numbers: Record<string, string> = {};
  for (const pair of (env.NETRA_INBOX_NUMBERS ?? '').split(',')) {
    const [number, region] = pair.split('=').map((s) => s.trim());
    if (number && region) numbers[number.replace(/[^\d]/g, '')] = region;
  }
  return {
    sms: token
      ? {
          accountSid: env.NETRA_SMS_ACCOUNT_SID?.trim() ?? '',
          authToken: token,
          from: env.NETRA_SMS_FROM?.trim() ?? '',
          webhookUrl: env.NETRA_SMS_WEBHOOK_URL?.trim() || `${publicUrl}/api/v1/inbox/webhooks/sms`,
          apiUrl: (env.NETRA_SMS_API_URL?.trim() || 'https://api.twilio.com').replace(/\/+$/, ''),
        }
      : null,
    whatsapp: appSecret
      ? {
          appSecret,
          verifyToken: env.NETRA_WHATSAPP_VERIFY_TOKEN?.trim() ?? '',
          accessToken: env.NETRA_WHATSAPP_ACCESS_TOKEN?.trim() ?? '',
          phoneNumberId: env.NETRA_WHATSAPP_PHONE_NUMBER_ID?.trim() ?? '',
          graphUrl: (env.NETRA_WHATSAPP_GRAPH_URL?.trim() || 'https://graph.facebook.com/v21.0').replace(/\/+$/, ''),
        }
      : null,
    numbers,
  };
}
