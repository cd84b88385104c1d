/**
 * Choosing the storage driver from the environment:
 *
 * | variable | meaning |
 * |---|---|
 * | `NETRA_STORAGE` | `local` (default) or `s3` |
 * | `NETRA_S3_BUCKET` | the bucket (required for `s3`) |
 * | `NETRA_S3_ENDPOINT` | an S3-compatible service other than AWS (path-style addressing) |
 * | `NETRA_S3_REGION` | default `us-east-1` |
 * | `NETRA_S3_PREFIX` | key prefix inside the bucket, e.g. `netra/` |
 * | `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` | credentials (or any other source the AWS SDK knows) |
 */
import type { FileStore } from './file-store.ts';
import { localFileStore } from './local-store.ts';
import { s3FileStore } from './s3-store.ts';

export function fileStoreFromEnv(localRoot: string, env: NodeJS.ProcessEnv = process.env): FileStore {
  const driver = env.NETRA_STORAGE || 'local';
  if (driver === 'local') return localFileStore(localRoot);
  if (driver !== 's3') throw new Error(`NETRA_STORAGE must be "local" or "s3", not "${driver}"`);
  if (!env.NETRA_S3_BUCKET) throw new Error('NETRA_STORAGE=s3 needs NETRA_S3_BUCKET (and NETRA_S3_ENDPOINT for a store other than AWS)');
  return s3FileStore({
    bucket: env.NETRA_S3_BUCKET,
    prefix: env.NETRA_S3_PREFIX || undefined,
    endpoint: env.NETRA_S3_ENDPOINT || undefined,
    region: env.NETRA_S3_REGION || undefined,
    // Read from the environment given (tests pass their own); otherwise the SDK's default chain.
    credentials:
      env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } : undefined,
  });
}
