/**
 * The `s3` driver: files as objects in one bucket of an S3-compatible store, through
 * @aws-sdk/client-s3. Credentials come the SDK's usual way (AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY, an instance role …). Checksums are sent only where the service requires
 * them, so stores that do not know the newer flexible checksums (MinIO versions, Ceph, s3rver)
 * work as well as AWS. The SDK is loaded when the driver is chosen, not by every start.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
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
  ['NoSuchKey', 'NotFound'].includes((error as { name?: string }).name ?? '') || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

export function s3FileStore(options: S3StoreOptions): FileStore {
  const sdk = import('@aws-sdk/client-s3');
  const client = sdk.then(
    ({ S3Client }) =>
      new S3Client({
        region: options.region ?? 'us-east-1',
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
        credentials: options.credentials,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 4,
      }),
  );
  const Bucket = options.bucket;
  const objectKey = (key: string) => `${options.prefix ?? ''}${checkKey(key)}`;

  return {
    driver: 's3',
    async putFile(key, localPath, contentType) {
      const Key = objectKey(key);
      const { size } = await fsp.stat(localPath);
      const { PutObjectCommand } = await sdk;
      await (await client).send(new PutObjectCommand({ Bucket, Key, Body: fs.createReadStream(localPath), ContentLength: size, ContentType: contentType ?? 'application/octet-stream' }));
    },
    async putBuffer(key, bytes, contentType) {
      const Key = objectKey(key);
      const { PutObjectCommand } = await sdk;
      await (await client).send(new PutObjectCommand({ Bucket, Key, Body: bytes, ContentLength: bytes.length, ContentType: contentType ?? 'application/octet-stream' }));
    },
    async exists(key) {
      const Key = objectKey(key);
      const { HeadObjectCommand } = await sdk;
      try {
        await (await client).send(new HeadObjectCommand({ Bucket, Key }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async open(key) {
      const Key = objectKey(key);
      const { GetObjectCommand } = await sdk;
      try {
        const answer = await (await client).send(new GetObjectCommand({ Bucket, Key }));
        return answer.Body as Readable;
      } catch (error) {
        if (isMissing(error)) throw new FileNotFoundError(key);
        throw error;
      }
    },
    async remove(key) {
      const Key = objectKey(key);
      const { DeleteObjectCommand } = await sdk;
      await (await client).send(new DeleteObjectCommand({ Bucket, Key }));
    },
    async close() {
      (await client).destroy();
    },
  };
}
