import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitIncoming, receiveUpload, storedPath, storeBuffer, sweepIncoming, UploadTooLargeError } from './evidence-store.ts';
import { localFileStore } from './local-store.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netra-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('the content-addressed evidence store', () => {
  it('streams an upload in, hashes it, and stores it once under its hash', async () => {
    const bytes = Buffer.from('bukti fiktif '.repeat(1000));
    const first = await receiveUpload(dir, Readable.from([bytes.subarray(0, 5000), bytes.subarray(5000)]), 1_000_000, 'file');
    expect(first).toMatchObject({ sha256: sha256(bytes), sizeBytes: bytes.length });
    const key = await commitIncoming(localFileStore(dir), first);
    expect(key).toBe(`sha256/${sha256(bytes).slice(0, 2)}/${sha256(bytes)}`);
    expect(fs.readFileSync(storedPath(dir, key)).equals(bytes)).toBe(true);
    // The same bytes again: the same key, nothing left in incoming/.
    const again = await receiveUpload(dir, Readable.from([bytes]), 1_000_000, 'file');
    expect(await commitIncoming(localFileStore(dir), again)).toBe(key);
    expect(fs.readdirSync(path.join(dir, 'incoming'))).toEqual([]);
    expect((await storeBuffer(localFileStore(dir), bytes)).key).toBe(key);
  });

  it('stops an upload at its limit and leaves no partial file', async () => {
    await expect(receiveUpload(dir, Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000, 'total')).rejects.toEqual(new UploadTooLargeError('total'));
    expect(fs.readdirSync(path.join(dir, 'incoming'))).toEqual([]);
  });

  it('refuses anything that is not a storage key', () => {
    expect(() => storedPath(dir, '../../etc/passwd')).toThrow(/Not an evidence storage key/);
    expect(() => storedPath(dir, `sha256/ab/${'a'.repeat(63)}`)).toThrow();
  });

  it('sweeps only uploads a crash left behind, a day old at least', async () => {
    fs.mkdirSync(path.join(dir, 'incoming'));
    const stale = path.join(dir, 'incoming', 'stale');
    fs.writeFileSync(stale, 'x');
    fs.writeFileSync(path.join(dir, 'incoming', 'fresh'), 'y');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    fs.utimesSync(stale, twoDaysAgo, twoDaysAgo);
    expect(await sweepIncoming(dir, 86_400_000)).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'incoming'))).toEqual(['fresh']);
  });
});
