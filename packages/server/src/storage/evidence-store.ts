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
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from './file-store.ts';

const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

export interface IncomingFile {
  /** Where the bytes wait until the request is accepted. */
  tempPath: string;
  sha256: string;
  sizeBytes: number;
  /** The first bytes (up to 4,100: what a type sniffer reads), kept while streaming: no second read of the file. */
  head?: Buffer;
  /** The whole file, when it is small (up to SMALL_BYTES): an image header is read from memory. */
  bytes?: Buffer;
  /** Its bytes were fsync'd on arrival (`receiveUpload` with `durable`): the store need not again. */
  synced?: boolean;
  /** Moved into the store (commitIncoming): nothing left in `incoming/` to discard. */
  stored?: boolean;
}

export class UploadTooLargeError extends Error {
  constructor(readonly limit: 'file' | 'total') {
    super(`upload exceeds the ${limit} limit`);
  }
}

const incomingDir = (dir: string) => path.join(dir, 'incoming');
/** What a type sniffer reads of a file (file-type's sample size). */
const HEAD_BYTES = 4100;
/** Files up to this size are also kept whole in memory while they stream (IncomingFile.bytes). */
const SMALL_BYTES = 64 * 1024;
/** Bytes gathered before one write to the temp file. */
const WRITE_BYTES = 256 * 1024;

/** Write all of `chunks` at the handle's position, in one call (a regular file may still take fewer bytes at once). */
async function writeAll(handle: fsp.FileHandle, chunks: Buffer[], total: number): Promise<void> {
  let done = (await handle.writev(chunks)).bytesWritten;
  if (done >= total) return;
  const rest = Buffer.concat(chunks, total).subarray(done);
  for (let at = 0; at < rest.length; ) at += (await handle.write(rest, at, rest.length - at)).bytesWritten;
}

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
/** `incoming/` folders known to exist (made once per process, not once per upload). */
const madeDirs = new Set<string>();

export async function receiveUpload(
  dir: string,
  source: Readable,
  maxBytes: number,
  limitHit: 'file' | 'total',
  options: { durable?: boolean } = {},
): Promise<IncomingFile> {
  const folder = incomingDir(dir);
  if (!madeDirs.has(folder)) {
    await fsp.mkdir(folder, { recursive: true });
    madeDirs.add(folder);
  }
  const tempPath = path.join(folder, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  // What is gathered for the next write; the first SMALL_BYTES are kept for the head (and the whole small file).
  let gathered: Buffer[] = [];
  let gatheredBytes = 0;
  const first: Buffer[] = [];
  // Issue 11, fifth pass: one descriptor for the whole upload (open, write, fsync when `durable`,
  // close), not a write stream's open/write/close and then the store's open/fsync/close again. It
  // is opened only once more than SMALL_BYTES arrived: a small file (a photo sent from a weak
  // signal, a scan) is written at its end with a blocking write and close of a few KB to the page
  // cache (microseconds; each thread-pool hand-off costs more on a busy server); its open and its
  // fsync, which wait for the file system, leave the event loop.
  let handle: fsp.FileHandle | null = null;
  const flush = async () => {
    if (gatheredBytes === 0) return;
    const chunks = gathered;
    const total = gatheredBytes;
    gathered = [];
    gatheredBytes = 0;
    handle ??= await fsp.open(tempPath, 'wx', 0o600);
    await writeAll(handle, chunks, total);
  };
  const writeSmall = async () => {
    const bytes = Buffer.concat(gathered, gatheredBytes);
    gathered = [];
    gatheredBytes = 0;
    // The open leaves the event loop (issue 11, sixth pass): creating a file waits for the file
    // system's journal, which the other uploads' fsyncs keep busy: profiled, a blocking open held
    // the event loop 1.4-2.2 ms a report on a loaded machine (a fifth of its busy time).
    const fd = await new Promise<number>((resolve, reject) => fs.open(tempPath, 'wx', 0o600, (error, opened) => (error ? reject(error) : resolve(opened))));
    try {
      for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
      if (options.durable) await new Promise<void>((resolve, reject) => fs.fsync(fd, (error) => (error ? reject(error) : resolve())));
    } finally {
      fs.closeSync(fd);
    }
  };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (sizeBytes < SMALL_BYTES) first.push(chunk.subarray(0, SMALL_BYTES - sizeBytes));
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) return callback(new UploadTooLargeError(limitHit));
      hash.update(chunk);
      gathered.push(chunk);
      gatheredBytes += chunk.length;
      if (gatheredBytes < WRITE_BYTES && (handle === null ? sizeBytes <= SMALL_BYTES : true)) return callback();
      flush().then(() => callback(), callback);
    },
    final(callback) {
      (handle === null && sizeBytes <= SMALL_BYTES ? writeSmall() : flush().then(() => (options.durable ? handle!.sync() : undefined))).then(() => callback(), callback);
    },
  });
  let failed = false;
  try {
    await pipeline(source, sink);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await (handle as fsp.FileHandle | null)?.close().catch(() => {});
    if (failed) {
      await fsp.rm(tempPath, { force: true });
      // Drain what is left so the multipart parser can carry on to the next part.
      source.resume();
    }
  }
  const kept = Buffer.concat(first);
  return {
    tempPath,
    sha256: hash.digest('hex'),
    sizeBytes,
    head: kept.subarray(0, HEAD_BYTES),
    ...(sizeBytes <= SMALL_BYTES ? { bytes: kept } : {}),
    ...(options.durable ? { synced: true } : {}),
  };
}

export async function discardIncoming(file: Pick<IncomingFile, 'tempPath' | 'stored'>): Promise<void> {
  if (file.stored) return;
  await fsp.rm(file.tempPath, { force: true });
}

/** Move an accepted upload into the store (durable when this resolves); returns its storage key. */
export async function commitIncoming(files: FileStore, file: IncomingFile): Promise<string> {
  const key = keyFor(file.sha256);
  let adopted = false;
  try {
    // Already fsync'd and adopted by a local store: renamed into place, over an earlier upload of
    // the same bytes if there is one (the same content, atomically), with no check first.
    if (file.synced && files.adoptFile) {
      await files.adoptFile(key, file.tempPath, { synced: true });
      adopted = true;
      return key;
    }
    // Already stored (and made durable) by an earlier upload of the same bytes.
    if (await files.exists(key)) return key;
    if (files.adoptFile) {
      await files.adoptFile(key, file.tempPath);
      adopted = true;
    } else await files.putFile(key, file.tempPath);
  } finally {
    // An adopted file was renamed into the store: nothing left to remove.
    if (!adopted) await fsp.rm(file.tempPath, { force: true });
    file.stored = true;
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
