/**
 * A real S3-protocol server for tests (the `s3rver` package, objects in a temporary directory),
 * on a free loopback port, with one bucket. Used by the storage driver tests and the cluster test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// s3rver ships no types; its constructor and run/close are all this file uses.
// @ts-expect-error -- untyped CommonJS package
import S3rver from 's3rver';

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** s3rver's fixed credentials. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The environment a Netra server needs to use this store. */
  env: Record<string, string>;
  directory: string;
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}

export async function startLocalS3(options: { bucket?: string; port?: number; directory?: string } = {}): Promise<LocalS3> {
  const bucket = options.bucket ?? 'netra';
  const directory = options.directory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'netra-s3-'));
  const server = new (S3rver as new (options: object) => S3rverInstance)({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    endpoint,
    bucket,
    credentials,
    directory,
    env: {
      NETRA_STORAGE: 's3',
      NETRA_S3_BUCKET: bucket,
      NETRA_S3_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    async stop() {
      await server.close();
      if (!options.directory) fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
