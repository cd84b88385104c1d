/**
 * Where Netra keeps files: evidence originals and their metadata-free public copies
 * (content-addressed, `sha256/<2 hex>/<hash>`) and export files (`exports/<id>.<format>`). One
 * interface, two drivers chosen by configuration (storage/config.ts):
 *
 * - `local` (default, as on one machine): a directory (`<data dir>/evidence`), every file
 *   fsync'd and renamed into place before the call returns;
 * - `s3`: any S3-compatible object store (AWS S3, MinIO, Ceph, s3rver in the cluster test),
 *   through @aws-sdk/client-s3. A PUT that returns has been stored by the service.
 *
 * Either way a `put*` that resolved is durable, so the database row that refers to the file may
 * commit afterwards (a file without a row is a harmless orphan; a row without a file never
 * happens). With `s3`, app servers keep nothing on their own disks but uploads in progress.
 */
import type { Readable } from 'node:stream';

export interface FileStore {
  readonly driver: 'local' | 's3';
  /** Store a finished local file under `key` (the local file is left to the caller). */
  putFile(key: string, localPath: string, contentType?: string): Promise<void>;
  putBuffer(key: string, bytes: Buffer, contentType?: string): Promise<void>;
  /**
   * Optional: move a finished local file in (it is gone afterwards), cheaper than `putFile` when
   * it is on the store's own disk: the local driver fsyncs it once (not at all when the caller
   * already did: `synced`) and renames it into place, replacing a file under the same key.
   */
  adoptFile?(key: string, localPath: string, options?: { synced?: boolean }): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** The file's bytes; rejects with FileNotFoundError when there is none. */
  open(key: string): Promise<Readable>;
  /** Remove a file; removing one that is not there is not an error. */
  remove(key: string): Promise<void>;
  /** Release connections (S3 client); the local driver holds none. */
  close(): Promise<void>;
}

export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file ${key}`);
  }
}

/** Keys are relative, lower-case paths made by Netra itself: no `..`, no leading slash. */
const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;

export function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) throw new Error(`Not a storage key: ${key}`);
  return key;
}
