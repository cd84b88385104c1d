/**
 * Evidence files on disk, content-addressed: a file lives at `sha256/<first two hex>/<hash>`, so
 * the same photo sent twice is stored once, a retried upload changes nothing, and a file left
 * behind by a transaction that failed is harmless (no row refers to it; a sweep may remove it).
 *
 * Durability: every file is fsync'd, renamed into place and its directory fsync'd BEFORE the
 * database transaction that refers to it commits. A report acknowledged with 201 therefore never
 * points at a file lost in a crash (kill -9, power cut); the reverse (a file without a row) is the
 * harmless orphan above.
 *
 * Uploads arrive in a per-server `incoming/` folder first, are hashed while they stream (never
 * held whole in memory), and are moved into the store only once the request is accepted.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

export interface IncomingFile {
  /** Where the bytes wait until the request is accepted. */
  tempPath: string;
  sha256: string;
  sizeBytes: number;
}

export class UploadTooLargeError extends Error {
  constructor(readonly limit: 'file' | 'total') {
    super(`upload exceeds the ${limit} limit`);
  }
}

const incomingDir = (dir: string) => path.join(dir, 'incoming');

export function keyFor(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

/** The file behind a storage key; refuses anything that is not a key (no path tricks). */
export function storedPath(dir: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`Not an evidence storage key: ${key}`);
  return path.join(dir, key);
}

async function fsyncPath(target: string): Promise<void> {
  const handle = await fsp.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Stream an upload to `incoming/`, hashing and counting as it goes. `maxBytes` is what this file
 * may still use (its own limit or what is left of the request's total, whichever is smaller).
 */
export async function receiveUpload(dir: string, source: Readable, maxBytes: number, limitHit: 'file' | 'total'): Promise<IncomingFile> {
  await fsp.mkdir(incomingDir(dir), { recursive: true });
  const tempPath = path.join(incomingDir(dir), `${Date.now()}-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) return callback(new UploadTooLargeError(limitHit));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, fs.createWriteStream(tempPath, { mode: 0o600 }));
  } catch (error) {
    await fsp.rm(tempPath, { force: true });
    // Drain what is left so the multipart parser can carry on to the next part.
    source.resume();
    throw error;
  }
  return { tempPath, sha256: hash.digest('hex'), sizeBytes };
}

export async function discardIncoming(file: Pick<IncomingFile, 'tempPath'>): Promise<void> {
  await fsp.rm(file.tempPath, { force: true });
}

/** Make a finished temp file durable under its content key; returns the key. */
async function commitFile(dir: string, tempPath: string, sha256: string): Promise<string> {
  const key = keyFor(sha256);
  const target = storedPath(dir, key);
  const folder = path.dirname(target);
  await fsp.mkdir(folder, { recursive: true });
  if (fs.existsSync(target)) {
    // Already stored (and made durable) by an earlier upload of the same bytes.
    await fsp.rm(tempPath, { force: true });
    return key;
  }
  await fsyncPath(tempPath);
  await fsp.rename(tempPath, target);
  await fsyncPath(folder);
  return key;
}

/** Move an accepted upload into the store (fsync'd); returns its storage key. */
export function commitIncoming(dir: string, file: IncomingFile): Promise<string> {
  return commitFile(dir, file.tempPath, file.sha256);
}

/** Store bytes made on the server (a metadata-stripped copy); returns key, hash and size. */
export async function storeBuffer(dir: string, bytes: Buffer): Promise<{ key: string; sha256: string; sizeBytes: number }> {
  await fsp.mkdir(incomingDir(dir), { recursive: true });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const tempPath = path.join(incomingDir(dir), `${Date.now()}-${randomBytes(8).toString('hex')}`);
  await fsp.writeFile(tempPath, bytes, { mode: 0o600 });
  const key = await commitFile(dir, tempPath, sha256);
  return { key, sha256, sizeBytes: bytes.length };
}

export function openStored(dir: string, key: string): fs.ReadStream {
  return fs.createReadStream(storedPath(dir, key));
}

/**
 * Delete uploads left in `incoming/` by a crash mid-request (never acknowledged, so nothing refers
 * to them). Only files older than `olderThanMs`, so an upload in progress on another server
 * sharing the volume is never touched.
 */
export async function sweepIncoming(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  const folder = incomingDir(dir);
  const names = await fsp.readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(folder, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (stat?.isFile() && now - stat.mtimeMs > olderThanMs) {
      await fsp.rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
