/**
 * Encryption at rest for the few fields that must survive a leaked database: reporters'
 * identities and staff TOTP secrets. AES-256-GCM with a key that lives outside PostgreSQL
 * (NETRA_ENCRYPTION_KEY, or a key file next to the data directory created on first start).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';

export function encrypt(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

export function decrypt(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * The key from NETRA_ENCRYPTION_KEY (base64 of 32 bytes), else from `<dir>/encryption.key`,
 * created (mode 0600) when missing. Losing this file makes encrypted fields unreadable: back it
 * up apart from the database.
 */
export function loadEncryptionKey(keyDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.NETRA_ENCRYPTION_KEY) {
    const key = Buffer.from(env.NETRA_ENCRYPTION_KEY, 'base64');
    if (key.length !== 32) throw new Error('NETRA_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  const file = path.join(keyDir, 'encryption.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}
