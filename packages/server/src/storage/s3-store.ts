/**
 * The `s3` driver: files as objects in one bucket of an S3-compatible store, through
 * @aws-sdk/client-s3. Credentials come the SDK's usual way (AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY, an instance role …). Checksums are sent only where the service requires
 * them, so stores that do not know the newer flexible checksums (MinIO versions, Ceph, s3rver)
 * work as well as AWS.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { checkKey, FileNotFoundError, type FileStore } from './file-store.ts';

export interface S3StoreOptions {
  bucket: string;
  /** Prepended to every key (e.g. `netra/`), so one bucket can hold several installations. */
  prefix?: string;
  /** Another service than AWS (`http://127.0.0.1:9000`); path-style addressing is then used. */
  endpoint?: string;
  region?: string;
  forcePathStyle?: boolean;
  /** Explicit credentials (tests); otherwise the SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey || error instanceof NotFound || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

export function s3FileStore(options: S3StoreOptions): FileStore {
  const client = new S3Client({
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
    credentials: options.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 4,
  });
  const Bucket = options.bucket;
  const objectKey = (key: string) => `${options.prefix ?? ''}${checkKey(key)}`;

  return {
    driver: 's3',
    async putFile(key, localPath, contentType) {
      const { size } = await fsp.stat(localPath);
      await client.send(
        new PutObjectCommand({ Bucket, Key: objectKey(key), Body: fs.createReadStream(localPath), ContentLength: size, ContentType: contentType ?? 'application/octet-stream' }),
      );
    },
    async putBuffer(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body: bytes, ContentLength: bytes.length, ContentType: contentType ?? 'application/octet-stream' }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async open(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        return answer.Body as Readable;
      } catch (error) {
        if (isMissing(error)) throw new FileNotFoundError(key);
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
    async close() {
      client.destroy();
    },
  };
}
