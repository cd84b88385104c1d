/**
 * Evidence files, content-addressed: a file lives under the key `sha256/<first two hex>/<hash>` in
 * the file store (file-store.ts: a local directory or S3-compatible object storage), so
 * the same photo sent twice is stored once, a retried upload changes nothing, and a file left
 * behind by a transaction that failed is harmless (no row refers to it; a sweep may remove it).
 *
 * Durability: every file is durable in the store (fsync'd and renamed into place, or PUT to the
 * object store) BEFORE the database transaction that refers to it commits. A report acknowledged with 201 therefore never
 * points at a file lost in a crash (kill -9, power cut); the reverse (a file without a row) is the
 * harmless orphan above.
 *
 * Uploads arrive in a per-server `incoming/` folder (local disk) first, are hashed while they stream (never
 * held whole in memory), and are moved into the store only once the request is accepted.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from './file-store.ts';

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

/** The file behind a storage key in a `local` store's directory; refuses anything that is not a key. */
export function storedPath(dir: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`Not an evidence storage key: ${key}`);
  return path.join(dir, key);
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

/** Move an accepted upload into the store (durable when this resolves); returns its storage key. */
export async function commitIncoming(files: FileStore, file: IncomingFile): Promise<string> {
  const key = keyFor(file.sha256);
  try {
    // Already stored (and made durable) by an earlier upload of the same bytes.
    if (!(await files.exists(key))) await files.putFile(key, file.tempPath);
  } finally {
    await fsp.rm(file.tempPath, { force: true });
  }
  return key;
}

/** Store bytes made on the server (a metadata-stripped copy); returns key, hash and size. */
export async function storeBuffer(files: FileStore, bytes: Buffer): Promise<{ key: string; sha256: string; sizeBytes: number }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = keyFor(sha256);
  if (!(await files.exists(key))) await files.putBuffer(key, bytes);
  return { key, sha256, sizeBytes: bytes.length };
}

/** A stored evidence file's bytes (the key is checked first: no path tricks). */
export function openStored(files: FileStore, key: string): Promise<Readable> {
  if (!KEY.test(key)) throw new Error(`Not an evidence storage key: ${key}`);
  return files.open(key);
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
