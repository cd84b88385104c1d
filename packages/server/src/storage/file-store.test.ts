/**
 * The same contract for both drivers: the local directory and a real S3-protocol server (s3rver
 * on loopback). What goes in comes back byte for byte, a missing file is FileNotFoundError, keys
 * that could escape the store are refused, and the chosen driver follows the environment.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../testing/s3rver.ts';
import { fileStoreFromEnv } from './config.ts';
import { commitIncoming, keyFor, openStored, receiveUpload, storeBuffer } from './evidence-store.ts';
import { FileNotFoundError, type FileStore } from './file-store.ts';
import { localFileStore } from './local-store.ts';
import { s3FileStore } from './s3-store.ts';

let s3: LocalS3;
const localRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-store-'));

beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(localRoot, { recursive: true, force: true });
});

const drivers: Array<[string, () => FileStore]> = [
  ['local', () => localFileStore(localRoot)],
  ['s3', () => s3FileStore({ bucket: s3.bucket, endpoint: s3.endpoint, credentials: s3.credentials, prefix: 'test/' })],
];

describe.each(drivers)('%s driver', (_name, make) => {
  it('stores a buffer and a file and reads them back byte for byte', async () => {
    const store = make();
    const bytes = randomBytes(300_000);
    await store.putBuffer('exports/a1.csv', bytes, 'text/csv');
    expect(await store.exists('exports/a1.csv')).toBe(true);
    expect((await buffer(await store.open('exports/a1.csv'))).equals(bytes)).toBe(true);

    const local = path.join(localRoot, `source-${Date.now()}`);
    fs.writeFileSync(local, bytes.subarray(0, 1000));
    await store.putFile('exports/a2.xlsx', local);
    expect(fs.existsSync(local)).toBe(true);
    expect((await buffer(await store.open('exports/a2.xlsx'))).equals(bytes.subarray(0, 1000))).toBe(true);
    await store.close();
  });

  it('a missing file is FileNotFoundError, and removing twice is no error', async () => {
    const store = make();
    await store.putBuffer('exports/gone.csv', Buffer.from('x'));
    await store.remove('exports/gone.csv');
    await store.remove('exports/gone.csv');
    expect(await store.exists('exports/gone.csv')).toBe(false);
    await expect(store.open('exports/gone.csv')).rejects.toBeInstanceOf(FileNotFoundError);
    await store.close();
  });

  it('refuses keys that could leave the store', async () => {
    const store = make();
    for (const key of ['../etc/passwd', '/abs', 'exports/../../x', 'Exports/A', '']) {
      await expect(store.putBuffer(key, Buffer.from('x'))).rejects.toThrow(/Not a storage key/);
    }
    await store.close();
  });

  it('evidence: an upload is committed under its hash once, its temp file removed', async () => {
    const store = make();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-incoming-'));
    const photo = randomBytes(50_000);
    const first = await receiveUpload(scratch, (await import('node:stream')).Readable.from([photo]), 1_000_000, 'file');
    const key = await commitIncoming(store, first);
    expect(key).toBe(keyFor(first.sha256));
    expect(fs.existsSync(first.tempPath)).toBe(false);
    const again = await receiveUpload(scratch, (await import('node:stream')).Readable.from([photo]), 1_000_000, 'file');
    expect(await commitIncoming(store, again)).toBe(key);
    expect((await buffer(await openStored(store, key))).equals(photo)).toBe(true);
    const copy = await storeBuffer(store, Buffer.from('copy'));
    expect(copy.key).toBe(keyFor(copy.sha256));
    expect(() => openStored(store, 'exports/a1.csv')).toThrow(/Not an evidence storage key/);
    fs.rmSync(scratch, { recursive: true, force: true });
    await store.close();
  });
});

describe('driver from the environment', () => {
  it('is local by default and s3 when asked, with a clear message when the bucket is missing', async () => {
    expect(fileStoreFromEnv(localRoot, {}).driver).toBe('local');
    expect(fileStoreFromEnv(localRoot, { NETRA_STORAGE: 's3', NETRA_S3_BUCKET: 'b', NETRA_S3_ENDPOINT: s3.endpoint }).driver).toBe('s3');
    expect(() => fileStoreFromEnv(localRoot, { NETRA_STORAGE: 's3' })).toThrow(/NETRA_S3_BUCKET/);
    expect(() => fileStoreFromEnv(localRoot, { NETRA_STORAGE: 'ftp' })).toThrow(/local.*s3/);
  });

  it('the s3 driver really writes to the object store (s3rver keeps the object in its directory)', async () => {
    const store = fileStoreFromEnv(localRoot, { ...s3.env });
    await store.putBuffer('exports/env.csv', Buffer.from('from env'));
    const found = fs.readdirSync(s3.directory, { recursive: true }).map(String).filter((f) => f.includes('env.csv'));
    expect(found.length).toBeGreaterThan(0);
    await store.close();
  });
});

describe('local driver: folders', () => {
  it('a folder that is missing, new or removed by hand while the server runs, is made when a file goes into it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-store-dirs-'));
    const store = localFileStore(root);
    try {
      await store.putBuffer('exports/one.csv', Buffer.from('one'));
      fs.rmSync(path.join(root, 'exports'), { recursive: true, force: true });
      await store.putBuffer('exports/two.csv', Buffer.from('two'));
      expect((await buffer(await store.open('exports/two.csv'))).toString()).toBe('two');
      expect(fs.readdirSync(path.join(root, '.tmp'))).toEqual([]);
    } finally {
      await store.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
